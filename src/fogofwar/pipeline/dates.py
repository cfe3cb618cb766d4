"""Time expressions: find them, tell dates from durations, and resolve each against the publication date.

Reads the parse, the named entities and ``doc._.published``; writes ``doc._.dates``, one ``When`` per expression in
text order.

What counts (the rules):
- **Candidates** are the spaCy model's DATE and TIME entities (cut at verbs and at commas that do not belong to a
  date) plus our own Matcher patterns for what the small model misses or cuts short ("early on Sunday", "throughout
  the night", "over the weekend", "since 1993", "the early 1990s", "26 September", "the night of ...", "six days
  after ...", "recently"). Overlapping candidates are joined, so are two joined by "from ... to"/"between ... and",
  and a preposition or modifier standing right before one is taken in ("on Tuesday", "later on Tuesday", "since
  2016"), as news readers quote them.
- **Durations** ("for three days", "30 years", "two decades") are kept apart with ``type='duration'`` and a TimeML
  value (``P3D``, ``P30Y``, ``P20Y``; ``PXY`` for "several years"). Ages ("a 30-year-old") and numbers inside names
  ("the Russell 2000 Index") are not time expressions.
- **Resolution** is by our own rules on the expression's text, never on a whole sentence. A date without a year
  takes the year that puts it nearest to publication, or under a past verb the most recent one (and under a future
  verb the next one), allowing a month's grace ("has sent invitations for October 12" in an October 4 paper). A
  weekday is the most recent such day, today included ("on Tuesday" in a Tuesday paper is that day), or the next
  one, today included, under a future verb or after "until"; "last"/"next" move a whole week. Parts of a day keep
  the day ("early on Sunday"); the night ("throughout the night", "overnight", "last night") is the range from the
  day before to the day named. "the weekend" is the most recent Saturday/Sunday; "last week" is an ISO week; "in the
  past week" is the range of the seven days to publication; a quarter is its range of months; a season is its ISO
  8601-2 code (``2023-22`` is the summer of 2023). "N days after <date>" counts from that date; "N days later", "the
  next day" and "that time" from the last date the text named. Vague references have no precision: "recently" is the
  open range up to publication (``../2020-09-29``), "soon" the open range from it, "now" the publication day.
- ``dateparser`` (only on the short expression text, with the publication date as its base) reads dates written in
  figures ("7/8/2023"); everything else is our rules, because dateparser resolves "on Tuesday" in a Tuesday paper to
  the week before and reads nothing in "early on Sunday".
- Without a publication date only absolute expressions get a value; relative ones keep ``value=None``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar.record import Precision, Span, TimeType, When

Tense = Literal["past", "perfect", "present", "future"]

#: Confidence of a value read from an expression that states it in full ("September 28, 2020", "in 1992").
CONFIDENCE_EXPLICIT = 0.95
#: Confidence of a value computed from the publication date by a calendar rule ("yesterday", "last week").
CONFIDENCE_RELATIVE = 0.9
#: Confidence of a weekday or a part of a day: the rule (most recent such day) is how news writes, but a week's
#: slip is possible in a feature written days before it ran.
CONFIDENCE_WEEKDAY = 0.85
#: Confidence of an absolute date whose year was taken from the publication date ("28 September", "In July").
CONFIDENCE_INFERRED_YEAR = 0.8
#: Confidence of a date counted from another date in the text ("six days after ...", "the next day").
CONFIDENCE_ANCHORED = 0.7
#: Confidence of a value returned by dateparser for a spelling our rules do not read.
CONFIDENCE_DATEPARSER = 0.6
#: Confidence of a recognised expression left without a value (no publication date, an anchor that is an event).
CONFIDENCE_UNRESOLVED = 0.4
#: Confidence of a vague reference ("recently", "now", "soon"): the side of publication is sure, the extent is not.
CONFIDENCE_VAGUE = 0.5
#: Confidence of a duration's TimeML value.
CONFIDENCE_DURATION = 0.9

#: Lead words taken in before an expression, at most this many ("early on Sunday" takes two).
MAX_LEAD_TOKENS = 2

#: Years read from a bare four-digit number: earlier or later numbers are more often counts or codes.
MIN_YEAR, MAX_YEAR = 1800, 2100

#: Longest "the day" expression read as the day last named ("late in the day", "the same day").
MAX_DAY_WORDS = 4

#: Days counted back for "the past week" / "the last week" (the seven days up to publication).
PAST_WEEK_DAYS = 7

#: Entity labels of the spaCy model that are candidate time expressions.
TIME_LABELS = frozenset({"DATE", "TIME"})

#: Seasons as ISO 8601-2 writes them (2020-21 is the spring of 2020) and the months each one covers (northern
#: hemisphere; a winter is named by the year it starts in, its months run to February of the next year).
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}

#: Years in the units ISO 8601 durations do not have.
YEARS_PER = {"DE": 10, "CE": 100}

#: A date written in figures only: "7/8/07", "28.09.2020".
NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.](?:\d{2}|\d{4})")

#: Longest date (in days) that counts as precise enough to count a unit from: "two days later" needs a day.
MAX_DAYS_AT: dict[str, int] = {"day": 0, "week": 6, "month": 30, "year": 365, "decade": 3652}

#: Words joining the two ends of a range ("from 27 September to 10 November"), and words that open one.
RANGE_CONNECTORS = frozenset({"to", "until", "till", "through", "-", "–", "and"})
RANGE_OPENERS = frozenset({"from", "between"})

#: Tokens that join an expression to the date after it ("six days after" + "21 September", "the night of" + ...).
JOINERS = frozenset({"after", "before", "from", "of"})

#: Saturday in Python's weekday numbering (Monday = 0).
SATURDAY = 5

#: Relative words that move a named day, week, month or year by one step.
PREVIOUS_WORDS = frozenset({"last", "past", "previous", "preceding"})
NEXT_WORDS = frozenset({"next", "coming", "following", "upcoming"})
THIS_WORDS = frozenset({"this", "current", "present"})

#: Auxiliaries that put a clause in the future, and verbs whose "to" complement lies ahead ("is set to begin").
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_GOVERNORS = frozenset(
    {"set", "due", "schedule", "expect", "plan", "go", "slate", "intend", "aim", "hope", "want", "promise", "vow"}
)

#: Words after which "soon" and "now" are conjunctions, not times ("as soon as", "now that").
CONJUNCTION_AFTER = frozenset({"as", "that", "after"})

#: Modal auxiliaries: the clause's time is open ("should be completed in October"), so the nearest date is taken.
MODAL_AUX = frozenset({"should", "must", "may", "might", "can", "could", "would"})

#: Heads walked up from an expression to find the verb whose tense it takes.
MAX_VERB_STEPS = 5

#: Lead words after which a weekday lies ahead unless the verb is in the simple past ("closed until Friday").
UNTIL_LEADS = frozenset({"until", "till", "by"})

#: Days a date without a year may lie on the "wrong" side of publication for its tense and keep publication's year:
#: "has sent invitations for an event on October 12" in an October 4 paper is eight days ahead, not a year back.
YEAR_GRACE_DAYS = 31


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


@dataclass(frozen=True, slots=True)
class Resolution:
    """What an expression means: its value (or None), precision, date or duration, and how sure we are."""

    value: str | None
    precision: Precision | None
    confidence: float
    type: TimeType = "date"


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


def number_of(text: str, lex: Lexicon) -> float | None:
    """The count a quantity phrase names ("three", "30", "twenty-six", "a"), or None when it is vague."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in lex.numbers:
        return lex.numbers[text]
    parts = re.split(r"[ -]", text)
    if len(parts) == 2 and all(p in lex.numbers for p in parts):  # "twenty-six"
        return lex.numbers[parts[0]] + lex.numbers[parts[1]]
    return None


