"""Queries over a ledger: event clusters, claims, tallies, one article. Each returns rows (dicts); every value
reaches SQL as a parameter. ``fogofwar.Ledger`` wraps them into pandas DataFrames, the CLI into tables.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any, Literal

from fogofwar.countries import iso2_to_iso3, iso3_to_iso2, lookup
from fogofwar.errors import LedgerError
from fogofwar.ledger.merge import distance_km
from fogofwar.ledger.schema import map_cell
from fogofwar.ledger.store import Row, Store

#: Rows a listing returns unless asked for more.
DEFAULT_LIMIT = 100

#: Kilometres per degree of latitude, for the bounding box that narrows a ``--near`` search before the exact distance.
KM_PER_DEGREE = 111.2

#: Event types a ``--type`` filter accepts (the 16 PLOVER types).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Near:
    """A circle on the map: ``LAT,LON,KM``."""

    lat: float
    lon: float
    km: float

    @classmethod
    def parse(cls, text: str) -> Near:
        """Parse ``LAT,LON,KM`` (e.g. ``40.68,46.36,30``); raise LedgerError when it is not that."""
        parts = text.split(",")
        try:
            lat, lon, km = (float(p) for p in parts)
        except ValueError:
            raise LedgerError(f"--near {text!r}: expected LAT,LON,KM, e.g. 40.68,46.36,30") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
            raise LedgerError(f"--near {text!r}: latitude, longitude or radius out of range")
        return cls(lat, lon, km)


def parse_day(value: str | None, option: str) -> str | None:
    """Check an ISO date given to ``--since``/``--until``."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise LedgerError(f"{option} {value!r}: expected a date like 2020-09-27") from None


def country_code(value: str) -> str:
    """An ISO alpha-3 code from an alpha-2 or alpha-3 code or a country name; raise LedgerError if unknown."""
    text = value.strip()
    if len(text) == 2 and (code := iso2_to_iso3(text)):
        return code
    if len(text) == 3 and text.isalpha() and iso3_to_iso2(text):
        return text.upper()
    found = lookup(text) or lookup(text.title())
    if found is None:
        raise LedgerError(f"--country {value!r}: not a country fogofwar knows (use a name or an ISO code)")
    return found.iso3


