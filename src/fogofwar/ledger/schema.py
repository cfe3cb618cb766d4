"""The ledger's schema as versioned migrations: plain SQL that SQLite and PostgreSQL both accept.

Each migration is applied once, in order, inside one transaction, and recorded in ``schema_version``; a ledger
written by a newer fogofwar (a version above ``LATEST``) is refused rather than guessed at. Identifiers are text
(article ids, cluster ids) so that no backend-specific auto-increment is needed. Rows extracted from a record are
keyed by ``(article_id, idx)``, ``idx`` being the item's index in the record's list, so the record's
cross-references (a claim's ``source``, an event's ``claims``) stay valid as foreign keys into the same article.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fogofwar.ledger.store import Store

#: Version 1: articles and the rows extracted from them; event clusters; estimates; contradictions.
V1 = """
CREATE TABLE schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    outlet TEXT,
    published TEXT,
    headline TEXT,
    url TEXT,
    source_path TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    affiliation INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    source_idx INTEGER NOT NULL,
    claimant TEXT NOT NULL,
    claimant_country TEXT,
    claimant_kind TEXT,
    cue TEXT NOT NULL,
    polarity TEXT NOT NULL,
    quote INTEGER NOT NULL,
    denies INTEGER,
    channel TEXT,
    content TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, idx),
    FOREIGN KEY (article_id, source_idx) REFERENCES actors (article_id, idx)
);
CREATE INDEX claims_polarity ON claims (polarity);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    actor_idx INTEGER,
    actor TEXT,
    actor_country TEXT,
    when_text TEXT,
    when_value TEXT,
    date_start TEXT,
    date_end TEXT,
    dated_by TEXT NOT NULL,
    status TEXT NOT NULL,
    modality TEXT NOT NULL,
    evidence TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX events_type_date ON events (type, date_start);
