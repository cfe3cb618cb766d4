"""Merge event mentions from different articles that report the same happening into event clusters.

Two mentions from different articles are linked when they have the same PLOVER type, their dates fall within
``DATE_WINDOW_DAYS`` of each other, their places agree (within ``PLACE_DISTANCE_KM`` when both are geocoded, the
same name otherwise; no known place on one side does not separate them), their actors are compatible (the same
country, or one unknown). Clusters are the connected components of those links, built incrementally: a new mention
joins every cluster it links to (merging them). Every mention stays a member of exactly one cluster, so NumMentions,
NumArticles and NumSources (distinct outlets) count what was reported, the way GDELT counts, with real merging.

Mentions that cannot be placed in time (no date of their own and no publication date, or a date wider than
``MAX_EVENT_SPAN_DAYS``), and mentions of future, hypothetical or historical events, stay clusters of one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fogofwar.countries import iso2_to_iso3
from fogofwar.ledger.schema import CLUSTER_COUNTRY_SOURCE, INSERT_CLUSTER_COUNTRIES, cluster_country_rows, map_cell
from fogofwar.ledger.store import MAX_EVENT_SPAN_DAYS, Row, Store

#: Reports of one strike date it a day apart ("on Sunday" vs "overnight", time zones, a dateline of the next day):
#: mentions whose date ranges come within one day of each other may be the same happening.
DATE_WINDOW_DAYS = 1

#: Two geocoded places this close are the same scene: a town and the village on its edge, a city and its district
#: (gazetteers put a city's point at its centre; 25 km covers a large city and its suburbs, and stays below the
#: distance between neighbouring towns on a front line).
PLACE_DISTANCE_KM = 25.0

#: The widest a cluster's dates may spread, first day to last: reports of one strike over a few days (the first
#: report, the next day's toll) fit; a month of strikes on the same province chained through similar reports does not.
#: A mention joins a cluster only if the cluster stays this narrow, and only if it agrees with the cluster as a whole
#: (one actor country, one mode, places that agree), so that single links cannot chain different happenings.
MAX_CLUSTER_SPAN_DAYS = 3

#: Whether two mentions with different PLOVER modes (aerial, explosives, firearms...) are kept apart. Off: one
#: attack is often told with several modes ("fired shots, then blew themselves up"), and on FA-KES pairs requiring
#: the same mode split more true pairs than it separated false ones.
MODES_MUST_AGREE = False

#: Place precisions that say where a thing happened; coarser places (a region, a province, a country) only keep
#: apart mentions in different countries.
SPECIFIC_PLACES = frozenset({"point", "admin2", "unresolved"})

#: Modalities of mentions that report something that happened (or is said not to have happened).
MERGEABLE_MODALITIES = frozenset({"asserted", "negated"})

#: Event statuses that deny the happening.
DENIED_STATUSES = frozenset({"denied"})

#: Mean Earth radius for the haversine distance.
EARTH_RADIUS_KM = 6371.0

#: Length of the evidence text kept as a cluster's summary.
SUMMARY_CHARS = 160


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place an event mention happened at, as stored in ``event_places``."""

    name: str | None
    lat: float | None
    lon: float | None
    country: str | None
    precision: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One event mention as the merge sees it."""

    article_id: str
    idx: int
    type: str
    start: dt.date | None
    end: dt.date | None
    actor_country: str | None
    places: tuple[PlaceRef, ...] = ()
    modality: str = "asserted"
    mode: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        """The mention's key in the ledger."""
        return self.article_id, self.idx

    @property
    def mergeable(self) -> bool:
        """True when the mention reports a happening placed closely enough in time to be merged."""
        if self.modality not in MERGEABLE_MODALITIES or self.start is None or self.end is None:
            return False
        return (self.end - self.start).days <= MAX_EVENT_SPAN_DAYS


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def _places_agree(a: Sequence[PlaceRef], b: Sequence[PlaceRef]) -> bool:
    countries_a = {p.country for p in a if p.country}
    countries_b = {p.country for p in b if p.country}
    if countries_a and countries_b and not countries_a & countries_b:
        return False
    specific_a = [p for p in a if p.precision in SPECIFIC_PLACES and (p.name or p.lat is not None)]
    specific_b = [p for p in b if p.precision in SPECIFIC_PLACES and (p.name or p.lat is not None)]
    if not specific_a or not specific_b:
        return True
    for p in specific_a:
        for q in specific_b:
            if p.lat is not None and p.lon is not None and q.lat is not None and q.lon is not None:
                if distance_km(p.lat, p.lon, q.lat, q.lon) <= PLACE_DISTANCE_KM:
                    return True
            elif p.name and q.name and p.name.casefold() == q.name.casefold():
                return True
    return False


