"""The ``fogofwar_dates`` component: gathers the candidate expressions of a doc and resolves each in text order."""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar.pipeline.dates.detect import (
    attributive_years,
    build_matcher,
    clause_tense,
    is_name_number,
    is_short_year,
    parse_published,
)
from fogofwar.pipeline.dates.lexicon import Lexicon, normalise
from fogofwar.pipeline.dates.resolve import Resolver
from fogofwar.pipeline.dates.rules import (
    CONJUNCTION_AFTER,
    JOINERS,
    MAX_LEAD_TOKENS,
    RANGE_CONNECTORS,
    RANGE_OPENERS,
    TIME_LABELS,
    Tense,
)
from fogofwar.record import Span, When


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
