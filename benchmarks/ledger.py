"""Ledger benchmark: ingest speed on real articles, then query latency on a large synthetic ledger.

1. Ingest: ``fogofwar.ledger.ingest`` over ``--corpus`` (default the FA-KES dev set,
   ../shared/eval/fa-kes/fakes-dev.csv, first ``--ingest-limit`` articles): read + annotate + store + merge + tally,
   in articles per second; then the same ingest again (every article already present: the cost of a re-run).
2. Scale: the ingested records are copied under new ids (``--articles``, default 100,000), their publication and
   event dates shifted so that the copies spread over ``--years`` in roughly chronological order (a few days of
   jitter), like a long war's reporting ingested as it comes, stored in batches, merged and tallied (each step
   timed). Then a few filtered queries run ``--repeat`` times each; their p50 and p99 latencies are reported.

Usage: PYTHONPATH=src python benchmarks/ledger.py [--articles N] [--db PATH_OR_URL]
Prints a table and writes benchmarks/results/ledger.json.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fogofwar.ledger import Store, ingest, merge, queries, tally
from fogofwar.ledger.store import date_range
from fogofwar.pipeline import Annotator
from fogofwar.record import ArticleRecord, When

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "fa-kes" / "fakes-dev.csv"
RESULT = ROOT / "benchmarks" / "results" / "ledger.json"

#: Copies stored per transaction, and merged per merge pass (bounds the memory a merge pass holds).
COPY_BATCH = 500
MERGE_EVERY = 10_000

#: Days a copy's dates may stray from its place in the chronological order (reports arrive out of order).
JITTER_DAYS = 3


def shift_value(value: str | None, days: int) -> str | None:
    """An ISO day or day range moved by ``days``; coarser values (month, year) unchanged."""
    if not value:
        return value
    if "/" in value:
        a, _, b = value.partition("/")
        return f"{shift_value(a, days)}/{shift_value(b, days)}"
    if len(value) == 10 and date_range(value):
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    return value


def copy_record(record: ArticleRecord, n: int, days: int) -> ArticleRecord:
    """The record under a new id with its dates moved by ``days``."""
    new_id = hashlib.sha256(f"{record.article.id}:{n}".encode()).hexdigest()[:16]
    article = dataclasses.replace(record.article, id=new_id, published=shift_value(record.article.published, days))
    events = tuple(
        dataclasses.replace(e, when=dataclasses.replace(e.when, value=shift_value(e.when.value, days)))
        if isinstance(e.when, When)
        else e
        for e in record.events
    )
    return dataclasses.replace(record, article=article, events=events)


def latency(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    """p50 / p99 / max of ``fn``'s wall time in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    return {"p50_ms": round(statistics.median(times), 2), "p99_ms": round(p99, 2), "max_ms": round(times[-1], 2)}


def measure_ingest(corpus: Path, limit: int, tmp: Path) -> tuple[dict[str, Any], list[ArticleRecord]]:
    """Ingest the first ``limit`` articles of ``corpus`` twice; return the timings and the stored records."""
    rows = list(csv.reader(io.StringIO(corpus.read_text(encoding="utf-8"))))
    source = tmp / "sample.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows[: limit + 1])
    with Store(tmp / "ingest.db") as small:
        annotator = Annotator()
        t0 = time.perf_counter()
        first = ingest(small, [source], annotator=annotator)
        ingest_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = ingest(small, [source], annotator=annotator)
        rerun_s = time.perf_counter() - t0
        seeds = [r for aid in first.stored if (r := small.record(aid)) is not None]
    timing = {
        "articles": len(first.stored),
        "seconds": round(ingest_s, 1),
        "articles_per_second": round(len(first.stored) / ingest_s, 2),
        "rerun_seconds": round(rerun_s, 2),
        "rerun_present": again.present,
    }
    return timing, seeds


