"""Lookups from tokens and offsets to the earlier components' records (actors, places, dates, claims), and the
places, casualties and losses given to the mention they belong to."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from fogofwar import countries
from fogofwar.pipeline.events.lexicon import (
    BELLIGERENT_KINDS,
    DIRECTED,
    FIGHTING_KINDS,
    OWN_PRONOUNS,
    SPEAKER_PRONOUNS,
    SUBORDINATE_CLAUSES,
    Side,
)
from fogofwar.pipeline.events.merge import Mention
from fogofwar.pipeline.events.participants import depth
from fogofwar.record import Actor, Claim, Span, When


class DocIndex:
    """Lookups from tokens and offsets to the earlier components' records (actors, places, dates, claims)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: list[Actor] = list(doc._.actors or ())  # events may add the state of a country named
        self.places = doc._.places or ()
        self.dates = [d for d in (doc._.dates or ()) if d.type == "date"]
        self.claims: Sequence[Claim] = doc._.claims or ()
        self.actor_at: dict[int, int] = {}
        for i, actor in enumerate(self.actors):
            for span in actor.evidence:
                for offset in range(span.start, span.end):
                    self.actor_at.setdefault(offset, i)
        fighting = {a.country for a in self.actors if a.country and a.kind in FIGHTING_KINDS}
        speaking = {a.country for a in self.actors if a.country and a.kind in BELLIGERENT_KINDS}
        self.belligerents = sorted(fighting if len(fighting) == 2 else speaking)

    def actor_of(self, tokens: list[Token], claims: list[int]) -> int | None:
        """The actor named by the head-most of these tokens; "its troops" in a claim is the claimant's side."""
        for token in sorted(tokens, key=lambda t: (depth(t), t.i)):
            found = self.actor_at.get(token.idx)
            if found is not None:
                return found
        if tokens and any(t.lower_ in OWN_PRONOUNS for t in tokens) and claims:
            return self.claims[claims[0]].source
        head = min(tokens, key=lambda t: (depth(t), t.i)) if tokens else None
        if head is not None and head.lower_ in SPEAKER_PRONOUNS and claims:  # "Iraq said it would allow ..."
            return self.claims[claims[-1]].source
        for token in tokens:
            word = countries.lookup(token.text)
            if word is not None:  # "aid to war-torn Mozambique": a country no earlier rule made an actor
                return self.state_actor(word.iso3, token)
        return None

    def sides(self, actor: int | None, recipients: list[int]) -> tuple[Side | None, tuple[Side, ...]]:
        """Actor and recipients as (country, kind): two organs of one state are one side."""

        def side(i: int) -> Side:
            return self.actors[i].country, self.actors[i].kind

        return (side(actor) if actor is not None else None), tuple(sorted(map(side, recipients), key=str))

    def state_actor(self, iso3: str, token: Token | None = None) -> int | None:
        """The first actor of a country, preferring the state or its government; when the country has none yet and
        a token names it, a new state actor with that mention."""
        ranked = sorted(
            (i for i, a in enumerate(self.actors) if a.country == iso3 and a.kind != "person"),
            key=lambda i: (self.actors[i].kind not in ("state", "government"), i),
        )
        if ranked or token is None:
            return ranked[0] if ranked else None
        name = countries.country_name(iso3) or iso3
        evidence = Span(token.idx, token.idx + len(token.text))
        self.actors.append(Actor(text=token.text, name=name, kind="state", evidence=(evidence,), country=iso3))
        for offset in range(evidence.start, evidence.end):
            self.actor_at.setdefault(offset, len(self.actors) - 1)
        return len(self.actors) - 1

    def claims_covering(self, offset: int) -> list[int]:
        """Claims whose content holds the offset."""
        return [i for i, c in enumerate(self.claims) if c.content.start <= offset < c.content.end]

    def nearest_date(self, head: Token) -> When | None:
        """The date expression of the trigger's sentence nearest to it."""
        sent = head.sent
        inside = [
            d
            for d in self.dates
            if sent.start_char <= d.evidence.start < sent.end_char and not self.in_other_clause(d, head)
        ]
        if not inside:
            return None
        nearest: When = min(inside, key=lambda d: abs(d.evidence.start - head.idx))
        return nearest

    def in_other_clause(self, when: When, head: Token) -> bool:
        """Whether a date sits in a subordinate clause the trigger is not in ("urged ... after the worst escalation
        since 2016 raised the spectre": 2016 dates the escalation, not the urging), or is a "since" date (the start
        of a state) that does not govern the trigger ("since 1993, when Armenian forces occupied ..." does)."""
        span = self.doc.char_span(when.evidence.start, when.evidence.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        if span[0].lower_ == "since" and not (span.root.left_edge.i <= head.i <= span.root.right_edge.i):
            return True
        while token.head.i != token.i:
            if token.dep_ in SUBORDINATE_CLAUSES and not (token.left_edge.i <= head.i <= token.right_edge.i):
                return True
            token = token.head
        return False

    def other_side(self, actor: int) -> int | None:
        """In a two-sided war (exactly two belligerent countries), the state actor of the actor's opponent."""
        country = self.actors[actor].country
        if len(self.belligerents) != 2 or country not in self.belligerents:
            return None
        other = next(c for c in self.belligerents if c != country)
        return self.state_actor(other)


def owner(mentions: list[Mention], offset: int) -> Mention | None:
    """The mention a phrase at ``offset`` belongs to: the tightest evidence span holding it, else the nearest
    trigger of its sentence."""
    holding = [m for m in mentions if m.evidence[0].start <= offset < m.evidence[0].end]
    if holding:
        return min(holding, key=lambda m: m.evidence[0].end - m.evidence[0].start)
    same = [m for m in mentions if m.sentence[0] <= offset < m.sentence[1]]
    return min(same, key=lambda m: abs(m.trigger_at - offset)) if same else None


def attach(mentions: list[Mention], doc: Doc, index: DocIndex) -> None:
    """Give places, casualties and losses to the mention they belong to; infer recipients in a two-sided war."""
    for i, place in enumerate(index.places):
        if place.role in ("statement", "metonym") or place.precision == "country":
            continue
        found = owner(mentions, place.evidence.start)
        if found is not None:
            found.places.append(i)
    for name in ("casualties", "losses"):
        for i, item in enumerate(getattr(doc._, name) or ()):
            found = owner(mentions, item.evidence.start)
            if found is not None:
                getattr(found, name).append(i)
    for m in mentions:
        if m.type in DIRECTED and m.actor is not None and not m.recipient:
            other = index.other_side(m.actor)
            if other is not None:
                m.recipient = [other]
