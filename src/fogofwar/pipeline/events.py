"""Events: PLOVER type and mode, actor -> recipient, places, date, the claims behind them, status and modality.

Reads the parse, doc._.dates, doc._.places, doc._.actors, doc._.claims, doc._.casualties and doc._.losses (each
optional: a missing one leaves its part of the event empty) and writes doc._.events, one Event per happening in the
article: mentions of the same happening (the headline and the lead telling one attack) are merged, keeping every
evidence span.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token

from fogofwar import countries
from fogofwar.pipeline.attribution import cues
from fogofwar.pipeline.dates import narrower, overlapping
from fogofwar.pipeline.extensions import PARAGRAPHS_KEY
from fogofwar.pipeline.triggers import Trigger, TriggerFinder
from fogofwar.record import NARRATION_CUE, Actor, Claim, Event, Span, When

#: Auxiliaries that put an event in the future or make it hypothetical (governing words of willingness, such as
#: "threatened to", are the ``intent.willingness`` list of ``data/events.json``).
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "may", "might", "should"})

#: Event types in which the actor acts on a recipient, whose missing recipient can be inferred in a two-sided war.
DIRECTED = frozenset({"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "SANCTION"})

#: Actor kinds whose countries are the two sides of a war, when exactly two countries have forces in the story
#: (governments that only comment, such as France or Iran, are not sides).
FIGHTING_KINDS = frozenset({"military", "armed_group"})

#: Actor kinds that count as belligerents when inferring the other side of a two-sided war.
BELLIGERENT_KINDS = frozenset({"military", "armed_group", "government", "state"})

#: Dependency labels of a verb's agent (subject, or "by" in the passive) and of its recipient (object).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr"})
RECIPIENT_PREPS = frozenset({"on", "against", "at", "into", "upon", "of"})
VERB_RECIPIENT_PREPS = RECIPIENT_PREPS - {"of"}  # a noun's "of" names its object ("shelling of X"), a verb's does not

#: Verbs of saying whose object is what is said ("said it", "alleged the shelling"); others, such as "declared a
#: state of war" or "announced a ceasefire", take an act as their object and lend it their subject.
SAYING = frozenset({"say", "tell", "allege", "accuse", "blame", "quote", "cite"})

#: Types in which the actor gives, meets or agrees with someone named after "to", "for" or "with".
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST"})
COOPERATIVE_PREPS = frozenset({"to", "for", "with"})

#: Types whose object is what was hit or seized (so two mentions with different objects are different acts); the
#: object of a speech act is only what it is about ("condemned the attack" / "condemns provocations").
MATERIAL = frozenset({"ASSAULT", "COERCE"})

#: Links by which a verb without a subject shares its governor's ("to recover", "by launching", "and shelled"), and
#: how many such links are climbed: three reach "attempted" from "launching" above; further, the subject is
#: usually someone else's.
INHERITING_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep"})
MAX_SUBJECT_CLIMB = 4

#: Children of a participant that start another clause or name something else ("Fizuli, Azerbaijan's ministry").
PHRASE_BREAKS = frozenset({"acl", "relcl", "appos", "conj", "cc", "advcl", "punct", "parataxis"})

#: Children of an event's head that start another clause, so not part of its evidence span.
CLAUSE_BREAKS = frozenset({"conj", "cc", "advcl", "relcl", "parataxis", "punct", "mark", "dep"})

#: Types whose complement clause is what they are about ("urged both sides to stop"), kept in their evidence.
FRAME_WITH_CONTENT = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT"})

#: Possessive pronouns by which a claimant speaks of its own forces ("its troops", "our positions").
OWN_PRONOUNS = frozenset({"its", "our", "we", "their"})

#: Subject pronouns that, inside a claim, stand for its claimant ("Hungary has said it will support ...").
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})

#: Letters of a word compared when two mentions are matched by their words ("shelling" / "shelled").
STEM = 5

#: Content words a headline mention must share with a body mention to be the same happening: two, so that
#: "launching counterattacks" finds its lead sentence but a lone "attack" does not.
HEADLINE_SHARED_WORDS = 2

#: Dependency labels of subordinate clauses: a date inside one dates that clause only.
SUBORDINATE_CLAUSES = frozenset({"advcl", "relcl", "acl", "ccomp", "csubj"})

#: Precisions whose year is compared with the publication year to call an event historical.
DATED_PRECISIONS = frozenset({"year", "decade", "month"})


#: An actor as a side of an event: its country (ISO3, or None) and its kind.
Side = tuple[str | None, str]


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


class EventsComponent:
    """``fogofwar_events``: reads the parse and the earlier components' outputs; writes doc._.events."""

    def __init__(self, nlp: Language) -> None:
        self.finder = TriggerFinder(nlp)
        self.intent = Intent.load()

    def __call__(self, doc: Doc) -> Doc:
        index = DocIndex(doc)
        mentions = [self.mention(doc, trigger, index) for trigger in self.finder.find(doc)]
        attach(mentions, doc, index)
        for m in mentions:
            m.sides = index.sides(m.actor, m.recipient)
        merged = merge(fold_denied(fold_headings(mentions, doc), index.claims))
        doc._.events = [to_event(m, doc) for m in merged]
        return doc

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
        mention.narrated = all(index.claims[i].cue == NARRATION_CUE for i in mention.claims)
        agent, patient = participants(trigger.head, trigger.type)
        mention.actor = index.actor_of(agent, mention.claims)
        recipient = index.actor_of(patient, mention.claims)
        if recipient is not None and recipient != mention.actor:
            mention.recipient = [recipient]
        mention.clause = conj_root(trigger.head) if trigger.head.pos_ == "VERB" else None
        mention.theme = theme_of(trigger.head)
        mention.when = index.nearest_date(trigger.head)
        mention.modality = modality(trigger.head, mention.when, doc._.published, self.intent.willingness)
        mention.type = self.intent.type_of(mention.type, mention.modality, trigger.head)
        return mention


