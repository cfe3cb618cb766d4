"""Where did the event happen? Halterman's event-location gold (../shared/eval/event-location-halterman).

Each gold record is one sentence with a marked event verb (captured, killed, shelled...) and the LOCATION spans that
are where that event happened (none for some sentences). Only the 496 relabelled gold-standard records
(``source == 'RELABEL'``) are used. The pipeline reads each sentence; a place it marks with role ``event`` is a true
positive when it overlaps a gold LOCATION span. Reported: precision, recall and F1 of event places over spans; the
same for every detected place whatever its role (detection alone, the ceiling for the role); and how often a sentence
with no gold location gets no event place.

Span offsets are taken from the token indices (``token_start``/``token_end``), because in many relabelled records
the character offsets are token indices (see SOURCE.md).

Usage: PYTHONPATH=src python evaluation/event_location.py
Writes evaluation/results/event_location.json.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

from fogofwar.pipeline import Annotator
from fogofwar.read import parse_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "event-location-halterman" / "labeled_text.jsonl.zip"
RESULT = ROOT / "evaluation" / "results" / "event_location.json"


def load() -> list[dict[str, Any]]:
    """The relabelled gold records, each with its gold location character spans."""
    with zipfile.ZipFile(DATA) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsonl") and "__MACOSX" not in n)
        records = json.loads(archive.read(name))
    gold = []
    for record in records:
        if record.get("source") != "RELABEL" or not record.get("text"):
            continue
        tokens = record.get("tokens") or []
        spans = []
        for span in record.get("spans") or ():
            if span.get("label") != "LOCATION":
                continue
            first, last = tokens[span["token_start"]], tokens[span["token_end"]]
            spans.append((first["start"], last["end"]))
        gold.append({"id": record.get("_id"), "text": record["text"], "locations": spans})
    return gold


def f1(ok_pred: int, pred: int, ok_gold: int, gold: int) -> dict[str, float]:
    """Precision, recall and F1 from matched counts."""
    p = ok_pred / pred if pred else 0.0
    r = ok_gold / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def main() -> int:
    records = load()
    annotator = Annotator()
    articles = [parse_text(r["text"], path=str(r["id"])) for r in records]
    tallies = {"event": [0, 0, 0, 0], "any": [0, 0, 0, 0]}  # matched pred, pred, matched gold, gold
    quiet_right = quiet = 0
    misses: list[str] = []
    for record, (article, doc) in zip(records, annotator.docs(articles), strict=True):
        shift = max(article.text.find(record["text"][:40]), 0)
        gold = [(s + shift, e + shift) for s, e in record["locations"]]
        places = list(doc._.places or ())
        for which, chosen in (("event", [p for p in places if p.role == "event"]), ("any", places)):
            tally = tallies[which]

            def overlaps(place: Any, span: tuple[int, int]) -> bool:
                return bool(place.evidence.start < span[1] and span[0] < place.evidence.end)

            tally[0] += sum(any(overlaps(p, g) for g in gold) for p in chosen)
            tally[1] += len(chosen)
            tally[2] += sum(any(overlaps(p, g) for p in chosen) for g in gold)
            tally[3] += len(gold)
            if which == "event":
                found = [g for g in gold if not any(overlaps(p, g) for p in chosen)]
                misses += [f"{record['id']}: {article.text[s:e]}" for s, e in found]
        if not gold:
            quiet += 1
            quiet_right += not any(p.role == "event" for p in places)
    results = {
        "records": len(records),
        "with_location": sum(bool(r["locations"]) for r in records),
        "event_places": f1(*tallies["event"]),
        "detected_places": f1(*tallies["any"]),
        "no_location_sentences_without_event_place": round(quiet_right / quiet, 4) if quiet else None,
        "misses": misses,
    }
    print(f"{'places':<16} {'P':>6} {'R':>6} {'F1':>6}")
    for key in ("event_places", "detected_places"):
        r = results[key]
        print(f"{key:<16} {r['p']:>6.3f} {r['r']:>6.3f} {r['f']:>6.3f}")
    print(f"sentences with no gold location and no event place: {results['no_location_sentences_without_event_place']}")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
