"""Gather event clusters from a ledger into full event dicts: mentions, places, actors, claims, figures, estimates.

One dict per event cluster holds everything every export format needs; the formats (``fogofwar.export.formats``)
only pick and rename. Every value reaches SQL as a parameter (the cluster ids in ``IN (...)`` lists too).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from fogofwar.countries import iso2_to_iso3, iso3_to_iso2
from fogofwar.ledger import queries
from fogofwar.ledger.store import IDS_PER_QUERY, Row, Store

#: Populations whose deaths are one disjoint part of a side's toll ("any" is the whole, possibly overlapping them).
SPECIFIC_POPULATIONS = ("civilian", "military")

#: The outcome counted as fatalities.
FATAL = "killed"


def gather(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    country: str | None = None,
    type: str | None = None,
    text: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    cluster_ids: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Every event cluster matching the filters (or the clusters named by ``cluster_ids``), as full event dicts,
    oldest first; ``limit``/``offset`` page through ``fogofwar events``' order (most recent first)."""
    if cluster_ids is not None:
        clusters = _by_ids(store, cluster_ids)
    else:
        clusters = queries.events(
            store,
            since=since,
            until=until,
            country=country,
            type=type,
            text=text,
            limit=None if limit is None else limit + offset,
        )[offset:]
    clusters.sort(key=lambda c: (c["date_start"] or "", c["id"]))
    ids = [c["id"] for c in clusters]
    mentions = _by_cluster(
        store,
        "SELECT m.cluster_id, e.article_id, e.idx, e.type, e.mode, e.actor, e.actor_country, e.date_start, "
        "e.date_end, e.status, e.modality, e.evidence, a.outlet, a.published, a.headline, a.url "
        "FROM cluster_members m JOIN events e ON e.article_id = m.article_id AND e.idx = m.event_idx "
        "JOIN articles a ON a.id = e.article_id WHERE m.cluster_id IN ({marks}) "
        "ORDER BY a.published, e.article_id, e.idx",
        ids,
    )
    claims = _by_cluster(
        store,
        "SELECT DISTINCT m.cluster_id, c.article_id, c.idx AS claim, c.claimant, c.claimant_country, c.cue, "
        "c.polarity, c.quote, c.denies, c.content, a.outlet, a.published FROM cluster_members m "
        "JOIN event_claims ec ON ec.article_id = m.article_id AND ec.event_idx = m.event_idx "
        "JOIN claims c ON c.article_id = ec.article_id AND c.idx = ec.claim_idx "
        "JOIN articles a ON a.id = c.article_id WHERE m.cluster_id IN ({marks}) "
        "ORDER BY a.published, c.article_id, c.idx",
        ids,
    )
    casualties = _by_cluster(
        store,
        "SELECT DISTINCT m.cluster_id, c.article_id, c.idx, c.claimant, c.claimant_country, c.low, c.high, "
        "c.outcome, c.population, c.side, c.as_of, a.published FROM cluster_members m "
        "JOIN event_casualties ek ON ek.article_id = m.article_id AND ek.event_idx = m.event_idx "
        "JOIN casualties c ON c.article_id = ek.article_id AND c.idx = ek.casualty_idx "
        "JOIN articles a ON a.id = c.article_id WHERE m.cluster_id IN ({marks}) AND c.historical = 0 "
        "ORDER BY a.published, c.article_id, c.idx",
        ids,
    )
    estimates = _by_cluster(
        store,
        "SELECT cluster_id, scope_key, side, outcome, population, low, best, high, claimants, low_reason, "
        "best_reason, high_reason, as_of FROM estimates WHERE cluster_id IN ({marks}) ORDER BY scope_key",
        ids,
    )
    records = _records(store, {m["article_id"] for rows in mentions.values() for m in rows})
    return [
        _event(
            c,
            mention_rows=mentions[c["id"]],
            claims=claims[c["id"]],
            casualties=casualties[c["id"]],
            estimates=estimates[c["id"]],
            records=records,
        )
        for c in clusters
    ]


def _by_ids(store: Store, ids: list[str]) -> list[Row]:
    out: list[Row] = []
    for i in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[i : i + IDS_PER_QUERY]
        out += store.query(
            "SELECT id, type, date_start, date_end, place, lat, lon, countries, status, num_mentions, num_sources, "
            f"num_articles, summary FROM event_clusters WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk,
        )
    return out


