"""Queries over the ledger: events, claims, tally, article; the CLI's table/JSON/CSV; fogofwar.Ledger DataFrames."""

from __future__ import annotations

import csv
import io
import json

import pytest

import fogofwar
from fogofwar.cli import EXIT_FAILED, EXIT_OK, main
from fogofwar.errors import LedgerError
from fogofwar.ledger import Store, queries, store_records
from fogofwar.record import Casualty, Claim, Event

from .ledger_support import actor, make_record, place, when, whole

GANJA = place("Ganja", 40.6828, 46.3606, "AZ")
ALEPPO = place("Aleppo", 36.2021, 37.1343, "SY")
KHARKIV = place("Kharkiv", 49.9935, 36.2304, "UA")


def report(text, *, outlet, day, where, who, kind="ASSAULT", deny=False, killed=None, narrated=False):
    claims = [Claim(0, "say", "assert", whole(text), whole(text))]
    if deny:
        claims.append(Claim(1, "deny", "deny", whole(text, "denied"), whole(text), denies=0))
    claim = None if narrated else 0
    casualties = (
        [Casualty(killed, killed, "killed", "civilian", whole(text), claim=claim)] if killed is not None else []
    )
    return make_record(
        text,
        published=day,
        outlet=outlet,
        actors=[actor(*who), actor("Defence Ministry", who[1])],
        claims=claims,
        places=[where],
        casualties=casualties,
        events=[
            Event(kind, (whole(text),), actor=0, places=(0,), when=when(day), claims=tuple(range(len(claims))),
                  casualties=tuple(range(len(casualties))))
        ],
    )  # fmt: skip


RECORDS = [
    report("Armenian rockets hit Ganja, killing ten, Baku said; Yerevan denied it.", outlet="TRT World",
           day="2020-10-11", where=GANJA, who=("Armenia military", "ARM"), deny=True, killed=10),
    report("Rockets struck Ganja overnight, killing nine residents.", outlet="Reuters", day="2020-10-11",
           where=GANJA, who=("Armenia military", "ARM"), killed=9, narrated=True),
    report("Barrel bombs fell on Aleppo's eastern districts.", outlet="Al-Araby", day="2016-08-11", where=ALEPPO,
           who=("Syria military", "SYR")),
    report("Russian missiles struck central Kharkiv.", outlet="Kyiv Independent", day="2022-03-01", where=KHARKIV,
           who=("Russia military", "RUS")),
    report("Moscow and Kyiv agreed to open humanitarian corridors near Kharkiv.", outlet="TASS", day="2022-03-03",
           where=KHARKIV, who=("Russia", "RUS"), kind="AGREE"),
]  # fmt: skip


@pytest.fixture
def filled(ledger_store):
    store_records(ledger_store, RECORDS)
    return ledger_store


def types_and_places(rows):
    return sorted((r["type"], r["place"], r["num_articles"]) for r in rows)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [("AGREE", "Kharkiv", 1), ("ASSAULT", "Aleppo", 1), ("ASSAULT", "Ganja", 2), ("ASSAULT", "Kharkiv", 1)]),
        ({"since": "2020-01-01", "until": "2021-01-01"}, [("ASSAULT", "Ganja", 2)]),
        ({"since": "2022-03-02"}, [("AGREE", "Kharkiv", 1)]),
        ({"country": "SY"}, [("ASSAULT", "Aleppo", 1)]),
        ({"country": "Syria"}, [("ASSAULT", "Aleppo", 1)]),
        ({"country": "UKR", "type": "assault"}, [("ASSAULT", "Kharkiv", 1)]),
        ({"near": "40.6,46.3,30"}, [("ASSAULT", "Ganja", 2)]),
        ({"near": "40.6,46.3,5"}, []),
        ({"text": "barrel"}, [("ASSAULT", "Aleppo", 1)]),
        ({"text": "HUMANITARIAN"}, [("AGREE", "Kharkiv", 1)]),
        ({"min_articles": 2}, [("ASSAULT", "Ganja", 2)]),
    ],
)
def test_queries_events_filters(filled, filters, expected):
    assert types_and_places(queries.events(filled, **filters)) == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"since": "last week"}, "expected a date"),
        ({"type": "BOMBING"}, "not a PLOVER type"),
        ({"near": "40.6,46.3"}, "expected LAT,LON,KM"),
        ({"country": "Atlantis"}, "not a country"),
    ],
)
def test_queries_events_bad_filters(filled, filters, message):
    with pytest.raises(LedgerError, match=message):
        queries.events(filled, **filters)


def test_queries_filter_values_are_parameters(filled):
    assert queries.events(filled, text="'; DROP TABLE articles; --") == []
    assert filled.scalar("SELECT count(*) FROM articles") == len(RECORDS)


def test_queries_claims_about_one_event_and_contested(filled):
    ganja = queries.events(filled, min_articles=2)[0]
    about = queries.claims(filled, event=ganja["id"])
    assert sorted(c["outlet"] for c in about) == ["Reuters", "TRT World", "TRT World"]
    contested = queries.claims(filled, contested=True)
    assert {(c["claim"], c["polarity"]) for c in contested} == {(0, "assert"), (1, "deny")}
    assert all("denial" in c["contradiction"] for c in contested)
    with pytest.raises(LedgerError, match="no such event cluster"):
        queries.claims(filled, event="nope")