def same_happening(a: Mention, b: Mention) -> bool:
    """True when two mentions from different articles can be the same happening (see the module's rules)."""
    if a.article_id == b.article_id or a.type != b.type or not (a.mergeable and b.mergeable):
        return False
    assert a.start and a.end and b.start and b.end  # mergeable guarantees the dates
    window = dt.timedelta(days=DATE_WINDOW_DAYS)
    if a.start - window > b.end or b.start - window > a.end:
        return False
    if a.actor_country and b.actor_country and a.actor_country != b.actor_country:
        return False
    if MODES_MUST_AGREE and a.mode and b.mode and a.mode != b.mode:
        return False
    return _places_agree(a.places, b.places)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _mentions(store: Store, where: str, params: Sequence[object]) -> list[Mention]:
    rows = store.query(
        "SELECT e.article_id, e.idx, e.type, e.date_start, e.date_end, e.actor_country, e.modality, e.mode "
        f"FROM events e {where} ORDER BY e.date_start, e.article_id, e.idx",
        params,
    )
    places: dict[tuple[str, int], list[PlaceRef]] = defaultdict(list)
    if rows:
        place_rows = store.query(
            "SELECT p.article_id, p.event_idx, p.name, p.lat, p.lon, p.country, p.precision "
            f"FROM event_places p JOIN events e ON e.article_id = p.article_id AND e.idx = p.event_idx {where}",
            params,
        )
        for p in place_rows:
            places[(p["article_id"], p["event_idx"])].append(
                PlaceRef(p["name"], p["lat"], p["lon"], p["country"], p["precision"])
            )
    return [
        Mention(
            r["article_id"],
            r["idx"],
            r["type"],
            _date(r["date_start"]),
            _date(r["date_end"]),
            r["actor_country"],
            tuple(places.get((r["article_id"], r["idx"]), ())),
            r["modality"],
            r["mode"],
        )
        for r in rows
    ]


def cluster_id(mention: Mention) -> str:
    """The id a cluster founded by ``mention`` gets: stable, readable, unique."""
    return f"{mention.article_id}-{mention.idx}"


def update(store: Store) -> int:
    """Put every mention not yet in a cluster into one (joining or merging clusters); return the cluster count."""
    unclustered = (
        "LEFT JOIN cluster_members m ON m.article_id = e.article_id AND m.event_idx = e.idx WHERE m.cluster_id IS NULL"
    )
    new = _mentions(store, unclustered, ())
    if new:
        with store.transaction():
            touched = _assign(store, new)
            refresh_clusters(store, touched)
    return int(store.scalar("SELECT count(*) FROM event_clusters"))


@dataclass(slots=True)
class _Envelope:
    """What a cluster's mentions jointly say: the span of their dates, their actor countries, modes and places."""

    start: dt.date
    end: dt.date
    countries: set[str]
    modes: set[str]
    places: list[PlaceRef]

    @classmethod
    def of(cls, m: Mention) -> _Envelope:
        assert m.start and m.end
        countries = {m.actor_country} if m.actor_country else set()
        modes = {m.mode} if m.mode else set()
        return cls(m.start, m.end, countries, modes, list(m.places))

    def admits(self, other: _Envelope) -> bool:
        """True when the two together still describe one happening."""
        span = (max(self.end, other.end) - min(self.start, other.start)).days
        return (
            span <= MAX_CLUSTER_SPAN_DAYS
            and len(self.countries | other.countries) <= 1
            and (not MODES_MUST_AGREE or len(self.modes | other.modes) <= 1)
            and _places_agree(self.places, other.places)
        )

    def absorb(self, other: _Envelope) -> None:
        """Widen this envelope by another's."""
        self.start, self.end = min(self.start, other.start), max(self.end, other.end)
        self.countries |= other.countries
        self.modes |= other.modes
        self.places += other.places


