"""Rival figures: low / best / high by rule with reasons, and contradictions as rows."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from fogofwar.ledger import store_records
from fogofwar.ledger.tally import Figure, estimate, figure_conflicts, latest_by_claimant
from fogofwar.record import Casualty, Claim, Event, When

from .ledger_support import actor, make_record, place, when, whole


def fig(claimant, low, high=None, reported="2020-10-04", article="a1"):
    return Figure(article, 0, claimant, reported, low, high)


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        # one claimant, an exact figure
        ([fig("Azerbaijan Prosecutor", 10, 10)], (10, 10, 10)),
        # three claimants: the median is the best, the extremes bound it
        ([fig("Azerbaijan", 10, 10), fig("Armenia", 0, 0), fig("HRW", 7, 7)], (0, 7, 10)),
        # an open figure ("at least 31") counts as its bound
        ([fig("SOHR", 31), fig("White Helmets", 25, 25)], (25, 28, 31)),
        # a range's midpoint is the claimant's point figure
        ([fig("UN", 20, 30), fig("Hamas health ministry", 40, 40)], (20, 32, 40)),
        # a claimant's later figure supersedes its earlier one (tolls are revised as bodies are found)
        ([fig("Ukraine", 5, 5, "2022-03-01"), fig("Ukraine", 9, 9, "2022-03-02"), fig("Russia", 0, 0, "2022-03-02")],
         (0, 4, 9)),
    ],
)  # fmt: skip
def test_tally_estimate(figures, expected):
    est = estimate(figures)
    assert est is not None
    assert (est.low, est.best, est.high) == expected
    assert est.claimants == len({f.claimant for f in figures})


def test_tally_estimate_reasons_name_the_claimant():
    est = estimate([fig("Azerbaijan Prosecutor", 10, 10), fig("Armenia Defence Ministry", 0, 0)])
    assert est is not None
    assert "0 by Armenia Defence Ministry" in est.low_reason
    assert "10 by Azerbaijan Prosecutor" in est.high_reason
    assert est.best_reason.startswith("median of 2 claimant(s)")


def test_tally_estimate_without_numbers():
    assert estimate([fig("Residents", None)]) is None


def test_tally_latest_by_claimant():
    latest = latest_by_claimant([fig("A", 3, 3, "2020-10-01"), fig("A", 8, 8, "2020-10-03"), fig("B", 1, 1)])
    assert [(f.claimant, f.low) for f in latest] == [("A", 8), ("B", 1)]


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (fig("Azerbaijan", 10, 10), fig("Armenia", 0, 0), True),
        (fig("Azerbaijan", 10, 10), fig("Azerbaijan", 0, 0), False),  # one claimant revising is not a rival
        (fig("SOHR", 31), fig("White Helmets", 40, 40), False),  # "at least 31" allows 40
        (fig("UN", 20, 30), fig("Gaza health ministry", 25, 25), False),
        (fig("UN", 20, 30), fig("Gaza health ministry", 45, 45), True),
        (fig("Kyiv", 5, 5, "2022-03-01"), fig("Moscow", 50, 50, "2022-03-09"), False),  # a week apart: both can be true
    ],
)
def test_tally_figure_conflicts(a, b, conflict):
    assert bool(figure_conflicts([a, b])) is conflict


GANJA_AZ = "Azerbaijan's Prosecutor General said ten civilians were killed when Armenian rockets hit Ganja on Sunday."
GANJA_AM = "Armenia's Defence Ministry denied its forces hit Ganja and said no civilians were killed there."


def ganja(text, claimant, country, low, polarity="assert"):
    return make_record(
        text,
        published="2020-10-11",
        outlet="Wire " + country,
        actors=[actor(claimant, country, "government")],
        claims=[Claim(0, "say", polarity, whole(text), whole(text))],
        places=[place("Ganja", 40.6828, 46.3606, "AZ")],
        casualties=[Casualty(low, low, "killed", "civilian", whole(text), side="AZE", claim=0)],
        events=[
            Event(
                "ASSAULT",
                (whole(text, "Ganja"),),
                places=(0,),
                when=when("2020-10-11"),
                casualties=(0,),
                claims=(0,),
                status="denied" if polarity == "deny" else "claimed",
            )
        ],
    )


def test_tally_rival_figures_for_one_strike(ledger_store):
    store_records(
        ledger_store,
        [
            ganja(GANJA_AZ, "Azerbaijan Prosecutor", "AZE", 10),
            ganja(GANJA_AM, "Armenia Defence Ministry", "ARM", 0, "deny"),
        ],
    )
    rows = ledger_store.query("SELECT scope, low, best, high, claimants, cluster_id FROM estimates")
    assert len(rows) == 1
    assert (rows[0]["scope"], rows[0]["low"], rows[0]["best"], rows[0]["high"], rows[0]["claimants"]) == (
        "incident",
        0,
        5,
        10,
        2,
    )
    kinds = sorted(r["kind"] for r in ledger_store.query("SELECT kind FROM contradictions"))
    assert kinds == ["denial", "event_denied", "figures"]  # the denial is not linked within its own article
    status = ledger_store.scalar("SELECT status FROM event_clusters WHERE id = ?", (rows[0]["cluster_id"],))
    assert status == "disputed"


def test_tally_cumulative_tolls_by_claimant_over_time(ledger_store):
    records = []
    for day, low, who, country in [
        ("2020-10-01", 104, "Armenia Defence Ministry", "ARM"),
        ("2020-10-05", 200, "Armenia Defence Ministry", "ARM"),
        ("2020-10-05", 2300, "Azerbaijan Defence Ministry", "AZE"),
    ]:
        text = f"The {who} said on {day} that {low} Armenian soldiers had been killed since September 27."
        records.append(
            make_record(
                text,
                published=day,
                actors=[actor(who, country)],
                claims=[Claim(0, "say", "assert", whole(text), whole(text))],
                casualties=[
                    Casualty(low, low, "killed", "military", whole(text, str(low)), side="ARM", scope="cumulative",
                             as_of=When(day, day, "day", whole(text, day)), claim=0)
                ],
            )
        )  # fmt: skip
    store_records(ledger_store, records)
    est = ledger_store.query("SELECT low, best, high, as_of, best_reason FROM estimates WHERE scope = 'cumulative'")
    assert [(e["low"], e["best"], e["high"], e["as_of"]) for e in est] == [(200, 1250, 2300, "2020-10-05")]
    assert ledger_store.scalar("SELECT count(*) FROM figures") == 3
    conflicts = ledger_store.query("SELECT kind, reason FROM contradictions")
    assert [c["kind"] for c in conflicts] == ["figures"]
    assert "cannot both be true" in conflicts[0]["reason"]


def test_tally_historical_tolls_are_kept_apart(ledger_store):
    text = "The 1990s war killed some 30,000 people, the agency recalled."
    record = make_record(
        text,
        casualties=[Casualty(30000, 30000, "killed", "any", whole(text), scope="cumulative", historical=True)],
    )
    store_records(ledger_store, [record])
    assert ledger_store.scalar("SELECT count(*) FROM estimates") == 0


def test_tally_denial_links_what_it_denies(ledger_store):
    text = "Russia's defence ministry said it destroyed a Ukrainian depot. Kyiv denied the claim."
    record = make_record(
        text,
        actors=[actor("Russia Defence Ministry", "RUS"), actor("Ukraine", "UKR", "government")],
        claims=[
            Claim(0, "say", "assert", whole(text, "it destroyed a Ukrainian depot"), whole(text)),
            Claim(1, "deny", "deny", whole(text, "the claim"), whole(text), denies=0),
        ],
    )
    store_records(ledger_store, [record])
    rows = ledger_store.query("SELECT kind, claim_idx, other_claim_idx, reason FROM contradictions")
    assert rows == [
        {"kind": "denial", "claim_idx": 1, "other_claim_idx": 0,
         "reason": "Ukraine denies Russia Defence Ministry's claim: it destroyed a Ukrainian depot"}
    ]  # fmt: skip


def test_tally_figure_conflicts_are_every_rival_pair_in_list_order():
    rng = random.Random(5)
    days = ["2022-03-01", "2022-03-02", "2022-03-03", "2022-03-05", "2022-03-05T10:00", None, "March"]
    figures = [
        Figure(f"a{n}", n, rng.choice("ABC"), rng.choice(days), low, low + rng.choice((0, 5)))
        for n, low in enumerate(rng.randrange(0, 40) for _ in range(80))
    ]
    every_pair = [
        (a, b)
        for i, a in enumerate(figures)
        for b in figures[i + 1 :]
        if a.claimant != b.claimant
        and a.reported not in (None, "March")
        and b.reported not in (None, "March")
        and abs((dt.date.fromisoformat(a.reported[:10]) - dt.date.fromisoformat(b.reported[:10])).days) <= 1
        and (a.high < b.low or b.high < a.low)  # ranges that share no number
    ]
    assert every_pair and figure_conflicts(figures) == every_pair
