"""Cross-article event merging on labelled FA-KES pairs (../shared/eval/fa-kes/fakes-dev.csv).

``evaluation/merge/pairs.jsonl`` holds pairs of FA-KES articles (by ``unit_id``) labelled by reading them: ``same``
when both report the same happening (the same strike, bombing or attack), ``false`` when they report different ones
(chosen hard: mostly the same province within a day or two), each with a one-line reason. The whole dev set is
annotated and stored in a fresh ledger (so merging can chain through other articles, as it would in use); a pair is
predicted ``same`` when the two articles' main events fall in one event cluster. An article's main event is its first
asserted violent mention (ASSAULT or COERCE), else its first mention. Reports pairwise precision, recall and F1, and a
second reading where any shared cluster counts; writes evaluation/results/merge.json.

Usage: PYTHONPATH=src python evaluation/merge.py
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
import time
from pathlib import Path

from fogofwar.errors import ReadError
from fogofwar.ledger import Store, store_records
from fogofwar.pipeline import Annotator
from fogofwar.read.corpus import row_to_article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "fa-kes" / "fakes-dev.csv"
PAIRS = ROOT / "evaluation" / "merge" / "pairs.jsonl"
RESULT = ROOT / "evaluation" / "results" / "merge.json"

#: Event types that report violence: the main event of a casualty report is one of them.
VIOLENT = ("ASSAULT", "COERCE")


def scores(gold: list[bool], predicted: list[bool]) -> dict[str, float | int]:
    """Pairwise precision, recall and F1 of ``same`` predictions."""
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def main() -> int:
    if not DATA.exists():
        print(f"missing {DATA}: the shared folder must sit beside the repository", file=sys.stderr)
        return 2
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids: dict[str, str] = {}
    articles = []
    for row in rows:
        try:
            article = row_to_article(row, {}, f"{DATA.name}: unit {row['unit_id']}", str(DATA))
        except ReadError:
            continue
        ids[row["unit_id"]] = article.id
        articles.append(article)
    started = time.perf_counter()
    keep = Path(sys.argv[1]) if len(sys.argv) > 1 else None  # a path to keep the ledger for inspection
    with tempfile.TemporaryDirectory() as tmp, Store(keep or Path(tmp) / "fakes.db") as store:
        report = store_records(store, Annotator().annotate(articles))
        seconds = time.perf_counter() - started
        mentions = store.query(
            "SELECT e.article_id, e.idx, e.type, e.modality, m.cluster_id FROM events e "
            "JOIN cluster_members m ON m.article_id = e.article_id AND m.event_idx = e.idx ORDER BY e.article_id, e.idx"
        )
        placed = store.scalar("SELECT count(DISTINCT article_id || ':' || event_idx) FROM event_places")
        total_mentions = store.scalar("SELECT count(*) FROM events")
        merged = store.scalar("SELECT count(*) FROM event_clusters WHERE num_articles > 1")
        clusters = store.scalar("SELECT count(*) FROM event_clusters")
    by_article: dict[str, list[dict[str, object]]] = {}
    for m in mentions:
        by_article.setdefault(str(m["article_id"]), []).append(m)

    def main_cluster(aid: str) -> object:
        items = by_article.get(aid, [])
        violent = [m for m in items if m["type"] in VIOLENT and m["modality"] == "asserted"]
        chosen = violent or items
        return chosen[0]["cluster_id"] if chosen else None

    gold, predicted, any_shared, misses = [], [], [], []
    for pair in pairs:
        a, b = ids.get(pair["a"]), ids.get(pair["b"])
        ca, cb = (main_cluster(a) if a else None), (main_cluster(b) if b else None)
        same = ca is not None and ca == cb
        shared = bool(
            a
            and b
            and {m["cluster_id"] for m in by_article.get(a, [])} & {m["cluster_id"] for m in by_article.get(b, [])}
        )
        gold.append(bool(pair["same"]))
        predicted.append(same)
        any_shared.append(shared)
        if same != pair["same"]:
            misses.append({**pair, "predicted": same})
    result = {
        "pairs": len(pairs),
        "same_pairs": sum(gold),
        "main_event": scores(gold, predicted),
        "any_shared_cluster": scores(gold, any_shared),
        "articles": len(report.stored),
        "event_mentions": total_mentions,
        "mentions_with_places": placed,
        "clusters": clusters,
        "clusters_with_several_articles": merged,
        "ingest_seconds": round(seconds, 1),
        "misses": misses,
    }
    print(f"{'reading':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for name in ("main_event", "any_shared_cluster"):
        s = result[name]
        assert isinstance(s, dict)
        print(f"{name:<22}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}")
    print(
        f"{len(pairs)} pairs ({sum(gold)} same); {len(report.stored)} articles, {total_mentions} event mentions "
        f"({placed} with places) in {clusters} clusters, {merged} across articles; {seconds:.0f}s"
    )
    for miss in misses:
        print(f"  miss: {miss['a']} {miss['b']} gold={miss['same']} predicted={miss['predicted']}: {miss['reason']}")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
