"""The Resolver: reads one expression's text into a Resolution, trying each class of expression in priority order."""

from __future__ import annotations

import datetime as dt
import re

from fogofwar.pipeline.dates.absolute import AbsoluteRules
from fogofwar.pipeline.dates.calendar import first_match, infer_year
from fogofwar.pipeline.dates.durations import duration_value, number_of, unit_of
from fogofwar.pipeline.dates.lexicon import Lexicon, grammar
from fogofwar.pipeline.dates.relative import RelativeRules
from fogofwar.pipeline.dates.rules import (
    CONFIDENCE_ANCHORED,
    CONFIDENCE_DURATION,
    CONFIDENCE_EXPLICIT,
    CONFIDENCE_INFERRED_YEAR,
    CONFIDENCE_RELATIVE,
    CONFIDENCE_UNRESOLVED,
    MAX_YEAR,
    MIN_YEAR,
    NUMERIC_DATE,
    Resolution,
    Tense,
)


class Resolver(AbsoluteRules, RelativeRules):
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

    def relative_unit_first(self, text: str) -> bool:
        """True when the text is a relative unit ("last week", "the past year") rather than a count of units."""
        m = self.g.relative_unit.search(text)
        q = self.g.quantity.search(text)
        return m is not None and (q is None or q["qty"] in ("past", "last"))

    def is_month_word(self, word: str, text: str) -> bool:
        """ "may", "march", "sat", "sun" are months or weekdays only where the expression has nothing else to be."""
        return word not in ("may", "mar") or text.strip() in (word, f"in {word}", f"early {word}", f"late {word}")

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