def unit_of(word: str, lex: Lexicon) -> str:
    """The lexicon's unit for a word ("days" -> "day")."""
    return word if word in lex.units else word.rstrip("s")


def duration_value(count: float | None, unit: str, lex: Lexicon) -> str:
    """TimeML value of a duration: ``P3D``, ``PT5H``, ``P2DE``; ``PXY`` when the count is vague."""
    prefix, letter, _ = lex.units[unit]
    if count is None:
        return f"{prefix}X{letter}"
    if letter == "2W":  # a fortnight
        return f"P{int(2 * count)}W"
    if letter == "Q":
        return f"P{int(3 * count)}M"
    if letter in YEARS_PER:  # ISO 8601 has no decade or century unit: "two decades" is P20Y
        count, letter = count * YEARS_PER[letter], "Y"
    amount = int(count) if count == int(count) else count
    return f"{prefix}{amount}{letter}"


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by a number of months."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    """The ISO 8601 week of a day, ``2020-W40``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift(day: dt.date, count: float, unit: str) -> tuple[str, Precision] | None:
    """A day moved by a count of units (negative is earlier), written at the unit's precision."""
    whole = int(count)
    if unit in ("day", "night"):
        return (day + dt.timedelta(days=whole)).isoformat(), "day"
    if unit in ("week", "fortnight"):
        return iso_week(day + dt.timedelta(weeks=whole * (2 if unit == "fortnight" else 1))), "week"
    if unit in ("month", "quarter"):
        year, month = shift_months(day.year, day.month, whole * (3 if unit == "quarter" else 1))
        return f"{year:04d}-{month:02d}", "month"
    if unit == "year":
        return f"{day.year + whole:04d}", "year"
    if unit == "decade":
        return f"{day.year + 10 * whole:04d}"[:3], "decade"
    return None


