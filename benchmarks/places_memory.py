"""Peak memory of resolving places: a bare spaCy parse against the same parse plus the places component.

Each leg runs in its own process (peak RSS only grows), over the same articles and through the same runner:
(a) spaCy alone parses them; (b) the pipeline with ``fogofwar_places`` only parses them and resolves every toponym
through the on-disk gazetteer (built beforehand, so the one-off build's memory is not counted). The difference is
what the gazetteer and the component cost in memory. Prints a table and writes benchmarks/results/places_memory.json.

Usage: PYTHONPATH=src python benchmarks/places_memory.py [--limit N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "fa-kes" / "fakes-dev.csv"
RESULT = ROOT / "benchmarks" / "results" / "places_memory.json"


def leg(mode: str, corpus: str, limit: int) -> None:
    """Run one leg in this process and print its peak RSS (MB) and toponym count as JSON."""
    from fogofwar.pipeline import Annotator
    from fogofwar.pipeline.runner import load_pipeline
    from fogofwar.read import Skipped, iter_source

    articles = [a for a in iter_source(Path(corpus)) if not isinstance(a, Skipped)][:limit]
    places = 0
    annotator = Annotator(load_pipeline(components=("fogofwar_places",) if mode == "places" else ()))
    for _, doc in annotator.docs(articles):
        places += len(doc._.places or ())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "peak_rss_mb": round(peak, 1), "articles": len(articles), "places": places}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--leg", choices=("spacy", "places"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.leg:
        leg(args.leg, args.corpus, args.limit)
        return 0
    from fogofwar.gazetteer import ensure_index

    ensure_index(progress=lambda m: print(m, file=sys.stderr))
    results = {}
    for mode in ("spacy", "places"):
        command = [sys.executable, __file__, "--leg", mode, "--limit", str(args.limit), "--corpus", args.corpus]
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        results[mode] = json.loads(out.strip().splitlines()[-1])
    extra = results["places"]["peak_rss_mb"] - results["spacy"]["peak_rss_mb"]
    print(f"{'leg':<8} {'articles':>8} {'places':>7} {'peak RSS MB':>12}")
    for mode, r in results.items():
        print(f"{mode:<8} {r['articles']:>8} {r['places']:>7} {r['peak_rss_mb']:>12.1f}")
    print(f"places over spaCy: {extra:+.1f} MB")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    payload = {"legs": results, "places_over_spacy_mb": round(extra, 1)}
    RESULT.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
