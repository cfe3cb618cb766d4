"""What the rest of the doc says about a figure (claims, places, dates, the article's belligerents: ``Context``), and
the country cues of its phrase, its speaker, its agent and its place (side and claimant).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar import countries
from fogofwar.pipeline.casualties.lexicon import (
    EVIDENCE_BREAKS,
    HISTORY_MIN_DAYS,
    MAX_AGENT_CLIMB,
    MIN_YEAR,
    SPEECH_LEMMAS,
)
from fogofwar.pipeline.casualties.mention import Mention
from fogofwar.record import Actor, Claim, Place, Span, When


class Context:
    """Per-doc lookups: claims, actors, dates, the article's belligerents and its publication year."""

    def __init__(self, doc: Doc, belligerents: list[str]) -> None:
        self.doc = doc
        self.claims: Sequence[Claim] = doc._.claims or ()
        self.actors: Sequence[Actor] = doc._.actors or ()
        self.dates: list[When] = [d for d in (doc._.dates or ()) if d.type == "date"]
        self.places: Sequence[Place] = doc._.places or ()
        published = doc._.published
        try:
            self.published: date | None = date.fromisoformat(published[:10]) if published else None
        except ValueError:
            self.published = None
        self.belligerents = belligerents

    def place_country(self, token: Token) -> str | None:
        """The ISO3 country of a place the places component resolved at this token ("Kharkiv" -> UKR)."""
        for place in self.places:
            if place.evidence.start <= token.idx < place.evidence.end and place.country:
                if place.precision == "unresolved":
                    return None
                return countries.iso2_to_iso3(place.country)
        return None

    def claim_of(self, evidence: Span, number: SpacySpan | None) -> int | None:
        """The innermost claim whose content holds the evidence (or, failing that, the number itself)."""
        for start, end in (
            (evidence.start, evidence.end),
            *(((number.start_char, number.end_char),) if number else ()),
        ):
            holding = [i for i, c in enumerate(self.claims) if c.content.start <= start and end <= c.content.end]
            if holding:
                return min(holding, key=lambda i: self.claims[i].content.end - self.claims[i].content.start)
        return None

    def claimant_country(self, claim: int | None) -> str | None:
        """The country of the claim's source actor (or of the actor it speaks for)."""
        if claim is None or not 0 <= claim < len(self.claims):
            return None
        source = self.claims[claim].source
        seen = set()
        while 0 <= source < len(self.actors) and source not in seen:
            seen.add(source)
            actor = self.actors[source]
            if actor.country:
                return actor.country
            if actor.affiliation is None:
                return None
            source = actor.affiliation
        return None

    def other_side(self, country: str) -> str | None:
        """The opponent in a two-sided war."""
        if len(self.belligerents) != 2 or country not in self.belligerents:
            return None
        return next(c for c in self.belligerents if c != country)

    def date_near(self, span: SpacySpan) -> When | None:
        """The date expression of the figure's sentence nearest to it (not one that opens a running total)."""
        sent = span.sent
        inside = [
            d for d in self.dates if sent.start_char <= d.evidence.start < sent.end_char and not self.window_start(d)
        ]
        if not inside:
            return None
        nearest: When = min(inside, key=lambda d: abs(d.evidence.start - span.start_char))
        return nearest

    def window_start(self, when: When) -> bool:
        """A date that opens a running total ("since 2016", "since violence broke out over the weekend"): not the
        date a figure stands at."""
        found = self.doc.char_span(when.evidence.start, when.evidence.end, alignment_mode="expand")
        return found is not None and under_since(found)

    def historical(self, span: SpacySpan, clause: set[int]) -> bool:
        """True when the figure's clause is dated to a year before publication (not by "since"): a date of the
        clause's verb, of its counted phrase, or of the noun a relative clause hangs on ("a 1990s war that")."""
        if self.published is None:
            return False
        sent = span.sent
        for d in self.dates:
            if sent.start_char <= d.evidence.start < sent.end_char and d.value:
                when = self.doc.char_span(d.evidence.start, d.evidence.end, alignment_mode="expand")
                inside = when is None or any(t.i in clause for t in when)
                if inside and (when is None or not under_since(when)) and self.long_before(d.value):
                    return True
        for ent in sent.ents:
            if ent.label_ != "DATE" or under_since(ent) or not any(t.i in clause for t in ent):
                continue
            for token in ent:
                digits = token.text.rstrip("s").removesuffix("'")
                if digits.isdigit() and len(digits) == 4 and int(digits) >= MIN_YEAR and self.long_before(digits):
                    return True
        return False

    def long_before(self, value: str) -> bool:
        """A date (ISO value; a range by its start, a year or decade by its first day) more than
        ``HISTORY_MIN_DAYS`` before publication."""
        found = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
        if found is None or self.published is None:
            return False
        try:
            start = date(int(found.group(1)), int(found.group(2) or 1), int(found.group(3) or 1))
        except ValueError:
            return False
        return (self.published - start).days > HISTORY_MIN_DAYS


