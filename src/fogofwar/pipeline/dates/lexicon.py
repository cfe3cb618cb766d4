"""The dates lexicon (``data/dates.json``), the regular expressions compiled from it, and text normalisation."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from fogofwar.record import Precision


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``data/dates.json`` (see its "about")."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague: tuple[str, ...]
    units: dict[str, tuple[str, str, Precision | None]]
    parts_of_day: frozenset[str]
    night_words: frozenset[str]
    leads: frozenset[str]
    modifiers: frozenset[str]
    year_prepositions: frozenset[str]
    vague_refs: dict[str, frozenset[str]]

    @classmethod
    @cache
    def load(cls) -> Lexicon:
        """Read the lexicon shipped in the package."""
        raw: dict[str, Any] = json.loads(
            resources.files("fogofwar.data").joinpath("dates.json").read_text(encoding="utf-8")
        )
        return cls(
            months=raw["months"],
            weekdays=raw["weekdays"],
            numbers=raw["numbers"],
            vague=tuple(raw["vague"]),
            units={k: (v[0], v[1], v[2]) for k, v in raw["units"].items()},
            parts_of_day=frozenset(raw["parts_of_day"]),
            night_words=frozenset(raw["night_words"]),
            leads=frozenset(raw["leads"]),
            modifiers=frozenset(raw["modifiers"]),
            year_prepositions=frozenset(raw["year_prepositions"]),
            vague_refs={side: frozenset(words) for side, words in raw["vague_refs"].items()},
        )


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class Grammar:
    """The compiled regular expressions the resolver reads an expression's normalised text with."""

    def __init__(self, lex: Lexicon) -> None:
        month = rf"(?P<month>{alternation(lex.months)})"
        weekday = rf"(?:{alternation(lex.weekdays)})"
        number = rf"(?:\d+(?:\.\d+)?|{alternation([*lex.numbers, *lex.vague])})(?:[ -](?:{alternation(lex.numbers)}))?"
        unit = rf"(?P<unit>{alternation(lex.units)})s?"
        day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
        year = r"(?P<year>\d{4})"
        self.age = re.compile(r"\d+[- ]years?[- ]old|\byears? old\b|\baged\b|-year-old")
        self.iso = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
        self.calendar = (  # "September 28, 2020" and "28 September 2020"
            re.compile(rf"\b{month} (?:the )?{day}(?: {year})?\b"),
            re.compile(rf"\b(?:the )?{day} (?:of )?{month}(?: {year})?\b"),
        )
        ordinal = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
        self.nth_unit = re.compile(
            rf"(?:(?:a|the|its|their) )?{ordinal} (?:(?:straight|consecutive|successive) )?"
            r"(?P<unit>day|week|month|year)(?: in a row| running)?"
        )
        self.short_year = re.compile(r"['’](?P<yy>\d{2})")
        self.week_of = re.compile(rf"\b(?P<ord>first|second|third|fourth|last|final) week of {month}\b")
        self.month_year = re.compile(rf"\b{month}(?: of)? {year}\b")
        self.month = re.compile(rf"\b{month}\b")
        self.year = re.compile(r"(?<![\d-])(?P<year>\d{4})(?![\d-])")
        self.decade = re.compile(r"(?:\b(?P<decade>\d{3})0'?s|(?<![\w])'?(?P<short>[2-9])0'?s)\b")
        self.quarter = re.compile(
            r"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)[ -](?P<part>quarter|half)\b"
            r"|\b(?P<q>[qh])(?P<n>[1-4])\b"
        )
        self.weekday = re.compile(rf"\b(?P<weekday>{weekday})\b")
        self.quantity = re.compile(
            rf"(?:^|\b)(?P<qty>{number})(?: (?:more|long|full|straight|consecutive|whole))? {unit}\b"
        )
        self.bare_unit = re.compile(rf"^(?:the )?{unit}$")
        self.relative_unit = re.compile(
            r"\b(?P<rel>last|past|previous|preceding|this|current|next|coming|following|upcoming) "
            r"(?P<unit>week|month|year|weekend|decade)\b"
        )
        self.anchored = re.compile(
            rf"(?P<qty>{number}) {unit} (?P<dir>after|before|later|earlier|ago|from now|prior to|since) ?(?P<rest>.*)$"
        )
        self.range = re.compile(r"^(?:between |from )?(?P<a>.+?) (?:and|to|until|till|through|-|–) (?P<b>.+)$")
        self.season = re.compile(
            r"\b(?P<season>spring|summer|autumn|winter)\b"
            r"|(?:\b(?:the|this|last|next|early|late) |\bof )(?P<fall>fall)\b|\b(?P<fall2>fall) (?:of )?\d{4}\b"
        )
        self.same_period = re.compile(
            r"\bsame (?:period|time|month|quarter|week|day|season)(?: of)?(?: the)? "
            r"(?:last year|previous year|a year (?:earlier|ago|before))\b"
        )
        self.year_range = re.compile(r"\b(?P<a>\d{4}) ?[-–/] ?(?P<b>\d{2}|\d{4})\b")


@cache
def grammar() -> Grammar:
    """The grammar of the shipped lexicon, compiled once."""
    return Grammar(Lexicon.load())


def normalise(text: str) -> str:
    """Lower-case, unify dashes and apostrophes, drop full stops of abbreviations and commas, collapse spaces."""
    text = text.lower().replace("’", "'").replace("—", "-").replace("–", "-")
    text = re.sub(r"(?<=[a-z])\.", "", text)
    text = re.sub(r"[,;()\"“”]", " ", text)
    text = re.sub(r"\s*-\s*(?=\d{4}\b)", "-", text)
    return " ".join(text.split())
