"""The command line: each command parses its options, calls one library function and prints what it returns."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence

from fogofwar import __version__
from fogofwar.api import example_paths, read_records
from fogofwar.errors import FogOfWarError
from fogofwar.read import Skipped, parse_columns
from fogofwar.record import ArticleRecord
from fogofwar.report import format_record

#: Exit codes: everything read; some inputs skipped (the rest was read); nothing usable or a usage error.
EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The ``fogofwar`` argument parser with its sub-commands."""
    parser = argparse.ArgumentParser(prog="fogofwar", description="A sourced ledger of war reporting.")
    parser.add_argument("--version", action="version", version=f"fogofwar {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    read = commands.add_parser("read", help="read articles and print their records")
    read.add_argument("path", nargs="+", help="article file, folder, or JSON-lines/CSV corpus")
    read.add_argument("--json", action="store_true", help="print each record as one JSON object per line")
    read.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for files without a header")
    read.add_argument("--columns", metavar="MAP", help="corpus column mapping, e.g. text=body,title=headline")

    demo = commands.add_parser("demo", help="read the bundled example articles and print their records")
    demo.add_argument("--json", action="store_true", help="print JSON records instead of the report")

    evaluate = commands.add_parser("evaluate", help="score the pipeline against gold annotation files")
    evaluate.add_argument("gold", nargs="+", help="gold JSON files (see DESIGN.md, 'Gold files')")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "read":
            columns = parse_columns(args.columns)
            items = (
                item for path in args.path for item in read_records(path, published=args.published, columns=columns)
            )
            return print_records(items, as_json=args.json)
        if args.command == "demo":
            items = (item for path in example_paths() for item in read_records(path))
            return print_records(items, as_json=args.json)
        if args.command == "evaluate":
            from fogofwar.evaluate import evaluate_files, format_scores

            result = evaluate_files(args.gold)
            print(json.dumps(result.to_dict(), indent=1) if args.json else format_scores(result))
            return EXIT_OK
    except FogOfWarError as exc:
        print(f"fogofwar: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("fogofwar: interrupted", file=sys.stderr)
        return 130
    return EXIT_FAILED


def print_records(items: Iterable[ArticleRecord | Skipped], *, as_json: bool) -> int:
    """Print records (JSON lines or reports) and report skipped inputs on stderr; return the exit code."""
    read = skipped = 0
    for item in items:
        if isinstance(item, Skipped):
            skipped += 1
            print(f"fogofwar: {item}", file=sys.stderr)
            continue
        read += 1
        if as_json:
            print(json.dumps(item.to_dict(), ensure_ascii=False))
        else:
            print(format_record(item), end="\n\n", flush=True)
    if read == 0:
        return EXIT_FAILED
    return EXIT_PARTIAL if skipped else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
