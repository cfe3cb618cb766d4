"""Resolution of absolute expressions: calendar days, ranges, quarters, two-digit years, weeks of a month,
seasons, months without a year and dates written in figures.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from fogofwar.pipeline.dates.calendar import infer_year, interval, iso_week, shift_months, year_of
from fogofwar.pipeline.dates.rules import (
    CONFIDENCE_DATEPARSER,
    CONFIDENCE_EXPLICIT,
    CONFIDENCE_INFERRED_YEAR,
    CONFIDENCE_RELATIVE,
    CONFIDENCE_UNRESOLVED,
    NEXT_WORDS,
    PREVIOUS_WORDS,
    SEASONS,
    YEAR_GRACE_DAYS,
    Resolution,
    ResolverBase,
    Tense,
)


class AbsoluteRules(ResolverBase):
    """The rules for expressions that name their time (save perhaps its year): "28 September", "Q3", "last summer"."""

    def checked_day(self, year: int, month: int, day: int, confidence: float) -> Resolution | None:
        """A calendar day, or None when it does not exist (a "31 June" is not a date)."""
        try:
            return Resolution(dt.date(year, month, day).isoformat(), "day", confidence)
        except ValueError:
            return None

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
