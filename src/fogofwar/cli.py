"""The command line: each command parses its options, calls one library function and prints what it returns."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

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

    demo = commands.add_parser("demo", help="ingest the bundled example articles into a ledger and show what it holds")
    demo.add_argument("--json", action="store_true", help="print the examples' JSON records instead (no ledger)")
    demo.add_argument("--db", help=LEDGER_HELP)
    add_ledger_commands(commands)
    add_output_commands(commands)

    evaluate = commands.add_parser("evaluate", help="score the pipeline against gold annotation files")
    evaluate.add_argument("gold", nargs="+", help="gold JSON files (see DESIGN.md, 'Gold files')")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one exit per command
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
            if args.json:
                items = (item for path in example_paths() for item in read_records(path))
                return print_records(items, as_json=True)
            return run_demo(args)
        if args.command in LEDGER_COMMANDS:
            return run_ledger_command(args)
        if args.command in OUTPUT_COMMANDS:
            return run_output_command(args)
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


LEDGER_HELP = "the ledger: a SQLite file or a postgresql:// URL (default $FOGOFWAR_DB, else ./fogofwar.db)"
LEDGER_COMMANDS = ("ingest", "events", "claims", "tally", "article")


def add_ledger_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ledger's sub-commands: ingest, events, claims, tally, article."""

    def output(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--db", help=LEDGER_HELP)
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
        group.add_argument("--csv", action="store_true", help="print CSV instead of a table")

    ingest = commands.add_parser("ingest", help="read, annotate and store articles in the ledger (idempotent)")
    ingest.add_argument("path", nargs="+", help="article file, folder, JSON-lines/CSV corpus, HTML page or feed")
    ingest.add_argument("--db", help=LEDGER_HELP)
    ingest.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for files without a header")
    ingest.add_argument("--columns", metavar="MAP", help="corpus column mapping, e.g. text=body,title=headline")
    ingest.add_argument("--quiet", action="store_true", help="no progress line")
    ingest.add_argument(
        "--workers", type=int, default=1, metavar="N", help="annotate in N processes (one writer; same ledger)"
    )
    ingest.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="annotate on a Dask cluster (tcp://HOST:8786), or on N local worker processes (local:N); one writer",
    )
    ingest.add_argument(
        "--batch-size",
        type=int,
        metavar="N",
        help="articles annotated and committed together (default 32): an interruption loses at most one batch",
    )

    events = commands.add_parser("events", help="list event clusters (the same happening across articles)")
    events.add_argument("--since", metavar="YYYY-MM-DD")
    events.add_argument("--until", metavar="YYYY-MM-DD")
    events.add_argument("--country", help="ISO code or name of a country involved")
    events.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")
    events.add_argument("--near", metavar="LAT,LON,KM", help="within KM kilometres of a point")
    events.add_argument("--text", help="words in the event's text, place or headlines")
    events.add_argument("--min-articles", type=int, default=1, help="only clusters reported by this many articles")
    events.add_argument("--limit", type=int, default=100)
    output(events)

    claims = commands.add_parser("claims", help="list claims: who says what")
    claims.add_argument("--event", metavar="ID", help="only claims about this event cluster")
    claims.add_argument("--contested", action="store_true", help="only claims in a contradiction (with its reason)")
    claims.add_argument("--limit", type=int, default=100)
    output(claims)

    tally = commands.add_parser("tally", help="casualty estimates (low/best/high with reasons), or figures over time")
    tally.add_argument("--side", help="ISO code or name of the side that suffered")
    tally.add_argument("--by", choices=("day", "week"), help="each claimant's figures per day or week")
    output(tally)

    article = commands.add_parser("article", help="show one stored article and the clusters its events joined")
    article.add_argument("id", help="article id (or a unique prefix)")
    article.add_argument("--db", help=LEDGER_HELP)
    article.add_argument("--json", action="store_true", help="print the stored record as JSON")


def run_ledger_command(args: argparse.Namespace) -> int:
    """Run ingest, events, claims, tally or article."""
    from fogofwar.ledger import Store, ingest, queries, render
    from fogofwar.ledger.ingest import ARTICLES_PER_BATCH

    fmt = "json" if getattr(args, "json", False) else "csv" if getattr(args, "csv", False) else "table"
    with Store(args.db) as store:
        if args.command == "ingest":
            report = ingest(
                store,
                args.path,
                published=args.published,
                columns=parse_columns(args.columns),
                progress=None if args.quiet else _progress_printer(),
                workers=max(1, args.workers),
                scheduler=args.scheduler,
                batch_size=max(1, args.batch_size or ARTICLES_PER_BATCH),
            )
            if not args.quiet and sys.stderr.isatty():
                print(file=sys.stderr)
            print(render.ingest_report(report), file=sys.stderr)
            if not report.stored and not report.present:
                return EXIT_FAILED
            return EXIT_PARTIAL if report.skipped else EXIT_OK
        if args.command == "article":
            found = queries.article(store, args.id)
            if args.json:
                print(json.dumps(found["record"], ensure_ascii=False))
            else:
                record = ArticleRecord.from_dict(found["record"])
                print(format_record(record))
                print(render.table(found["clusters"]))
            return EXIT_OK
        if args.command == "events":
            rows = queries.events(
                store,
                since=args.since,
                until=args.until,
                country=args.country,
                type=args.type,
                near=args.near,
                text=args.text,
                min_articles=args.min_articles,
                limit=args.limit,
            )
        elif args.command == "claims":
            rows = queries.claims(store, event=args.event, contested=args.contested, limit=args.limit)
        else:
            rows = queries.tally(store, side=args.side, by=args.by)
        kind = "tally_by" if args.command == "tally" and args.by else args.command
        text = render.rows_text(rows, kind, fmt)
        if text:
            print(text)
    return EXIT_OK


