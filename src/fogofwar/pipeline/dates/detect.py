"""Candidate detection: the Matcher patterns for what the model misses, the filters on its entities, the
publication date and the tense of the clause an expression belongs to.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from fogofwar.pipeline.dates.lexicon import Lexicon
from fogofwar.pipeline.dates.rules import (
    FUTURE_AUX,
    FUTURE_GOVERNORS,
    MAX_VERB_STEPS,
    MAX_YEAR,
    MIN_YEAR,
    MODAL_AUX,
    Tense,
)


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
