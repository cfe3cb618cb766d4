"""CAMEO root codes on the PETRARCH2 unit-test records (../shared/eval/petrarch2-unittests).

The records use fictional actors, so this measures the coder's mechanics only: for each gold event coding with a
CAMEO root (01-20), is that root among the roots of the events fogofwar finds in the sentence, mapped through the
PLOVER -> CAMEO crosswalk (fogofwar/data/plover.json)? Reports recall of gold codings, precision of predicted roots,
and writes evaluation/results/petrarch.json.

Usage: PYTHONPATH=src python evaluation/petrarch.py
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from fogofwar.crosswalk import cameo_root
from fogofwar.pipeline import Annotator
from fogofwar.read import parse_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "petrarch2-unittests" / "PETR.UnitTest.records.xml"
RESULT = ROOT / "evaluation" / "results" / "petrarch.json"

#: CAMEO root codes run from 01 to 20; the unit tests also use made-up codes (22, 90...) for their own checks.
CAMEO_ROOTS = {f"{i:02d}" for i in range(1, 21)}


def main() -> int:
    sentences = ET.parse(DATA).getroot().find("Sentences").findall("Sentence")
    records = []
    for s in sentences:
        text = " ".join((s.findtext("Text") or "").split())
        roots = [e.get("eventcode", "")[:2] for e in s.findall("EventCoding")]
        roots = [r for r in roots if r in CAMEO_ROOTS]
        if text and roots:
            records.append((s.get("id"), text, roots))
    annotator = Annotator()
    found = judged = predicted_ok = predicted = 0
    confusion: Counter[str] = Counter()
    articles = [parse_text(text, path=sid) for sid, text, _ in records]
    for (_, _, roots), (_, doc) in zip(records, annotator.docs(articles), strict=True):
        guesses = {cameo_root(e.type, e.mode) for e in doc._.events or ()}
        judged += len(roots)
        found += sum(r in guesses for r in roots)
        predicted += len(guesses)
        predicted_ok += len(guesses & set(roots))
        for r in roots:
            if r not in guesses:
                confusion[f"{r}->{'/'.join(sorted(guesses)) or 'none'}"] += 1
    result = {
        "sentences": len(records),
        "gold_codings": judged,
        "root_recall": round(found / judged, 3),
        "root_precision": round(predicted_ok / predicted, 3) if predicted else 0.0,
        "missed": confusion.most_common(20),
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(
        f"{len(records)} sentences, {judged} gold codings with a CAMEO root: matched {found} "
        f"(recall {result['root_recall']:.3f}); predicted-root precision {result['root_precision']:.3f}"
    )
    print("most missed:", ", ".join(f"{k} x{n}" for k, n in result["missed"][:10]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
