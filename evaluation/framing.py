"""Framing lean on hand-annotated fa-kes articles (evaluation/framing/leans.jsonl over ../shared/eval/fa-kes).

Each line of leans.jsonl names a fa-kes dev article (unit_id) and the lean a reader gave its own wording (``SYR``,
``Syrian opposition`` or ``neutral``; rules in evaluation/framing/GUIDELINES.md). The article is built as its title, a
blank line and its content, published on the CSV date (m/d/yy), and annotated with the full pipeline; its predicted
lean is ``record.framing.lean``. Reports accuracy over all articles, over the first ``TUNED`` lines (the part the
lexicon was tuned on) and over the rest (held out), a confusion matrix, per-outlet accuracy and the misclassified
articles with the markers found; writes evaluation/results/framing.json.

Usage: PYTHONPATH=src python evaluation/framing.py
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from fogofwar.pipeline import Annotator
from fogofwar.read import parse_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "fa-kes" / "fakes-dev.csv"
LEANS = ROOT / "evaluation" / "framing" / "leans.jsonl"
RESULT = ROOT / "evaluation" / "results" / "framing.json"

#: The first TUNED annotated articles are the ones whose errors the lexicon was tuned on; the rest are held out.
TUNED = 25

#: The labels, in the order of the confusion matrix.
LABELS = ("SYR", "Syrian opposition", "neutral")


def accuracy(pairs: list[tuple[str, str]]) -> float:
    """Share of (gold, predicted) pairs that agree."""
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def main() -> int:
    gold = [json.loads(line) for line in LEANS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = {row["unit_id"]: row for row in csv.DictReader(handle)}
    articles = []
    for entry in gold:
        row = rows[entry["unit_id"]]
        published = datetime.strptime(row["date"], "%m/%d/%y").date().isoformat()
        text = f"{row['article_title'].strip()}\n\n{row['article_content'].strip()}"
        articles.append(parse_text(text, path=f"fa-kes:{entry['unit_id']}", published=published))
    annotator = Annotator()
    results: list[dict[str, Any]] = []
    for entry, record in zip(gold, annotator.annotate(articles), strict=True):
        framing = record.framing
        results.append(
            {
                "unit_id": entry["unit_id"],
                "outlet": entry["outlet"],
                "gold": entry["lean"],
                "predicted": framing.lean,
                "score": framing.score,
                "markers": [f"{m.text} -> {m.favours} ({m.voice})" for m in framing.markers],
            }
        )
    pairs = [(r["gold"], r["predicted"]) for r in results]
    confusion = Counter(pairs)
    outlets: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in results:
        outlets[r["outlet"]].append((r["gold"], r["predicted"]))
    misses = [r for r in results if r["gold"] != r["predicted"]]
    result = {
        "articles": len(results),
        "accuracy": round(accuracy(pairs), 3),
        "accuracy_tuned": round(accuracy(pairs[:TUNED]), 3),
        "accuracy_held_out": round(accuracy(pairs[TUNED:]), 3),
        "tuned": len(pairs[:TUNED]),
        "held_out": len(pairs[TUNED:]),
        "gold_leans": dict(Counter(g for g, _ in pairs)),
        "confusion": {g: {p: confusion[(g, p)] for p in LABELS} for g in LABELS},
        "per_outlet": {o: {"n": len(v), "accuracy": round(accuracy(v), 3)} for o, v in sorted(outlets.items())},
        "misses": misses,
        "articles_detail": results,
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{len(pairs)} articles; lean accuracy {result['accuracy']:.3f} "
        f"(tuned {result['accuracy_tuned']:.3f} on {result['tuned']}, "
        f"held out {result['accuracy_held_out']:.3f} on {result['held_out']})"
    )
    print(f"{'gold / predicted':<20}" + "".join(f"{label:>20}" for label in LABELS))
    for g in LABELS:
        print(f"{g:<20}" + "".join(f"{confusion[(g, p)]:>20}" for p in LABELS))
    print("per outlet:", ", ".join(f"{o} {v['accuracy']:.2f}/{v['n']}" for o, v in result["per_outlet"].items()))
    for r in misses:
        part = "tuned" if results.index(r) < TUNED else "held-out"
        print(f"  {r['unit_id']} {r['outlet']:<14} gold {r['gold']:<18} got {r['predicted']:<18} [{part}]")
        for marker in r["markers"]:
            print(f"      {marker}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
