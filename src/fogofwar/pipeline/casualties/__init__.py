"""Casualties and materiel losses: every figure, normalised, with its outcome, population, side, scope and claimant.

Reads the parse and (each optional) doc._.dates, doc._.places, doc._.actors, doc._.claims; writes doc._.casualties
(Casualty) and doc._.losses (Loss). The rules, with their word lists in ``data/casualties.json``:

- **Figures**: Matchers find number runs (digits and words), vague quantities ("dozens"), counted phrases ("a
  family of five", "a woman and child") and one named person ("a soldier", "a 60-year-old man"), with the
  qualifier before them ("at least", "over", "about") and ranges ("between 10 and 15"); ``numbers.py`` turns them
  into low/high. Numbers inside date, time, money, percent, ordinal and measure entities (when the entity really
  holds a year, a unit of time or a currency), years and ages are not figures. Two numbers are never added, and the
  whole of a partitive ("22" in "18 of 22 drones") is not a figure.
- **What is counted**: the noun the number modifies ("11 civilians"), the noun after "of" ("26 of its troops", "21
  more of their fighters"), or nothing ("nine in Azerbaijan", "killing 12"). A noun that names neither people nor a
  toll is not a casualty figure (a materiel noun makes it a Loss).
- **Outcome**: the first outcome word found on the counted phrase ("22 dead", "14 casualties", "civilians
  killed"), on the verb it is the subject or object of ("were killed", "neutralised 10 soldiers", "lost their
  lives", "were taken prisoner"), or on the toll it brings a count to ("death toll rises to 95", "raised the toll
  from ... to 61"); failing the parse (wire copy stripped of its commas), a harm verb right beside the figure, at a
  lower confidence. "killed or wounded", "destroyed (including those wounded)" are ``killed_or_wounded``. A figure
  joined to an earlier one ("with nine in Azerbaijan and two on the Armenian side", "including 10") inherits its
  outcome, population and scope.
- **Population**: the counted noun or its modifier (military, civilian), else ``any``.
- **Side**: country words in the counted phrase ("Armenian troops", "nine in Azerbaijan"); a possessive of the
  speaker ("its troops", "their military death toll") is the claimant's country (the claim's source actor, else
  the subject of the speech verb); "enemy" is the speaker's opponent; civilians killed "in <country>" or in a place
  that doc._.places resolved ("in Kharkiv") are that country's; people "lost" are the loser's; failing these,
  people harmed by a named side's action ("Azerbaijani jets ... neutralised 10 soldiers") are the other side's
  when the article names exactly two countries' forces.
  Several countries: null.
- **Scope**: ``cumulative`` for a toll ("death toll rises to 95", "bringing their toll to 84"), a figure a toll
  includes, a war's toll ("a war that killed thousands") or a running-total cue ("so far", "since", "overall");
  ``incident`` when the figure is tied to one happening (a date, a place, an attack word, an agent that did it, or
  an increment "killed ..., bringing the toll to"); an unanchored figure ("over 550 troops were destroyed") is
  taken as a running total, ``cumulative``.
- **History**: a figure whose clause is dated to a year before publication ("a 1990s war that claimed 30,000
  lives", "In 2013, hundreds died") is ``historical``; "since 2016" marks a running total, not history.
- **as_of**: the date expression (doc._.dates) of the figure's sentence nearest to it, leaving out dates that open a
  running total ("since violence broke out over the weekend").
- **Claimant**: the innermost claim (doc._.claims) whose content holds the figure's evidence (or its number), else
  null (narration). A figure inside a denied claim links that denial.
- **Losses**: materiel nouns (a Matcher on the lexicon's items) acted on by a destroying, capturing or damaging verb
  ("shot down four Azerbaijani helicopters and 15 drones", "destroyed a convoy of Armenian armoured vehicles": the
  count of a convoy is unknown), with their side and claimant found as for casualties.

The package, one module per concern: ``lexicon`` (data/casualties.json and the named thresholds), ``mention`` (a
figure and the parse helpers that read one), ``figures`` (detection), ``outcome`` (outcome and population),
``side`` (side, scope, claimant: the Casualty record), ``context`` (claims, places, dates and country cues),
``losses`` (materiel) and ``component`` (CasualtiesComponent). Every name is re-exported here.
"""

from __future__ import annotations

from fogofwar.pipeline.casualties.component import CasualtiesComponent
from fogofwar.pipeline.casualties.context import (
    Context,
    agent_country,
    belligerents,
    country_name_of,
    country_of,
    evidence_span,
    in_since_clause,
    place_country,
    speaker_country,
    subject_country,
    under_since,
)
from fogofwar.pipeline.casualties.figures import FigureRules
from fogofwar.pipeline.casualties.lexicon import (
    ARGUMENT_DEPS,
    CAPTIVE_WORDS,
    CAUSE_PREPS,
    CURRENCY_WORDS,
    EVIDENCE_BREAKS,
    FORCE_NOUNS,
    HISTORY_MIN_DAYS,
    INHERITED_CONFIDENCE,
    JOINING_DEPS,
    JOINING_PREPS,
    LIFE_TAKERS,
    LOSS_DEPS,
    MAX_AGENT_CLIMB,
    MAX_ITEM_WORDS,
    MAX_OF_TOKENS,
    MAX_YEAR,
    MIN_YEAR,
    MODIFIER_DEPS,
    NEARBY_CONFIDENCE,
    NEARBY_TOKENS,
    NOT_COUNTS,
    PLACE_LABELS,
    PLACE_PREPS,
    SPEECH_LEMMAS,
    TIME_WORDS,
    VAGUE_CONFIDENCE,
    VAGUE_HEADS,
    WAR_NOUNS,
    Words,
    lexicon,
)
from fogofwar.pipeline.casualties.losses import LossRules
from fogofwar.pipeline.casualties.mention import (
    Found,
    Mention,
    clause_of,
    counted_noun,
    date_like,
    longest,
    partitive_whole,
    qualified,
)
from fogofwar.pipeline.casualties.outcome import OutcomeRules
from fogofwar.pipeline.casualties.side import SideRules

__all__ = [
    "ARGUMENT_DEPS",
    "CAPTIVE_WORDS",
    "CAUSE_PREPS",
    "CURRENCY_WORDS",
    "EVIDENCE_BREAKS",
    "FORCE_NOUNS",
    "HISTORY_MIN_DAYS",
    "INHERITED_CONFIDENCE",
    "JOINING_DEPS",
    "JOINING_PREPS",
    "LIFE_TAKERS",
    "LOSS_DEPS",
    "MAX_AGENT_CLIMB",
    "MAX_ITEM_WORDS",
    "MAX_OF_TOKENS",
    "MAX_YEAR",
    "MIN_YEAR",
    "MODIFIER_DEPS",
    "NEARBY_CONFIDENCE",
    "NEARBY_TOKENS",
    "NOT_COUNTS",
    "PLACE_LABELS",
    "PLACE_PREPS",
    "SPEECH_LEMMAS",
    "TIME_WORDS",
    "VAGUE_CONFIDENCE",
    "VAGUE_HEADS",
    "WAR_NOUNS",
    "CasualtiesComponent",
    "Context",
    "FigureRules",
    "Found",
    "LossRules",
    "Mention",
    "OutcomeRules",
    "SideRules",
    "Words",
    "agent_country",
    "belligerents",
    "clause_of",
    "counted_noun",
    "country_name_of",
    "country_of",
    "date_like",
    "evidence_span",
    "in_since_clause",
    "lexicon",
    "longest",
    "partitive_whole",
    "place_country",
    "qualified",
    "speaker_country",
    "subject_country",
    "under_since",
]