@dataclass(frozen=True, slots=True)
class Intent:
    """PLOVER's reading of announced intentions: an actor saying it will (or is ready to) act is AGREE when the act
    is cooperative and THREATEN when it is conflictual; the event keeps its future or hypothetical modality."""

    cooperative: frozenset[str]
    conflictual: frozenset[str]
    speech: frozenset[str]
    willingness: frozenset[str]

    @classmethod
    def load(cls) -> Intent:
        """The intent table of ``data/events.json``."""
        data = json.loads(resources.files("fogofwar").joinpath("data/events.json").read_text(encoding="utf-8"))
        intent = data["intent"]
        return cls(
            cooperative=frozenset(intent["cooperative"]),
            conflictual=frozenset(intent["conflictual"]),
            speech=frozenset(intent["speech_lemmas"]),
            willingness=frozenset(intent["willingness"]),
        )

    def type_of(self, type_: str, modality: str, head: Token) -> str:
        """The PLOVER type of an event given its modality and what governs it."""
        if modality not in ("future", "hypothetical") or not self.announced(head):
            return type_
        if type_ in self.cooperative:
            return "AGREE"
        if type_ in self.conflictual:
            return "THREATEN"
        return type_

    def announced(self, head: Token) -> bool:
        """True when the event is its actor's own announcement or offer: under a speech verb or a word of
        willingness ("said it will withdraw", "is ready to send troops", "threatened to cut off")."""
        token = head
        for _ in range(3):
            if token.lemma_ in self.willingness or any(c.lemma_ in self.willingness for c in token.children):
                return True
            if token.dep_ in ("ccomp", "xcomp") and token.head.lemma_ in self.speech:
                return True
            if token.head.i == token.i:
                return False
            token = token.head
        return False


def clause_span(trigger: Trigger) -> Span:
    """The event's evidence: the trigger with its participants ("Azerbaijani jets and troops destroyed a convoy of
    Armenian armoured vehicles"), without coordinated or subordinate clauses that tell other events."""
    head = trigger.head
    if head.pos_ != "VERB" and head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
        head = head.head  # the light verb: "launching counterattacks", "declared a state of war"
    tokens = [head, *trigger.span]
    for child in head.children:
        if child.dep_ in CLAUSE_BREAKS or (child.dep_ == "ccomp" and trigger.type not in FRAME_WITH_CONTENT):
            continue
        tokens.extend(child.subtree)
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens if not t.is_space)
    return Span(start, end)


def participants(head: Token, event_type: str = "ASSAULT") -> tuple[list[Token], list[Token]]:
    """The tokens naming who acts and who is acted on, by the trigger's dependencies. Cooperative acts also take
    their recipient after "to", "for" and "with" ("aid to Mozambique", "a meeting with Obama"), and from the verb
    they govern ("offered to hand over to Great Britain")."""
    agent: list[Token] = []
    patient: list[Token] = []
    preps = RECIPIENT_PREPS | (COOPERATIVE_PREPS if event_type in COOPERATIVE_TYPES else frozenset())
    verb = head if head.pos_ == "VERB" else None
    if verb is None and head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB" and not speech(head.head):
        verb = head.head  # a light verb: "launched an attack", "held talks" (not "denied the shelling")
    for child in head.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by"):
            agent.extend(phrase(child, joined=True))
        elif child.dep_ == "prep" and child.lower_ in preps:
            patient.extend(phrase(child, joined=True))
        elif child.dep_ in ("compound", "amod") and head.pos_ == "NOUN":
            agent.append(child)
    if verb is not None:
        governed = [c for c in verb.children if c.dep_ == "xcomp"] if event_type in COOPERATIVE_TYPES else []
        for child in [*verb.children, *(g for x in governed for g in x.children)]:
            if child.head.i == verb.i and (child.dep_ in SUBJECT_DEPS or child.dep_ == "agent"):
                agent.extend(phrase(child, joined=True))
            elif (child.dep_ in OBJECT_DEPS and child.i != head.i and child.head.i == verb.i) or (
                child.dep_ == "prep" and child.lower_ in preps - {"of"}
            ):
                patient.extend(phrase(child, joined=child.dep_ == "prep"))
        if not agent and verb.dep_ == "acl" and verb.tag_ == "VBG":  # "Armenian troops shelling the region"
            agent.extend(phrase(verb.head))
        if not agent:
            agent.extend(inherited_subject(verb))
    return agent, patient


