"""Resolution of relative expressions: vague references, counts from another date ("three days ago", "two days
later") and the deictic words that point from the publication date (yesterday, the weekend, Tuesday, last week).
"""

from __future__ import annotations

import datetime as dt
import re

from fogofwar.pipeline.dates.calendar import interval, shift
from fogofwar.pipeline.dates.durations import duration_value, number_of, unit_of
from fogofwar.pipeline.dates.rules import (
    CONFIDENCE_ANCHORED,
    CONFIDENCE_DURATION,
    CONFIDENCE_RELATIVE,
    CONFIDENCE_UNRESOLVED,
    CONFIDENCE_VAGUE,
    CONFIDENCE_WEEKDAY,
    MAX_DAY_WORDS,
    MAX_DAYS_AT,
    NEXT_WORDS,
    PAST_WEEK_DAYS,
    PREVIOUS_WORDS,
    SATURDAY,
    UNTIL_LEADS,
    Resolution,
    ResolverBase,
    Tense,
)
from fogofwar.record import Precision


class RelativeRules(ResolverBase):
    """The rules for expressions that point from the publication date or from a date the text named."""

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