def build_large(store: Store, seeds: list[ArticleRecord], articles: int, years: float) -> dict[str, Any]:
    """Store ``articles`` copies of the seed records with shifted dates, merge and tally them; return the timings."""
    rng = random.Random(8)
    spread = int(years * 365)
    store_s = merge_s = 0.0
    batch: list[ArticleRecord] = []
    for n in range(articles):
        # chronological, as a ledger fills while a war is reported: copy n lands ~n/articles through the spread
        days = -spread // 2 + n * spread // articles + rng.randrange(-JITTER_DAYS, JITTER_DAYS + 1)
        batch.append(copy_record(seeds[n % len(seeds)], n, days))
        if len(batch) == COPY_BATCH or n == articles - 1:
            s0 = time.perf_counter()
            store.add_records(batch)
            store_s += time.perf_counter() - s0
            batch = []
        if (n + 1) % MERGE_EVERY == 0 or n == articles - 1:
            m0 = time.perf_counter()
            merge.update(store)
            merge_s += time.perf_counter() - m0
            print(f"  {n + 1} articles stored and merged", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    tally.refresh(store)
    tally_s = time.perf_counter() - t0
    counts = queries.summary(store)
    return {
        "articles": counts["articles"],
        "event_mentions": counts["events"],
        "claims": counts["claims"],
        "clusters": counts["event_clusters"],
        "store_seconds": round(store_s, 1),
        "store_articles_per_second": round(articles / store_s, 0) if store_s else None,
        "merge_seconds": round(merge_s, 1),
        "tally_seconds": round(tally_s, 1),
        "backend": "postgresql" if store.postgres else "sqlite",
    }


def time_queries(store: Store, repeat: int) -> dict[str, dict[str, float]]:
    """p50 / p99 latencies of a few filtered queries."""
    sample_event = queries.events(store, min_articles=2, limit=1) or queries.events(store, limit=1)
    event_id = sample_event[0]["id"] if sample_event else "none"
    middle = int(store.scalar("SELECT count(*) FROM articles")) // 2
    some_article = store.scalar("SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET ?", (middle,))
    mid = dt.date(2016, 1, 1)
    month = (mid + dt.timedelta(days=30)).isoformat()
    checks: dict[str, Callable[[], Any]] = {
        "events --since --until (one month)": lambda: queries.events(store, since=mid.isoformat(), until=month),
        "events --type ASSAULT --country SYR": lambda: queries.events(store, type="ASSAULT", country="SYR"),
        "events --text aleppo": lambda: queries.events(store, text="aleppo"),
        "events --min-articles 5": lambda: queries.events(store, min_articles=5),
        "claims --event ID": lambda: queries.claims(store, event=event_id),
        "claims --contested": lambda: queries.claims(store, contested=True),
        "tally": lambda: queries.tally(store),
        "article ID": lambda: queries.article(store, some_article),
    }
    return {name: latency(fn, repeat) for name, fn in checks.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--ingest-limit", type=int, default=120, help="articles annotated for the ingest timing")
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the synthetic large ledger")
    parser.add_argument("--years", type=float, default=10.0, help="years the copies' dates spread over")
    parser.add_argument("--repeat", type=int, default=50, help="runs of each query")
    parser.add_argument("--db", help="ledger to build (default: a temporary SQLite file); it must be empty")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        timing, seeds = measure_ingest(args.corpus, args.ingest_limit, Path(tmp))
        with Store(args.db or str(Path(tmp) / "large.db")) as store:
            large = build_large(store, seeds, args.articles, args.years)
            results = time_queries(store, args.repeat)
    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "ingest": timing,
        "large": large,
        "queries": results,
    }
    print(
        f"ingest: {timing['articles']} articles in {timing['seconds']}s = {timing['articles_per_second']} articles/s "
        f"(read+annotate+store+merge); re-run {timing['rerun_seconds']}s"
    )
    print(
        f"large ledger ({large['backend']}): {large['articles']} articles, {large['event_mentions']} event mentions, "
        f"{large['claims']} claims, {large['clusters']} clusters; store {large['store_seconds']}s, "
        f"merge {large['merge_seconds']}s, tally {large['tally_seconds']}s"
    )
    print(f"{'query':<40}{'p50 ms':>10}{'p99 ms':>10}")
    for name, r in results.items():
        print(f"{name:<40}{r['p50_ms']:>10}{r['p99_ms']:>10}")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