def speech(verb: Token) -> bool:
    """A verb of saying or denying, whose object is what is said, not an act its subject did."""
    lemma = verb.lemma_.lower()
    found = cues()
    return lemma in found.deny_verbs or lemma in found.object_content or lemma in SAYING


def theme_of(head: Token) -> str | None:
    """The lemma of the noun an act is done to (its object, or its subject in the passive), unless a pronoun."""
    verb = head if head.pos_ == "VERB" else None
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            return child.lemma_.lower()
    return None


def phrase(token: Token, *, joined: bool = False) -> list[Token]:
    """A participant's words: its subtree without the clauses hanging on it ("a convoy of Armenian vehicles
    setting off from X" keeps "a convoy of Armenian vehicles"); with ``joined``, also the participants joined to it
    by "and" ("Bosnia and Slovenia agreed")."""
    words = [token]
    for child in token.children:
        if child.dep_ not in PHRASE_BREAKS or (joined and child.dep_ == "conj"):
            words.extend(phrase(child, joined=joined))
    return words


def inherited_subject(verb: Token) -> list[Token]:
    """The subject a non-finite or joined verb shares with the verb that governs it ("Armenian forces attempted to
    recover lost ground by launching counterattacks": launching -> by -> recover -> attempted)."""
    token = verb
    for _ in range(MAX_SUBJECT_CLIMB):
        if token.dep_ not in INHERITING_DEPS or token.head.i == token.i:
            return []
        token = token.head
        if token.pos_ == "ADP":  # "by launching": the preposition's verb
            continue
        if token.pos_ not in ("VERB", "AUX"):
            return []
        subject = [t for c in token.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
        if subject:
            return subject
    return []


def modality(head: Token, when: When | None, published: str | None, governors: frozenset[str]) -> str:
    """asserted, negated, future, hypothetical or historical, from auxiliaries, governors and the date."""
    chain = [head, *([head.head] if head.dep_ in ("dobj", "xcomp", "pobj") else [])]
    for token in chain:
        aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "neg" for c in token.children):
            return "negated"
        if aux & FUTURE_AUX:
            return "future"
        if aux & HYPOTHETICAL_AUX:
            return "hypothetical"
    governor = head.head
    if head.dep_ in ("xcomp", "ccomp") and governor.lemma_ in governors:
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ == "if" for c in head.children):
        return "hypothetical"
    return "historical" if earlier_year(when, published) else "asserted"


def earlier_year(when: When | None, published: str | None) -> bool:
    """True when a dated expression (a year, decade or month) lies in a year before publication."""
    if when is None or not when.value or when.precision not in DATED_PRECISIONS or not published:
        return False
    year = when.value[:4]
    return year.isdigit() and int(year) < int(published[:4])


class DocIndex:
    """Lookups from tokens and offsets to the earlier components' records (actors, places, dates, claims)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: Sequence[Actor] = doc._.actors or ()
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
            if word is not None:
                return self.state_actor(word.iso3)
        return None

    def sides(self, actor: int | None, recipients: list[int]) -> tuple[Side | None, tuple[Side, ...]]:
        """Actor and recipients as (country, kind): two organs of one state are one side."""

        def side(i: int) -> Side:
            return self.actors[i].country, self.actors[i].kind

        return (side(actor) if actor is not None else None), tuple(sorted(map(side, recipients), key=str))

    def state_actor(self, iso3: str) -> int | None:
        """The first actor of a country, preferring the state or its government."""
        ranked = sorted(
            (i for i, a in enumerate(self.actors) if a.country == iso3 and a.kind != "person"),
            key=lambda i: (self.actors[i].kind not in ("state", "government"), i),
        )
        return ranked[0] if ranked else None

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


def conj_root(token: Token) -> int:
    """The first verb of the chain of verbs joined by "and"/"but" that ``token`` belongs to."""
    while token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ == "VERB":
        token = token.head
    return token.i


def depth(token: Token) -> int:
    """Distance from the token to its sentence root."""
    steps = 0
    while token.head.i != token.i:
        token, steps = token.head, steps + 1
    return steps


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


def status_of(claims: Sequence[Claim], linked: list[int], *, narrated: bool = False) -> str:
    """denied (a party denies it), reported (the outlet tells it in its own voice somewhere), else claimed (only
    parties assert it)."""
    linked = [i for i in linked if claims[i].cue != NARRATION_CUE]
    if any(claims[i].polarity == "deny" for i in linked):
        return "denied"
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
        status=status_of(claims, linked, narrated=m.narrated),  # type: ignore[arg-type]
        modality=m.modality,  # type: ignore[arg-type]
    )