def _by_cluster(store: Store, sql: str, ids: list[str]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for i in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[i : i + IDS_PER_QUERY]
        for row in store.query(sql.format(marks=", ".join("?" * len(chunk))), chunk):
            out[row.pop("cluster_id")].append(row)
    return out


def _records(store: Store, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    ids = sorted(article_ids)
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), IDS_PER_QUERY):
        chunk = ids[i : i + IDS_PER_QUERY]
        marks = ", ".join("?" * len(chunk))
        for row in store.query(f"SELECT id, record FROM articles WHERE id IN ({marks})", chunk):
            out[row["id"]] = json.loads(row["record"])
    return out


def _mention(row: Row, record: dict[str, Any] | None) -> dict[str, Any]:
    """A mention row enriched from its article record: recipients, places (with admin1), date precision."""
    event = (record or {}).get("events", [])[row["idx"]] if record else {}
    actors = (record or {}).get("actors", [])
    places = (record or {}).get("places", [])
    when = event.get("when") or {}
    return {
        "article_id": row["article_id"],
        "event_idx": row["idx"],
        "outlet": row["outlet"],
        "published": row["published"],
        "headline": row["headline"],
        "url": row["url"],
        "type": row["type"],
        "mode": row["mode"],
        "actor": row["actor"],
        "actor_country": row["actor_country"],
        "recipients": [
            {"name": actors[i]["name"], "country": actors[i].get("country")}
            for i in event.get("recipient", [])
            if i < len(actors)
        ],
        "date_start": row["date_start"],
        "date_end": row["date_end"],
        "date_precision": when.get("precision"),
        "status": row["status"],
        "modality": row["modality"],
        "evidence": row["evidence"],
        "places": [
            {
                "name": places[i].get("name") or places[i]["text"],
                "admin1": places[i].get("admin1"),
                "country": places[i].get("country"),
                "lat": places[i].get("lat"),
                "lon": places[i].get("lon"),
                "precision": places[i].get("precision"),
            }
            for i in event.get("places", [])
            if i < len(places)
        ],
    }


