"""What every actor rule shares: the lexicon matches of a document, the actors found so far with the history of
their mentions, and rule-based coreference's antecedent search."""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar.pipeline.actors.lexicon import ANTECEDENT_WINDOW, DEFINITE, FACTION_HEADS, SUBJECT_DEPS, Draft, lexicon
from fogofwar.record import Actor, Span


@dataclass(slots=True)
class Matches:
    """Lexicon matches in a document, each as a spaCy span."""

    organisations: list[SpacySpan]
    country_words: list[SpacySpan]
    regions: list[SpacySpan]
    org_at: dict[int, SpacySpan] = field(default_factory=dict)
    country_at: dict[int, SpacySpan] = field(default_factory=dict)
    region_at: dict[int, SpacySpan] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for spans, at in (
            (self.organisations, self.org_at),
            (self.country_words, self.country_at),
            (self.regions, self.region_at),
        ):
            for span in spans:
                for i in range(span.start, span.end):
                    at[i] = span


class TableCore:
    """The actors of one document as they are read: drafts, identities, mentions in reading order."""

    def __init__(self, doc: Doc, matches: Matches) -> None:
        self.doc = doc
        self.matches = matches
        self.lex = lexicon()
        self.drafts: list[Draft] = []
        self.keys: dict[tuple[Any, ...], int] = {}
        self.history: list[tuple[int, int]] = []  # (char offset, actor) of every mention, in reading order
        self.by_offset: list[tuple[int, int]] = []  # the same, kept sorted for the antecedent search
        self.consumed: set[int] = set()  # token indices already part of a mention
        self._home: str | None = None  # the story's country, once computed ("" for none)
        self.chunks = list(doc.noun_chunks)  # computed once: the chunker walks the whole parse
        self.ents = list(doc.ents)  # Doc.ents builds new spans on every access: read once, index by token
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.chunk_ending = {chunk.end - 1: chunk for chunk in self.chunks}
        placed = {
            offset
            for place in doc._.places or ()
            if place.precision != "unresolved"
            for offset in range(place.evidence.start, place.evidence.end)
        }
        self.persons = {
            i
            for ent in self.ents
            if ent.label_ == "PERSON" and ent.start_char not in placed and ent[-1].lower_ not in FACTION_HEADS
            for i in range(ent.start, ent.end)
        }

    def add(self, key: tuple[Any, ...], draft: Draft) -> int:
        """The index of the actor with this identity, creating it from ``draft`` the first time."""
        if key not in self.keys:
            self.keys[key] = len(self.drafts)
            self.drafts.append(draft)
        return self.keys[key]

    def mention(self, index: int, span: SpacySpan, confidence: float = 1.0) -> int:
        """Add a mention of the actor at ``index``; return the index."""
        draft = self.drafts[index]
        draft.evidence.append(Span(span.start_char, span.end_char))
        draft.confidence = min(draft.confidence, confidence) if len(draft.evidence) == 1 else draft.confidence
        self.history.append((span.start_char, index))
        insort(self.by_offset, (span.start_char, index))
        self.consumed.update(range(span.start, span.end))
        return index

    def antecedent(self, accept: Any, np: SpacySpan, *, same_sentence: bool = False) -> int | None:
        """The most recent actor mentioned before ``np`` (within the window, or its sentence) that ``accept`` takes."""
        limit = np.sent.start_char if same_sentence else np.start_char - ANTECEDENT_WINDOW
        return self.latest_between(accept, limit, np.start_char)

    def latest_between(self, accept: Any, start: int, end: int) -> int | None:
        """The most recent actor mentioned at an offset in [start, end) that ``accept`` takes."""
        for offset, index in reversed(self.by_offset):
            if offset >= end:
                continue
            if offset < start:
                return None
            if accept(self.drafts[index]):
                return index
        return None

    def actor_at_token(self, token: Token) -> int | None:
        for offset, index in reversed(self.history):
            draft = self.drafts[index]
            if any(s.start <= token.idx < s.end for s in draft.evidence) and offset <= token.idx:
                return index
        return None

    def definite(self, np: SpacySpan) -> bool:
        return np[0].lower_ in DEFINITE

    def acting(self, token: Token) -> bool:
        """Whether a name is the subject of a verb (or joined to one that is)."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token.dep_ in SUBJECT_DEPS

    def actors(self) -> list[Actor]:
        return [draft.freeze() for draft in self.drafts]
