"""Rival figures and contradictions: per event cluster and per cumulative toll, every figure by claimant over time,
a low / best / high estimate with the reason for each number, and contradictions as rows.

The estimate follows UCDP GED's idea (a low, a best and a high figure, each a judgement about the sources), made by
rule: each claimant counts once, with its latest figure for the group (tolls are revised upward as bodies are
found; an earlier figure by the same claimant is superseded, not a rival). Then

- **low** = the lowest figure any claimant gives (the lower bound of its range): the least that someone who counts
  says happened;
- **high** = the highest figure any claimant gives (the upper bound, or the lower bound for open figures like "at
  least 11");
- **best** = the median of the claimants' point figures (a range's midpoint, an open figure's bound), rounded down:
  no single party decides it, and one party's inflation moves it by one rank at most.

Contradictions are of three kinds: ``denial`` (a claim denying another, linked to it), ``figures`` (two claimants'
figures for the same group, reported within ``SAME_TIME_DAYS`` of each other, whose ranges do not overlap: they
cannot both be true) and ``event_denied`` (a cluster that one source reports and another denies).
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fogofwar.ledger.store import Store

#: Figures for the same group reported this many days apart or fewer are about the same state of knowledge; further
#: apart, a lower figure and a higher one can both be true (the toll rose in between).
SAME_TIME_DAYS = 1

#: Event-denied rows kept per denying claim: one per other article reporting the event is enough to show the
#: contradiction, and a widely reported event would otherwise multiply rows.
MAX_REPORTS_PER_DENIAL = 20


@dataclass(frozen=True, slots=True)
class Figure:
    """One claimant's figure for a group at a date."""

    article_id: str
    casualty_idx: int
    claimant: str
    reported: str | None
    low: int | None
    high: int | None
    claim_idx: int | None = None

    @property
    def point(self) -> float | None:
        """The figure as one number: a range's midpoint, an open figure's bound."""
        if self.low is None:
            return None if self.high is None else float(self.high)
        return float(self.low) if self.high is None else (self.low + self.high) / 2

    @property
    def top(self) -> int | None:
        """The highest number the figure allows (its lower bound when it is open-ended)."""
        return self.high if self.high is not None else self.low

    def describe(self) -> str:
        """The figure as text, with its claimant and date."""
        if self.low is not None and self.high is not None and self.low != self.high:
            value = f"{self.low}-{self.high}"
        elif self.high is None and self.low is not None:
            value = f"at least {self.low}"
        else:
            value = str(self.low if self.low is not None else self.high)
        return f"{value} by {self.claimant} ({self.reported or 'undated'}, article {self.article_id})"


@dataclass(frozen=True, slots=True)
class Estimate:
    """A low / best / high estimate for one group, and the reason for each number."""

    low: int | None
    best: int | None
    high: int | None
    claimants: int
    low_reason: str
    best_reason: str
    high_reason: str
    as_of: str | None


def latest_by_claimant(figures: Sequence[Figure]) -> list[Figure]:
    """Each claimant's latest figure (at one date, its highest), in claimant order."""
    best: dict[str, Figure] = {}
    for f in figures:
        if f.low is None and f.high is None:
            continue
        held = best.get(f.claimant)
        if held is None or ((f.reported or ""), f.top or 0) > ((held.reported or ""), held.top or 0):
            best[f.claimant] = f
    return [best[k] for k in sorted(best)]


def estimate(figures: Sequence[Figure]) -> Estimate | None:
    """The low / best / high estimate of a group's figures (None when no figure has a number)."""
    latest = latest_by_claimant(figures)
    if not latest:
        return None
    lows = [f for f in latest if f.low is not None] or latest
    low_fig = min(lows, key=lambda f: f.low if f.low is not None else f.top or 0)
    high_fig = max(latest, key=lambda f: f.top or 0)
    points = sorted(p for f in latest if (p := f.point) is not None)
    best = int(statistics.median_low(points)) if len(points) % 2 else int(statistics.median(points))
    low = low_fig.low if low_fig.low is not None else low_fig.top
    n = len(latest)
    listing = ", ".join(f.describe() for f in latest)
    return Estimate(
        low=low,
        best=best,
        high=high_fig.top,
        claimants=n,
        low_reason=f"lowest figure of {n} claimant(s): {low_fig.describe()}",
        best_reason=f"median of {n} claimant(s)' latest figures: {listing}",
        high_reason=f"highest figure of {n} claimant(s): {high_fig.describe()}",
        as_of=max((f.reported for f in latest if f.reported), default=None),
    )


