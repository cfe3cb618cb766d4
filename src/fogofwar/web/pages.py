"""The HTML pages: the map with its timeline and event list, the claims board of one event, one article.

Templates are Jinja2 with autoescaping on for every template: an article's text and every extracted string are
rendered escaped, so markup inside an article shows as text. The pages use no script.
"""

from __future__ import annotations

import datetime as dt
import itertools
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader

from fogofwar.export.formats import acled_type
from fogofwar.export.gather import gather
from fogofwar.ledger.queries import PLOVER_TYPES, parse_day
from fogofwar.ledger.store import Store
from fogofwar.web.geo import map_data

#: The timeline's SVG frame, in pixels, and the height of one event-type row.
TIMELINE_WIDTH, TIMELINE_ROW, TIMELINE_PAD = 960, 22, 110

#: Ticks drawn on the timeline's date axis.
TIMELINE_TICKS = 6

#: URL schemes an article's link may use (anything else is shown as text, not linked).
LINK_SCHEMES = ("http://", "https://")

#: Characters of a label shown in a highlight's hover text.
LABEL_CHARS = 160


@cache
def environment() -> Environment:
    """The Jinja2 environment: package templates, autoescaping on for every template."""
    env = Environment(loader=PackageLoader("fogofwar.web", "templates"), autoescape=True)
    env.filters["figure"] = figure_text
    return env


def stylesheet() -> str:
    """The pages' style sheet."""
    return resources.files("fogofwar.web").joinpath("static/style.css").read_text(encoding="utf-8")


def render(name: str, **context: Any) -> str:
    """Render a template."""
    return environment().get_template(name).render(**context)


def figure_text(f: dict[str, Any]) -> str:
    """A figure as text: '10', '7-9', 'at least 11'."""
    low, high = f.get("low"), f.get("high")
    if low is not None and high is not None and low != high:
        return f"{low}-{high}"
    if high is None and low is not None:
        return f"at least {low}"
    return str(low if low is not None else high)


def index(store: Store, filters: dict[str, str | None], *, limit: int) -> str:
    """The front page: map, timeline, event list."""
    events = gather(
        store,
        since=filters.get("since"),
        until=filters.get("until"),
        country=filters.get("country"),
        type=filters.get("type"),
        limit=limit,
    )
    for e in events:
        e["acled"] = " / ".join(acled_type(e))
    return render(
        "index.html",
        events=list(reversed(events)),
        map=map_data(events),
        timeline=timeline(events),
        filters=filters,
        types=PLOVER_TYPES,
        statuses=("reported", "claimed", "disputed", "denied"),
    )


