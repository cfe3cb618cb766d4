"""One event per happening: event mentions, when two tell the same happening, and the folds that join a
headline, a subheading or a denial to the mention they tell of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from fogofwar.pipeline.dates import narrower, overlapping
from fogofwar.pipeline.events.lexicon import (
    HEADLINE_SHARED_WORDS,
    MATERIAL,
    ONGOING_FIGHTING,
    ONSET_VERBS,
    STEM,
    Side,
)
from fogofwar.pipeline.extensions import PARAGRAPHS_KEY
from fogofwar.record import Claim, Span, When


@dataclass(slots=True)
class Mention:
    """One trigger's event before merging: the same fields as Event, with the token positions used to merge."""

    type: str
    mode: str | None
    lemma: str
    evidence: list[Span]
    sentence: tuple[int, int]
    trigger_at: int
    actor: int | None = None
    recipient: list[int] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    when: When | None = None
    claims: list[int] = field(default_factory=list)
    casualties: list[int] = field(default_factory=list)
    losses: list[int] = field(default_factory=list)
    modality: str = "asserted"
    clause: int | None = None  # first verb of the chain of verbs joined by "and" the trigger heads, if a verb
    theme: str | None = None  # lemma of what the act is done to ("convoy" in "destroyed a convoy")
    narrated: bool = False  # told at least once in the outlet's own voice (outside every attributed claim)
    sides: tuple[Side | None, tuple[Side, ...]] = (None, ())  # actor and recipients as (country, kind)


def compatible(a: Mention, b: Mention) -> bool:
    """Two mentions tell the same happening: same type and trigger word, no clash of actor, recipient or date."""
    if a.type != b.type or a.lemma != b.lemma or a.modality != b.modality:
        return False
    if not compatible_actors(a, b):
        return False
    if a.type in MATERIAL and a.theme is not None and b.theme is not None and a.theme != b.theme:
        return False  # a convoy destroyed is not 550 troops destroyed
    if a.recipient and b.recipient and len(a.sides[1]) == len(b.sides[1]):
        if not all(same_side(x, y) for x, y in zip(a.sides[1], b.sides[1], strict=True)):
            return False
    elif a.recipient and b.recipient:
        return False
    return a.when is None or b.when is None or overlapping(a.when, b.when)


def merge(mentions: list[Mention]) -> list[Mention]:
    """Fold mentions of the same happening into the first one, keeping every evidence span and link: the same
    trigger word told again, or verbs of one type joined under one subject ("destroyed a convoy ... and
    neutralised 10 soldiers")."""
    merged: list[Mention] = []
    for m in mentions:
        target = next(
            (x for x in merged if compatible(x, m) or (x.type == m.type and x.clause == m.clause is not None)),
            None,
        )
        if target is None:
            merged.append(m)
            continue
        absorb(target, m)
    return merged


