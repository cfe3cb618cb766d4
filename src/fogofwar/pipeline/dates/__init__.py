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

The package, one module per concern: ``lexicon`` (data/dates.json and the grammar compiled from it), ``rules``
(thresholds, confidences, Resolution), ``detect`` (candidate Matcher patterns, entity filters, clause tense),
``durations``, ``calendar`` (date arithmetic, ``overlapping``, ``narrower``), ``absolute`` and ``relative`` (the
resolution rules), ``resolve`` (the Resolver) and ``component`` (DatesComponent). Every name is re-exported here.
"""

from __future__ import annotations

from fogofwar.pipeline.dates.absolute import AbsoluteRules
from fogofwar.pipeline.dates.calendar import (
    first_match,
    infer_year,
    interval,
    iso_week,
    narrower,
    overlapping,
    shift,
    shift_months,
    year_of,
)
from fogofwar.pipeline.dates.component import DatesComponent
from fogofwar.pipeline.dates.detect import (
    attributive_years,
    build_matcher,
    clause_tense,
    is_name_number,
    is_short_year,
    parse_published,
)
from fogofwar.pipeline.dates.durations import duration_value, number_of, unit_of
from fogofwar.pipeline.dates.lexicon import Grammar, Lexicon, alternation, grammar, normalise
from fogofwar.pipeline.dates.relative import RelativeRules
from fogofwar.pipeline.dates.resolve import Resolver
from fogofwar.pipeline.dates.rules import (
    CONFIDENCE_ANCHORED,
    CONFIDENCE_DATEPARSER,
    CONFIDENCE_DURATION,
    CONFIDENCE_EXPLICIT,
    CONFIDENCE_INFERRED_YEAR,
    CONFIDENCE_RELATIVE,
    CONFIDENCE_UNRESOLVED,
    CONFIDENCE_VAGUE,
    CONFIDENCE_WEEKDAY,
    CONJUNCTION_AFTER,
    FUTURE_AUX,
    FUTURE_GOVERNORS,
    JOINERS,
    MAX_DAY_WORDS,
    MAX_LEAD_TOKENS,
    MAX_VERB_STEPS,
    MAX_YEAR,
    MIN_YEAR,
    MODAL_AUX,
    NEXT_WORDS,
    NUMERIC_DATE,
    PAST_WEEK_DAYS,
    PREVIOUS_WORDS,
    RANGE_CONNECTORS,
    RANGE_OPENERS,
    SATURDAY,
    SEASON_MONTHS,
    SEASONS,
    THIS_WORDS,
    TIME_LABELS,
    UNTIL_LEADS,
    YEAR_GRACE_DAYS,
    YEARS_PER,
    Resolution,
    ResolverBase,
    Tense,
)

__all__ = [
    "CONFIDENCE_ANCHORED",
    "CONFIDENCE_DATEPARSER",
    "CONFIDENCE_DURATION",
    "CONFIDENCE_EXPLICIT",
    "CONFIDENCE_INFERRED_YEAR",
    "CONFIDENCE_RELATIVE",
    "CONFIDENCE_UNRESOLVED",
    "CONFIDENCE_VAGUE",
    "CONFIDENCE_WEEKDAY",
    "CONJUNCTION_AFTER",
    "FUTURE_AUX",
    "FUTURE_GOVERNORS",
    "JOINERS",
    "MAX_DAY_WORDS",
    "MAX_LEAD_TOKENS",
    "MAX_VERB_STEPS",
    "MAX_YEAR",
    "MIN_YEAR",
    "MODAL_AUX",
    "NEXT_WORDS",
    "NUMERIC_DATE",
    "PAST_WEEK_DAYS",
    "PREVIOUS_WORDS",
    "RANGE_CONNECTORS",
    "RANGE_OPENERS",
    "SATURDAY",
    "SEASONS",
    "SEASON_MONTHS",
    "THIS_WORDS",
    "TIME_LABELS",
    "UNTIL_LEADS",
    "YEARS_PER",
    "YEAR_GRACE_DAYS",
    "AbsoluteRules",
    "DatesComponent",
    "Grammar",
    "Lexicon",
    "RelativeRules",
    "Resolution",
    "Resolver",
    "ResolverBase",
    "Tense",
    "alternation",
    "attributive_years",
    "build_matcher",
    "clause_tense",
    "duration_value",
    "first_match",
    "grammar",
    "infer_year",
    "interval",
    "is_name_number",
    "is_short_year",
    "iso_week",
    "narrower",
    "normalise",
    "number_of",
    "overlapping",
    "parse_published",
    "shift",
    "shift_months",
    "unit_of",
    "year_of",
]