CREATE TABLE event_places (
    article_id TEXT NOT NULL,
    event_idx INTEGER NOT NULL,
    place_idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT,
    precision TEXT NOT NULL,
    PRIMARY KEY (article_id, event_idx, place_idx),
    FOREIGN KEY (article_id, event_idx) REFERENCES events (article_id, idx) ON DELETE CASCADE
);
CREATE TABLE event_claims (
    article_id TEXT NOT NULL,
    event_idx INTEGER NOT NULL,
    claim_idx INTEGER NOT NULL,
    PRIMARY KEY (article_id, event_idx, claim_idx),
    FOREIGN KEY (article_id, event_idx) REFERENCES events (article_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (article_id, claim_idx) REFERENCES claims (article_id, idx)
);
CREATE INDEX event_claims_claim ON event_claims (article_id, claim_idx);
CREATE TABLE casualties (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    low INTEGER,
    high INTEGER,
    outcome TEXT NOT NULL,
    population TEXT NOT NULL,
    side TEXT,
    scope TEXT NOT NULL,
    as_of TEXT,
    claim_idx INTEGER,
    claimant TEXT NOT NULL,
    claimant_country TEXT,
    historical INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE event_casualties (
    article_id TEXT NOT NULL,
    event_idx INTEGER NOT NULL,
    casualty_idx INTEGER NOT NULL,
    PRIMARY KEY (article_id, event_idx, casualty_idx),
    FOREIGN KEY (article_id, event_idx) REFERENCES events (article_id, idx) ON DELETE CASCADE,
    FOREIGN KEY (article_id, casualty_idx) REFERENCES casualties (article_id, idx)
);
CREATE TABLE losses (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    item TEXT NOT NULL,
    low INTEGER,
    high INTEGER,
    side TEXT,
    outcome TEXT NOT NULL,
    claim_idx INTEGER,
    claimant TEXT NOT NULL,
    evidence TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE event_clusters (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    place TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    countries TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL
);
CREATE INDEX event_clusters_date ON event_clusters (date_start);
CREATE INDEX event_clusters_type ON event_clusters (type, date_start);
CREATE TABLE cluster_members (
    article_id TEXT NOT NULL,
    event_idx INTEGER NOT NULL,
    cluster_id TEXT NOT NULL REFERENCES event_clusters (id),
    PRIMARY KEY (article_id, event_idx),
    FOREIGN KEY (article_id, event_idx) REFERENCES events (article_id, idx) ON DELETE CASCADE
);
CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id);
CREATE TABLE figures (
    scope_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    casualty_idx INTEGER NOT NULL,
    claimant TEXT NOT NULL,
    reported TEXT,
    low INTEGER,
    high INTEGER,
    PRIMARY KEY (scope_key, article_id, casualty_idx)
);
CREATE TABLE estimates (
    scope_key TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    cluster_id TEXT,
    outcome TEXT NOT NULL,
    population TEXT NOT NULL,
    side TEXT,
    low INTEGER,
    best INTEGER,
    high INTEGER,
    claimants INTEGER NOT NULL,
    low_reason TEXT NOT NULL,
    best_reason TEXT NOT NULL,
    high_reason TEXT NOT NULL,
    as_of TEXT
);
CREATE TABLE contradictions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    cluster_id TEXT,
    scope_key TEXT,
    article_id TEXT NOT NULL,
    claim_idx INTEGER,
    other_article_id TEXT,
    other_claim_idx INTEGER,
    reason TEXT NOT NULL
);
CREATE INDEX contradictions_claim ON contradictions (article_id, claim_idx);
CREATE INDEX contradictions_other ON contradictions (other_article_id, other_claim_idx);
"""

#: Version 2: contested claims precomputed (with their reasons and the article's date), so that
#: ``claims --contested`` reads an index in date order instead of joining every contradiction at query time.
V2 = """
CREATE TABLE contested_claims (
    article_id TEXT NOT NULL,
    claim_idx INTEGER NOT NULL,
    published TEXT,
    reasons TEXT NOT NULL,
    PRIMARY KEY (article_id, claim_idx)
);
CREATE INDEX contested_claims_published ON contested_claims (published, article_id, claim_idx);
"""

#: Version 3: event clusters indexed in the order listings return them (latest first), carrying the columns the date
#: and place filters test, so that a listing reads its first page from the index instead of sorting every cluster of
#: its last day, and a place or date-range filter skips non-matching clusters without reading their rows. On a
#: 100k-article ledger: a month's events 14 -> 0.3 ms, a place 6-20 -> 1-3 ms, a place in a date range 280-820 ->
#: 30-90 ms (benchmarks/load.py).
V3 = """
CREATE INDEX event_clusters_latest ON event_clusters (date_start DESC, num_articles DESC, id, date_end, lat, lon);
"""

#: Version 4: each event cluster's countries, one row each, indexed per country in the order listings return them
#: and carrying the columns the type and date filters test, so that a country filter seeks its clusters instead of
#: testing every cluster's list of countries until a page is full (a rare country on a 100k-article ledger read every
#: cluster), and a type or date filter beside it reads no cluster row it rejects. The rows are filled from
#: ``event_clusters`` when the migration runs (``BACKFILLS``) and kept by ``fogofwar.ledger.merge``.
#: Clusters are also filed under the map cell (``map_cell``) of their point, so that a place search reads the few
#: cells around the place instead of every cluster of its date range (a place in a quarter read every older cluster).
V4 = """
CREATE TABLE cluster_countries (
    cluster_id TEXT NOT NULL REFERENCES event_clusters (id),
    country TEXT NOT NULL,
    type TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    num_articles INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, country)
);
CREATE INDEX cluster_countries_latest ON cluster_countries (
    country, date_start DESC, num_articles DESC, cluster_id, date_end, type
);
ALTER TABLE event_clusters ADD COLUMN cell INTEGER;
CREATE INDEX event_clusters_cell ON event_clusters (cell, date_start DESC, num_articles DESC, id, date_end, lat, lon);
"""

#: The migrations in order: ``MIGRATIONS[n - 1]`` brings a ledger from version ``n - 1`` to ``n``.
MIGRATIONS: tuple[str, ...] = (V1, V2, V3, V4)


#: The ``event_clusters`` columns ``cluster_countries`` repeats, read to write its rows.
CLUSTER_COUNTRY_SOURCE = "SELECT id, countries, type, date_start, date_end, num_articles FROM event_clusters"

INSERT_CLUSTER_COUNTRIES = (
    "INSERT INTO cluster_countries (cluster_id, country, type, date_start, date_end, num_articles) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def cluster_country_rows(clusters: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The ``cluster_countries`` rows of clusters read by ``CLUSTER_COUNTRY_SOURCE`` (one per country code)."""
    return [
        (r["id"], code, r["type"], r["date_start"], r["date_end"], r["num_articles"])
        for r in clusters
        for code in sorted(set(r["countries"].split()))
    ]


#: Columns of the map grid (one-degree cells: a place search of up to about 100 km reads at most nine of them).
CELL_COLUMNS = 360


def map_cell(lat: float | None, lon: float | None) -> int | None:
    """The one-degree map cell of a point, numbered row by row from the south-west; None for no point."""
    if lat is None or lon is None:
        return None
    row = min(179, max(0, math.floor(lat + 90)))
    column = min(CELL_COLUMNS - 1, max(0, math.floor(lon + 180)))
    return row * CELL_COLUMNS + column


def fill_version_4(store: Store) -> None:
    """Version 4's rows and cells for the clusters already in the ledger."""
    store.executemany(INSERT_CLUSTER_COUNTRIES, cluster_country_rows(store.query(CLUSTER_COUNTRY_SOURCE)))
    points = store.query("SELECT id, lat, lon FROM event_clusters WHERE lat IS NOT NULL AND lon IS NOT NULL")
    store.executemany(
        "UPDATE event_clusters SET cell = ? WHERE id = ?", [(map_cell(r["lat"], r["lon"]), r["id"]) for r in points]
    )


#: Data a migration derives from rows already stored, run right after its SQL in the same transaction.
BACKFILLS: dict[int, Callable[[Store], None]] = {4: fill_version_4}

#: The schema version this fogofwar writes.
LATEST = len(MIGRATIONS)


def statements(sql: str) -> list[str]:
    """Split a migration into its statements (none of ours holds a semicolon inside a literal)."""
    return [part.strip() for part in sql.split(";") if part.strip()]
