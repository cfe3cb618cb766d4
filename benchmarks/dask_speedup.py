"""Dask benchmark: ``ingest --scheduler`` with 1 and then 2 worker processes on this machine, and the speed-up.

For each worker count, a ``LocalCluster`` is started and every worker loads the pipeline first (``client.run``), so
the timing leaves out cluster start-up and model load, as on a long-running cluster. Then the first ``--limit``
articles of ``--corpus`` (default the FA-KES dev set) are ingested into a fresh SQLite ledger through the scheduler:
read here, annotated on the workers, stored here by the one writer, then merged and tallied. Reported: the wall
time of the whole ingest and of its annotation phase (submit to last record stored), articles/s, and the speed-up of
2 workers over 1. On a real cluster the same command runs with ``--scheduler tcp://HOST:8786``.

Usage: python benchmarks/dask_speedup.py [--limit N] [--corpus PATH]
Prints a table and writes benchmarks/results/dask.json.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster

from fogofwar.ledger import Store, ingest
from fogofwar.ledger.ingest import _load_worker

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "fa-kes" / "fakes-dev.csv"
RESULT = ROOT / "benchmarks" / "results" / "dask.json"


def sample(corpus: Path, limit: int, folder: Path) -> Path:
    """The corpus's header and first ``limit`` rows as a CSV of their own."""
    rows = list(csv.reader(io.StringIO(corpus.read_text(encoding="utf-8"))))
    path = folder / "sample.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows[: limit + 1])
    return path


def run(workers: int, source: Path, folder: Path) -> dict[str, Any]:
    """Ingest ``source`` through a warmed LocalCluster of ``workers`` processes; the timings."""
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            client.run(_load_worker)  # each worker loads the pipeline now, outside the timing
        with Store(str(folder / f"dask-{workers}.db")) as store:
            started = time.perf_counter()
            report = ingest(store, [source], scheduler=cluster.scheduler_address, count_first=False)
            seconds = time.perf_counter() - started
    articles = len(report.stored)
    return {
        "workers": workers,
        "articles": articles,
        "seconds": round(seconds, 2),
        "annotation_seconds": round(report.annotated_seconds, 2),
        "articles_per_second": round(articles / seconds, 2),
        "load_average": os.getloadavg(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="articles to ingest (default 200)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = sample(args.corpus, args.limit, folder)
        legs = [run(workers, source, folder) for workers in (1, 2)]
    speedup = legs[0]["seconds"] / legs[1]["seconds"]
    annotation_speedup = legs[0]["annotation_seconds"] / legs[1]["annotation_seconds"]
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "corpus": args.corpus.name,
        "legs": legs,
        "speedup": round(speedup, 2),
        "annotation_speedup": round(annotation_speedup, 2),
    }
    print(f"{args.limit} articles of {args.corpus.name} through a local Dask cluster (workers warmed first)")
    print(f"{'workers':>8} {'seconds':>8} {'annotating':>11} {'articles/s':>11}  load average")
    for leg in legs:
        load = ", ".join(f"{x:.2f}" for x in leg["load_average"])
        print(
            f"{leg['workers']:>8} {leg['seconds']:>8.1f} {leg['annotation_seconds']:>11.1f} "
            f"{leg['articles_per_second']:>11.2f}  {load}"
        )
    print(f"speed-up of 2 workers over 1: {speedup:.2f} (annotation phase {annotation_speedup:.2f})")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"written to {RESULT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