def country_of(token: Token) -> str | None:
    """The ISO3 country a proper noun or demonym names, or None."""
    if token.pos_ not in ("PROPN", "ADJ", "NOUN") or not token.text[:1].isupper():
        return None
    word = countries.lookup(token.text)
    return word.iso3 if word is not None else None


def place_country(m: Mention, context: Context) -> str | None:
    """Civilians (and people of any kind) are counted where they died: "nine civilians were killed in Azerbaijan"
    -> AZE, "killed 12 civilians in Kharkiv" -> UKR (the country of the place the places component resolved)."""
    if m.population not in ("civilian", "any") or not m.cue:
        return None
    heads = [m.cue[0], *([m.noun] if m.noun is not None else [])]
    places = {
        c
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "near")
        for t in prep.children
        if t.dep_ == "pobj" and (c := country_name_of(t) or context.place_country(t)) is not None
    }
    return places.pop() if len(places) == 1 else None


def country_name_of(token: Token) -> str | None:
    """The ISO3 country a token names by its name (not a demonym or a capital): "in Azerbaijan"."""
    word = countries.lookup(token.text) if token.pos_ == "PROPN" else None
    return word.iso3 if word is not None and word.kind == "name" else None


def under_since(span: SpacySpan) -> bool:
    """A date introduced by "since" (the start of a running total, not the date of a figure)."""
    words = [t.lower_ for t in span]
    if "since" in words or "past" in words:
        return True  # "since 2016" (the dates component keeps the "since"), "over the past three days"
    if "last" in words and any(t.like_num for t in span):
        return True  # "in the last three days" is a window; "last week" is a date
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "since":
        return True
    if span.start > 0 and span.doc[span.start - 1].lower_ == "since":
        return True
    return in_since_clause(root)


def in_since_clause(token: Token) -> bool:
    """A token inside a clause introduced by "since" ("since violence broke out over the weekend")."""
    current = token
    for _ in range(MAX_AGENT_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def speaker_country(token: Token) -> str | None:
    """The country of the subject of the speech verb a clause is reported under ("Armenia's ministry reported
    that 26 of its troops were killed" -> ARM), climbing the parse."""
    current = token
    for _ in range(MAX_AGENT_CLIMB * 2):
        if current.lemma_.lower() in SPEECH_LEMMAS and current.pos_ in ("VERB", "AUX"):
            subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                found = {c for t in subject.subtree if (c := country_of(t)) is not None}
                if len(found) == 1:
                    return found.pop()
        if current.head.i == current.i:
            break
        current = current.head
    return None


def subject_country(verb: Token) -> str | None:
    """The country of the agent of a verb: its subject or "by" agent, or the subject of the clause it is
    coordinated with ("Azerbaijani jets ... destroyed a convoy ... and neutralised 10 soldiers")."""
    current = verb
    for _ in range(MAX_AGENT_CLIMB):
        for child in current.children:
            if child.dep_ in ("nsubj", "agent"):
                found = {c for t in child.subtree if (c := country_of(t)) is not None}
                return found.pop() if len(found) == 1 else None
        if current.dep_ in ("ccomp", "ROOT") or current.head.i == current.i:
            return None
        current = current.head
    return None


def agent_country(m: Mention) -> str | None:
    """The country of whoever did the harm to an object figure ("Azerbaijani jets neutralised 10 soldiers")."""
    if not m.cue or m.head is None:
        return None
    verb = m.cue[0]
    if verb.pos_ != "VERB" or m.head.dep_ not in ("dobj", "obj") or m.head.head.i != verb.i:
        return None
    return subject_country(verb)


def belligerents(forces: Iterable[Token]) -> list[str]:
    """Countries whose armed forces the article names ("Armenian forces", "Azerbaijan's army"): a country word on
    a force noun (the nouns found by the component's FORCE matcher)."""
    found: set[str] = set()
    for token in forces:
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                for t in (child, *(c for c in child.children if c.dep_ == "conj")):
                    country = country_of(t)
                    if country is not None:
                        found.add(country)
    return sorted(found)


def evidence_span(m: Mention) -> Span:
    """The figure's evidence: the number phrase, its counted noun phrase, and the outcome or toll words, within
    one sentence and without coordinated figures or other clauses."""
    tokens: list[Token] = [*m.span]
    for root in (m.number, *([m.noun] if m.noun is not None else [])):
        tokens.append(root)
        for child in root.children:
            if child.dep_ not in EVIDENCE_BREAKS and child.dep_ not in ("relcl",):
                tokens.extend(child.subtree)
    if m.toll is not None:
        tokens.extend(t for t in m.toll.subtree if t.dep_ not in EVIDENCE_BREAKS)
    tokens.extend(m.cue)
    sent = m.span.sent
    tokens = [t for t in tokens if sent.start <= t.i < sent.end and not t.is_space]
    # keep the evidence contiguous around the figure: drop far tokens of a long subtree (a relative clause)
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens if not t.is_punct or t.i < m.span.end)
    return Span(start, end)
