"""Crash safety: ``fogofwar ingest`` killed at a random moment, then run again, leaves the ledger an uninterrupted
ingest would have made: every article once, the same rows in every table, the same clusters and tallies, and a
database that passes its own integrity check.

The ingest is the real command line in a subprocess, over 30 short articles committed 2 at a time (15 commits to
fall between). Each trial draws its kill delay from a generator seeded by the trial number (the seed is printed and
named in every assertion): a quarter of the kills fall at a random moment before the first commit (model loading,
first batch), the others at a random moment after the ingest's first commit, within half as long again as the
uninterrupted ingest took from its first commit to its last (so some fall in the merge and tally, or after the end).
On PostgreSQL one more trial ends the ingest's connection from the server's side (``pg_terminate_backend``) instead
of killing the process.

The default run makes 3 trials per backend; ``pytest -m crash`` makes 20 more per backend (several minutes).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fogofwar.errors import LedgerUnavailable
from fogofwar.gazetteer.build import ensure_index
from fogofwar.ledger import Store
from fogofwar.ledger.schema import LATEST

from .ledger_support import make_record, target_for

#: Articles in the corpus, and articles committed per transaction (the CLI's --batch-size): 15 commits to fall between.
ARTICLES, BATCH = 30, 2

#: Trials in the default run and in ``pytest -m crash`` (per backend); the trial number seeds its kill delay.
DEFAULT_TRIALS, CRASH_TRIALS = 3, 20

#: Share of the kills aimed before the first commit (model loading, first batch); the others land after the first
#: commit, within the time the uninterrupted ingest took from its first commit to its last, times LATE_MARGIN so that
#: some fall in the merge and tally after the last commit, or after the end (a finished ingest must re-run cleanly).
EARLY_KILLS, LATE_MARGIN = 0.25, 1.5

#: Seconds between looks at the ledger while an ingest runs (to time the reference run, to time a terminate).
POLL_S = 0.05

#: The longest any one ingest may take before the test gives up on it (a hung ingest is a failure, not a wait).
INGEST_TIMEOUT_S = 600

#: Columns that hold the time a row was written: they differ between any two runs and are left out of comparisons.
TIMESTAMPS = {"ingested_at", "applied_at"}

#: Every table of the ledger, in the order they are compared.
TABLES = (
    "schema_version", "articles", "actors", "claims", "events", "event_places", "event_claims", "casualties",
    "event_casualties", "losses", "event_clusters", "cluster_countries", "cluster_members", "figures", "estimates",
    "contradictions", "contested_claims",
)  # fmt: skip

#: The application name the ingest's PostgreSQL connection carries, so another connection can find and end it.
APP_NAME = "fogofwar-crash-test"

CITIES = (
    ("Kharkiv", "Ukraine", "Russian", "Russia", "2022-03-01"),
    ("Mykolaiv", "Ukraine", "Russian", "Russia", "2022-03-04"),
    ("Chernihiv", "Ukraine", "Russian", "Russia", "2022-03-07"),
    ("Aleppo", "Syria", "Syrian government", "Damascus", "2016-08-02"),
    ("Idlib", "Syria", "Russian", "Moscow", "2019-05-10"),
    ("Ganja", "Azerbaijan", "Armenian", "Yerevan", "2020-10-11"),
    ("Stepanakert", "Armenia", "Azerbaijani", "Baku", "2020-10-03"),
    ("Mekelle", "Ethiopia", "Ethiopian federal", "Addis Ababa", "2021-06-22"),
    ("Donetsk", "Ukraine", "Ukrainian", "Kyiv", "2022-03-14"),
    ("Homs", "Syria", "rebel", "the opposition", "2014-02-09"),
)

#: Three outlets' accounts of each strike: a claim with a denial, a local toll, a ministry's toll.
TEMPLATES = (
    ("Wire One", "{actor} forces shelled {city} on Monday, killing {n} civilians, the regional governor said. "
                 "{denier} denied the attack."),
    ("Daily Two", "Missiles struck {city} overnight, killing {m} people, local officials said."),
    ("Radio Three", "Artillery hit residential districts of {city}, {country}'s defence ministry said, adding "
                    "that {n} civilians were killed and {m} wounded."),
)  # fmt: skip


def write_corpus(path: Path) -> Path:
    """The JSON-lines corpus: each city's strike told by three outlets (so clusters merge and figures conflict)."""
    rows = []
    for i, (city, country, actor, denier, day) in enumerate(CITIES):
        for outlet, template in TEMPLATES:
            text = template.format(city=city, country=country, actor=actor, denier=denier, n=3 + i, m=5 + 2 * i)
            rows.append({"title": f"Strike on {city}", "text": text, "date": day, "source": outlet})
    assert len(rows) == ARTICLES
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def ingest_command(corpus: Path, target: str) -> list[str]:
    """The ingest as a user runs it."""
    return [sys.executable, "-m", "fogofwar", "ingest", str(corpus), "--db", target, "--batch-size", str(BATCH)]