class Resolver:
    """Reads one expression's text into a Resolution, given the publication date, a reference day and the tense."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.g = grammar()

    def resolve(  # noqa: PLR0911, PLR0912 - one branch per expression class, in priority order
        self,
        text: str,
        published: dt.date | None,
        *,
        reference: dt.date | None = None,
        tense: Tense = "present",
        lead: str = "",
        previous: str | None = None,
    ) -> Resolution | None:
        """The resolution of the expression ``text`` (normalised, lead words removed); None if it is not one.

        ``reference`` is the day the text last named (None before any), ``previous`` the last date value it named
        (for "the same period last year")."""
        g, lex = self.g, self.lex
        if g.age.search(text):
            return None
        if text in ("that time", "that day", "that date") or (text == "the time" and lead in ("at", "by")):
            return self.day_of(reference, CONFIDENCE_ANCHORED)  # the day last named, if any
        if re.fullmatch(
            r"the (?:next|following|previous|preceding) (?:day|morning|evening|night)|the day (?:after|before)", text
        ):
            step = -1 if re.search(r"previous|preceding|before", text) else 1
            return self.day_of(None if reference is None else reference + dt.timedelta(days=step), CONFIDENCE_ANCHORED)
        if m := g.nth_unit.fullmatch(text):  # "for a third consecutive day": the day (week...) of the report
            unit = m["unit"]
            if unit == "day":
                return self.day_of(reference or published, CONFIDENCE_RELATIVE)
            return self.relative_unit("this", unit, text.split(), published)
        if m := g.short_year.fullmatch(text):
            return self.short_year(int(m["yy"]), published)
        if re.fullmatch(r"the (?:entire|whole|full) year", text) and published is not None:
            named = previous[:4] if previous and previous[:4].isdigit() else f"{published.year:04d}"
            return Resolution(named, "year", CONFIDENCE_ANCHORED)  # the year last named
        if g.same_period.search(text):
            if previous is None or published is None:
                return Resolution(None, None, CONFIDENCE_UNRESOLVED)
            return Resolution(re.sub(r"\d{4}", lambda y: f"{int(y[0]) - 1:04d}", previous), None, CONFIDENCE_ANCHORED)
        reference = reference or published
        found = self.vague(text, published)
        if found is not None:
            return found
        if lead in {"for", "within"}:
            found = self.duration(text)
            if found is not None:
                return found
        found = self.anchored(text, published, previous, tense)
        if found is not None:
            return found
        found = self.ranged(text, published, reference, tense)
        if found is not None:
            return found
        if not self.relative_unit_first(text):
            found = self.duration(text)
            if found is not None:
                return found
        if m := g.iso.search(text):
            return self.checked_day(int(m["year"]), int(m["month"]), int(m["day"]), CONFIDENCE_EXPLICIT)
        if NUMERIC_DATE.fullmatch(text):
            return self.numeric(text, published)
        if m := first_match(g.calendar, text):
            month = lex.months[m["month"]]
            if m["year"]:
                return self.checked_day(int(m["year"]), month, int(m["day"]), CONFIDENCE_EXPLICIT)
            if published is None:
                return Resolution(None, "day", CONFIDENCE_UNRESOLVED)
            year = infer_year(published, month, int(m["day"]), tense)
            return self.checked_day(year, month, int(m["day"]), CONFIDENCE_INFERRED_YEAR)
        if m := g.week_of.search(text):
            return self.week_of(m, text, published, tense)
        if m := g.month_year.search(text):
            return Resolution(f"{int(m['year']):04d}-{lex.months[m['month']]:02d}", "month", CONFIDENCE_EXPLICIT)
        if m := g.quarter.search(text):
            return self.quarter(m, text, published, tense)
        if m := g.season.search(text):
            return self.season(m, text, published, tense)
        if m := g.decade.search(text):
            if m["decade"]:
                return Resolution(m["decade"], "decade", CONFIDENCE_EXPLICIT)
            return Resolution(f"19{m['short']}", "decade", CONFIDENCE_INFERRED_YEAR)  # "the '70s"
        if m := g.year.search(text):
            year = int(m["year"])
            if MIN_YEAR <= year <= MAX_YEAR:
                return Resolution(f"{year:04d}", "year", CONFIDENCE_EXPLICIT)
        if (m := g.month.search(text)) and m["month"] in lex.months and self.is_month_word(m["month"], text):
            return self.month(lex.months[m["month"]], text, published, tense)
        found = self.deictic(text, published, reference, tense, lead)
        if found is not None:
            return found
        return None

    def vague(self, text: str, published: dt.date | None) -> Resolution | None:
        """TimeML's vague references: "recently" is the open range up to publication (``../2020-09-29``), "soon"
        the open range from it, "now" the publication day; all three with no precision, since their extent is vague."""
        side = next((side for side, words in self.lex.vague_refs.items() if text in words), None)
        if side is None:
            return None
        if published is None:
            return Resolution(None, None, CONFIDENCE_UNRESOLVED)
        if side == "past":
            return Resolution(f"../{published}", None, CONFIDENCE_VAGUE)
        if side == "future":
            return Resolution(f"{published}/..", None, CONFIDENCE_VAGUE)
        return Resolution(published.isoformat(), None, CONFIDENCE_VAGUE)

    def relative_unit_first(self, text: str) -> bool:
        """True when the text is a relative unit ("last week", "the past year") rather than a count of units."""
        m = self.g.relative_unit.search(text)
        q = self.g.quantity.search(text)
        return m is not None and (q is None or q["qty"] in ("past", "last"))

    def is_month_word(self, word: str, text: str) -> bool:
        """ "may", "march", "sat", "sun" are months or weekdays only where the expression has nothing else to be."""
        return word not in ("may", "mar") or text.strip() in (word, f"in {word}", f"early {word}", f"late {word}")

    def checked_day(self, year: int, month: int, day: int, confidence: float) -> Resolution | None:
        """A calendar day, or None when it does not exist (a "31 June" is not a date)."""
        try:
            return Resolution(dt.date(year, month, day).isoformat(), "day", confidence)
        except ValueError:
            return None

    def duration(self, text: str) -> Resolution | None:
        """A count of units ("three days", "30 years", "several months", "for years")."""
        g, lex = self.g, self.lex
        m = g.quantity.search(text)
        if m is not None and unit_of(m["unit"], lex) in lex.units and not (m["unit"] == "second" and m["qty"] == "a"):
            unit = unit_of(m["unit"], lex)
            count = number_of(m["qty"], lex)
            return Resolution(duration_value(count, unit, lex), None, CONFIDENCE_DURATION, "duration")
        m = g.bare_unit.search(text)
        if m is not None and m["unit"].endswith("s") and unit_of(m["unit"], lex) in lex.units:  # "for years"
            return Resolution(duration_value(None, unit_of(m["unit"], lex), lex), None, CONFIDENCE_DURATION, "duration")
        return None

    def anchored(  # noqa: PLR0911 - one return per way of counting
        self, text: str, published: dt.date | None, previous: str | None, tense: Tense
    ) -> Resolution | None:
        """ "three days ago", "six days after September 21", "two days later": a count from another date (the
        publication date, the date that follows, or the last one the text named, when it is at least as precise as
        the unit counted: "two days later" needs a day, "two years later" any date)."""
        lex = self.lex
        m = self.g.anchored.search(text)
        if m is None or unit_of(m["unit"], lex) not in lex.units:
            return None
        unit = unit_of(m["unit"], lex)
        count = number_of(m["qty"], lex)
        direction = m["dir"]
        precision = lex.units[unit][2]
        if direction == "since":  # "three years since the war": a duration
            return Resolution(duration_value(count, unit, lex), None, CONFIDENCE_DURATION, "duration")
        sign = -1 if direction in ("before", "earlier", "ago", "prior to") else 1
        if direction in ("ago", "from now"):
            base, confidence = published, CONFIDENCE_RELATIVE
        elif m["rest"]:
            inner = self.resolve(m["rest"], published, tense=tense)
            if inner is None or inner.value is None or inner.precision != "day":
                return Resolution(None, precision, CONFIDENCE_UNRESOLVED)
            base, confidence = dt.date.fromisoformat(inner.value), CONFIDENCE_ANCHORED
        elif direction in ("after", "before", "prior to"):  # the anchor is an event ("six days after the vote")
            return Resolution(None, precision, CONFIDENCE_UNRESOLVED)
        else:  # "two days later": from the date last named
            base, confidence = self.named_base(previous, precision), CONFIDENCE_ANCHORED
        if base is None or count is None:
            return Resolution(None, precision, CONFIDENCE_UNRESOLVED)
        if unit in ("week", "fortnight") and direction not in ("after", "before", "prior to"):
            count, unit = count * (14 if unit == "fortnight" else 7), "day"  # "a week ago" is a day, seven days back
        moved = shift(base, sign * count, unit)
        if moved is None:
            return None
        return Resolution(moved[0], moved[1], confidence)

    def named_base(self, previous: str | None, precision: Precision | None) -> dt.date | None:
        """The first day of the date last named, if it is at least as precise as ``precision``."""
        span = interval(previous) if previous and ".." not in previous and "/" not in previous else None
        if span is None or precision is None:
            return None
        length = (span[1] - span[0]).days
        return span[0] if length <= MAX_DAYS_AT[precision] else None

    def ranged(
        self, text: str, published: dt.date | None, reference: dt.date | None, tense: Tense
    ) -> Resolution | None:
        """ "between 1992 and 1994", "from March to May 2020", "1992-94": both ends resolved, joined as ``A/B``."""
        m = self.g.year_range.fullmatch(text) or self.g.year_range.search(text)
        if m is not None and len(text) <= len(m[0]) + len("between "):
            a, b = m["a"], m["b"]
            if len(b) == 2:
                b = a[:2] + b
            if int(a) < int(b):
                return Resolution(f"{a}/{b}", "year", CONFIDENCE_EXPLICIT)
        m = self.g.range.match(text)
        if m is None:
            return None
        end = self.resolve(m["b"], published, reference=reference, tense=tense)
        if end is None or end.type != "date" or end.value is None:
            return None
        start_text = m["a"]
        year = re.search(r"\b\d{4}$", end.value[:4])
        if end.precision in ("day", "month") and year and not re.search(r"\d{4}", start_text):
            start_text = f"{start_text} {end.value[:4]}"  # "March to May 2020": March takes May's year
        start = self.resolve(start_text, published, reference=reference, tense=tense)
        if start is None or start.type != "date" or start.value is None or start.value >= end.value:
            return None
        precision = start.precision if start.precision == end.precision else "day"
        return Resolution(f"{start.value}/{end.value}", precision, min(start.confidence, end.confidence))

    def quarter(self, m: re.Match[str], text: str, published: dt.date | None, tense: Tense) -> Resolution | None:
        """ "the first quarter of 2008", "Q3": a range of months."""
        if m["q"]:
            part, index = ("quarter" if m["q"] == "q" else "half"), int(m["n"])
        else:
            part = m["part"]
            ordinal = m["ord"]
            order = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
            index = order.get(ordinal, 0)
        months = 3 if part == "quarter" else 6
        if part == "half" and index > 2:
            return None
        year_match = self.g.year.search(text)
        if index == 0:  # "the last quarter": the one before publication's, or the last of a year that is named
            if year_match or published is None or re.search(r"\b(?:last|previous|next|this) year\b", text):
                index = 4 if part == "quarter" else 2
            else:
                current = (published.month - 1) // months
                year = published.year - (current == 0)
                first = ((current - 1) % (12 // months)) * months + 1
                return Resolution(
                    f"{year:04d}-{first:02d}/{year:04d}-{first + months - 1:02d}", "month", CONFIDENCE_RELATIVE
                )
        if year_match:
            year, confidence = int(year_match["year"]), CONFIDENCE_EXPLICIT
        elif published is not None and re.search(r"\b(?:last|previous|next|this|current) year\b", text):
            year, confidence = year_of(text, published), CONFIDENCE_RELATIVE
        elif published is not None:
            year, confidence = published.year, CONFIDENCE_INFERRED_YEAR
            first_month = (index - 1) * months + 1
            if tense == "past" and first_month > published.month:
                year -= 1
        else:
            return Resolution(None, "month", CONFIDENCE_UNRESOLVED)
        first = (index - 1) * months + 1
        return Resolution(f"{year:04d}-{first:02d}/{year:04d}-{first + months - 1:02d}", "month", confidence)

    def short_year(self, yy: int, published: dt.date | None) -> Resolution:
        """ "'82": the latest year ending in those digits that is not after publication."""
        if published is None:
            return Resolution(None, "year", CONFIDENCE_UNRESOLVED)
        year = published.year - (published.year - yy) % 100
        return Resolution(f"{year:04d}", "year", CONFIDENCE_INFERRED_YEAR)

    def week_of(self, m: re.Match[str], text: str, published: dt.date | None, tense: Tense) -> Resolution:
        """ "the last week of March": the ISO week holding the month's 4th day (first week) or its 4th-last (last),
        so that the week lies mostly inside the month."""
        month = self.lex.months[m["month"]]
        year_match = self.g.year.search(text)
        if year_match:
            year, confidence = int(year_match["year"]), CONFIDENCE_EXPLICIT
        elif published is not None:
            year, confidence = infer_year(published, month, 15, tense), CONFIDENCE_INFERRED_YEAR
        else:
            return Resolution(None, "week", CONFIDENCE_UNRESOLVED)
        if m["ord"] in ("last", "final"):
            after_year, after_month = shift_months(year, month, 1)
            day = dt.date(after_year, after_month, 1) - dt.timedelta(days=4)
        else:
            order = {"first": 0, "second": 1, "third": 2, "fourth": 3}[m["ord"]]
            day = dt.date(year, month, 4) + dt.timedelta(weeks=order)
        return Resolution(iso_week(day), "week", confidence)

    def season(self, m: re.Match[str], text: str, published: dt.date | None, tense: Tense) -> Resolution:
        """ "the summer of 2014", "last winter", "in spring": ISO 8601-2 season codes (21 spring ... 24 winter) of
        the northern hemisphere, with the year the season starts in."""
        code = SEASONS[m["season"] or "fall"]
        year_match = self.g.year.search(text)
        if year_match:
            return Resolution(f"{year_match['year']}-{code}", "month", CONFIDENCE_EXPLICIT)
        if published is None:
            return Resolution(None, "month", CONFIDENCE_UNRESOLVED)
        words = set(text.split())
        if words & PREVIOUS_WORDS:
            tense = "past"
        elif words & NEXT_WORDS:
            tense = "future"
        grace = dt.timedelta(days=YEAR_GRACE_DAYS)
        seasons = {y: interval(f"{y:04d}-{code}") for y in (published.year - 1, published.year, published.year + 1)}
        spans = {y: span for y, span in seasons.items() if span is not None}
        if tense in ("past", "perfect"):  # the latest one begun by publication
            year = max(y for y, span in spans.items() if span[0] <= published + grace)
        elif tense == "future":  # the first one not over by publication
            year = min(y for y, span in spans.items() if span[1] >= published - grace)
        else:  # the one publication falls in, or the nearest
            year = min(spans, key=lambda y: abs((spans[y][0] + (spans[y][1] - spans[y][0]) / 2 - published).days))
        return Resolution(f"{year:04d}-{code}", "month", CONFIDENCE_INFERRED_YEAR)

    def month(self, month: int, text: str, published: dt.date | None, tense: Tense) -> Resolution:
        """A month without a year ("In July", "late September", "last March")."""
        if published is None:
            return Resolution(None, "month", CONFIDENCE_UNRESOLVED)
        words = set(text.split())
        year = published.year
        if re.search(r"\b(?:last|previous|next|this|current) year\b", text):
            return Resolution(f"{year_of(text, published):04d}-{month:02d}", "month", CONFIDENCE_RELATIVE)
        if words & PREVIOUS_WORDS:
            year = year - 1 if month >= published.month else year
        elif words & NEXT_WORDS:
            year = year + 1 if month <= published.month else year
        else:
            year = infer_year(published, month, 1, tense)
        return Resolution(f"{year:04d}-{month:02d}", "month", CONFIDENCE_INFERRED_YEAR)

    def deictic(  # noqa: PLR0911, PLR0912 - one branch per deictic word
        self, text: str, published: dt.date | None, reference: dt.date | None, tense: Tense, lead: str = ""
    ) -> Resolution | None:
        """Words that point from the publication date: yesterday, the night, the weekend, Tuesday, last week."""
        g, lex = self.g, self.lex
        words = text.split()
        night = any(w in lex.night_words for w in words) or text == "tonight"
        if "yesterday" in words:
            if published is None:
                return Resolution(None, "day", CONFIDENCE_UNRESOLVED)
            day = published - dt.timedelta(days=2 if "before" in words else 1)
            return Resolution(day.isoformat(), "day", CONFIDENCE_RELATIVE)
        if "tomorrow" in words:
            return self.day_of(None if published is None else published + dt.timedelta(days=1), CONFIDENCE_RELATIVE)
        if "today" in words or text in ("tonight", "this morning", "this afternoon", "this evening"):
            return self.day_of(published, CONFIDENCE_RELATIVE)
        if "weekend" in words:
            return self.weekend(words, published, tense)
        if m := g.weekday.search(text):
            named = self.weekday(lex.weekdays[m["weekday"]], words, published, tense, lead)
            if night and "last" in words and named is not None:
                return self.night_of(named)
            return self.day_of(named, CONFIDENCE_WEEKDAY)
        if night:
            if published is None:
                return Resolution(None, "day", CONFIDENCE_UNRESOLVED)
            if tense == "future" or "tonight" in words:
                return Resolution(published.isoformat(), "day", CONFIDENCE_WEEKDAY)
            return self.night_of(published)
        if m := g.relative_unit.search(text):
            return self.relative_unit(m["rel"], m["unit"], words, published)
        if {"day", "morning", "afternoon", "evening"} & set(words) and set(words) & {"the", "that"}:
            if set(words) & {"next", "following", "after"}:
                return self.day_of(None if reference is None else reference + dt.timedelta(days=1), CONFIDENCE_ANCHORED)
            if set(words) & {"previous", "before", "preceding"}:
                return self.day_of(None if reference is None else reference - dt.timedelta(days=1), CONFIDENCE_ANCHORED)
            if len(words) <= MAX_DAY_WORDS and not set(words) & {"a", "one", "each", "every", "single"}:
                return self.day_of(reference, CONFIDENCE_ANCHORED)  # "the day", "the same day", "late in the day"
        if re.fullmatch(r"(?:the )?(?:beginning|start|end|middle|rest) of the (?:year|month|week)", text):
            return self.relative_unit("this", words[-1], words, published)
        if re.fullmatch(r"(?:the )?(?:beginning|start|end|middle|rest) of the day", text):
            return self.day_of(reference, CONFIDENCE_ANCHORED)
        if words and words[-1] in ("week", "month", "year") and set(words) & {"earlier", "later", "this", "current"}:
            return self.relative_unit("this", words[-1], words, published)
        return None

    def day_of(self, day: dt.date | None, confidence: float) -> Resolution:
        """A day, or an unresolved day when there is no publication date to count from."""
        if day is None:
            return Resolution(None, "day", CONFIDENCE_UNRESOLVED)
        return Resolution(day.isoformat(), "day", confidence)

    def night_of(self, day: dt.date) -> Resolution:
        """The night ending on ``day``: the range from the day before to it."""
        return Resolution(f"{day - dt.timedelta(days=1)}/{day}", "day", CONFIDENCE_WEEKDAY)

    def weekday(
        self, weekday: int, words: list[str], published: dt.date | None, tense: Tense, lead: str = ""
    ) -> dt.date | None:
        """The day a weekday names: the most recent one, today included; the next one under a future verb."""
        if published is None:
            return None
        back = (published.weekday() - weekday) % 7
        ahead = (weekday - published.weekday()) % 7
        if "last" in words or "previous" in words:
            return published - dt.timedelta(days=back or 7)
        if "next" in words or "coming" in words:
            return published + dt.timedelta(days=ahead or 7)
        if tense == "future" or (lead in UNTIL_LEADS and tense != "past"):
            return published + dt.timedelta(days=ahead)
        return published - dt.timedelta(days=back)

    def weekend(self, words: list[str], published: dt.date | None, tense: Tense) -> Resolution:
        """The Saturday-Sunday of "the weekend": the most recent one (or the coming one under a future verb)."""
        if published is None:
            return Resolution(None, "day", CONFIDENCE_UNRESOLVED)
        back = (published.weekday() - SATURDAY) % 7
        saturday = published - dt.timedelta(days=back)
        if tense == "future" or set(words) & NEXT_WORDS:
            saturday = published + dt.timedelta(days=(SATURDAY - published.weekday()) % 7)
        elif "last" in words and back <= 1:  # "last weekend" in a weekend paper is the one before
            saturday -= dt.timedelta(days=7)
        sunday = saturday + dt.timedelta(days=1)
        return Resolution(f"{saturday}/{sunday}", "day", CONFIDENCE_RELATIVE)

    def relative_unit(self, rel: str, unit: str, words: list[str], published: dt.date | None) -> Resolution:
        """ "last week", "this month", "next year", "the past week", "the previous decade"."""
        precisions: dict[str, Precision] = {"week": "week", "month": "month", "year": "year", "weekend": "day"}
        precision = precisions.get(unit, "decade")
        if published is None:
            return Resolution(None, precision, CONFIDENCE_UNRESOLVED)
        if unit == "weekend":
            return self.weekend(words, published, "present")
        step = -1 if rel in PREVIOUS_WORDS else 1 if rel in NEXT_WORDS else 0
        if rel in ("past", "last") and words[0] == "the" and unit == "week":  # "in the past week": the seven days
            start = published - dt.timedelta(days=PAST_WEEK_DAYS)
            return Resolution(f"{start}/{published}", "day", CONFIDENCE_RELATIVE)
        moved = shift(published, step, unit)
        assert moved is not None  # week, month, year and decade all shift
        return Resolution(moved[0], moved[1], CONFIDENCE_RELATIVE)

    def numeric(self, text: str, published: dt.date | None) -> Resolution | None:
        """dateparser, on the expression's text only, for numeric spellings ("7/8/07", "28.09.2020"; month first
        when both readings exist, as dateparser reads English)."""
        from dateparser.date import DateDataParser  # imported here: loading it costs a second

        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if published is not None:
            settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
        if data.date_obj is None:
            return None
        return Resolution(data.date_obj.date().isoformat(), "day", CONFIDENCE_DATEPARSER)


def year_of(text: str, published: dt.date) -> int:
    """The year "last year", "next year" or "this year" names in a longer expression ("October of next year")."""
    if re.search(r"\b(?:last|previous) year\b", text):
        return published.year - 1
    if re.search(r"\bnext year\b", text):
        return published.year + 1
    return published.year


def first_match(patterns: Iterable[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The leftmost match of any of the patterns."""
    found = [m for p in patterns if (m := p.search(text)) is not None]
    return min(found, key=lambda m: m.start()) if found else None