class _Clusters:
    """Cluster assignments in memory while new mentions are linked: who is in which cluster, and a day index."""

    def __init__(self) -> None:
        self.cluster_of: dict[tuple[str, int], str] = {}
        self.members: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.by_day: dict[tuple[str, dt.date], list[Mention]] = defaultdict(list)
        self.created: set[str] = set()
        self.changed: set[str] = set()
        self.relabel: dict[str, str] = {}
        self.envelope: dict[str, _Envelope] = {}

    def load(self, store: Store, mergeable: list[Mention]) -> None:
        """Load the clustered mentions that new mentions could link to (same type, dates within the window)."""
        window = dt.timedelta(days=DATE_WINDOW_DAYS + MAX_CLUSTER_SPAN_DAYS)
        for kind in sorted({m.type for m in mergeable}):
            group = [m for m in mergeable if m.type == kind]
            lo = min(m.start for m in group if m.start) - window
            hi = max(m.end for m in group if m.end) + window
            old = _mentions(
                store,
                "JOIN cluster_members m ON m.article_id = e.article_id AND m.event_idx = e.idx "
                "WHERE e.type = ? AND e.date_end >= ? AND e.date_start <= ?",
                (kind, lo.isoformat(), hi.isoformat()),
            )
            for row in _cluster_rows(store, [o.key for o in old]):
                key = (str(row["article_id"]), int(row["event_idx"]))
                self.cluster_of[key] = str(row["cluster_id"])
                self.members[str(row["cluster_id"])].append(key)
            for o in old:
                self.index(o)
                if o.key in self.cluster_of:
                    self._widen(self.cluster_of[o.key], _Envelope.of(o))

    def _widen(self, cid: str, env: _Envelope) -> None:
        held = self.envelope.get(cid)
        if held is None:
            self.envelope[cid] = env
        else:
            held.absorb(env)

    def index(self, m: Mention) -> None:
        """Make a mergeable mention findable by the days it covers."""
        if not m.mergeable:
            return
        assert m.start and m.end
        day = m.start
        while day <= m.end:
            self.by_day[(m.type, day)].append(m)
            day += dt.timedelta(days=1)

    def linked(self, m: Mention) -> set[str]:
        """The clusters holding a mention that ``m`` is the same happening as."""
        if not m.mergeable:
            return set()
        assert m.start and m.end
        window = dt.timedelta(days=DATE_WINDOW_DAYS)
        day, last = m.start - window, m.end + window
        found: set[str] = set()
        seen: set[tuple[str, int]] = set()
        while day <= last:
            for c in self.by_day.get((m.type, day), ()):
                if c.key in seen or self.cluster_of[c.key] in found:
                    continue  # one link to a cluster is enough: skip its other members
                seen.add(c.key)
                if same_happening(m, c):
                    found.add(self.cluster_of[c.key])
            day += dt.timedelta(days=1)
        return found

    def add(self, m: Mention) -> None:
        """Put ``m`` in a new cluster, or in the cluster it links to, merging the clusters it bridges."""
        linked = self.linked(m)
        own = _Envelope.of(m) if m.mergeable else None
        if own is not None:
            # keep the clusters the mention fits as a whole, largest first, merging only those that fit together
            fitting = sorted(
                (c for c in linked if c in self.envelope and self.envelope[c].admits(own)),
                key=lambda c: (-len(self.members[c]), c),
            )
            linked = set()
            joint = _Envelope(own.start, own.end, set(own.countries), set(own.modes), list(own.places))
            for c in fitting:
                if self.envelope[c].admits(joint):
                    joint.absorb(self.envelope[c])
                    linked.add(c)
        if not linked:
            target = cluster_id(m)
            self.created.add(target)
        else:
            target = min(linked, key=lambda c: (-len(self.members[c]), c))
            for other in linked - {target}:
                for key in self.members.pop(other):
                    self.cluster_of[key] = target
                    self.members[target].append(key)
                self.relabel[other] = target
                self.created.discard(other)
            self.changed.add(target)
        self.cluster_of[m.key] = target
        self.members[target].append(m.key)
        if own is not None:
            for other in linked - {target}:
                self._widen(target, self.envelope.pop(other))
            self._widen(target, own)
        self.index(m)

    def final_relabel(self) -> dict[str, str]:
        """Each merged-away cluster and the cluster it finally went to (following chains a -> b -> c)."""
        out = {}
        for other, first in self.relabel.items():
            target = first
            while target in self.relabel:
                target = self.relabel[target]
            out[other] = target
        return out