def events(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    type: str | None = None,
    near: Near | str | None = None,
    text: str | None = None,
    min_articles: int = 1,
    limit: int | None = DEFAULT_LIMIT,
) -> list[Row]:
    """Event clusters matching every filter given, the most recent first."""
    # With a country, the country's own index is read in listing order; it repeats the columns the type and date
    # filters test (cluster_countries), so those filters are tested on it rather than on the clusters' rows.
    t = "c" if country else "e"
    where: list[str] = [f"{t}.num_articles >= ?"]
    params: list[Any] = [min_articles]
    if country:
        where.insert(0, "c.country = ?")
        params.insert(0, country_code(country))
    if (day := parse_day(since, "--since")) is not None:
        where.append(f"{t}.date_end >= ?")
        params.append(day)
    if (day := parse_day(until, "--until")) is not None:
        where.append(f"{t}.date_start <= ?")
        params.append(day)
    if type:
        kind = type.upper()
        if kind not in PLOVER_TYPES:
            raise LedgerError(f"--type {type!r}: not a PLOVER type ({', '.join(PLOVER_TYPES)})")
        where.append(f"{t}.type = ?")
        params.append(kind)
    circle = Near.parse(near) if isinstance(near, str) else near
    if circle is not None:
        dlat = circle.km / KM_PER_DEGREE
        dlon = dlat / max(0.01, abs(math.cos(math.radians(circle.lat))))
        if (cells := cells_of(circle.lat - dlat, circle.lat + dlat, circle.lon - dlon, circle.lon + dlon)) is not None:
            where.append(f"e.cell IN ({', '.join('?' * len(cells))})")
            params += cells
        where.append("e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
        params += [circle.lat - dlat, circle.lat + dlat, circle.lon - dlon, circle.lon + dlon]
    if text:
        where.append(
            "(LOWER(e.summary) LIKE ? OR LOWER(COALESCE(e.place, '')) LIKE ? OR EXISTS (SELECT 1 "
            "FROM cluster_members m JOIN articles a ON a.id = m.article_id WHERE m.cluster_id = e.id "
            "AND LOWER(COALESCE(a.headline, '')) LIKE ?))"
        )
        needle = f"%{text.lower()}%"
        params += [needle, needle, needle]
    if country:
        source = "cluster_countries c JOIN event_clusters e ON e.id = c.cluster_id"
        order = "c.date_start DESC, c.num_articles DESC, c.cluster_id"
    else:
        source = "event_clusters e"
        order = "e.date_start DESC, e.num_articles DESC, e.id"
    sql = (
        "SELECT e.id, e.type, e.date_start, e.date_end, e.place, e.lat, e.lon, e.countries, e.status, "
        f"e.num_mentions, e.num_sources, e.num_articles, e.summary FROM {source} WHERE {' AND '.join(where)} "
        f"ORDER BY {order}"
    )
    if circle is None:
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return store.query(sql, params)
    return _within(store, sql, params, circle, limit)


#: Most map cells a place search names; a wider circle reads the clusters in listing order and tests their points.
MAX_NEAR_CELLS = 16


def cells_of(south: float, north: float, west: float, east: float) -> list[int] | None:
    """The map cells a bounding box overlaps, or None when they are more than ``MAX_NEAR_CELLS`` or the box crosses
    the antimeridian."""
    if west < -180 or east > 180:
        return None
    rows = range(math.floor(south + 90), math.floor(north + 90) + 1)
    columns = range(math.floor(west + 180), math.floor(east + 180) + 1)
    if len(rows) * len(columns) > MAX_NEAR_CELLS:
        return None
    cells = {map_cell(r - 90 + 0.5, c - 180 + 0.5) for r in rows for c in columns}
    return sorted(c for c in cells if c is not None)


#: Rows of the bounding box read per page, as a multiple of the rows wanted: the circle covers pi/4 of its box, so
#: twice the limit is nearly always one page, and a page never reads the whole box of a busy city.
NEAR_PAGE_FACTOR = 2


def _within(store: Store, sql: str, params: list[Any], circle: Near, limit: int | None) -> list[Row]:
    """The rows of ``sql`` (already narrowed to the circle's box) inside the circle, in the query's order, reading
    the box a page at a time until ``limit`` rows are found (the order ends with the id, so pages do not overlap)."""
    if limit is None:
        rows = store.query(sql, params)
        return [r for r in rows if distance_km(circle.lat, circle.lon, r["lat"], r["lon"]) <= circle.km]
    found: list[Row] = []
    size, offset = max(limit, 1) * NEAR_PAGE_FACTOR, 0
    while len(found) < limit:
        rows = store.query(f"{sql} LIMIT ? OFFSET ?", [*params, size, offset])
        found += [r for r in rows if distance_km(circle.lat, circle.lon, r["lat"], r["lon"]) <= circle.km]
        if len(rows) < size:
            break
        offset += size
    return found[:limit]


CLAIM_COLUMNS = (
    "c.article_id, c.idx AS claim, c.claimant, c.claimant_country, c.cue, c.polarity, c.denies, c.quote, "
    "c.content, a.outlet, a.published"
)


def claims(
    store: Store, *, event: str | None = None, contested: bool = False, limit: int | None = DEFAULT_LIMIT
) -> list[Row]:
    """Claims (who says what), optionally those about one event cluster, or only those in a contradiction.

    Contested claims carry ``contradiction``: each contradiction they are part of, with its reason.
    """
    columns = CLAIM_COLUMNS
    joins: list[str] = ["JOIN articles a ON a.id = c.article_id"]
    where: list[str] = []
    params: list[Any] = []
    order = "a.published, c.article_id, c.idx"
    if event is not None:
        if store.scalar("SELECT count(*) FROM event_clusters WHERE id = ?", (event,)) == 0:
            raise LedgerError(f"--event {event!r}: no such event cluster (see `fogofwar events`)")
        # from the cluster's members (indexed by cluster) to their claims; DISTINCT: a claim can back two mentions
        joins.append(
            "JOIN (SELECT DISTINCT ec.article_id AS e_article, ec.claim_idx AS e_claim FROM cluster_members m "
            "JOIN event_claims ec ON ec.article_id = m.article_id AND ec.event_idx = m.event_idx "
            "WHERE m.cluster_id = ?) e ON e.e_article = c.article_id AND e.e_claim = c.idx"
        )
        params.append(event)
    if contested:
        joins.insert(0, "JOIN contested_claims k ON k.article_id = c.article_id AND k.claim_idx = c.idx")
        columns += ", k.reasons AS contradiction"
        order = "k.published, k.article_id, k.claim_idx"
    sql = f"SELECT {columns} FROM claims c {' '.join(joins)}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return store.query(sql, params)


def tally(
    store: Store, *, side: str | None = None, by: Literal["day", "week"] | None = None, scope: str | None = None
) -> list[Row]:
    """Low / best / high estimates (with reasons); with ``by``, each claimant's figures per day or week instead."""
    params: list[Any] = []
    side_code = country_code(side) if side else None
    if by is None:
        sql = (
            "SELECT scope_key, scope, cluster_id, side, outcome, population, low, best, high, claimants, as_of, "
            "low_reason, best_reason, high_reason FROM estimates"
        )
        where = []
        if side_code:
            where.append("side = ?")
            params.append(side_code)
        if scope:
            where.append("scope = ?")
            params.append(scope)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return store.query(sql + " ORDER BY scope, as_of, scope_key", params)
    if by not in ("day", "week"):
        raise LedgerError(f"--by {by!r}: expected day or week")
    sql = (
        "SELECT f.scope_key, e.side, e.outcome, e.population, f.claimant, f.reported, f.low, f.high "
        "FROM figures f JOIN estimates e ON e.scope_key = f.scope_key"
    )
    if side_code:
        sql += " WHERE e.side = ?"
        params.append(side_code)
    rows = store.query(sql + " ORDER BY f.reported, f.scope_key, f.claimant", params)
    buckets: dict[tuple[Any, ...], Row] = {}
    for r in rows:
        period = _period(r["reported"], by)
        key = (r["scope_key"], r["claimant"], period)
        held = buckets.get(key)
        top = r["high"] if r["high"] is not None else r["low"]
        if held is None or (top or 0) > (held["high"] if held["high"] is not None else held["low"] or 0):
            buckets[key] = {
                "period": period,
                "scope_key": r["scope_key"],
                "side": r["side"],
                "outcome": r["outcome"],
                "population": r["population"],
                "claimant": r["claimant"],
                "low": r["low"],
                "high": r["high"],
            }
    return sorted(buckets.values(), key=lambda b: (b["period"] or "", b["scope_key"], b["claimant"]))


def _period(day: str | None, by: str) -> str | None:
    if not day or len(day) < 10:
        return day
    if by == "day":
        return day[:10]
    date = dt.date.fromisoformat(day[:10])
    year, week, _ = date.isocalendar()
    return f"{year}-W{week:02d}"


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One stored article: its row, its record, and the clusters its events joined."""
    rows = store.query(
        "SELECT id, outlet, published, headline, url, source_path, ingested_at, record FROM articles WHERE id = ?",
        (article_id,),
    )
    if not rows:
        like = store.query("SELECT id FROM articles WHERE id LIKE ? ORDER BY id LIMIT 2", (f"{article_id}%",))
        if len(like) != 1:
            raise LedgerError(f"no article {article_id!r} in the ledger (ids are 16 hex digits; see `fogofwar events`)")
        return article(store, like[0]["id"])
    row = rows[0]
    row["record"] = json.loads(row["record"])
    row["clusters"] = store.query(
        "SELECT m.event_idx, m.cluster_id, k.type, k.num_articles FROM cluster_members m "
        "JOIN event_clusters k ON k.id = m.cluster_id WHERE m.article_id = ? ORDER BY m.event_idx",
        (row["id"],),
    )
    return row


def summary(store: Store) -> dict[str, int]:
    """Counts of what the ledger holds."""
    counts = {}
    for table in ("articles", "claims", "events", "event_clusters", "casualties", "estimates", "contradictions"):
        counts[table] = int(store.scalar(f"SELECT count(*) FROM {table}"))
    counts["merged_clusters"] = int(store.scalar("SELECT count(*) FROM event_clusters WHERE num_articles > 1"))
    return counts
