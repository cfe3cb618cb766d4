"""Country words to ISO 3166 codes: names (pycountry plus common names), demonyms and capitals used as metonyms.

Names come from pycountry, demonyms and capitals of every country from countryinfo (both installed packages); the
package data file ``data/countries.json`` holds what they lack or get wrong and wins over them. Lookups are
case-sensitive on purpose ("Georgia" the country, "georgia" is not a word we resolve) and ignore a trailing
possessive ("Armenia's").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import pycountry
from countryinfo import CountryInfo

WordKind = Literal["name", "demonym", "capital"]

#: Capitals used as metonyms ("Kabul said") only of countries this populous: a small state's capital is more often a
#: place or a person's name than the voice of a government in war reporting.
METONYM_POPULATION = 1_000_000

#: Capitals that are also common words or given names, never read as a government.
CAPITAL_STOPWORDS = frozenset({"Male", "Victoria", "Kingston", "Hamilton", "Georgetown", "Praia", "Lima", "Nice"})


@dataclass(frozen=True, slots=True)
class CountryWord:
    """What a country word means: the country (ISO alpha-3) and how the word names it."""

    iso3: str
    kind: WordKind


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    text = resources.files("fogofwar").joinpath("data/countries.json").read_text(encoding="utf-8")
    return json.loads(text)["countries"]  # type: ignore[no-any-return]


@cache
def _table() -> dict[str, CountryWord]:
    table: dict[str, CountryWord] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None)):
            if name:
                table.setdefault(name, CountryWord(country.alpha_3, "name"))
    for iso3, demonym, capital in _countryinfo():
        for word, kind in ((demonym, "demonym"), (plural(demonym), "demonym"), (capital, "capital")):
            if word:
                table.setdefault(word, CountryWord(iso3, kind))  # type: ignore[arg-type]
    for iso3, entry in _data().items():
        for field, kind in (("aliases", "name"), ("demonyms", "demonym"), ("capitals", "capital")):
            for word in entry.get(field, ()):
                table[word] = CountryWord(iso3, kind)  # type: ignore[arg-type]
    for word, found in list(table.items()):
        # Text that lost its apostrophes ("Russias Ministry", "Irans foreign minister"): the possessive of a name.
        if found.kind == "name" and not word.endswith("s") and " " not in word:
            table.setdefault(word + "s", found)
    return table


def _countryinfo() -> list[tuple[str, str | None, str | None]]:
    """(ISO alpha-3, demonym, capital) of every country countryinfo knows; capitals only of countries of at least
    ``METONYM_POPULATION`` people, and not those that are common words or names ("Male", "Victoria")."""
    found = []
    for entry in CountryInfo.all().values():
        iso = entry.get("ISO") or {}
        iso3 = iso.get("alpha3")
        if not iso3:
            continue
        capital = entry.get("capital") or None
        if isinstance(capital, list):  # a few countries list several seats of government
            capital = capital[0] if capital else None
        if capital in CAPITAL_STOPWORDS or int(entry.get("population") or 0) < METONYM_POPULATION:
            capital = None
        found.append((iso3, entry.get("demonym") or None, capital))
    return found


def plural(demonym: str | None) -> str | None:
    """The plural of a demonym used as a noun ("Afghan" -> "Afghans", "Iraqi" -> "Iraqis"); None when it is its own
    plural ("Swiss", "Portuguese")."""
    if not demonym or demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return demonym + "s"


def words() -> list[str]:
    """Every country word fogofwar knows (names, demonyms, capitals), for building a matcher."""
    return sorted(_table())


def lookup(word: str) -> CountryWord | None:
    """The country a name, demonym or capital denotes ("Armenia's" -> ARM name; "Baku" -> AZE capital), or None."""
    word = word.strip()
    for candidate in (word, word.removesuffix("'s").removesuffix("’s"), word.removeprefix("the ")):
        found = _table().get(candidate)
        if found is not None:
            return found
    return None


def iso2_to_iso3(code: str) -> str | None:
    """ISO alpha-2 to alpha-3 ("AZ" -> "AZE"), or None for an unknown code."""
    country = pycountry.countries.get(alpha_2=code.upper())
    return country.alpha_3 if country is not None else None


def iso3_to_iso2(code: str) -> str | None:
    """ISO alpha-3 to alpha-2 ("AZE" -> "AZ"), or None for an unknown code."""
    country = pycountry.countries.get(alpha_3=code.upper())
    return country.alpha_2 if country is not None else None


def country_name(code: str) -> str | None:
    """The common English name of an alpha-2 or alpha-3 code ("ARM" -> "Armenia")."""
    code = code.upper()
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    aliases = _data().get(country.alpha_3, {}).get("aliases")
    return aliases[0] if aliases else str(getattr(country, "common_name", None) or country.name)
