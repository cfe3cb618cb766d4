"""Gazetteer resolution of the toponyms of one text together: the place written after a name, one sense per text,
the other toponyms' choices."""

from __future__ import annotations

import re

import pytest

from fogofwar.gazetteer import Gazetteer
from fogofwar.gazetteer.context import containers, countries_in, towns
from fogofwar.gazetteer.resolve import Resolution, Toponym, resolve


def spans_of(text: str, names: list[str]) -> list[tuple[int, int]]:
    """The (start, end) of each name in the text, in order, each after the previous one."""
    spans, at = [], 0
    for name in names:
        match = re.compile(re.escape(name)).search(text, at)
        assert match is not None, name
        spans.append((match.start(), match.end()))
        at = match.end()
    return spans


def resolve_passage(text: str, names: list[str]) -> list[Resolution]:
    """The names (in the order the text writes them) resolved as the places component resolves them."""
    within = containers(text, spans_of(text, names))
    toponyms = [Toponym(n, within=w) for n, w in zip(names, within, strict=True)]
    return resolve(toponyms, Gazetteer(), countries_in(text))


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "He lives in Dublin, Ohio, and in Paris , Texas, then Rome.",
            ["Dublin", "Ohio", "Paris", "Texas", "Rome"],
            [1, None, 3, None, None],
        ),
        ("Fighting in Kharkiv and Donetsk, officials said.", ["Kharkiv", "Donetsk"], [None, None]),
        ("Shelling hit Idlib, Syria, on Monday.", ["Idlib", "Syria"], [1, None]),
    ],
)
def test_context_containers(text: str, names: list[str], expected: list[int | None]) -> None:
    assert containers(text, spans_of(text, names)) == expected


@pytest.mark.parametrize(
    ("text", "names", "index", "expected"),
    [
        # The state written after a town says which town, and which Georgia.
        (
            "The girl fell ill on the flight from Atlanta, Georgia to Wichita, Kansas, her family said.",
            ["Atlanta", "Georgia", "Wichita", "Kansas"],
            0,
            ("US", "Georgia"),
        ),
        ("The council of Dublin, Ohio, approved the budget on Monday.", ["Dublin", "Ohio"], 0, ("US", "Ohio")),
        ("Police in London, Ontario, arrested two men.", ["London", "Ontario"], 0, ("CA", "Ontario")),
        (
            "The actress arrived in Athens, Greece, after a stop in Toronto, Canada.",
            ["Athens", "Greece", "Toronto", "Canada"],
            0,
            ("GR", None),
        ),
        # War reporting keeps its places.
        ("Missiles struck Kharkiv, Ukraine, overnight, the governor said.", ["Kharkiv", "Ukraine"], 0, ("UA", None)),
        ("Government forces shelled Idlib, Syria, on Tuesday.", ["Idlib", "Syria"], 0, ("SY", None)),
    ],
)
def test_resolve_town_held_by_the_place_written_after_it(
    gazetteer_cache: object, text: str, names: list[str], index: int, expected: tuple[str, str | None]
) -> None:
    country, admin1 = expected
    place = resolve_passage(text, names)[index].place
    assert place is not None and place.country == country
    if admin1 is not None:
        assert place.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # A list of states is no town in a state: Texas stays the state.
        ("Storms hit Texas, Oklahoma and Kansas overnight.", ["Texas", "Oklahoma", "Kansas"]),
        ("Refugees crossed from Syria, Iraq and Turkey.", ["Syria", "Iraq", "Turkey"]),
    ],
)
def test_resolve_list_of_divisions_is_no_container(gazetteer_cache: object, text: str, names: list[str]) -> None:
    first = resolve_passage(text, names)[0].place
    assert first is not None and first.precision in ("admin1", "country") and first.name == names[0]


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        (
            "The actress arrived in Athens, Greece, on Monday. MAC was founded in Toronto, Canada. In Athens she "
            "met the press.",
            ["Athens", "Greece", "Toronto", "Canada", "Athens"],
            "GR",
        ),
        (
            "Residents of Paris, Texas, voted on Saturday. Paris officials said turnout was high.",
            ["Paris", "Texas", "Paris"],
            "US",
        ),
    ],
)
def test_resolve_one_sense_per_text(gazetteer_cache: object, text: str, names: list[str], country: str) -> None:
    last = resolve_passage(text, names)[-1].place
    assert last is not None and last.country == country


