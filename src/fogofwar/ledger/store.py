"""The ledger's store: one connection to a SQLite file (default) or a PostgreSQL database, migrations, record rows.

SQL is written once with ``?`` placeholders and every value is passed as a parameter; for PostgreSQL the
placeholders become ``%s``. SQLite runs in WAL mode (readers are not blocked by an ingest) with foreign keys on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from fogofwar.errors import LedgerError, LedgerUnavailable
from fogofwar.ledger.schema import BACKFILLS, LATEST, MIGRATIONS, statements
from fogofwar.record import ArticleRecord

#: The environment variable naming the ledger when ``--db`` is not given, and the file used when neither is.
DB_ENV = "FOGOFWAR_DB"
DEFAULT_DB = "fogofwar.db"

#: URL schemes that select the PostgreSQL backend.
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

#: How long a SQLite writer waits for another writer's lock before failing, in seconds.
SQLITE_BUSY_TIMEOUT_S = 30.0

#: Ids looked up in one ``IN (...)`` query (SQLite's historical limit on parameters is 999).
IDS_PER_QUERY = 500

Row = dict[str, Any]


def resolve_target(target: str | Path | None) -> str:
    """The ledger to open: ``target`` if given, else ``$FOGOFWAR_DB``, else ``./fogofwar.db``."""
    if target is not None and str(target):
        return str(target)
    return os.environ.get(DB_ENV) or DEFAULT_DB


def is_postgres(target: str) -> bool:
    """True when ``target`` is a PostgreSQL URL."""
    return target.startswith(POSTGRES_SCHEMES)


class Store:
    """A connection to a ledger, migrated to the latest schema on open."""

    def __init__(self, target: str | Path | None = None) -> None:
        self.target = resolve_target(target)
        self.postgres = is_postgres(self.target)
        self._depth = 0
        if self.postgres:
            self._conn: Any = _connect_postgres(self.target)
            self._failures: tuple[type[Exception], ...] = _postgres_failures()
        else:
            self._conn = _connect_sqlite(self.target)
            self._failures = (sqlite3.OperationalError,)
        self.migrate()

    # -- plumbing ---------------------------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.postgres else sql

    @contextmanager
    def _unavailable(self) -> Iterator[None]:
        """Raise the database's operational failures (a lost connection, a locked file) as LedgerUnavailable."""
        try:
            yield
        except self._failures as exc:
            where = "the PostgreSQL ledger" if self.postgres else self.target  # a URL may hold a password
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise LedgerUnavailable(f"{where}: {reason} (nothing half-written is kept: run the command again)") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one statement that returns nothing."""
        with self._unavailable():
            self._conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        with self._unavailable():
            if self.postgres:
                with self._conn.cursor() as cur:
                    cur.executemany(self._sql(sql), rows)
            else:
                self._conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a query and return its rows as dicts keyed by column name."""
        with self._unavailable():
            cur = self._conn.execute(self._sql(sql), tuple(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None when there is no row)."""
        with self._unavailable():
            cur = self._conn.execute(self._sql(sql), tuple(params))
            row = cur.fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group statements into one transaction (nested calls join the outer one); roll back on any error."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            self.execute("BEGIN")
            try:
                yield
            except BaseException:
                # a connection that is gone has no transaction left to roll back: the server dropped it with the
                # connection, so the error to report is the one that ended the transaction, not this one
                with suppress(LedgerUnavailable):
                    self.execute("ROLLBACK")
                raise
            self.execute("COMMIT")
        finally:
            self._depth = 0

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -----------------------------------------------------------------------------------------------
    def version(self) -> int:
        """The schema version the ledger is at (0 for an empty database)."""
        if self.postgres:
            exists = self.scalar("SELECT to_regclass('schema_version') IS NOT NULL")
        else:
            exists = self.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
        if not exists:
            return 0
        return int(self.scalar("SELECT max(version) FROM schema_version") or 0)

    def migrate(self) -> None:
        """Apply the migrations the ledger lacks; refuse a ledger written by a newer fogofwar."""
        current = self.version()
        if current > LATEST:
            raise LedgerError(
                f"{self.target}: the ledger has schema version {current}, this fogofwar knows up to {LATEST}: "
                "upgrade fogofwar to read it"
            )
        for number in range(current + 1, LATEST + 1):
            with self.transaction():
                for statement in statements(MIGRATIONS[number - 1]):
                    self.execute(statement)
                if number in BACKFILLS:
                    BACKFILLS[number](self)
                self.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", (number, _now()))

    # -- articles ---------------------------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The ids among ``ids`` already stored."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), IDS_PER_QUERY):
            chunk = wanted[i : i + IDS_PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            found.update(r["id"] for r in self.query(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def add_records(self, records: Sequence[ArticleRecord]) -> list[str]:
        """Store records not yet in the ledger (one transaction); return the ids newly stored."""
        if not records:
            return []
        with self.transaction():
            present = self.known_ids(r.article.id for r in records)
            fresh: dict[str, ArticleRecord] = {}
            for record in records:
                if record.article.id not in present and record.article.id not in fresh:
                    check_indices(record)
                    fresh[record.article.id] = record
            now = _now()
            self.executemany(
                "INSERT INTO articles (id, record, outlet, published, headline, url, source_path, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (article_row(r, now) for r in fresh.values()),
            )
            for table, columns, rows in record_rows(fresh.values()):
                marks = ", ".join("?" * len(columns))
                self.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING", rows
                )
        return list(fresh)

    def record(self, article_id: str) -> ArticleRecord | None:
        """The stored record of an article, or None."""
        text = self.scalar("SELECT record FROM articles WHERE id = ?", (article_id,))
        return None if text is None else ArticleRecord.from_dict(json.loads(text))


def _connect_sqlite(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise LedgerError(f"{path}: the folder {parent} does not exist")
    try:
        # check_same_thread off: a Store is used by one caller at a time, but not always from one thread (the web
        # app opens a request's Store in one thread of its pool, queries it in another and closes it in a third)
        conn = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise LedgerError(f"{path}: not a fogofwar ledger ({exc})") from exc
    return conn


def _connect_postgres(url: str) -> Any:
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        raise LedgerError("PostgreSQL ledgers need psycopg: pip install 'psycopg[binary]==3.3.9'") from exc
    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise LedgerError(f"cannot connect to the PostgreSQL ledger: {str(exc).strip().splitlines()[0]}") from exc


def _postgres_failures() -> tuple[type[Exception], ...]:
    """psycopg's errors for a database that failed under a statement (connection lost or ended, server shut down)."""
    import psycopg

    return (psycopg.OperationalError,)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


# -- rows from a record -----------------------------------------------------------------------------------------

#: An event's date range wider than this (in days) says too little about when it happened to place it in time.
MAX_EVENT_SPAN_DAYS = 3

#: An undated event in a news article is taken to have happened on the publication day or the day before: news
#: reports yesterday's and today's events (the lead says "on Sunday", "overnight", "this morning").
UNDATED_LOOKBACK_DAYS = 1


def date_range(value: str | None) -> tuple[dt.date, dt.date] | None:  # noqa: PLR0911 - one return per ISO shape
    """The first and last day an ISO 8601 value covers (a day, a range ``a/b``, a week, a month, a year)."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = date_range(first), date_range(last)
        return (a[0], b[1]) if a and b else None
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if "-W" in value:
            year, week = value.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week[:2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if len(value) == 7:
            start = dt.date.fromisoformat(value + "-01")
            nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return start, nxt - dt.timedelta(days=1)
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def event_dates(value: str | None, published: str | None) -> tuple[str | None, str | None, str]:
    """An event's date range as stored: from its own date, else from the publication date; and which it was."""
    own = date_range(value)
    if own is not None:
        return own[0].isoformat(), own[1].isoformat(), "when"
    pub = date_range(published)
    if pub is not None:
        return (pub[0] - dt.timedelta(days=UNDATED_LOOKBACK_DAYS)).isoformat(), pub[1].isoformat(), "published"
    return None, None, "none"


def check_indices(record: ArticleRecord) -> None:
    """Raise RecordError when a cross-reference in the record points outside its list."""
    from fogofwar.errors import RecordError

    n_actors, n_claims, n_cas = len(record.actors), len(record.claims), len(record.casualties)
    problems = [f"claim {i} source {c.source}" for i, c in enumerate(record.claims) if not 0 <= c.source < n_actors]
    problems += [
        f"claim {i} denies {c.denies}"
        for i, c in enumerate(record.claims)
        if c.denies is not None and not 0 <= c.denies < n_claims
    ]
    for i, e in enumerate(record.events):
        problems += [f"event {i} claim {c}" for c in e.claims if not 0 <= c < n_claims]
        problems += [f"event {i} casualty {c}" for c in e.casualties if not 0 <= c < n_cas]
        problems += [f"event {i} place {p}" for p in e.places if not 0 <= p < len(record.places)]
        if e.actor is not None and not 0 <= e.actor < n_actors:
            problems.append(f"event {i} actor {e.actor}")
    problems += [
        f"casualty {i} claim {c.claim}"
        for i, c in enumerate(record.casualties)
        if c.claim is not None and not 0 <= c.claim < n_claims
    ]
    if problems:
        raise RecordError(f"article {record.article.id}: references out of range: {', '.join(problems[:5])}")


def article_row(record: ArticleRecord, now: str) -> tuple[Any, ...]:
    """The ``articles`` row of a record."""
    a = record.article
    return (
        a.id,
        json.dumps(record.to_dict(), ensure_ascii=False),
        a.outlet,
        a.published,
        a.headline,
        a.url,
        a.source_path,
        now,
    )


def _claimant(record: ArticleRecord, claim: int | None) -> tuple[str, str | None]:
    if claim is not None:
        actor = record.actors[record.claims[claim].source]
        return actor.name, actor.country
    return record.article.outlet or "the outlet", None


def record_rows(records: Iterable[ArticleRecord]) -> list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]:
    """The normalised rows of records, table by table in foreign-key order."""
    tables: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {
        "actors": (("article_id", "idx", "text", "name", "kind", "country", "affiliation"), []),
        "claims": (
            (
                "article_id", "idx", "source_idx", "claimant", "claimant_country", "claimant_kind", "cue",
                "polarity", "quote", "denies", "channel", "content", "content_start", "content_end", "confidence",
            ),
            [],
        ),
        "events": (
            (
                "article_id", "idx", "type", "mode", "actor_idx", "actor", "actor_country", "when_text",
                "when_value", "date_start", "date_end", "dated_by", "status", "modality", "evidence", "confidence",
            ),
            [],
        ),
        "event_places": (
            ("article_id", "event_idx", "place_idx", "text", "name", "lat", "lon", "country", "precision"),
            [],
        ),
        "event_claims": (("article_id", "event_idx", "claim_idx"), []),
        "casualties": (
            (
                "article_id", "idx", "low", "high", "outcome", "population", "side", "scope", "as_of",
                "claim_idx", "claimant", "claimant_country", "historical", "evidence",
            ),
            [],
        ),
        "event_casualties": (("article_id", "event_idx", "casualty_idx"), []),
        "losses": (
            ("article_id", "idx", "item", "low", "high", "side", "outcome", "claim_idx", "claimant", "evidence"),
            [],
        ),
    }  # fmt: skip
    for record in records:
        aid, text = record.article.id, record.article.text
        for i, actor in enumerate(record.actors):
            tables["actors"][1].append((aid, i, actor.text, actor.name, actor.kind, actor.country, actor.affiliation))
        for i, c in enumerate(record.claims):
            source = record.actors[c.source]
            tables["claims"][1].append(
                (
                    aid, i, c.source, source.name, source.country, source.kind, c.cue, c.polarity, int(c.quote),
                    c.denies, c.channel, c.content.text(text), c.content.start, c.content.end, c.confidence,
                )
            )  # fmt: skip
        for i, e in enumerate(record.events):
            doer = record.actors[e.actor] if e.actor is not None else None
            start, end, dated_by = event_dates(e.when.value if e.when else None, record.article.published)
            evidence = " … ".join(span.text(text) for span in e.evidence)
            tables["events"][1].append(
                (
                    aid, i, e.type, e.mode, e.actor, doer.name if doer else None, doer.country if doer else None,
                    e.when.text if e.when else None, e.when.value if e.when else None, start, end, dated_by,
                    e.status, e.modality, evidence, e.confidence,
                )
            )  # fmt: skip
            for p in dict.fromkeys(e.places):
                place = record.places[p]
                tables["event_places"][1].append(
                    (aid, i, p, place.text, place.name, place.lat, place.lon, place.country, place.precision)
                )
            tables["event_claims"][1].extend((aid, i, c) for c in dict.fromkeys(e.claims))
            tables["event_casualties"][1].extend((aid, i, c) for c in dict.fromkeys(e.casualties))
        for i, k in enumerate(record.casualties):
            who, country = _claimant(record, k.claim)
            tables["casualties"][1].append(
                (
                    aid, i, k.low, k.high, k.outcome, k.population, k.side, k.scope,
                    k.as_of.value if k.as_of else None, k.claim, who, country, int(k.historical),
                    k.evidence.text(text),
                )
            )  # fmt: skip
        for i, loss in enumerate(record.losses):
            who, _ = _claimant(record, loss.claim)
            tables["losses"][1].append(
                (aid, i, loss.item, loss.low, loss.high, loss.side, loss.outcome, loss.claim, who,
                 loss.evidence.text(text))
            )  # fmt: skip
    order = ("actors", "claims", "events", "event_places", "event_claims", "casualties", "event_casualties", "losses")
    return [(name, tables[name][0], tables[name][1]) for name in order]