def start_ingest(corpus: Path, target: str, log: Path) -> subprocess.Popen[bytes]:
    """Start the ingest in its own session (so nothing it starts outlives the test), its output to ``log``."""
    with log.open("ab") as out:
        return subprocess.Popen(ingest_command(corpus, target), stdout=out, stderr=out, start_new_session=True)


def finish_ingest(corpus: Path, target: str, log: Path) -> None:
    """Run the ingest to completion; fail with its output unless it stored or found every article."""
    done = subprocess.run(
        ingest_command(corpus, target), capture_output=True, text=True, timeout=INGEST_TIMEOUT_S, check=False
    )
    with log.open("a") as out:
        out.write(done.stdout + done.stderr)
    assert done.returncode == 0, f"ingest exited {done.returncode}: {done.stderr}"


def stored(target: str) -> int:
    """Articles committed so far, read over a plain connection (opening a Store would migrate, racing the ingest)."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            try:
                return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            except psycopg.errors.UndefinedTable:
                return 0
    if not Path(target).exists():
        return 0
    with closing(sqlite3.connect(target)) as conn:
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        except sqlite3.OperationalError:  # no such table: the ingest has not created its tables yet
            return 0


def snapshot(target: str) -> dict[str, Any]:
    """Every table's rows (timestamps left out), sorted, and its row count; the ids stored more than once."""
    tables: dict[str, list[str]] = {}
    with Store(target) as store:
        for table in TABLES:
            rows = store.query(f"SELECT * FROM {table}")
            tables[table] = sorted(
                json.dumps({k: v for k, v in row.items() if k not in TIMESTAMPS}, sort_keys=True, default=str)
                for row in rows
            )
        duplicated = store.query("SELECT id FROM articles GROUP BY id HAVING count(*) > 1")
    return {"tables": tables, "counts": {t: len(rows) for t, rows in tables.items()}, "duplicated": duplicated}


def integrity_problems(target: str) -> list[str]:
    """What the database's own check finds wrong: SQLite's integrity_check, PostgreSQL's amcheck on every B-tree."""
    with Store(target) as store:
        if not store.postgres:
            found = [r["integrity_check"] for r in store.query("PRAGMA integrity_check")]
            found += [str(r) for r in store.query("PRAGMA foreign_key_check")]
            return [] if found == ["ok"] else found
        store.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        indexes = store.query(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
            "WHERE n.nspname = 'public' AND a.amname = 'btree'"
        )
        for index in indexes:
            store.execute("SELECT bt_index_check(?::regclass, true)", (index["relname"],))
        return []


@dataclass(frozen=True, slots=True)
class Reference:
    """The ledger one uninterrupted ingest makes, and when it committed its first and last batch and when it finished
    (seconds from its start)."""

    snapshot: dict[str, Any]
    first_commit_s: float
    last_commit_s: float
    finish_s: float


class Crashes:
    """The corpus, and each backend's reference ingest, made by the first trial that needs it."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self.references: dict[str, Reference] = {}

    def reference(self, backend: str, folder: Path) -> Reference:
        """The uninterrupted ingest on ``backend``, timed by watching the ledger fill."""
        if backend not in self.references:
            folder = folder / "reference"  # beside, not in place of, the ledger of the trial that needs it
            folder.mkdir()
            target = target_for(backend, folder)
            started = time.monotonic()
            first = last = None
            ingest = start_ingest(self.corpus, target, folder / "reference.log")
            while ingest.poll() is None:
                count = stored(target)
                if first is None and count > 0:
                    first = time.monotonic() - started
                if last is None and count == ARTICLES:
                    last = time.monotonic() - started
                time.sleep(POLL_S)
            finish = time.monotonic() - started
            assert ingest.returncode == 0, (folder / "reference.log").read_text()
            shot = snapshot(target)
            assert shot["counts"]["articles"] == ARTICLES and shot["counts"]["event_clusters"] > 0
            assert shot["counts"]["schema_version"] == LATEST
            first = first if first is not None else finish / 2  # an ingest too quick to watch: guess
            last = last if last is not None else finish
            self.references[backend] = Reference(shot, first, last, finish)
            print(f"{backend} reference: first commit {first:.2f} s, last {last:.2f} s, done {finish:.2f} s")
        return self.references[backend]


@pytest.fixture(scope="module")
def crashes(tmp_path_factory: pytest.TempPathFactory) -> Crashes:
    """The 30-article corpus, written once for the module, and the references made from it."""
    ensure_index()  # the gazetteer is built once here, not inside a timed or killed ingest
    return Crashes(write_corpus(tmp_path_factory.mktemp("crash") / "corpus.jsonl"))


def assert_same_as_reference(target: str, ref: Reference, where: str) -> None:
    """The ledger after a crash and a re-run holds exactly what the uninterrupted ingest stored."""
    assert integrity_problems(target) == [], where
    shot = snapshot(target)
    assert shot["duplicated"] == [], where
    assert shot["counts"] == ref.snapshot["counts"], where
    for table in TABLES:
        assert shot["tables"][table] == ref.snapshot["tables"][table], f"{where}: table {table} differs"


@pytest.fixture
def killed_log(tmp_path: Path) -> Iterator[Path]:
    """The trial's ingest output, printed when the trial fails (pytest shows captured output of failures)."""
    log = tmp_path / "ingest.log"
    yield log
    if log.exists():
        print(log.read_text(errors="replace"))