def test_queries_tally_and_by_day(filled):
    rows = queries.tally(filled)
    assert [(r["low"], r["best"], r["high"], r["claimants"]) for r in rows] == [(9, 9, 10, 2)]
    by_day = queries.tally(filled, by="day")
    assert sorted((r["period"], r["claimant"], r["low"]) for r in by_day) == [
        ("2020-10-11", "Armenia military", 10),
        ("2020-10-11", "Reuters", 9),
    ]
    assert queries.tally(filled, by="week")[0]["period"] == "2020-W41"
    assert queries.tally(filled, side="ARM") == []


def test_queries_article_by_prefix(filled):
    aid = RECORDS[2].article.id
    found = queries.article(filled, aid[:8])
    assert found["id"] == aid
    assert found["record"]["article"]["outlet"] == "Al-Araby"
    assert [c["type"] for c in found["clusters"]] == ["ASSAULT"]
    with pytest.raises(LedgerError, match="no article"):
        queries.article(filled, "ffffffffffffffff")


def test_queries_cli_formats(ledger_target, capsys):
    with Store(ledger_target) as store:
        store_records(store, RECORDS)
    assert main(["events", "--db", ledger_target]) == EXIT_OK
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["id", "type", "date_start"]
    assert len(table) == 5
    assert main(["events", "--db", ledger_target, "--json", "--type", "AGREE"]) == EXIT_OK
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["place"] == "Kharkiv"
    assert main(["claims", "--db", ledger_target, "--csv", "--contested"]) == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["polarity"] for r in rows} == {"assert", "deny"}
    assert main(["tally", "--db", ledger_target, "--by", "week"]) == EXIT_OK
    assert "2020-W41" in capsys.readouterr().out
    assert main(["article", RECORDS[3].article.id, "--db", ledger_target]) == EXIT_OK
    assert "Kharkiv" in capsys.readouterr().out
    assert main(["events", "--db", ledger_target, "--since", "yesterday"]) == EXIT_FAILED
    assert capsys.readouterr().err.startswith("fogofwar: --since 'yesterday'")


def test_queries_python_api_returns_dataframes(ledger_target):
    with fogofwar.Ledger(ledger_target) as ledger:
        ledger.add(RECORDS)
        events = ledger.events(type="ASSAULT")
        assert set(events["place"]) == {"Ganja", "Kharkiv", "Aleppo"}
        assert int(events.loc[events["place"] == "Ganja", "num_sources"].iloc[0]) == 2
        assert len(ledger.claims(contested=True)) == 2
        assert ledger.tally()["best"].tolist() == [9]
        assert ledger.summary()["articles"] == len(RECORDS)


def test_queries_demo_builds_a_ledger(tmp_path, capsys):
    db = str(tmp_path / "demo.db")
    assert main(["demo", "--db", db]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"ledger {db}: stored 3" in out
    assert "Contested claims" in out
    assert main(["demo", "--db", db]) == EXIT_OK
    assert "stored 0, already present 3" in capsys.readouterr().out


def test_queries_events_near_reads_past_a_page_of_the_box_outside_the_circle(ledger_store):
    corner = place("Corner", GANJA.lat + 0.25, GANJA.lon + 0.33, "AZ")  # inside the 30 km box, 45 km away
    later = [
        report(f"Shelling reported near the border, week {n}.", outlet="Wire", day=f"2020-11-{10 + 7 * n:02d}",
               where=corner, who=("Armenia military", "ARM"))
        for n in range(3)
    ]  # fmt: skip
    store_records(ledger_store, [*RECORDS, *later])
    found = queries.events(ledger_store, near=f"{GANJA.lat},{GANJA.lon},30", limit=1)
    assert [(r["place"], r["date_start"]) for r in found] == [("Ganja", "2020-10-11")]


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        ((40.3, 40.9, 46.0, 46.7), [130 * 360 + 226]),  # inside one cell
        ((40.8, 41.2, 46.8, 47.2), [130 * 360 + 226, 130 * 360 + 227, 131 * 360 + 226, 131 * 360 + 227]),
        ((-0.2, 0.2, -0.2, 0.2), [89 * 360 + 179, 89 * 360 + 180, 90 * 360 + 179, 90 * 360 + 180]),
        ((30.0, 40.0, 30.0, 40.0), None),  # too many cells: the search reads clusters in listing order instead
        ((10.0, 10.5, 179.8, 180.3), None),  # across the antimeridian
    ],
)
def test_queries_cells_of_a_box(box, expected):
    assert queries.cells_of(*box) == expected


def test_queries_events_near_finds_a_cluster_across_a_cell_edge(ledger_store):
    # The circle's centre and the strike lie in different one-degree cells, 12 km apart.
    store_records(ledger_store, [
        report("Shelling hit the town at dawn, officials said.", outlet="Wire", day="2020-10-04",
               where=place("Edge", 41.02, 47.03, "AZ"), who=("Armenia military", "ARM")),
    ])  # fmt: skip
    assert [r["place"] for r in queries.events(ledger_store, near="40.95,46.96,20")] == ["Edge"]
    assert queries.events(ledger_store, near="40.95,46.96,5") == []
