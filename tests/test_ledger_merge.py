"""Merging event mentions across articles: the same happening (type, time window, place, actors) is one cluster."""

from __future__ import annotations

import datetime as dt

import pytest

from fogofwar.ledger import store_records
from fogofwar.ledger.merge import Mention, PlaceRef, cluster_status, distance_km, same_happening
from fogofwar.record import Claim, Event

from .ledger_support import actor, make_record, place, when, whole

D = dt.date.fromisoformat
GANJA = PlaceRef("Ganja", 40.6828, 46.3606, "AZ", "point")
GANJA_UNRESOLVED = PlaceRef("Ganja", None, None, None, "unresolved")
GOYGOL = PlaceRef("Goygol", 40.5864, 46.3189, "AZ", "point")  # ~11 km from Ganja
STEPANAKERT = PlaceRef("Stepanakert", 39.8153, 46.7519, "AZ", "point")  # ~100 km from Ganja
AZERBAIJAN = PlaceRef("Azerbaijan", 40.5, 47.5, "AZ", "country")
ALEPPO = PlaceRef("Aleppo", 36.2021, 37.1343, "SY", "point")
SYRIA = PlaceRef("Syria", 35.0, 38.0, "SY", "country")


def m(article, day, *, kind="ASSAULT", end=None, actor_country=None, places=(), modality="asserted"):
    return Mention(article, 0, kind, D(day), D(end or day), actor_country, tuple(places), modality)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Karabakh: two outlets, the same rocket strike on Ganja on 4 October.
        (m("a1", "2020-10-04", places=[GANJA]), m("a2", "2020-10-04", places=[GANJA]), True),
        # a day apart (a dateline of the next morning) is within the window
        (m("a1", "2020-10-04", places=[GANJA]), m("a2", "2020-10-05", places=[GANJA]), True),
        # three days apart is another strike
        (m("a1", "2020-10-04", places=[GANJA]), m("a2", "2020-10-07", places=[GANJA]), False),
        # overlapping ranges ("overnight" = two days) meet
        (m("a1", "2020-10-03", end="2020-10-04"), m("a2", "2020-10-05"), True),
        # a nearby village within 25 km is the same scene
        (m("a1", "2020-10-04", places=[GANJA]), m("a2", "2020-10-04", places=[GOYGOL]), True),
        # 100 km away is another event
        (m("a1", "2020-10-04", places=[GANJA]), m("a2", "2020-10-04", places=[STEPANAKERT]), False),
        # an unresolved place matches a geocoded one by name
        (m("a1", "2020-10-04", places=[GANJA]), m("a2", "2020-10-04", places=[GANJA_UNRESOLVED]), True),
        # a country-level place does not separate mentions in that country
        (m("a1", "2020-10-04", places=[GANJA]), m("a2", "2020-10-04", places=[AZERBAIJAN]), True),
        # but it does separate different countries (Syria: Aleppo vs a strike in Azerbaijan)
        (m("a1", "2020-10-04", places=[ALEPPO]), m("a2", "2020-10-04", places=[AZERBAIJAN]), False),
        (m("a1", "2016-08-11", places=[ALEPPO]), m("a2", "2016-08-11", places=[SYRIA]), True),
        # no place on one side: time, type and actors decide
        (m("a1", "2016-08-11", places=[ALEPPO]), m("a2", "2016-08-11"), True),
        # different types are different happenings (a strike and a ceasefire the same day)
        (m("a1", "2020-10-10"), m("a2", "2020-10-10", kind="AGREE"), False),
        # compatible actors: the same country, or one unknown
        (m("a1", "2022-03-01", actor_country="RUS"), m("a2", "2022-03-01", actor_country="RUS"), True),
        (m("a1", "2022-03-01", actor_country="RUS"), m("a2", "2022-03-01"), True),
        (m("a1", "2022-03-01", actor_country="RUS"), m("a2", "2022-03-01", actor_country="UKR"), False),
        # the same article's mentions are not linked directly
        (m("a1", "2020-10-04"), m("a1", "2020-10-04"), False),
        # a mention denied (negated) can be the same happening as a report of it
        (m("a1", "2023-10-17", places=[PlaceRef("Gaza", 31.5, 34.47, "PS", "point")]),
         m("a2", "2023-10-17", places=[PlaceRef("Gaza", 31.5, 34.47, "PS", "point")], modality="negated"), True),
        # future and historical mentions never merge
        (m("a1", "2020-10-12", kind="CONSULT", modality="future"), m("a2", "2020-10-12", kind="CONSULT"), False),
        (m("a1", "1993-04-01", modality="historical"), m("a2", "1993-04-01", modality="historical"), False),
        # a month-wide date places nothing in time
        (m("a1", "2020-10-01", end="2020-10-31"), m("a2", "2020-10-04"), False),
    ],
)  # fmt: skip
def test_merge_same_happening(a, b, expected):
    assert same_happening(a, b) is expected
    assert same_happening(b, a) is expected