def _most_common(values: Iterable[Any]) -> Any:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _event(
    cluster: Row,
    *,
    mention_rows: list[Row],
    claims: list[Row],
    casualties: list[Row],
    estimates: list[Row],
    records: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    mentions = [_mention(r, records.get(r["article_id"])) for r in mention_rows]
    actor1 = _most_common(m["actor"] for m in mentions)
    actor1_country = _most_common(m["actor_country"] for m in mentions if m["actor"] == actor1)
    recipients = [r for m in mentions for r in m["recipients"] if r["name"] != actor1]
    actor2 = _most_common(r["name"] for r in recipients)
    actor2_country = _most_common(r["country"] for r in recipients if r["name"] == actor2)
    places = [p for m in mentions for p in m["places"]]
    place = next((p for p in places if p["name"] == cluster["place"]), None) or (places[0] if places else {})
    for c in claims:
        c["quote"] = bool(c["quote"])
    asserted = sorted({c["claimant"] for c in claims if c["polarity"] == "assert"})
    denied = sorted({c["claimant"] for c in claims if c["polarity"] == "deny"})
    figures: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for k in casualties:
        figures[k["claimant"]].append(
            {
                "outcome": k["outcome"],
                "population": k["population"],
                "side": k["side"],
                "low": k["low"],
                "high": k["high"],
                "reported": k["as_of"] if k["as_of"] and len(k["as_of"]) == 10 else k["published"],
                "article_id": k["article_id"],
            }
        )
    side_a = actor1_country
    side_b = actor2_country
    return {
        "id": cluster["id"],
        "type": cluster["type"],
        "mode": _most_common(m["mode"] for m in mentions),
        "date_start": cluster["date_start"],
        "date_end": cluster["date_end"],
        "date_precision": _most_common(m["date_precision"] for m in mentions),
        "place": cluster["place"],
        "admin1": place.get("admin1"),
        "country": place.get("country"),
        "lat": cluster["lat"],
        "lon": cluster["lon"],
        "geo_precision": place.get("precision") or ("unresolved" if cluster["lat"] is None else None),
        "countries": cluster["countries"].split() if cluster["countries"] else [],
        "actor1": actor1,
        "actor1_country": actor1_country,
        "actor2": actor2,
        "actor2_country": actor2_country,
        "status": cluster["status"],
        "num_mentions": cluster["num_mentions"],
        "num_sources": cluster["num_sources"],
        "num_articles": cluster["num_articles"],
        "summary": cluster["summary"],
        "outlets": sorted({m["outlet"] for m in mentions if m["outlet"]}),
        "outlet_leans": outlet_leans(records, [m["article_id"] for m in mentions]),
        "urls": [u for u in dict.fromkeys(m["url"] for m in mentions) if u],
        "article_ids": list(dict.fromkeys(m["article_id"] for m in mentions)),
        "claimants": sorted({c["claimant"] for c in claims}),
        "asserted_by": asserted,
        "denied_by": denied,
        "fatalities": fatalities(estimates),
        "deaths": deaths(estimates, side_a, side_b),
        "figures_by_claimant": dict(sorted(figures.items())),
        "estimates": estimates,
        "claims": claims,
        "mentions": mentions,
    }


def outlet_leans(records: dict[str, dict[str, Any]], article_ids: list[str]) -> list[str]:
    """Article-level framing: each reporting article's outlet and the side its narration leans to ("TRT World: AZE",
    "Reuters: neutral"), in article order."""
    leans = []
    for article_id in dict.fromkeys(article_ids):
        record = records.get(article_id) or {}
        outlet = (record.get("article") or {}).get("outlet") or article_id
        lean = (record.get("framing") or {}).get("lean") or "neutral"
        leans.append(f"{outlet}: {lean}")
    return leans


def _side_parts(estimates: list[Row], field: str) -> dict[str | None, dict[str, int]]:
    """Per side, the deaths counted by ``field`` (low/best/high): either the 'any' figure or the civilian+military
    split, whichever is larger (the split parts are disjoint; 'any' covers them both, so they are never added)."""
    by_side: dict[str | None, dict[str, int]] = defaultdict(dict)
    for e in estimates:
        if e["outcome"] != FATAL or e[field] is None:
            continue
        held = by_side[e["side"]]
        held[e["population"]] = max(held.get(e["population"], 0), int(e[field]))
    out: dict[str | None, dict[str, int]] = {}
    for side, parts in by_side.items():
        split = {p: parts[p] for p in SPECIFIC_POPULATIONS if p in parts}
        whole = parts.get("any")
        out[side] = {"any": whole} if whole is not None and whole > sum(split.values()) else split
    return out


def fatalities(estimates: list[Row]) -> dict[str, int | None]:
    """Deaths of an event: per side the larger of the 'any' figure and the civilian+military split, summed over the
    sides, for each of low, best, high (None when no figure of deaths was given)."""
    out: dict[str, int | None] = {}
    for field in ("low", "best", "high"):
        parts = _side_parts(estimates, field)
        out[field] = sum(sum(p.values()) for p in parts.values()) if parts else None
    return out


def deaths(estimates: list[Row], side_a: str | None, side_b: str | None) -> dict[str, int]:
    """UCDP's split of the best figure: deaths of side A (the acting side's country), side B (the target's), civilians
    (any side), unknown (a side that is neither, or not given). The four add up to ``fatalities(...)['best']``."""
    out = {"a": 0, "b": 0, "civilians": 0, "unknown": 0}
    for side, parts in _side_parts(estimates, "best").items():
        for population, value in parts.items():
            if population == "civilian":
                out["civilians"] += value
            elif side is not None and side == side_a:
                out["a"] += value
            elif side is not None and side == side_b:
                out["b"] += value
            else:
                out["unknown"] += value
    return out


def iso3(code: str | None) -> str | None:
    """An alpha-3 code from an alpha-2 or alpha-3 one."""
    if not code:
        return None
    return iso2_to_iso3(code) if len(code) == 2 else code.upper()


def iso2(code: str | None) -> str | None:
    """An alpha-2 code from an alpha-2 or alpha-3 one."""
    if not code:
        return None
    return iso3_to_iso2(code) if len(code) == 3 else code.upper()
