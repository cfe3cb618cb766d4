"""The ``fogofwar_events`` component: builds a mention per trigger, attaches, merges, and turns each merged
mention into an Event with its status (reported, claimed, denied, disputed)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.pipeline.events.index import DocIndex, attach
from fogofwar.pipeline.events.lexicon import Intent
from fogofwar.pipeline.events.merge import Mention, fold_denied, fold_headings, fold_ongoing, merge
from fogofwar.pipeline.events.participants import clause_span, conj_root, modality, participants, theme_of
from fogofwar.pipeline.triggers import HARM_VERBS, Trigger, TriggerFinder
from fogofwar.record import NARRATION_CUE, Claim, Event


class EventsComponent:
    """``fogofwar_events``: reads the parse and the earlier components' outputs; writes doc._.events (and adds to
    doc._.actors the state of a country that takes part in an event but was not yet an actor)."""

    def __init__(self, nlp: Language) -> None:
        self.finder = TriggerFinder(nlp)
        self.intent = Intent.load()

    def __call__(self, doc: Doc) -> Doc:
        index = DocIndex(doc)
        mentions = [self.mention(doc, trigger, index) for trigger in self.finder.find(doc)]
        attach(mentions, doc, index)
        for m in mentions:
            m.sides = index.sides(m.actor, m.recipient)
        merged = fold_ongoing(merge(fold_denied(fold_headings(mentions, doc), index.claims)), doc)
        doc._.events = [to_event(m, doc) for m in merged]
        doc._.actors = index.actors
        return doc

    def event_subject(self, trigger: Trigger) -> str | None:
        """The lemma of an event noun of the same type that is the subject of a verb trigger ("the strike killed")."""
        head = trigger.head
        if head.pos_ != "VERB" or trigger.lemma not in HARM_VERBS:  # "the blast killed", not "fighting broke out"
            return None
        for child in head.children:
            if child.dep_ == "nsubj" and child.pos_ == "NOUN":
                entry = self.finder.lexicon.nouns.get(child.lemma_.lower())
                if entry is not None and entry[0] == trigger.type:
                    return child.lemma_.lower()
        return None

    def mention(self, doc: Doc, trigger: Trigger, index: DocIndex) -> Mention:
        """Build the event mention of one trigger: participants, date, claims, modality."""
        sent = trigger.span.sent
        mention = Mention(
            type=trigger.type,
            mode=trigger.mode,
            lemma=trigger.lemma,
            evidence=[clause_span(trigger)],
            sentence=(sent.start_char, sent.end_char),
            trigger_at=trigger.span.start_char,
        )
        mention.claims = index.claims_covering(trigger.span.start_char)
        # Told in the outlet's voice: covered by its narration only (a headline that restates a speaker is not).
        mention.narrated = bool(mention.claims) and all(index.claims[i].cue == NARRATION_CUE for i in mention.claims)
        agent, patient = participants(trigger.head, trigger.type)
        mention.actor = index.actor_of(agent, mention.claims)
        recipient = index.actor_of(patient, mention.claims)
        if recipient is not None and recipient != mention.actor:
            mention.recipient = [recipient]
        mention.clause = conj_root(trigger.head) if trigger.head.pos_ == "VERB" else None
        subject_event = self.event_subject(trigger)
        if subject_event is not None:  # "the blast killed 50 people" tells of the blast
            mention.lemma = subject_event
        mention.theme = theme_of(trigger.head)
        mention.when = index.nearest_date(trigger.head)
        mention.modality = modality(trigger.head, mention.when, doc._.published, self.intent.willingness)
        mention.type = self.intent.type_of(mention.type, mention.modality, trigger.head)
        return mention


def status_of(claims: Sequence[Claim], linked: list[int], *, narrated: bool = False, disputed: bool = False) -> str:
    """denied (a party denies it), disputed (claimants give figures that cannot both be true), reported (the outlet
    tells it in its own voice somewhere), else claimed (only parties assert it)."""
    linked = [i for i in linked if claims[i].cue != NARRATION_CUE]
    if any(claims[i].polarity == "deny" for i in linked):
        return "denied"
    if disputed:
        return "disputed"
    if narrated or not linked:
        return "reported"
    return "claimed"


def to_event(m: Mention, doc: Doc) -> Event:
    """The Event record of a merged mention, with the denials of its claims linked too."""
    claims: Sequence[Claim] = doc._.claims or ()
    linked = list(m.claims)
    for i, claim in enumerate(claims):
        if claim.polarity == "deny" and claim.denies in linked and i not in linked:
            linked.append(i)
    return Event(
        type=m.type,  # type: ignore[arg-type]
        evidence=tuple(m.evidence),
        mode=m.mode,
        actor=m.actor,
        recipient=tuple(m.recipient),
        places=tuple(m.places),
        when=m.when,
        casualties=tuple(m.casualties),
        losses=tuple(m.losses),
        claims=tuple(linked),
        status=status_of(claims, linked, narrated=m.narrated, disputed=rival_figures(m, doc)),  # type: ignore[arg-type]
        modality=m.modality,  # type: ignore[arg-type]
    )


def rival_figures(m: Mention, doc: Doc) -> bool:
    """Two claimants give figures for the event that cannot both be true: the same outcome and population, ranges
    that do not overlap, from sources that are not the same actor (the outlet's own figures count as a version)."""
    claims: Sequence[Claim] = doc._.claims or ()
    versions: dict[tuple[str, str], list[tuple[int | None, int, float]]] = {}
    for i in m.casualties:
        item = (doc._.casualties or ())[i]
        if item.low is None and item.high is None:
            continue
        source = claims[item.claim].source if item.claim is not None and item.claim < len(claims) else None
        low = item.low if item.low is not None else 0
        high = float(item.high) if item.high is not None else float("inf")
        versions.setdefault((item.outcome, item.population), []).append((source, low, high))
    for figures in versions.values():
        for a, low_a, high_a in figures:
            for b, low_b, high_b in figures:
                if a != b and (high_a < low_b or high_b < low_a):
                    return True
    return False