def _overlap(a: Figure, b: Figure) -> bool:
    """True when two figures' ranges share a number (an open figure like "at least 11" has no upper bound)."""
    a_lo, b_lo = a.low or 0, b.low or 0
    a_hi = a.high if a.high is not None else math.inf
    b_hi = b.high if b.high is not None else math.inf
    return not (a_hi < b_lo or b_hi < a_lo)


def _day(figure: Figure) -> dt.date | None:
    """The day a figure was reported (None when undated or not a date)."""
    if not figure.reported:
        return None
    try:
        return dt.date.fromisoformat(figure.reported[:10])
    except ValueError:
        return None


def figure_conflicts(figures: Sequence[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs of figures by different claimants, reported at about the same time (within ``SAME_TIME_DAYS``), whose
    ranges do not overlap; each pair in list order. Each figure is compared only with those reported within the
    window (a cumulative toll gathers a war's worth of figures: comparing every pair would be quadratic)."""
    days = [_day(f) for f in figures]
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for i, day in enumerate(days):
        if day is not None:
            by_day[day].append(i)
    window = range(-SAME_TIME_DAYS, SAME_TIME_DAYS + 1)
    out = []
    for i, a in enumerate(figures):
        day = days[i]
        if day is None:
            continue
        near = sorted(j for shift in window for j in by_day.get(day + dt.timedelta(days=shift), ()) if j > i)
        out += [(a, figures[j]) for j in near if a.claimant != figures[j].claimant and not _overlap(a, figures[j])]
    return out


def _groups(store: Store) -> dict[str, tuple[dict[str, Any], list[Figure]]]:
    rows = store.query(
        "SELECT c.article_id, c.idx, c.low, c.high, c.outcome, c.population, c.side, c.scope, c.as_of, c.claimant, "
        "c.claim_idx, a.published, m.cluster_id FROM casualties c JOIN articles a ON a.id = c.article_id "
        "LEFT JOIN event_casualties ec ON ec.article_id = c.article_id AND ec.casualty_idx = c.idx "
        "LEFT JOIN cluster_members m ON m.article_id = ec.article_id AND m.event_idx = ec.event_idx "
        "WHERE c.historical = 0 ORDER BY c.article_id, c.idx"
    )
    groups: dict[str, tuple[dict[str, Any], list[Figure]]] = {}
    seen: set[tuple[str, str, int]] = set()
    for r in rows:
        if r["scope"] == "cumulative":
            scope, cluster = "cumulative", None
        elif r["cluster_id"] is not None:
            scope, cluster = "incident", r["cluster_id"]
        else:
            continue  # an incident figure tied to no event: nothing to tally it against
        side = r["side"]
        key = f"{cluster or 'toll'}:{side or '-'}:{r['outcome']}:{r['population']}"
        if (key, r["article_id"], r["idx"]) in seen:
            continue
        seen.add((key, r["article_id"], r["idx"]))
        meta = {"scope": scope, "cluster_id": cluster, "outcome": r["outcome"], "population": r["population"]}
        meta["side"] = side
        reported = r["as_of"] if r["as_of"] and len(r["as_of"]) == 10 else r["published"]
        figure = Figure(r["article_id"], r["idx"], r["claimant"], reported, r["low"], r["high"], r["claim_idx"])
        groups.setdefault(key, (meta, []))[1].append(figure)
    return groups


def refresh(store: Store) -> None:
    """Rebuild the figures, estimates and contradictions from the stored casualties, claims and clusters."""
    with store.transaction():
        for table in ("figures", "estimates", "contradictions"):
            store.execute(f"DELETE FROM {table}")
        groups = _groups(store)
        figure_rows, estimate_rows, conflict_rows = [], [], []
        for key, (meta, figures) in groups.items():
            figure_rows += [(key, f.article_id, f.casualty_idx, f.claimant, f.reported, f.low, f.high) for f in figures]
            est = estimate(figures)
            if est is not None:
                estimate_rows.append(
                    (
                        key, meta["scope"], meta["cluster_id"], meta["outcome"], meta["population"], meta["side"],
                        est.low, est.best, est.high, est.claimants, est.low_reason, est.best_reason,
                        est.high_reason, est.as_of,
                    )
                )  # fmt: skip
            for a, b in figure_conflicts(figures):
                conflict_rows.append(
                    (
                        f"figures:{key}:{a.article_id}:{a.casualty_idx}:{b.article_id}:{b.casualty_idx}",
                        "figures", meta["cluster_id"], key, a.article_id, a.claim_idx, b.article_id, b.claim_idx,
                        f"{a.describe()} and {b.describe()} cannot both be true",
                    )
                )  # fmt: skip
        store.executemany(
            "INSERT INTO figures (scope_key, article_id, casualty_idx, claimant, reported, low, high) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            figure_rows,
        )
        store.executemany(
            "INSERT INTO estimates (scope_key, scope, cluster_id, outcome, population, side, low, best, high, "
            "claimants, low_reason, best_reason, high_reason, as_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            estimate_rows,
        )
        conflict_rows += _denials(store)
        conflict_rows += _denied_events(store)
        store.executemany(
            "INSERT INTO contradictions (id, kind, cluster_id, scope_key, article_id, claim_idx, other_article_id, "
            "other_claim_idx, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            conflict_rows,
        )
        _contested(store, conflict_rows)


def _contested(store: Store, conflict_rows: list[tuple[Any, ...]]) -> None:
    """Rebuild ``contested_claims``: every claim on either side of a contradiction, with the reasons."""
    reasons: dict[tuple[str, int], list[str]] = defaultdict(list)
    for row in sorted(conflict_rows, key=lambda r: str(r[0])):
        text = f"{row[1]}: {row[8]}"
        for key in ((row[4], row[5]), (row[6], row[7])):
            if key[0] is not None and key[1] is not None and text not in reasons[key]:
                reasons[key].append(text)
    store.execute("DELETE FROM contested_claims")
    store.executemany(
        "INSERT INTO contested_claims (article_id, claim_idx, reasons) VALUES (?, ?, ?)",
        [(aid, idx, "; ".join(texts)) for (aid, idx), texts in reasons.items()],
    )
    store.execute(
        "UPDATE contested_claims SET published = "
        "(SELECT published FROM articles WHERE articles.id = contested_claims.article_id)"
    )


def _denials(store: Store) -> list[tuple[Any, ...]]:
    rows = store.query(
        "SELECT d.article_id, d.idx, d.claimant, d.content, d.denies, t.claimant AS target, "
        "t.content AS target_content "
        "FROM claims d LEFT JOIN claims t ON t.article_id = d.article_id AND t.idx = d.denies "
        "WHERE d.polarity = 'deny'"
    )
    out = []
    for r in rows:
        if r["denies"] is not None:
            reason = f"{r['claimant']} denies {r['target']}'s claim: {str(r['target_content'])[:120]}"
        else:
            reason = f"{r['claimant']} denies: {str(r['content'])[:120]} (what it denies is not linked)"
        out.append(
            (
                f"denial:{r['article_id']}:{r['idx']}", "denial", None, None, r["article_id"], r["idx"],
                r["article_id"] if r["denies"] is not None else None, r["denies"], reason,
            )
        )  # fmt: skip
    return out


def _denied_events(store: Store) -> list[tuple[Any, ...]]:
    rows = store.query(
        "SELECT m.cluster_id, e.article_id, e.idx, e.status, ec.claim_idx, c.claimant, c.polarity "
        "FROM event_clusters k JOIN cluster_members m ON m.cluster_id = k.id "
        "JOIN events e ON e.article_id = m.article_id AND e.idx = m.event_idx "
        "JOIN event_claims ec ON ec.article_id = e.article_id AND ec.event_idx = e.idx "
        "JOIN claims c ON c.article_id = ec.article_id AND c.idx = ec.claim_idx "
        "WHERE k.status = 'disputed' AND k.num_articles > 1 ORDER BY m.cluster_id, e.article_id, e.idx"
    )
    by_cluster: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_cluster[r["cluster_id"]].append(r)
    out = []
    for cid, items in by_cluster.items():
        denials = [r for r in items if r["polarity"] == "deny"]
        reports = [r for r in items if r["polarity"] == "assert"]
        for d in denials:
            done: set[str] = set()
            for r in reports:
                if r["article_id"] == d["article_id"] or r["claimant"] == d["claimant"] or r["article_id"] in done:
                    continue
                done.add(r["article_id"])
                out.append(
                    (
                        f"event:{cid}:{d['article_id']}:{d['claim_idx']}:{r['article_id']}:{r['claim_idx']}",
                        "event_denied", cid, None, d["article_id"], d["claim_idx"], r["article_id"], r["claim_idx"],
                        f"{d['claimant']} denies an event that {r['claimant']} reports",
                    )
                )  # fmt: skip
                if len(done) >= MAX_REPORTS_PER_DENIAL:
                    break
    return out
