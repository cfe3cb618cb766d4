"""The dates rules' thresholds, confidences and word sets, and the Resolution they produce.

Every named constant of the component lives here, so that the detection, the absolute and the relative rules read
the same values; ``ResolverBase`` is what the absolute and the relative rules share.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from fogofwar.pipeline.dates.lexicon import Grammar, Lexicon
from fogofwar.record import Precision, TimeType

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
class Resolution:
    """What an expression means: its value (or None), precision, date or duration, and how sure we are."""

    value: str | None
    precision: Precision | None
    confidence: float
    type: TimeType = "date"


class ResolverBase:
    """What the absolute and the relative rules share: the lexicon, its grammar, and ``resolve`` (the Resolver's),
    which ranges and counted dates call back on their parts."""

    lex: Lexicon
    g: Grammar

    def resolve(
        self,
        text: str,
        published: dt.date | None,
        *,
        reference: dt.date | None = None,
        tense: Tense = "present",
        lead: str = "",
        previous: str | None = None,
    ) -> Resolution | None:
        """The resolution of an expression's text (defined by ``Resolver``)."""
        raise NotImplementedError