TRIALS = [
    *range(DEFAULT_TRIALS),
    *(pytest.param(n, marks=pytest.mark.crash) for n in range(DEFAULT_TRIALS, DEFAULT_TRIALS + CRASH_TRIALS)),
]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
@pytest.mark.parametrize("trial", TRIALS)
def test_ledger_crash_sigkill_then_rerun_matches_uninterrupted(backend, trial, crashes, tmp_path, killed_log):
    ref = crashes.reference(backend, tmp_path)
    target = target_for(backend, tmp_path)
    rng = random.Random(trial)
    early = rng.random() < EARLY_KILLS
    delay = rng.uniform(0, ref.first_commit_s if early else (ref.last_commit_s - ref.first_commit_s) * LATE_MARGIN)
    ingest = start_ingest(crashes.corpus, target, killed_log)
    started = time.monotonic()
    while not early and ingest.poll() is None and stored(target) == 0:
        time.sleep(POLL_S)
    waited = time.monotonic() - started
    try:
        ingest.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(ingest.pid, signal.SIGKILL)
        ingest.wait()
    at_kill = stored(target)
    when = f"{delay:.2f} s after the start" if early else f"{delay:.2f} s after the first commit (at {waited:.2f} s)"
    where = f"{backend} trial {trial} (seed {trial}): SIGKILL {when}, {at_kill} article(s) stored"
    print(f"{where}; ingest exit {ingest.returncode}")
    finish_ingest(crashes.corpus, target, killed_log)
    assert_same_as_reference(target, ref, where)


def test_ledger_crash_terminated_backend_then_rerun_matches_uninterrupted(crashes, tmp_path, killed_log):
    ref = crashes.reference("postgres", tmp_path)
    base = target_for("postgres", tmp_path)
    target = f"{base}{'&' if '?' in base else '?'}application_name={APP_NAME}"
    ingest = start_ingest(crashes.corpus, target, killed_log)
    deadline = time.monotonic() + INGEST_TIMEOUT_S
    while ingest.poll() is None and stored(base) < BATCH and time.monotonic() < deadline:
        time.sleep(POLL_S)
    with Store(base) as admin:
        ended = admin.query(
            "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = ?", (APP_NAME,)
        )
    at_end = stored(base)
    code = ingest.wait(timeout=INGEST_TIMEOUT_S)
    output = killed_log.read_text(errors="replace")
    where = f"backend terminated with {at_end} article(s) stored; ingest exit {code}"
    print(where)
    assert ended and all(r["ended"] for r in ended), where
    assert code != 0, where
    assert "Traceback" not in output and output.strip().splitlines()[-1].startswith("fogofwar: "), output
    finish_ingest(crashes.corpus, base, killed_log)
    assert_same_as_reference(base, ref, where)


def test_ledger_crash_lost_connection_is_one_ledger_error(tmp_path):
    url = target_for("postgres", tmp_path)
    with Store(url) as store, pytest.raises(LedgerUnavailable, match="terminating connection"):  # noqa: SIM117
        with store.transaction():
            store.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'x')")
            store.execute("SELECT pg_terminate_backend(pg_backend_pid())")
    with Store(url) as again:
        assert again.scalar("SELECT max(version) FROM schema_version") == LATEST


def test_ledger_crash_locked_file_is_one_ledger_error(tmp_path, monkeypatch):
    target = target_for("sqlite", tmp_path)
    Store(target).close()
    monkeypatch.setattr("fogofwar.ledger.store.SQLITE_BUSY_TIMEOUT_S", 0.1)
    with closing(sqlite3.connect(target, isolation_level=None)) as other, Store(target) as store:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(LedgerUnavailable, match="locked"):
            store.add_records([make_record("Shelling of Ganja, officials said.")])
        other.execute("ROLLBACK")
        assert store.scalar("SELECT count(*) FROM articles") == 0