def test_merge_distance_km():
    assert distance_km(40.6828, 46.3606, 40.6828, 46.3606) == 0
    assert 10 < distance_km(GANJA.lat, GANJA.lon, GOYGOL.lat, GOYGOL.lon) < 13
    assert 95 < distance_km(GANJA.lat, GANJA.lon, STEPANAKERT.lat, STEPANAKERT.lon) < 105


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["reported", "claimed"], "reported"),
        (["claimed"], "claimed"),
        (["denied"], "denied"),
        (["claimed", "denied"], "disputed"),
        (["reported", "disputed"], "disputed"),
    ],
)
def test_merge_cluster_status(statuses, expected):
    assert cluster_status(statuses) == expected


def strike(
    text, *, outlet, published, day=None, where=None, who=("Azerbaijan Defence Ministry", "AZE"), kind="ASSAULT"
):
    places = [where] if where else []
    return make_record(
        text,
        published=published,
        outlet=outlet,
        actors=[actor(*who)],
        claims=[Claim(0, "say", "assert", whole(text), whole(text))],
        places=places,
        events=[
            Event(
                kind,
                (whole(text),),
                actor=0,
                claims=(0,),
                places=tuple(range(len(places))),
                when=when(day) if day else None,
            )
        ],
    )


def clusters(ledger_store):
    return ledger_store.query("SELECT id, num_mentions, num_sources, num_articles FROM event_clusters ORDER BY id")


def test_merge_three_outlets_one_strike(ledger_store):
    ganja = place("Ganja", 40.6828, 46.3606, "AZ")
    records = [
        strike("Armenian rockets hit Ganja on Sunday, Baku said.", outlet="TRT World", published="2020-10-04",
               day="2020-10-04", where=ganja),
        strike("Ganja was shelled overnight, the ministry said.", outlet="Reuters", published="2020-10-05",
               where=ganja),
        strike("Rockets struck Azerbaijan's second city Ganja, officials said.", outlet="Reuters",
               published="2020-10-04", where=ganja),
        strike("Shelling hit Tartar on 20 October, the ministry said.", outlet="AFP", published="2020-10-20",
               day="2020-10-20", where=place("Tartar", 40.3425, 46.9336, "AZ")),
    ]  # fmt: skip
    report = store_records(ledger_store, records)
    assert report.clusters == 2
    rows = clusters(ledger_store)
    assert sorted((r["num_mentions"], r["num_sources"], r["num_articles"]) for r in rows) == [(1, 1, 1), (3, 2, 3)]
    assert ledger_store.scalar("SELECT count(*) FROM cluster_members") == 4