def _assign(store: Store, new: list[Mention]) -> set[str]:
    """Assign new mentions to clusters in the store; return the ids of the clusters created or changed."""
    clusters = _Clusters()
    clusters.load(store, [m for m in new if m.mergeable])
    for m in new:
        clusters.add(m)
    relabel = clusters.final_relabel()
    founders = {cluster_id(m): m.type for m in new}
    store.executemany(
        "INSERT INTO event_clusters (id, type, countries, summary, status, num_mentions, num_sources, num_articles) "
        "VALUES (?, ?, '', '', 'reported', 0, 0, 0) ON CONFLICT DO NOTHING",
        [(cid, founders[cid]) for cid in sorted(clusters.created) if cid not in relabel],
    )
    store.executemany(
        "INSERT INTO cluster_members (article_id, event_idx, cluster_id) VALUES (?, ?, ?)",
        [(m.article_id, m.idx, clusters.cluster_of[m.key]) for m in new],
    )
    store.executemany(
        "UPDATE cluster_members SET cluster_id = ? WHERE cluster_id = ?",
        [(target, other) for other, target in relabel.items()],
    )
    _move_dependents(store, relabel)
    store.executemany("DELETE FROM cluster_countries WHERE cluster_id = ?", [(other,) for other in relabel])
    store.executemany("DELETE FROM event_clusters WHERE id = ?", [(other,) for other in relabel])
    return (clusters.created | clusters.changed) - set(relabel)


def _move_dependents(store: Store, relabel: dict[str, str]) -> None:
    """Clusters merged away take their estimates and contradictions with them (tally.refresh rebuilds them)."""
    if relabel:
        store.executemany("DELETE FROM contradictions WHERE cluster_id = ?", [(o,) for o in relabel])
        store.executemany("DELETE FROM estimates WHERE cluster_id = ?", [(o,) for o in relabel])


def _cluster_rows(store: Store, keys: Sequence[tuple[str, int]]) -> list[Row]:
    articles = sorted({k[0] for k in keys})
    wanted = set(keys)
    out: list[Row] = []
    for i in range(0, len(articles), 400):
        chunk = articles[i : i + 400]
        marks = ", ".join("?" * len(chunk))
        rows = store.query(
            f"SELECT article_id, event_idx, cluster_id FROM cluster_members WHERE article_id IN ({marks})", chunk
        )
        out.extend(r for r in rows if (r["article_id"], r["event_idx"]) in wanted)
    return out


def cluster_status(statuses: Iterable[str]) -> str:
    """A cluster's status from its mentions': disputed when some deny it and others report or claim it."""
    seen = set(statuses)
    denied = seen & DENIED_STATUSES
    if "disputed" in seen or (denied and seen - DENIED_STATUSES):
        return "disputed"
    if denied:
        return "denied"
    return "reported" if "reported" in seen else "claimed"