def infer_year(published: dt.date, month: int, day: int, tense: Tense) -> int:
    """The year of a date given without one. Under a past verb (or after "since") the most recent such date, up to
    ``YEAR_GRACE_DAYS`` after publication (a date the paper announces); under a future verb the next one, from
    ``YEAR_GRACE_DAYS`` before; otherwise the one nearest to publication."""
    grace = dt.timedelta(days=YEAR_GRACE_DAYS)

    def on(year: int) -> dt.date:
        return dt.date(year, month, min(day, 28) if month == 2 else day)

    years = (published.year - 1, published.year, published.year + 1)
    if tense in ("past", "perfect"):
        return max(y for y in years if on(y) <= published + grace)
    if tense == "future":
        return min(y for y in years if on(y) >= published - grace)
    return min(years, key=lambda y: abs((on(y) - published).days))


def clause_tense(span: SpacySpan) -> Tense:  # noqa: PLR0911 - one return per reading of the verb group
    """The tense of the clause an expression belongs to: its nearest finite verb's auxiliaries and morphology
    (a bare participle, "markets closed until Friday", takes the tense of the verb it depends on)."""
    verb = span.root
    steps = 0
    while steps < MAX_VERB_STEPS and verb.head.i != verb.i:
        has_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        if verb.pos_ in ("VERB", "AUX") and (has_aux or verb.tag_ != "VBN" or verb.dep_ == "acl"):
            break
        verb, steps = verb.head, steps + 1
    if verb.pos_ not in ("VERB", "AUX"):
        return "present"
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX:
        return "future"
    if "to" in aux and (verb.head.lemma_ in FUTURE_GOVERNORS or verb.head.i == verb.i or verb.head.pos_ != "VERB"):
        return "future"  # "is set to begin", a headline's "Markets to remain closed"
    if aux & MODAL_AUX:
        return "present"
    if aux & {"has", "have"}:
        return "perfect"
    if verb.tag_ == "VBD" or aux & {"had", "did", "was", "were"} or (verb.tag_ == "VBN" and verb.dep_ == "acl"):
        return "past"
    return "present"


