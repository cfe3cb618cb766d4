"""Places: detection (including toponyms the model mislabels) and resolution to coordinates or ``unresolved``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fogofwar.gazetteer import Gazetteer
from fogofwar.gazetteer.resolve import Toponym, km_between, resolve
from fogofwar.record import ArticleRecord, Place

Annotate = Callable[..., ArticleRecord]


def find(record: ArticleRecord, text: str) -> Place | None:
    return next((p for p in record.places if p.text == text), None)


@pytest.mark.parametrize(
    ("text", "toponym", "expected"),
    [
        # Karabakh: the model tags Jabrayil PERSON and Dashkesan ORG; the list and the place noun recover them
        (
            "Azerbaijan's ministry said Armenian forces launched counterattacks in the directions of Fizuli, "
            "Jabrayil, Aghdara and Tartar.",
            "Jabrayil", ("AZ", 39.4, 47.03, 25),
        ),
        (
            "Armenian troops were shelling the Dashkesan region on the border, the ministry said.",
            "Dashkesan", ("AZ", 40.52, 46.08, 25),
        ),
        (
            "Azerbaijani jets destroyed a convoy setting off from the Madagiz village, Baku said.",
            "Madagiz", ("AZ", 40.15, 46.64, 30),
        ),
        (
            "Shelling hit Stepanakert overnight, local officials in Nagorno-Karabakh said.",
            "Stepanakert", ("AZ", 39.82, 46.75, 20),
        ),
        # Syria
        (
            "Syrian government forces shelled villages near Maarat al-Numan in Idlib province on Tuesday.",
            "Idlib", ("SY", 35.8, 36.6, 80),
        ),
        (
            "Russian jets struck rebel positions around Aleppo, the Syrian Observatory for Human Rights said.",
            "Aleppo", ("SY", 36.2, 37.16, 25),
        ),
        # Ukraine: old and new spellings
        (
            "Russian missiles hit Kiev and the eastern city of Kharkiv on Monday, Ukrainian officials said.",
            "Kiev", ("UA", 50.45, 30.52, 25),
        ),
        (
            "Fighting continued near Bakhmut in the Donbas as Ukrainian troops held their positions.",
            "Bakhmut", ("UA", 48.6, 38.0, 25),
        ),
        # Gaza
        (
            "Israeli air strikes hit Khan Younis in the southern Gaza Strip overnight, Palestinian officials said.",
            "Gaza Strip", ("PS", 31.42, 34.36, 60),
        ),
        # A namesake: Armenia is the country, not the Colombian city
        (
            "Armenia and Azerbaijan traded accusations as fighting spread along the line of contact.",
            "Armenia", ("AM", 40.0, 45.0, 300),
        ),
        # Datelines: after a headline run into the text, and closed by a colon or a spaced hyphen
        (
            "Body of Iraqi man found in river. BEIRUT: The body of an Iraqi national was discovered on Sunday.",
            "BEIRUT", ("LB", 33.89, 35.5, 25),
        ),
        (
            "Two teenagers found unharmed. KHARKIV - Police officers found the two missing boys on Monday.",
            "KHARKIV", ("UA", 49.99, 36.23, 25),
        ),
        # A place named after "of" in an institution's name
        (
            "Timothy Quill, a professor of medicine at the University of Rochester, said he supported the bill.",
            "Rochester", ("US", 43.15, -77.6, 40),
        ),
    ],
)  # fmt: skip
def test_toponym_is_found_and_resolved(
    annotate: Annotate, text: str, toponym: str, expected: tuple[str, float, float, float]
) -> None:
    """expected: (ISO alpha-2 country, lat, lon, tolerance in km)."""
    country, lat, lon, km = expected
    place = find(annotate(text), toponym)
    assert place is not None, f"{toponym} not found"
    assert place.country == country
    assert place.lat is not None and place.lon is not None
    assert km_between(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize(
    ("text", "toponym", "precision"),
    [
        ("Fighting raged across the Donbas region on Sunday, Kyiv said.", "Donbas", "region"),
        ("Shelling was reported in Idlib province, activists said.", "Idlib", "admin1"),
        ("Clashes erupted again in Nagorno-Karabakh on Tuesday.", "Nagorno-Karabakh", "region"),
        ("Troops fought near Fizuli on Tuesday, the ministry said.", "Fizuli", "point"),
        ("The European Union urged Armenia to stop fighting.", "Armenia", "country"),
    ],
)
def test_precision(annotate: Annotate, text: str, toponym: str, precision: str) -> None:
    place = find(annotate(text), toponym)
    assert place is not None
    assert place.precision == precision


@pytest.mark.parametrize(
    ("text", "toponym"),
    [
        # A village the gazetteer does not know stays, unresolved, because "village" says it is a place
        ("Soldiers shelled the Zzyxabad village overnight, Azerbaijan's ministry said.", "Zzyxabad"),
        ("Armenian forces attacked Qwertyvan village near Fizuli, the ministry said.", "Qwertyvan"),
    ],
)
def test_unknown_place_stays_unresolved(annotate: Annotate, text: str, toponym: str) -> None:
    place = find(annotate(text), toponym)
    assert place is not None
    assert place.precision == "unresolved"
    assert place.lat is None and place.lon is None and place.geonameid is None


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        # Real people and organisations are not turned into places
        (
            "European Commission spokesman Peter Stano said in Brussels that the EU was concerned.",
            {"Peter Stano", "European Commission"},
        ),
        ("France, Russia and NATO urged a halt to the clashes in the region.", {"NATO"}),
        ("Erdogan said Turkey would stand with Azerbaijan.", {"Erdogan"}),
        ("Azerbaijani and Armenian forces deployed heavy artillery.", {"Azerbaijani", "Armenian"}),
        ("Ilham Aliyev thanked Recep Tayyip Erdogan for his support.", {"Ilham Aliyev", "Recep Tayyip Erdogan"}),
        ("Israeli troops captured Mohammed Deif, the army said.", {"Mohammed Deif"}),
        ("Hamas and Hezbollah fighters attacked Israeli positions in May.", {"Hamas", "Hezbollah", "May"}),
    ],
)
def test_people_and_organisations_are_not_places(annotate: Annotate, text: str, not_places: set[str]) -> None:
    found = {p.text for p in annotate(text).places}
    assert not found & not_places


def test_far_namesake_is_not_taken(gazetteer_cache: object) -> None:
    # In an article about Azerbaijan, a name only a tiny foreign place bears (as an alias) stays unresolved.
    gazetteer = Gazetteer()
    from collections import Counter

    results = resolve(
        [Toponym("Fizuli"), Toponym("Tartar"), Toponym("Jenin")],
        gazetteer,
        Counter({"AZ": 5, "AM": 4}),
    )
    assert results[0].place is not None and results[0].place.country == "AZ"
    # Jenin in the West Bank is a city of 35,000: with an Azerbaijani focus it is far from everything, so stays out
    assert results[2].place is None


def test_same_article_places_pull_together(gazetteer_cache: object) -> None:
    # "Paris" next to Texas towns is Paris, Texas; alone, it is the French capital.
    gazetteer = Gazetteer()
    near = resolve([Toponym("Paris"), Toponym("Texarkana"), Toponym("Sulphur Springs"), Toponym("Texas")], gazetteer)
    alone = resolve([Toponym("Paris")], gazetteer)
    assert near[0].place is not None and near[0].place.country == "US"
    assert alone[0].place is not None and alone[0].place.country == "FR"


@pytest.mark.parametrize(
    ("names", "country"),
    [
        (["Gaza"], "PS"),  # the city, not Mozambique's Gaza province (whose towns together outnumber it)
        (["Gaza", "Israel"], "PS"),
        (["Gaza", "Maputo", "Xai-Xai"], "MZ"),  # among Mozambican places, the province
    ],
)
def test_subdivision_yields_to_a_namesake_city(gazetteer_cache: object, names: list[str], country: str) -> None:
    results = resolve([Toponym(n) for n in names], Gazetteer())
    assert results[0].place is not None and results[0].place.country == country
