"""Calendar arithmetic on dates and date values: shifting by units, ISO weeks, the year of a date given without one,
the interval a value covers, and comparing two dates of one happening (``overlapping``, ``narrower``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from fogofwar.pipeline.dates.rules import SEASON_MONTHS, YEAR_GRACE_DAYS, Tense
from fogofwar.record import Precision, When


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