class DatesComponent:
    """``fogofwar_dates``: reads the parse, the entities and doc._.published; writes doc._.dates."""

    def __init__(self, nlp: Language) -> None:
        self.lex = Lexicon.load()
        self.resolver = Resolver(self.lex)
        self.matcher = build_matcher(nlp, self.lex)

    def __call__(self, doc: Doc) -> Doc:
        published = parse_published(doc._.published)
        reference: dt.date | None = None  # the day the text last named
        previous: str | None = None  # the last date value the text named
        dates: list[When] = []
        for span in self.candidates(doc):
            core, lead = self.split_lead(span)
            if core is None:
                continue
            if not lead and is_name_number(core):
                continue
            text = normalise(core.text)
            tense: Tense = "past" if lead == "since" else clause_tense(core)
            found = self.resolver.resolve(
                text, published, reference=reference, tense=tense, lead=lead, previous=previous
            )
            if found is None:
                continue
            dates.append(
                When(
                    text=span.text,
                    value=found.value,
                    precision=found.precision,
                    evidence=Span(span.start_char, span.end_char),
                    confidence=found.confidence,
                    type=found.type,
                )
            )
            if found.type == "date" and found.value and ".." not in found.value and found.precision is not None:
                previous = found.value
                if found.precision == "day" and "/" not in found.value:
                    reference = dt.date.fromisoformat(found.value)
        doc._.dates = dates
        return doc

    def candidates(self, doc: Doc) -> list[SpacySpan]:
        """Entity and Matcher spans, overlapping ones joined, each widened over the lead words before it."""
        spans = [piece for e in doc.ents if e.label_ in TIME_LABELS for piece in self.split_entity(doc, e.start, e.end)]
        spans += [
            (start, end)
            for _, start, end in self.matcher(doc)
            if not (end < len(doc) and doc[end].lower_ in CONJUNCTION_AFTER and doc[end - 1].lower_ in ("soon", "now"))
        ]
        spans += attributive_years(doc)
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            elif merged and start == merged[-1][1] and doc[start - 1].lower_ in JOINERS:
                merged[-1][1] = end  # "six days after" + "September 21", "the night of" + "26 September"
            elif (
                merged
                and start in (merged[-1][1], merged[-1][1] + 1)
                and self.joins_range(doc, merged[-1][0], start - 1)
            ):
                merged[-1][1] = end  # "27 September" + "to" + "10 November 2020"
            else:
                merged.append([start, end])
        out = []
        for left, right in merged:
            start, end = left, right
            while end > start and (self.is_trailing(doc[end - 1])):
                end -= 1
            while start < end and (doc[start].is_punct or doc[start].is_space) and not is_short_year(doc, start):
                start += 1
            if start >= end:
                continue
            first = start
            sent_start = doc[start].sent.start
            while start - 1 >= sent_start and first - start < MAX_LEAD_TOKENS and self.is_lead(doc, start - 1, first):
                start -= 1
            out.append(doc[start:end])
        return out

    @staticmethod
    def is_trailing(token: Token) -> bool:
        """Tokens an expression does not end with: punctuation, "'s", a dangling connector ("27 September to")."""
        return token.is_punct or token.is_space or token.lower_ in ("'s", "to", "and", "until", "of", "from")

    @staticmethod
    def joins_range(doc: Doc, first: int, connector: int) -> bool:
        """Whether the token at ``connector`` joins the expression starting at ``first`` to the next as a range:
        "to", "until" or a dash after "from ..."/"between ..." (or a dash alone), "and" after "between ..."."""
        word = doc[connector].lower_
        if word not in RANGE_CONNECTORS:
            return False
        opened = doc[first].lower_ in RANGE_OPENERS or (first > 0 and doc[first - 1].lower_ in RANGE_OPENERS)
        if word == "and":
            return opened and (doc[first].lower_ == "between" or doc[first - 1].lower_ == "between")
        return opened or word in ("-", "–")

    def split_entity(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """An entity cut at its verbs and at its commas, except commas inside one date ("September 28, 2020",
        "Monday, Sept. 28"): the model joins "June 17, two days" and "November 2020 and ended two years later"."""
        pieces, first = [], start
        for i in range(start + 1, end - 1):
            if doc[i].pos_ in ("VERB", "AUX") and doc[i].lower_ not in self.lex.units:
                pieces.append((first, i))
                first = i + 1
                continue
            if doc[i].text != ",":
                continue
            after, before = doc[i + 1], doc[i - 1]
            if re.fullmatch(r"\d{4}", after.text) or before.lower_ in self.lex.weekdays:
                continue
            pieces.append((first, i))
            first = i + 1
        pieces.append((first, end))
        return pieces

    def is_lead(self, doc: Doc, i: int, first: int) -> bool:
        """Whether token ``i`` is a lead word to take in before the expression starting at ``first``."""
        word = doc[i].lower_
        if word not in self.lex.leads:
            return False
        if word in self.lex.modifiers:  # "early on Sunday", "later on Tuesday", "late Monday"
            return True
        # a preposition is taken in only directly before the expression (not "in a statement on ...")
        return all(doc[j].lower_ in self.lex.modifiers for j in range(i + 1, first)) and i + 1 == first

    def split_lead(self, span: SpacySpan) -> tuple[SpacySpan | None, str]:
        """The expression without its lead words, and the innermost lead (the preposition) in lower case."""
        start = span.start
        lead = ""
        while start < span.end and span.doc[start].lower_ in self.lex.leads:
            lead = span.doc[start].lower_
            start += 1
        if start >= span.end:
            return None, lead
        return span.doc[start : span.end], lead


def is_short_year(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the apostrophe of a two-digit year split off by the tokenizer ("'" + "98")."""
    return doc[i].text in ("'", "’") and i + 1 < len(doc) and re.fullmatch(r"\d{2}", doc[i + 1].text) is not None


def attributive_years(doc: Doc) -> list[tuple[int, int]]:
    """Years that qualify a noun after "the" ("the 2016 war", "the 2020 elections"), which the model often labels as
    part of an event's name rather than as a date."""
    found = []
    for token in doc:
        if (
            token.i > 0
            and re.fullmatch(r"\d{4}", token.text)
            and MIN_YEAR <= int(token.text) <= MAX_YEAR
            and doc[token.i - 1].lower_ == "the"
            and token.head.pos_ == "NOUN"
            and token.head.i > token.i
        ):
            found.append((token.i, token.i + 1))
    return found


def is_name_number(span: SpacySpan) -> bool:
    """A bare four-digit number between two capitalised words is part of a name ("the Russell 2000 Index")."""
    if len(span) != 1 or not span[0].is_digit or span.start == 0 or span.end >= len(span.doc):
        return False
    before, after = span.doc[span.start - 1], span.doc[span.end]
    return before.is_title and not before.is_sent_start and after.is_title


def parse_published(value: Any) -> dt.date | None:
    """The publication date from ``doc._.published`` (an ISO date, possibly with a time), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def build_matcher(nlp: Language, lex: Lexicon) -> Matcher:
    """Token patterns for expressions the small model misses or cuts short."""
    matcher = Matcher(nlp.vocab)
    weekday = {"LOWER": {"IN": sorted(w for w in lex.weekdays if len(w) > 3)}}
    part = {"LOWER": {"IN": sorted(lex.parts_of_day)}}
    modifier = {"LOWER": {"IN": sorted(lex.modifiers)}}
    year = {"TEXT": {"REGEX": r"^(1[89]|20)\d\d$"}}
    decade = {"TEXT": {"REGEX": r"^(1[89]|20)\d0s$"}}
    number = {"LOWER": {"IN": sorted(k for k in lex.numbers if " " not in k)}}
    digits = {"TEXT": {"REGEX": r"^\d+$"}}
    units = sorted({*lex.units, *(u + "s" for u in lex.units), "centuries"})
    unit = {"LOWER": {"IN": units}}
    month = {"LOWER": {"IN": sorted(m for m in lex.months if len(m) > 3 or m in ("may",))}, "IS_TITLE": True}
    determiner = {"LOWER": {"IN": ["the", "this", "that", "last", "past", "next", "coming", "previous", "following"]}}
    matcher.add(
        "WEEKDAY",
        [
            [modifier, {"LOWER": "on", "OP": "?"}, weekday, part | {"OP": "?"}],
            [weekday, part],
            [{"LOWER": {"IN": ["last", "this", "next", "early", "late"]}}, weekday],
        ],
    )
    matcher.add(
        "NIGHT",
        [
            [{"LOWER": "the"}, part, {"LOWER": "of"}],
            [{"LOWER": "the"}, {"LOWER": {"IN": ["early", "small", "late"]}}, {"LOWER": "hours"}, {"LOWER": "of"}],
            [{"LOWER": {"IN": ["throughout", "during", "through", "over", "overnight"]}}, determiner, part],
            [{"LOWER": {"IN": ["overnight", "yesterday", "today", "tonight", "tomorrow"]}}],
            [{"LOWER": "last"}, {"LOWER": "night"}],
        ],
    )
    matcher.add(
        "RELATIVE",
        [
            [{"LOWER": {"IN": ["over", "during", "at", "on"]}}, determiner, {"LOWER": "weekend"}],
            [determiner, {"LOWER": {"IN": ["week", "month", "year", "weekend"]}}],
            [{"LOWER": {"IN": ["the"]}}, {"LOWER": {"IN": ["next", "following", "previous"]}}, {"LOWER": "day"}],
        ],
    )
    matcher.add(
        "YEAR",
        [
            [{"LOWER": {"IN": sorted(lex.year_prepositions - {"and", "to", "of"})}}, year],
            [{"LOWER": "the"}, {"LOWER": {"IN": [*sorted(lex.modifiers), "mid"]}, "OP": "?"}, decade],
            [decade],
        ],
    )
    matcher.add(
        "COUNT",
        [
            *(
                [count, unit, {"LOWER": {"IN": ["after", "before", "later", "earlier", "ago"]}}]
                for count in (number, digits)
            ),
            [digits, unit],
        ],
    )
    day = {"TEXT": {"REGEX": r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$"}}
    matcher.add(
        "MONTH",
        [
            [day, {"LOWER": "of", "OP": "?"}, month, year | {"OP": "?"}],
            [month, day, {"TEXT": ",", "OP": "?"}, year | {"OP": "?"}],
            [{"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}/(\d{2}|\d{4})$"}}],
        ],
    )
    season = {"LOWER": {"IN": ["spring", "summer", "autumn", "winter", "fall"]}}
    matcher.add(
        "SEASON",
        [
            [{"LOWER": {"IN": ["the", "this", "last", "next", "early", "late"]}}, season],
            [season, {"LOWER": "of", "OP": "?"}, year],
        ],
    )
    matcher.add(
        "BARE_SEASON", [[{"LOWER": {"IN": ["spring", "summer", "autumn", "winter"]}, "IS_LOWER": True, "POS": "NOUN"}]]
    )
    matcher.add(
        "THAT_TIME", [[{"LOWER": {"IN": ["at", "by", "since", "until"]}}, {"LOWER": "that"}, {"LOWER": "time"}]]
    )
    matcher.add(
        "VAGUE",
        [[{"LOWER": w} for w in phrase.split()] for words in lex.vague_refs.values() for phrase in sorted(words)],
    )
    matcher.add(
        "RANGE",
        [
            [
                {"LOWER": {"IN": ["from", "between"]}, "OP": "?"},
                year,
                {"LOWER": {"IN": ["to", "and", "until", "through", "-", "–"]}},
                year,
            ]
        ],
    )
    return matcher


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:  # noqa: PLR0911 - one per value shape
    """The first and last day a date value covers ("2020" -> Jan 1 to Dec 31, "2020-W39", "199", "A/B")."""
    if not value:
        return None
    if "/" in value:
        start, _, end = value.partition("/")
        a = (dt.date.min, dt.date.min) if start == ".." else interval(start)
        b = (dt.date.max, dt.date.max) if end == ".." else interval(end)
        return (a[0], b[1]) if a and b else None
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-2[1-4]", value):
            first, last = SEASON_MONTHS[int(value[5:])]
            after_year, after_month = shift_months(int(value[:4]), last, 1)
            return dt.date(int(value[:4]), first, 1), dt.date(after_year, after_month, 1) - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            following = shift_months(year, month, 1)
            return dt.date(year, month, 1), dt.date(*following, 1) - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{3}", value):
            return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def overlapping(a: When, b: When) -> bool:
    """Whether two dates can name the same time: their intervals meet (a day inside "the weekend" does)."""
    if a.value == b.value:
        return True
    x, y = interval(a.value), interval(b.value)
    return x is not None and y is not None and x[0] <= y[1] and y[0] <= x[1]


def narrower(a: When, b: When) -> When:
    """The more precise of two dates of one happening ("early on Sunday" over "over the weekend")."""
    x, y = interval(a.value), interval(b.value)
    if x is None:
        return b
    if y is None:
        return a
    return b if (y[1] - y[0]) < (x[1] - x[0]) else a