def fold_headings(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """A subheading announces what the section below tells: its mention joins the first mention of the same type in
    that section (the subheading's wording often differs: "hails" / "thanked"), or is dropped when none follows."""
    paragraphs = doc.spans.get(PARAGRAPHS_KEY, ())
    headings = [(p.start_char, p.end_char) for p in paragraphs if p.label_ == "heading"]
    headline = next(((p.start_char, p.end_char) for p in paragraphs if p.label_ == "headline"), None)
    if headline is not None:
        mentions = fold_headline(mentions, headline, doc)
    if not headings:
        return mentions
    kept: list[Mention] = []
    for m in mentions:
        heading = next(((s, e) for s, e in headings if s <= m.trigger_at < e), None)
        if heading is None:
            kept.append(m)
    for m in mentions:
        heading = next(((s, e) for s, e in headings if s <= m.trigger_at < e), None)
        if heading is None:
            continue
        section_end = min((s for s, _ in headings if s > heading[0]), default=len(doc.text))
        target = next((k for k in kept if k.type == m.type and heading[1] <= k.trigger_at < section_end), None)
        if target is not None:
            absorb(target, m)
    return kept


def fold_headline(mentions: list[Mention], headline: tuple[int, int], doc: Doc) -> list[Mention]:
    """The headline tells, in other words, a happening the body tells: a headline mention joins the body mention of
    the same type whose words it shares most (at least ``HEADLINE_SHARED_WORDS``), and stays on its own otherwise."""
    body = [m for m in mentions if not headline[0] <= m.trigger_at < headline[1]]
    for m in mentions:
        if not headline[0] <= m.trigger_at < headline[1]:
            continue
        words = stems(doc, m.evidence[0])
        scored = [(len(words & stems(doc, k.evidence[0])), -k.trigger_at, k) for k in body if k.type == m.type]
        best = max(scored, key=lambda item: item[:2], default=None)
        if best is not None and best[0] >= HEADLINE_SHARED_WORDS and compatible_actors(best[2], m):
            absorb(best[2], m)
        else:
            body.append(m)
    return sorted(body, key=lambda k: k.trigger_at)


def compatible_actors(a: Mention, b: Mention) -> bool:
    """No clash of actors: one is unknown, or both are on the same side."""
    return a.sides[0] is None or b.sides[0] is None or same_side(a.sides[0], b.sides[0])


def same_side(a: Side, b: Side) -> bool:
    """Two actors on one side: the same country, or, when one has no country ("rebels"), the same kind."""
    if a[0] is not None and b[0] is not None:
        return a[0] == b[0]
    return a[1] == b[1]


def stems(doc: Doc, span: Span) -> set[str]:
    """Stems (first letters) of the content words of a span."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand") or ()
    return {t.lower_[:STEM] for t in found if t.is_alpha and not t.is_stop and len(t) > STEM}


def fold_ongoing(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Mentions of the fighting as a whole ("clashes in Nagorno-Karabakh", "the latest fighting", "attacks in the
    occupied region") are one happening: each asserted one with no object, no date of its own (or the same date) and
    no clash of sides joins the mention that says when the fighting broke out, else the first of them."""
    ongoing = [m for m in mentions if is_ongoing(m, doc)]
    if len(ongoing) < 2:  # a lone mention has nothing to join
        return mentions
    target = next((m for m in ongoing if onset(m, doc)), ongoing[0])
    kept: list[Mention] = []
    for m in mentions:
        joins = (
            m is not target
            and m in ongoing
            and (m.when is None or (target.when is not None and overlapping(m.when, target.when)))
            and compatible_actors(target, m)
        )
        if not joins:
            kept.append(m)
            continue
        when = target.when
        absorb(target, m)
        target.when = when if when is not None else target.when  # the onset's date is the happening's
    return kept


def is_ongoing(m: Mention, doc: Doc) -> bool:
    """An asserted ASSAULT mention whose trigger names the fighting as a whole, done to nothing in particular."""
    fighting = m.lemma in ONGOING_FIGHTING or onset(m, doc)
    return m.type == "ASSAULT" and m.modality == "asserted" and fighting and m.theme is None


def onset(m: Mention, doc: Doc) -> bool:
    """Whether the mention's trigger is a verb of beginning or its subject ("clashes broke out")."""
    span = doc.char_span(m.trigger_at, m.trigger_at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    return token.lemma_.lower() in ONSET_VERBS or (token.dep_ == "nsubj" and token.head.lemma_.lower() in ONSET_VERBS)


def fold_denied(mentions: list[Mention], claims: Sequence[Claim]) -> list[Mention]:
    """A mention inside a denial ("Armenia denied the shelling") is the happening the denied claim tells of: it
    joins the mention of the same type inside the denied claim's content."""
    kept: list[Mention] = []
    for m in mentions:
        target = None
        for i in m.claims:
            denied = claims[i].denies
            if claims[i].polarity != "deny" or denied is None:
                continue
            content = claims[denied].content
            inside = [k for k in kept if k.type == m.type and content.start <= k.trigger_at < content.end]
            same_word = [k for k in inside if k.lemma[:STEM] == m.lemma[:STEM]]
            choices = same_word or inside
            target = choices[0] if choices else None
            if target is not None:
                break
        if target is None:
            kept.append(m)
        else:
            absorb(target, m)
    return kept


def absorb(target: Mention, m: Mention) -> None:
    """Fold mention ``m`` into ``target``: its evidence, and every link ``target`` lacks."""
    target.evidence.extend(m.evidence)
    target.actor = target.actor if target.actor is not None else m.actor
    target.recipient = target.recipient or m.recipient
    target.when = m.when if target.when is None else target.when if m.when is None else narrower(target.when, m.when)
    target.mode = target.mode or m.mode
    target.narrated = target.narrated or m.narrated
    for name in ("places", "claims", "casualties", "losses"):
        values = getattr(target, name)
        values.extend(v for v in getattr(m, name) if v not in values)
