"""Throughput benchmark: the bare spaCy parse against the full fogofwar record, on the same articles in one run.

Usage: python benchmarks/throughput.py [--limit N] [--repeat R] [--corpus PATH]
Default corpus: ../shared/eval/fa-kes/fakes-dev.csv (real Syrian-war reporting). Prints a table and writes
benchmarks/results/throughput.json. Both legs parse the same paragraph texts with the same batch size, so the ratio
b/a isolates what fogofwar's components cost beside the parse. Each leg runs in its own process (one after the
other), so its peak RSS is that of a process doing only that; each is timed ``--repeat`` times and the best counts.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import sys
import time
from pathlib import Path

import spacy

from fogofwar.pipeline import DEFAULT_MODEL, Annotator
from fogofwar.pipeline.components import COMPONENTS
from fogofwar.pipeline.runner import PARAGRAPHS_PER_PIPE_BATCH, paragraph_texts
from fogofwar.read import Skipped, iter_source
from fogofwar.record import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "fa-kes" / "fakes-dev.csv"
RESULT = ROOT / "benchmarks" / "results" / "throughput.json"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(corpus: Path, limit: int | None) -> list[Article]:
    articles = [a for a in iter_source(corpus) if not isinstance(a, Skipped)]
    return articles[:limit] if limit else articles


def time_bare(nlp: spacy.language.Language, articles: list[Article]) -> float:
    texts = [p for a in articles for p in paragraph_texts(a)]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=PARAGRAPHS_PER_PIPE_BATCH):
        pass
    return time.perf_counter() - start


def time_full(annotator: Annotator, articles: list[Article]) -> float:
    start = time.perf_counter()
    for record in annotator.annotate(articles):
        json.dumps(record.to_dict())
    return time.perf_counter() - start


def run_leg(leg: str, corpus: Path, limit: int | None, repeat: int) -> tuple[float, float]:
    """One leg in its own process (so each peak RSS is that of a process doing only this): best seconds, peak MB."""
    articles = load(corpus, limit)
    if leg == "bare_spacy":
        nlp = spacy.load(DEFAULT_MODEL)
        time_bare(nlp, articles[:5])
        best = min(time_bare(nlp, articles) for _ in range(repeat))
    else:
        annotator = Annotator()
        time_full(annotator, articles[:5])
        best = min(time_full(annotator, articles) for _ in range(repeat))
    return best, peak_rss_mb()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"benchmark: corpus {args.corpus} not found (../shared must sit beside the repository)", file=sys.stderr)
        return 2
    articles = load(args.corpus, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    spawn = multiprocessing.get_context("spawn")
    legs = {}
    for leg in ("bare_spacy", "fogofwar"):
        with spawn.Pool(1) as pool:
            legs[leg] = pool.apply(run_leg, (leg, args.corpus, args.limit, args.repeat))
    (bare, rss_bare), (full, rss_full) = legs["bare_spacy"], legs["fogofwar"]
    result = {
        "corpus": str(args.corpus.name),
        "articles": len(articles),
        "words": words,
        "bare_spacy": {
            "seconds": round(bare, 3),
            "articles_per_s": round(len(articles) / bare, 2),
            "words_per_s": round(words / bare),
        },
        "fogofwar": {
            "seconds": round(full, 3),
            "articles_per_s": round(len(articles) / full, 2),
            "words_per_s": round(words / full),
            "components": list(COMPONENTS),
        },
        "ratio": round(bare / full, 3),
        "peak_rss_mb": {"bare_spacy_process": round(rss_bare), "fogofwar_process": round(rss_full)},
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles, {words:,} words ({args.corpus.name}); best of {args.repeat}")
    print(f"{'leg':<14}{'s':>8}{'articles/s':>12}{'words/s':>10}")
    for leg in ("bare_spacy", "fogofwar"):
        r = result[leg]
        print(f"{leg:<14}{r['seconds']:>8.2f}{r['articles_per_s']:>12.1f}{r['words_per_s']:>10,}")
    print(
        f"ratio fogofwar/bare = {result['ratio']:.3f}; peak RSS per process: bare spaCy {rss_bare:.0f} MB, "
        f"fogofwar {rss_full:.0f} MB"
    )
    print(f"written to {RESULT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