@pytest.mark.parametrize(
    ("text", "names", "index", "precision"),
    [
        # "Mexico" is the country, not Mexico City (one of whose aliases it is).
        ("Mexico reported new cases; Mexico City closed its schools.", ["Mexico", "Mexico City"], 0, "country"),
        ("Ukraine said Kyiv was calm overnight.", ["Ukraine", "Kyiv"], 0, "country"),
    ],
)
def test_resolve_country_name_is_no_alias(
    gazetteer_cache: object, text: str, names: list[str], index: int, precision: str
) -> None:
    place = resolve_passage(text, names)[index].place
    assert place is not None and place.precision == precision


def test_resolve_state_named_often_keeps_its_towns(gazetteer_cache: object) -> None:
    # "Georgia" first taken for the country would keep Gainesville and Duluth out of the state; ranking again with
    # the other toponyms' latest choices puts all of them in the US state.
    text = (
        "Ocilla, a small town in south Georgia, mourned. Georgia officials said the suspect was seen in Gainesville "
        "and Duluth. Georgia investigators asked Gainesville residents for help."
    )
    names = ["Ocilla", "Georgia", "Georgia", "Gainesville", "Duluth", "Georgia", "Gainesville"]
    results = resolve_passage(text, names)
    for name, result in zip(names, results, strict=True):
        assert result.place is not None and result.place.country == "US", name
        assert result.place.admin1 == "Georgia", name


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Berea police are searching for a suspect. Berea Police Department spokesman Ken Clark said.",
            ["Berea", "Berea"],
            [True, True],
        ),
        ("The Jordan City Council met on Monday; Jordan officials said.", ["Jordan", "Jordan"], [True, True]),
        ("Jordan police arrested two men near Amman.", ["Jordan", "Amman"], [False, False]),
        ("Shelling hit Kharkiv overnight, the mayor of Kharkiv said.", ["Kharkiv", "Kharkiv"], [False, False]),
    ],
)
def test_context_towns(text: str, names: list[str], expected: list[bool]) -> None:
    assert towns(text, spans_of(text, names)) == expected


@pytest.mark.parametrize(
    ("text", "counted", "absent"),
    [
        ("The New London school board met; New London residents spoke.", set(), {"GB"}),
        ("Flooding in New Mexico closed roads.", set(), {"MX"}),
        ("Mexico and Armenia signed a deal in London.", {"MX", "AM", "GB"}, set()),
    ],
)
def test_context_countries_in_skips_other_places_names(text: str, counted: set[str], absent: set[str]) -> None:
    found = set(countries_in(text))
    assert counted <= found
    assert not absent & found


@pytest.mark.parametrize(
    ("hint", "precision"),
    [
        ("town", "point"),  # "the Jordan City Council": a town, not the kingdom
        (None, "country"),
    ],
)
def test_resolve_town_hint_is_no_country(gazetteer_cache: object, hint: str | None, precision: str) -> None:
    result = resolve([Toponym("Jordan", hint), Toponym("United States")], Gazetteer())[0]
    assert result.place is not None and result.place.precision == precision


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Lists of towns are not towns in provinces, and a province named like its city yields to the city.
        ("Russian jets struck Aleppo, Idlib, Hama and Homs overnight.", ["Aleppo", "Idlib", "Hama", "Homs"]),
        ("Shelling hit Avdiivka, Donetsk and Horlivka, officials said.", ["Avdiivka", "Donetsk", "Horlivka"]),
        ("Fighting continued in Donetsk, Luhansk and Kherson.", ["Donetsk", "Luhansk", "Kherson"]),
    ],
)
def test_resolve_war_lists_stay_towns(gazetteer_cache: object, text: str, names: list[str]) -> None:
    for name, result in zip(names, resolve_passage(text, names), strict=True):
        assert result.place is not None and result.place.precision == "point", name