def test_merge_bridging_mention_joins_two_clusters(ledger_store):
    # Day 1 and day 3 are too far apart to link; a report dated across days 2-3 links to both.
    first = strike(
        "Drones struck Kharkiv, the governor said.",
        outlet="Kyiv Independent",
        published="2022-03-01",
        day="2022-03-01",
        who=("Russia military", "RUS"),
    )
    third = strike(
        "Kharkiv was hit again by drones, the governor said.",
        outlet="Ukrainska Pravda",
        published="2022-03-03",
        day="2022-03-03",
        who=("Russia military", "RUS"),
    )
    store_records(ledger_store, [first, third])
    assert len(clusters(ledger_store)) == 2
    bridge = strike(
        "Drone attacks on Kharkiv over two days, the mayor said.",
        outlet="BBC",
        published="2022-03-03",
        day="2022-03-02/2022-03-03",
        who=("Russia military", "RUS"),
    )
    report = store_records(ledger_store, [bridge])
    assert report.clusters == 1
    assert clusters(ledger_store)[0]["num_articles"] == 3
    assert_country_index_agrees(ledger_store)


def assert_country_index_agrees(store):
    """cluster_countries holds exactly each cluster's countries, with its date and article count (none orphaned)."""
    columns = ("type", "date_start", "date_end", "num_articles")
    expected = sorted(
        (r["id"], code, *(r[c] for c in columns))
        for r in store.query(f"SELECT id, countries, {', '.join(columns)} FROM event_clusters")
        for code in set(r["countries"].split())
    )
    held = store.query(f"SELECT cluster_id, country, {', '.join(columns)} FROM cluster_countries")
    assert sorted((r["cluster_id"], r["country"], *(r[c] for c in columns)) for r in held) == expected
    assert expected, "the clusters name no country: the check would be empty"


def test_merge_is_incremental_and_stable(ledger_store):
    a = strike(
        "Israeli strikes hit Khan Younis, the health ministry said.",
        outlet="Al Jazeera",
        published="2023-10-17",
        day="2023-10-17",
        who=("Israel military", "ISR"),
    )
    b = strike(
        "Airstrikes pounded Khan Younis, residents said.",
        outlet="AP",
        published="2023-10-17",
        who=("Israel military", "ISR"),
    )
    store_records(ledger_store, [a])
    first = clusters(ledger_store)
    store_records(ledger_store, [b])
    store_records(ledger_store, [a, b])
    after = clusters(ledger_store)
    assert [r["id"] for r in after] == [r["id"] for r in first]
    assert after[0]["num_articles"] == 2
    assert_country_index_agrees(ledger_store)


def test_merge_keeps_sides_apart(ledger_store):
    # Each side accuses the other of shelling the same day: different actors, different events.
    a = strike(
        "Armenian forces shelled Tartar, Baku said.",
        outlet="APA",
        published="2020-10-04",
        who=("Armenia military", "ARM"),
    )
    b = strike(
        "Azerbaijani forces shelled Stepanakert, Yerevan said.",
        outlet="Armenpress",
        published="2020-10-04",
        who=("Azerbaijan military", "AZE"),
    )
    assert store_records(ledger_store, [a, b]).clusters == 2


def test_merge_daily_reports_do_not_chain_into_one_cluster(ledger_store):
    # Aleppo shelled day after day: each report links to the next, but a month of strikes is not one event.
    aleppo = place("Aleppo", 36.2021, 37.1343, "SY")
    records = [
        strike(f"Shelling hit eastern Aleppo on day {day}, a monitor said.", outlet=f"Outlet {day % 2}",
               published=f"2016-08-{day:02d}", day=f"2016-08-{day:02d}", where=aleppo, who=("Syria military", "SYR"))
        for day in range(1, 13)
    ]  # fmt: skip
    store_records(ledger_store, records)
    spans = ledger_store.query("SELECT date_start, date_end FROM event_clusters")
    assert len(spans) >= 3
    for row in spans:
        days = (dt.date.fromisoformat(row["date_end"]) - dt.date.fromisoformat(row["date_start"])).days
        assert days <= 3
