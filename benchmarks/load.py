"""API load test: an open-loop stream of filtered ``GET /events`` requests against ``fogofwar serve`` on a large ledger.

1. Ledger: ``--db PATH`` is reused when it already holds ``--articles`` articles; otherwise it is built the way
   benchmarks/ledger.py builds its large ledger (the first ``--ingest-limit`` FA-KES dev articles ingested, their
   records copied under new ids with shifted dates, merged and tallied; its functions, imported), written to
   ``PATH.partial`` and renamed when complete, so an interrupted build is never mistaken for a ledger.
2. Server: the real ``fogofwar serve`` (read-only) in a subprocess on a free loopback port.
3. Load: requests are *scheduled* at ``--rate`` per second for ``--seconds`` whatever the answers (open loop: a slow
   answer does not slow the sending, as users do not wait for each other). Each request's latency runs from its
   scheduled time to the end of its response, so queueing in the client or the server counts against it. Filters
   vary (type, country, date range, place circle, minimum articles, pagination), drawn from the ledger's own values
   with a seeded generator, so every run sends the same requests.

Usage: PYTHONPATH=src python benchmarks/load.py [--db /tmp/fogofwar-load-100k.db] [--rate 200] [--seconds 30]
       [--workers 2]
Prints a table and writes benchmarks/results/load.json (with the machine's load average, as the cores are shared).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from ledger import DEFAULT_CORPUS, build_large, measure_ingest  # benchmarks/ledger.py, beside this script

from fogofwar.ledger import Store

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "load.json"
DEFAULT_DB = Path(tempfile.gettempdir()) / "fogofwar-load-100k.db"

#: The goal: the 99th percentile answers within this many milliseconds, and no request fails.
P99_GOAL_MS = 200.0

#: Seconds a request may take before it counts as an error (far above the goal: a timeout means the server is stuck).
REQUEST_TIMEOUT_S = 10.0

#: Seconds the server gets to open the ledger and start listening.
SERVER_START_S = 60.0

#: Senders, each with its own keep-alive connection: far more requests in flight than a 2-core server works on at
#: once (so the server, not the client, sets the pace), few enough for httpx to stay quick.
CLIENT_CONNECTIONS = 64

#: Seconds the server gets to finish its requests and stop before it is killed.
SERVER_STOP_S = 10.0

#: Values sampled from the ledger to build filters: enough for variety, few enough to read in a moment.
SAMPLE_CLUSTERS = 2000

#: Radii (km) of the place circles asked for: a city, a city and its suburbs, a district.
NEAR_KM = (10, 25, 50)

#: Date windows (days) asked for: a week, a month, a quarter.
WINDOW_DAYS = (7, 30, 90)


@dataclass(frozen=True, slots=True)
class Sample:
    """Values the ledger holds, to draw realistic filters from."""

    types: list[str]
    countries: list[str]
    days: list[str]
    points: list[tuple[float, float]]


def ensure_ledger(db: Path, articles: int, ingest_limit: int) -> dict[str, Any]:
    """Reuse ``db`` when it holds ``articles`` articles; else build it; return what the build measured (or reused)."""
    if db.exists():
        with Store(db) as store:
            held = int(store.scalar("SELECT count(*) FROM articles"))
        if held == articles:
            return {"reused": str(db), "articles": held}
        raise SystemExit(f"load: {db} holds {held} articles, not {articles}: remove it or pass another --db")
    partial = db.with_name(db.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        timing, seeds = measure_ingest(DEFAULT_CORPUS, ingest_limit, Path(tmp))
    with Store(partial) as store:
        large = build_large(store, seeds, articles, years=10.0)
    partial.rename(db)
    return {"built": str(db), "ingest": timing, "large": large}


def sample(db: Path) -> Sample:
    """Types, countries, days and geocoded points found in the ledger's clusters (a seeded, spread-out sample)."""
    with Store(db) as store:
        rows = store.query(
            "SELECT type, countries, date_start, lat, lon FROM event_clusters WHERE date_start IS NOT NULL "
            "ORDER BY id LIMIT ?",
            (SAMPLE_CLUSTERS,),
        )
    countries = Counter(code for r in rows for code in r["countries"].split() if code)
    return Sample(
        types=[t for t, _ in Counter(r["type"] for r in rows).most_common(6)],
        countries=[c for c, _ in countries.most_common(8)],
        days=sorted(r["date_start"] for r in rows),
        points=[(r["lat"], r["lon"]) for r in rows if r["lat"] is not None and r["lon"] is not None],
    )


