"""PLOVER event types on the PLOVER gold-standard records (../shared/eval/plover-gsr).

Each record is one sentence with one gold event type. The sentence's predicted type is that of the event whose
trigger stands highest in the parse (nearest the root, purpose clauses such as "to demand" after the rest): the main
clause's event. Older PLOVER names are mapped to
the 16 POLECAT types with the crosswalk in fogofwar/data/plover.json (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE
-> ACCUSE, FIGHT -> ASSAULT). Reports per-type precision/recall/F1, macro F1 over the gold types, and accuracy;
and, on sentences whose main event is found, actor and recipient country accuracy: the gold's source (target) codes
that are ISO 3166 alpha-3 countries against the predicted actor's (recipient's) country, or that of the body a person
speaks for; judged where the gold names a country. Writes evaluation/results/plover.json.

Usage: PYTHONPATH=src python evaluation/plover.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pycountry

from fogofwar.crosswalk import plover_type
from fogofwar.pipeline import Annotator
from fogofwar.read import parse_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
RESULT = ROOT / "evaluation" / "results" / "plover.json"

#: Every ISO 3166 alpha-3 code: gold codes outside it (IGOs, sub-state codes) are not judged.
ISO3 = frozenset(c.alpha_3 for c in pycountry.countries)


def rank(doc, evidence) -> tuple[int, bool]:
    """How far a trigger stands from the main clause: its depth in the parse, purpose clauses ("to demand") last."""
    token = doc.char_span(evidence.start, evidence.end, alignment_mode="expand").root
    purpose = token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    steps = 0
    while token.head.i != token.i:
        token, steps = token.head, steps + 1
    return steps, purpose


def gold_countries(field) -> set[str]:
    """The ISO alpha-3 country codes of a gold source or target (other codes, such as IGOs, are not judged)."""
    if not isinstance(field, list):
        return set()
    return {a["code"] for a in field if isinstance(a, dict) and len(a.get("code", "")) == 3 and a["code"].isupper()}


def judge(tally: list[int], field, indices, actors) -> None:
    """Count one judged role: right when a predicted actor (or the body it speaks for) has a gold country."""
    expected = gold_countries(field) & ISO3
    if not expected:
        return
    found = set()
    for i in indices:
        if i is None:
            continue
        found.add(actors[i].country)
        if actors[i].affiliation is not None:
            found.add(actors[actors[i].affiliation].country)
    tally[1] += 1
    tally[0] += bool(found & expected)


def main() -> int:
    records = [r for r in json.loads(DATA.read_text(encoding="utf-8")) if r.get("event") and r.get("text")]
    annotator = Annotator()
    articles = [parse_text(r["text"].strip(" {}"), path=r["id"]) for r in records]
    gold, predicted, misses = [], [], []
    roles = {"actor": [0, 0], "recipient": [0, 0]}
    for record, (article, doc) in zip(records, annotator.docs(articles), strict=True):
        expected = plover_type(record["event"])
        events = doc._.events or []
        if events:
            main_event = min(events, key=lambda e: min(rank(doc, s) for s in e.evidence))
            guess = main_event.type
            actors = doc._.actors or []
            judge(roles["actor"], record.get("source"), [main_event.actor], actors)
            judge(roles["recipient"], record.get("target"), list(main_event.recipient), actors)
        else:
            guess = "NONE"
        gold.append(expected)
        predicted.append(guess)
        if guess != expected:
            misses.append({"id": record["id"], "gold": expected, "predicted": guess, "text": article.text[:120]})
    types = sorted(set(gold))
    per_type = {}
    for t in types:
        tp = sum(g == p == t for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == t and g != t for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == t and p != t for g, p in zip(gold, predicted, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_type[t] = {"p": round(prec, 3), "r": round(rec, 3), "f": round(f, 3), "n": tp + fn}
    macro = sum(v["f"] for v in per_type.values()) / len(per_type)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    result = {
        "records": len(gold),
        "macro_f1": round(macro, 3),
        "accuracy": round(accuracy, 3),
        "no_event": predicted.count("NONE"),
        "actor_country_acc": round(roles["actor"][0] / roles["actor"][1], 3) if roles["actor"][1] else None,
        "actor_judged": roles["actor"][1],
        "recipient_country_acc": (
            round(roles["recipient"][0] / roles["recipient"][1], 3) if roles["recipient"][1] else None
        ),
        "recipient_judged": roles["recipient"][1],
        "per_type": per_type,
        "confusions": Counter(f"{m['gold']}->{m['predicted']}" for m in misses).most_common(15),
        "misses": misses,
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(gold)} sentences; type macro F1 {macro:.3f}, accuracy {accuracy:.3f}, no event {predicted.count('NONE')}"
    )
    for t, v in per_type.items():
        print(f"  {t:<10} P {v['p']:.2f} R {v['r']:.2f} F {v['f']:.2f} (n={v['n']})")
    print(
        f"actor country accuracy {result['actor_country_acc']} (n={roles['actor'][1]}), recipient country accuracy "
        f"{result['recipient_country_acc']} (n={roles['recipient'][1]})"
    )
    print("top confusions:", ", ".join(f"{k} x{n}" for k, n in result["confusions"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
