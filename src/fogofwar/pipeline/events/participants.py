"""Who acts on whom, from the parse: the agent and recipient tokens of a trigger, the object an act is done to,
and the modality (asserted, negated, future, hypothetical, historical)."""

from __future__ import annotations

from spacy.tokens import Token

from fogofwar.pipeline.attribution import cues
from fogofwar.pipeline.events.lexicon import (
    ASPECTUAL,
    CLAUSE_BREAKS,
    COOPERATIVE_PREPS,
    COOPERATIVE_TYPES,
    DATED_PRECISIONS,
    FRAME_WITH_CONTENT,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    INHERITING_DEPS,
    MAX_SUBJECT_CLIMB,
    OBJECT_DEPS,
    PHRASE_BREAKS,
    RECIPIENT_PREPS,
    SAYING,
    SUBJECT_DEPS,
)
from fogofwar.pipeline.triggers import Trigger
from fogofwar.record import Span, When


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
    cooperative = event_type in COOPERATIVE_TYPES
    preps = RECIPIENT_PREPS | (COOPERATIVE_PREPS if cooperative else frozenset())
    objects = OBJECT_DEPS | ({"dative"} if cooperative else frozenset())  # "gave the Ivory Coast aid"
    verb = head if head.pos_ == "VERB" else None
    if verb is None and head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB" and not speech(head.head):
        verb = head.head  # a light verb: "launched an attack", "held talks" (not "denied the shelling")
    elif verb is None and event_type in COOPERATIVE_TYPES and head.dep_ == "pobj" and head.head.head.pos_ == "VERB":
        verb = head.head.head  # "X arrived in Amman on a visit": the visitor is the verb's subject
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
            elif (child.dep_ in objects and child.i != head.i and child.head.i == verb.i) or (
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
    governor, link = head.head, head
    while governor.lemma_ in ASPECTUAL and link.dep_ == "xcomp" and governor.head.i != governor.i:
        governor, link = governor.head, governor  # "prepared to resume shelling": the intent governs "resume"
    infinitival = link.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in link.children)
    if (link.dep_ in ("xcomp", "ccomp") or infinitival) and governor.lemma_ in governors:
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