def refresh_clusters(store: Store, ids: Iterable[str]) -> None:
    """Recompute the summary columns (dates, place, countries, status, counts) of the given clusters."""
    ids = sorted(set(ids))
    updates = []
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        marks = ", ".join("?" * len(chunk))
        rows = store.query(
            "SELECT m.cluster_id, e.article_id, e.idx, e.type, e.date_start, e.date_end, e.dated_by, e.status, "
            "e.actor_country, e.evidence, a.outlet, a.published "
            "FROM cluster_members m JOIN events e ON e.article_id = m.article_id AND e.idx = m.event_idx "
            f"JOIN articles a ON a.id = e.article_id WHERE m.cluster_id IN ({marks}) "
            "ORDER BY a.published, e.article_id, e.idx",
            chunk,
        )
        place_rows = store.query(
            "SELECT m.cluster_id, p.name, p.lat, p.lon, p.country, p.precision FROM cluster_members m "
            "JOIN event_places p ON p.article_id = m.article_id AND p.event_idx = m.event_idx "
            f"WHERE m.cluster_id IN ({marks})",
            chunk,
        )
        by_cluster: dict[str, list[dict[str, object]]] = defaultdict(list)
        for r in rows:
            by_cluster[str(r["cluster_id"])].append(r)
        places: dict[str, list[dict[str, object]]] = defaultdict(list)
        for p in place_rows:
            places[str(p["cluster_id"])].append(p)
        for cid in chunk:
            updates.append(_summary(cid, by_cluster.get(cid, []), places.get(cid, [])))
    store.executemany(
        "UPDATE event_clusters SET type = ?, date_start = ?, date_end = ?, place = ?, lat = ?, lon = ?, cell = ?, "
        "countries = ?, summary = ?, status = ?, num_mentions = ?, num_sources = ?, num_articles = ? WHERE id = ?",
        updates,
    )
    _refresh_cluster_countries(store, ids)


def _refresh_cluster_countries(store: Store, ids: list[str]) -> None:
    """Rewrite the ``cluster_countries`` rows of the given clusters from their refreshed columns."""
    store.executemany("DELETE FROM cluster_countries WHERE cluster_id = ?", [(cid,) for cid in ids])
    for i in range(0, len(ids), 400):
        chunk = ids[i : i + 400]
        marks = ", ".join("?" * len(chunk))
        rows = store.query(f"{CLUSTER_COUNTRY_SOURCE} WHERE id IN ({marks})", chunk)
        store.executemany(INSERT_CLUSTER_COUNTRIES, cluster_country_rows(rows))


def _summary(cid: str, rows: list[dict[str, object]], places: list[dict[str, object]]) -> tuple[object, ...]:
    own = [r for r in rows if r["dated_by"] == "when"] or rows
    starts = [str(r["date_start"]) for r in own if r["date_start"]]
    ends = [str(r["date_end"]) for r in own if r["date_end"]]
    named = Counter(str(p["name"]) for p in places if p["name"] and p["precision"] in SPECIFIC_PLACES)
    place = named.most_common(1)[0][0] if named else None
    point = next((p for p in places if p["name"] == place and p["lat"] is not None), None)
    countries = sorted(
        {iso2_to_iso3(str(p["country"])) or str(p["country"]) for p in places if p["country"]}
        | {str(r["actor_country"]) for r in rows if r["actor_country"]}
    )
    first = rows[0] if rows else {}
    summary = str(first.get("evidence") or "")[:SUMMARY_CHARS]
    return (
        first.get("type", ""),
        min(starts) if starts else None,
        max(ends) if ends else None,
        place,
        point["lat"] if point else None,
        point["lon"] if point else None,
        map_cell(point["lat"], point["lon"]) if point else None,  # type: ignore[arg-type]
        " ".join(countries),
        summary,
        cluster_status(str(r["status"]) for r in rows),
        len(rows),
        len({r["outlet"] or r["article_id"] for r in rows}),
        len({r["article_id"] for r in rows}),
        cid,
    )