def window(rng: random.Random, days: list[str]) -> dict[str, str]:
    """A since/until range of a week, month or quarter starting on a day the ledger holds events."""
    import datetime as dt

    start = dt.date.fromisoformat(rng.choice(days))
    return {"since": start.isoformat(), "until": (start + dt.timedelta(days=rng.choice(WINDOW_DAYS))).isoformat()}


def requests_plan(s: Sample, count: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """``count`` (kind, query parameters) pairs: each kind of filter, alone and combined, in a seeded order."""
    rng = random.Random(seed)

    def near() -> str:
        lat, lon = rng.choice(s.points)
        return f"{lat:.4f},{lon:.4f},{rng.choice(NEAR_KM)}"

    kinds = {
        "type": lambda: {"type": rng.choice(s.types)},
        "country": lambda: {"country": rng.choice(s.countries)},
        "dates": lambda: window(rng, s.days),
        "near": lambda: {"near": near()},
        "type+country+dates": lambda: {
            "type": rng.choice(s.types),
            "country": rng.choice(s.countries),
            **window(rng, s.days),
        },
        "near+dates": lambda: {"near": near(), **window(rng, s.days)},
        "min_articles": lambda: {"min_articles": rng.choice((2, 3, 5))},
        "page": lambda: {"type": rng.choice(s.types), "offset": rng.choice((50, 100, 200)), "limit": 50},
    }
    names = list(kinds)
    return [(kind, kinds[kind]()) for kind in (rng.choice(names) for _ in range(count))]


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, log: Any, workers: int) -> subprocess.Popen[bytes]:
    """``fogofwar serve`` (read-only, ``workers`` processes) on ``port``, its messages to ``log``; return once it
    answers."""
    command = [sys.executable, "-m", "fogofwar", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"load: the server exited with {server.returncode} (its messages are in {log.name})")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/events?limit=1", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.kill()
    raise SystemExit(f"load: the server did not answer within {SERVER_START_S:.0f} s")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Ask the server to stop (it finishes the requests under way), then make sure it has."""
    server.terminate()
    try:
        server.wait(timeout=SERVER_STOP_S)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


async def drive(port: int, plan: list[tuple[str, dict[str, Any]]], rate: float) -> dict[str, Any]:
    """Send ``plan`` open-loop at ``rate`` per second; return latencies (ms) per kind, errors and the send span.

    Requests are queued at their scheduled times and sent by ``CLIENT_CONNECTIONS`` senders, each on its own
    keep-alive connection (httpx's pool slows down sharply with thousands of requests waiting inside it, which
    would measure the client); a request waiting for a free sender still counts from its scheduled time."""
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: Counter[str] = Counter()
    queue: asyncio.Queue[tuple[str, dict[str, Any], float] | None] = asyncio.Queue()
    limits = httpx.Limits(max_connections=CLIENT_CONNECTIONS, max_keepalive_connections=CLIENT_CONNECTIONS)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=REQUEST_TIMEOUT_S) as c:

        async def sender() -> None:
            while (item := await queue.get()) is not None:
                kind, params, due = item
                try:
                    answer = await c.get("/events", params=params)
                except httpx.HTTPError as exc:
                    errors[type(exc).__name__] += 1
                    continue
                if answer.status_code != 200:
                    errors[f"HTTP {answer.status_code}"] += 1
                    continue
                latencies[kind].append((time.perf_counter() - due) * 1000)

        senders = [asyncio.create_task(sender()) for _ in range(CLIENT_CONNECTIONS)]
        loop_start = time.perf_counter()
        for i, (kind, params) in enumerate(plan):
            due = loop_start + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            queue.put_nowait((kind, params, due))
        sent_span = time.perf_counter() - loop_start
        for _ in senders:
            queue.put_nowait(None)
        await asyncio.gather(*senders)
        total_span = time.perf_counter() - loop_start
    return {"latencies": latencies, "errors": errors, "sent_span": sent_span, "total_span": total_span}


def percentiles(values: list[float]) -> dict[str, float]:
    """p50 / p95 / p99 / max in milliseconds (nearest rank)."""
    if not values:
        return {"p50_ms": 0.0, "p95_ms": 0.0, "p99_ms": 0.0, "max_ms": 0.0}
    ordered = sorted(values)

    def rank(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 1)

    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": rank(0.95), "p99_ms": rank(0.99),
            "max_ms": round(ordered[-1], 1)}  # fmt: skip


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages (what ``uptime`` prints)."""
    return [round(x, 2) for x in os.getloadavg()]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="SQLite ledger to reuse or build")
    parser.add_argument("--articles", type=int, default=100_000, help="articles in the ledger")
    parser.add_argument("--ingest-limit", type=int, default=120, help="articles annotated as seeds of the build")
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to send")
    parser.add_argument("--seed", type=int, default=11, help="seed of the request mix")
    parser.add_argument("--workers", type=int, default=2, help="server processes (fogofwar serve --workers)")
    args = parser.parse_args()
    build = ensure_ledger(args.db, args.articles, args.ingest_limit)
    plan = requests_plan(sample(args.db), round(args.rate * args.seconds), args.seed)
    port = free_port()
    server_log = tempfile.NamedTemporaryFile(prefix="fogofwar-load-server-", suffix=".log", delete=False)  # noqa: SIM115
    server = start_server(args.db, port, server_log, args.workers)
    try:
        load_before = load_average()
        run = asyncio.run(drive(port, plan, args.rate))
        load_after = load_average()
    finally:
        stop_server(server)
    every = [x for values in run["latencies"].values() for x in values]
    errors = sum(run["errors"].values())
    overall = percentiles(every)
    result = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cores": os.cpu_count()},
        "ledger": build,
        "server_workers": args.workers,
        "target_rate": args.rate,
        "seconds": args.seconds,
        "requests": len(plan),
        "answered": len(every),
        "achieved_rate": round(len(plan) / run["sent_span"], 1),
        "answered_rate": round(len(every) / run["total_span"], 1),
        "errors": errors,
        "error_kinds": dict(run["errors"]),
        "overall": overall,
        "by_filter": {kind: {"requests": len(v), **percentiles(v)} for kind, v in sorted(run["latencies"].items())},
        "load_average_before": load_before,
        "load_average_after": load_after,
        "goal": {"p99_ms": P99_GOAL_MS, "errors": 0, "met": overall["p99_ms"] < P99_GOAL_MS and errors == 0},
    }
    print(
        f"{len(plan)} requests scheduled at {args.rate:.0f}/s for {args.seconds:.0f} s: sent at "
        f"{result['achieved_rate']}/s, answered {len(every)} ({result['answered_rate']}/s), {errors} error(s); "
        f"load average {load_before} -> {load_after}"
    )
    print(f"{'filter':<22}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for kind, r in [*result["by_filter"].items(), ("all", {"requests": len(every), **overall})]:
        print(f"{kind:<22}{r['requests']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['p99_ms']:>9}{r['max_ms']:>9}")
    print(f"goal p99 < {P99_GOAL_MS:.0f} ms and 0 errors: {'met' if result['goal']['met'] else 'MISSED'}")
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
