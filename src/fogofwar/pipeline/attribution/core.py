"""The state every attribution pass shares, and what they all ask of it: a verb's parsed subject, the actor a
phrase names, and character ranges of the parse (who speaks is ``speakers``)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from fogofwar.pipeline.actors import actor_spans
from fogofwar.pipeline.actors.lexicon import OWNER_PREPS
from fogofwar.pipeline.attribution.lexicon import (
    DATELINE,
    Cues,
    Draft,
    cues,
    infinitive,
)
from fogofwar.pipeline.quotes import quoted_ranges
from fogofwar.record import Actor, Span


class AttributorCore:
    """One document's parse, actors and quotations, the claims found so far, and the shared lookups."""

    def __init__(self, doc: Doc, actors: list[Actor], cue_words: Cues | None = None) -> None:
        self.doc = doc
        self.actors = actors
        self.cues = cue_words if cue_words is not None else cues()
        self.text = doc.text  # Doc.text joins every token: read it once
        self.quotes = list(quoted_ranges(self.text))
        self.drafts: list[Draft] = []
        self.used_verbs: set[int] = set()
        self.restated: list[tuple[int, int]] = []  # headline claims dropped as restating the body's
        self.actor_at: dict[int, int] = {}
        self.sharing: dict[int, list[int]] = {}  # a phrase's start -> each actor it names ("Syrian and Russian forces")
        for start, end, i in actor_spans(self.actors):
            for offset in range(start, end):
                self.actor_at.setdefault(offset, i)
            if i not in self.sharing.setdefault(start, []):
                self.sharing[start].append(i)

    def definite_phrase(self, head: Token) -> bool:
        """Whether a noun has a definite determiner or a possessor ("the statement", "its bulletin")."""
        return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in head.children)

    def actor_of_phrase(self, head: Token) -> int | None:
        """The actor a noun phrase names: at its head, its modifiers, or the body after "for"/"of" ("a spokesman
        for the White Helmets") — not actors named deeper inside it ("the centre for reconciliation in Syria")."""
        tokens = [head] + [t for child in head.lefts for t in child.subtree]
        tokens += [t for child in head.rights if child.dep_ == "appos" for t in child.subtree]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in OWNER_PREPS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        tokens += [obj] + [t for child in obj.lefts for t in child.subtree]
        found = [i for token in tokens if (i := self.actor_at.get(token.idx)) is not None]
        if not found:
            return None
        members = [i for i in found if self.actors[i].kind == "person" and self.actors[i].affiliation == found[0]]
        return members[0] if members else found[0]  # "Massimiliano Rebaudengo MSFs head …": the person, not MSF

    def own_subject(self, verb: Token) -> Token | None:
        """The verb's own subject (or the agent of a passive), without looking at verbs it is joined to."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if len(subjects) > 1:  # two subjects where the commas were lost ("All the information … Fabius said"):
            names = [c for c in subjects if c.pos_ == "PROPN"] or [c for c in subjects if c.idx in self.actor_at]
            return names[-1] if names else subjects[0]  # the speaker is the one named nearest the verb
        if subjects:
            return subjects[0]
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None

    def subject(self, verb: Token) -> Token | None:
        """The verb's subject; a verb joined to another by "and"/"but" shares its subject."""
        token: Token | None = verb
        while token is not None:
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "csubj")), None)
            if subject is not None:
                return subject
            agent = next((c for c in token.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            joined = token.dep_ in ("conj", "xcomp") or (
                token.dep_ == "advcl" and (token.tag_ == "VBG" or infinitive(token))
            )
            if token.dep_ == "pcomp" and token.head.dep_ == "prep":  # "… and continued by saying …"
                token = token.head
                joined = True
            token = token.head if joined and token.head.i != token.i else None  # "…, adding that …", "went on to say"
        return None

    def phrase_head(self, token: Token) -> Token:
        """The head noun of the phrase a word ends ("the Russian centre for reconciliation … in Syria" -> centre),
        climbing prepositional phrases leftwards."""
        while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i < token.i:
            token = token.head.head
        return token

    def add_actor(self, actor: Actor) -> int:
        for i, known in enumerate(self.actors):
            if (known.name, known.kind, known.country) == (actor.name, actor.kind, actor.country):
                if actor.evidence and actor.evidence[0] not in known.evidence:
                    self.actors[i] = Actor(
                        known.text,
                        known.name,
                        known.kind,
                        known.evidence + actor.evidence,
                        known.country,
                        known.affiliation,
                        known.confidence,
                    )
                return i
        self.actors.append(actor)
        for span in actor.evidence:
            for offset in range(span.start, span.end):
                self.actor_at.setdefault(offset, len(self.actors) - 1)
        return len(self.actors) - 1

    def trim(self, first: int, last: int) -> tuple[int, int]:
        """Character range of tokens ``first..last`` without edge punctuation, quotation marks, "that" or a wire
        dateline ("GAZA, Oct 18 (Reuters) -")."""
        doc = self.doc
        if first <= last and first < len(doc):
            dateline = DATELINE.match(self.text, doc[first].idx)
            if dateline is not None:
                after = doc.char_span(dateline.end(), doc[last].idx + len(doc[last]), alignment_mode="contract")
                if after is not None and len(after):
                    first = after.start
        while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].lower_ == "that"):
            first += 1
        while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "prep"):
            if doc[last].text == ")" and "(" in doc[first:last].text:
                break
            last -= 1  # a preposition whose object went to the speaker's phrase ("… targets on | Thursday TV said")
        if last < first:
            edge = doc[first].idx if first < len(doc) else len(self.text)
            return edge, edge
        return doc[first].idx, doc[last].idx + len(doc[last])

    def token_at(self, offset: int) -> Token | None:
        """The token at a character offset, or the next one when the offset falls on a space."""
        while offset < len(self.text) and self.text[offset] == " ":
            offset += 1
        span = self.doc.char_span(offset, min(offset + 1, len(self.text)), alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def inside_quote(self, offset: int) -> bool:
        return any(s < offset < e - 1 for s, e in self.quotes)

    def span_of(self, tokens: Iterable[Token]) -> Span:
        tokens = list(tokens)
        return Span(min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