def timeline(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The timeline: one row per event type present, one point per dated event, date ticks."""
    dated = [(e, d) for e in events if (d := _day(e["date_start"])) is not None]
    kinds = [k for k in PLOVER_TYPES if any(e["type"] == k for e, _ in dated)]
    height = TIMELINE_ROW * (len(kinds) + 2)
    if not dated:
        return {"width": TIMELINE_WIDTH, "height": height, "rows": [], "points": [], "ticks": []}
    first, last = min(d for _, d in dated), max(d for _, d in dated)
    span = max(1, (last - first).days)
    usable = TIMELINE_WIDTH - TIMELINE_PAD - 40  # room for the last tick label, centred on its point

    def x(day: dt.date) -> float:
        return round(TIMELINE_PAD + usable * (day - first).days / span, 1)

    rows = [{"type": k, "y": TIMELINE_ROW * (i + 1)} for i, k in enumerate(kinds)]
    row_y = {r["type"]: r["y"] for r in rows}
    points = [{"event": e, "x": x(d), "y": row_y[e["type"]]} for e, d in dated]
    ticks = []
    for i in range(TIMELINE_TICKS):
        day = first + dt.timedelta(days=round(span * i / (TIMELINE_TICKS - 1)))
        ticks.append({"x": x(day), "label": day.isoformat()})
    return {"width": TIMELINE_WIDTH, "height": height, "rows": rows, "points": points, "ticks": ticks}


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def cluster(event: dict[str, Any]) -> str:
    """The claims board of one event cluster: who asserts, who denies, each claimant's figures side by side."""
    by_claimant: dict[str, dict[str, Any]] = {}
    for c in event["claims"]:
        held = by_claimant.setdefault(
            c["claimant"], {"claimant": c["claimant"], "country": c["claimant_country"], "claims": [], "stances": set()}
        )
        held["claims"].append(c)
        held["stances"].add("denies" if c["polarity"] == "deny" else "asserts")
    for name in event["figures_by_claimant"]:
        by_claimant.setdefault(name, {"claimant": name, "country": None, "claims": [], "stances": set()})
    board = sorted(by_claimant.values(), key=lambda b: ("denies" in b["stances"], b["claimant"]))
    for b in board:
        b["stance"] = " and ".join(sorted(b["stances"])) or "gives figures"
        b["figures"] = event["figures_by_claimant"].get(b["claimant"], [])
    groups = sorted({(f["outcome"], f["population"], f["side"] or "") for b in board for f in b["figures"]})
    table = [
        {
            "claimant": b["claimant"],
            "cells": [
                ", ".join(figure_text(f) for f in b["figures"] if (f["outcome"], f["population"], f["side"] or "") == g)
                for g in groups
            ],
        }
        for b in board
    ]
    return render(
        "cluster.html",
        event=event,
        acled=" / ".join(acled_type(event)),
        board=board,
        groups=[{"outcome": g[0], "population": g[1], "side": g[2]} for g in groups],
        table=table,
        map=map_data([event]),
    )


def article(found: dict[str, Any]) -> str:
    """One article: its text with every extracted span highlighted, its framing, and the extracted items."""
    record = found["record"]
    text = record["article"]["text"]
    url = record["article"].get("url") or ""
    return render(
        "article.html",
        row=found,
        record=record,
        article=record["article"],
        link=url if url.startswith(LINK_SCHEMES) else None,
        segments=segments(text, spans(record)),
        actors=record.get("actors", []),
    )


def spans(record: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """Every evidence span of a record as (start, end, field, hover label)."""
    actors = record.get("actors", [])

    def who(i: int | None) -> str:
        return actors[i]["name"] if i is not None and 0 <= i < len(actors) else "?"

    out: list[tuple[int, int, str, str]] = []
    for c in record.get("claims", []):
        stance = "denies" if c["polarity"] == "deny" else "asserts"
        out.append((c["content"]["start"], c["content"]["end"], "claim", f"claim: {who(c['source'])} {stance}"))
    for k in record.get("casualties", []):
        label = f"casualties: {figure_text(k)} {k['outcome']} ({k['population']}, side {k.get('side') or '?'})"
        out.append((k["evidence"]["start"], k["evidence"]["end"], "casualty", label))
    for e in record.get("events", []):
        for ev in e["evidence"]:
            out.append((ev["start"], ev["end"], "event", f"event: {e['type']} ({e.get('status')})"))
    for p in record.get("places", []):
        where = f"{p.get('lat')}, {p.get('lon')}" if p.get("lat") is not None else "unresolved"
        label = f"place: {p.get('name') or p['text']} ({where}; {p.get('role')})"
        out.append((p["evidence"]["start"], p["evidence"]["end"], "place", label))
    for d in record.get("dates", []):
        out.append((d["evidence"]["start"], d["evidence"]["end"], "date", f"date: {d.get('value')}"))
    for m in (record.get("framing") or {}).get("markers", []):
        label = f"framing: favours {m.get('favours') or '?'} ({m.get('voice')})"
        out.append((m["evidence"]["start"], m["evidence"]["end"], "framing", label))
    return [(s, e, f, label[:LABEL_CHARS]) for s, e, f, label in out if e > s]


def segments(text: str, marks: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary; each piece carries the fields and labels of the spans covering it."""
    cuts = sorted({0, len(text)} | {max(0, min(len(text), p)) for s, e, _, _ in marks for p in (s, e)})
    out = []
    for a, b in itertools.pairwise(cuts):
        covering = [(f, label) for s, e, f, label in marks if s <= a and e >= b]
        fields = sorted({f for f, _ in covering})
        out.append({"text": text[a:b], "fields": fields, "title": "; ".join(dict.fromkeys(lbl for _, lbl in covering))})
    return out


def articles(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    text: str | None = None,
    limit: int,
    offset: int,
) -> list[dict[str, Any]]:
    """Stored articles (id, outlet, published, headline, url), newest first; every value a SQL parameter."""
    where: list[str] = []
    params: list[Any] = []
    if (day := parse_day(since, "since")) is not None:
        where.append("published >= ?")
        params.append(day)
    if (day := parse_day(until, "until")) is not None:
        where.append("published <= ?")
        params.append(day)
    if outlet:
        where.append("LOWER(outlet) = ?")
        params.append(outlet.lower())
    if text:
        where.append("LOWER(COALESCE(headline, '')) LIKE ?")
        params.append(f"%{text.lower()}%")
    sql = "SELECT id, outlet, published, headline, url, ingested_at FROM articles"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY published DESC, id LIMIT ? OFFSET ?"
    return store.query(sql, [*params, limit, offset])