def _progress_printer() -> Callable[[Any], None]:
    """A progress callback: one line rewritten in place on a terminal, a line every few seconds otherwise."""
    import time

    from fogofwar.ledger import render

    last = [0.0]

    def show(progress: Any) -> None:
        now = time.monotonic()
        if sys.stderr.isatty():
            print("\r" + render.progress_line(progress), end="", file=sys.stderr, flush=True)
        elif now - last[0] >= PROGRESS_EVERY_S:
            last[0] = now
            print(render.progress_line(progress), file=sys.stderr, flush=True)

    return show


#: Seconds between progress lines when stderr is not a terminal (a log file should not fill with them).
PROGRESS_EVERY_S = 10.0


def run_demo(args: argparse.Namespace) -> int:
    """Ingest the bundled examples into a ledger and print what it holds."""
    from fogofwar.ledger import Store, ingest, queries, render

    with Store(args.db) as store:
        report = ingest(store, example_paths())
        print(f"ledger {store.target}: {render.ingest_report(report)}")
        print(render.summary_text(queries.summary(store)))
        print("\nEvent clusters (fogofwar events):")
        print(render.table(queries.events(store, limit=10), render.TABLE_COLUMNS["events"]))
        print("\nContested claims (fogofwar claims --contested):")
        print(render.table(queries.claims(store, contested=True, limit=10), render.TABLE_COLUMNS["claims"]))
    return EXIT_PARTIAL if report.skipped else EXIT_OK


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


OUTPUT_COMMANDS = ("export", "serve")


def add_output_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The output sub-commands: export (ACLED/UCDP/GDELT/GeoJSON/JSONL/Parquet) and serve (HTTP API and web page)."""
    from fogofwar.export import FORMATS

    export = commands.add_parser("export", help="write the ledger's events as ACLED/UCDP/GDELT tables, GeoJSON...")
    export.add_argument("--format", required=True, choices=FORMATS, help="the export format")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    export.add_argument("--db", help=LEDGER_HELP)
    export.add_argument("--since", metavar="YYYY-MM-DD")
    export.add_argument("--until", metavar="YYYY-MM-DD")
    export.add_argument("--country", help="ISO code or name of a country involved")
    export.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")

    serve = commands.add_parser("serve", help="serve the HTTP API and the web page (map, timeline, claims board)")
    serve.add_argument("--db", help=LEDGER_HELP)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--writable", action="store_true", help="accept POST /articles (bearer token if configured)")
    serve.add_argument("--token-file", metavar="FILE", help="file holding the write token (else $FOGOFWAR_TOKEN)")
    serve.add_argument("--cors-origin", action="append", default=[], metavar="URL", help="allow this origin (CORS)")
    serve.add_argument(
        "--workers", type=int, default=1, metavar="N", help="server processes (default 1; about one per core)"
    )


def run_output_command(args: argparse.Namespace) -> int:
    """Run export or serve."""
    from fogofwar.export import export
    from fogofwar.ledger import Store

    if args.command == "serve":
        return run_serve(args)
    with Store(args.db) as store:
        count = export(
            store, args.format, args.output, since=args.since, until=args.until, country=args.country, type=args.type
        )
    print(f"fogofwar: wrote {count} event(s) to {args.output} ({args.format})", file=sys.stderr)
    return EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    """Check the configuration, open the ledger once (migrating it), print the URL and serve until interrupted."""
    import uvicorn

    from fogofwar.ledger import Store
    from fogofwar.web import Settings, create_app
    from fogofwar.web.app import SETTINGS_ENV
    from fogofwar.web.security import check_start, load_token

    if args.workers < 1:
        raise FogOfWarError(f"--workers {args.workers}: give 1 or more server processes")
    token = load_token(args.token_file)
    check_start(args.host, writable=args.writable, token=token)
    with Store(args.db) as store:
        target = store.target
    settings = Settings(db=target, writable=args.writable, token=token, cors_origins=args.cors_origin)
    host = f"[{args.host}]" if ":" in args.host else args.host
    mode = "writable, token required" if args.writable and token else "writable" if args.writable else "read-only"
    print(f"fogofwar: serving {target} ({mode}) at http://{host}:{args.port}/", file=sys.stderr, flush=True)
    if args.workers == 1:
        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning")
        return EXIT_OK
    # Each worker process builds its own app (and its own connections) from the settings handed down here.
    os.environ[SETTINGS_ENV] = json.dumps(settings.to_dict())
    uvicorn.run(
        "fogofwar.web.app:app_from_environment",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level="warning",
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
