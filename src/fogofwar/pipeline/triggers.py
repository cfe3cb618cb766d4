"""Event triggers: the words that name a PLOVER event ("shelled", "airstrike", "called for"), found with spaCy matchers.

The lexicon is ``data/events.json`` (verbs and nouns by lemma, multi-word phrases by their lower-cased words, and
instrument words that give a mode). ``find_triggers`` returns one Trigger per event word, dropping speech verbs'
complements that are the content of a "frame" event ("condemned the attack" is one ACCUSE, not also an ASSAULT).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

#: Dependency hops between a trigger and a frame trigger governing it for the first to be the frame's content
#: ("urged both sides to stop fighting": fighting -> stop -> urged is two hops; "urged them to return to the
#: negotiating table" is four). Climbing stops at the first trigger met, so a longer reach stays in its clause.
MAX_FRAME_HOPS = 4

#: Dependency labels of a verb's or preposition's nominal arguments.
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})

#: Verbs that report harm rather than name an attack: they are an event only with an agent ("a drone strike killed
#: five", "gunmen wounded two"); "26 soldiers were killed" is a casualty figure, which the casualties component keeps.
HARM_VERBS = frozenset({"kill", "wound", "injure"})

#: Tokens on either side of a trigger searched for an instrument word that gives the mode ("jets ... destroyed").
MODE_WINDOW = 6


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger words: lemma or phrase -> (PLOVER type, mode or None); instrument words -> mode; frame types."""

    verbs: dict[str, tuple[str, str | None]]
    nouns: dict[str, tuple[str, str | None]]
    phrases: dict[str, tuple[str, str | None]]
    modes: dict[str, str]
    frames: frozenset[str]
    demand_modals: frozenset[str]
    speech_lemmas: frozenset[str]


@dataclass(frozen=True, slots=True)
class Trigger:
    """One event word in the text: its span, PLOVER type, mode, and the lemma that identifies the happening."""

    span: SpacySpan
    type: str
    mode: str | None
    lemma: str

    @property
    def head(self) -> Token:
        """The syntactic head of the trigger span."""
        return self.span.root


@cache
def load_lexicon() -> Lexicon:
    """Read ``data/events.json`` once."""
    data = json.loads(resources.files("fogofwar").joinpath("data/events.json").read_text(encoding="utf-8"))

    def table(name: str) -> dict[str, tuple[str, str | None]]:
        return {k.lower(): (v[0], v[1]) for k, v in data[name].items()}

    return Lexicon(
        verbs=table("verbs"),
        nouns=table("nouns"),
        phrases=table("phrases"),
        modes=dict(data["modes"]),
        frames=frozenset(data["frames"]),
        demand_modals=frozenset(data["demand_modals"]),
        speech_lemmas=frozenset(data["intent"]["speech_lemmas"]),
    )


class TriggerFinder:
    """Matchers for the trigger lexicon, built once per pipeline."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = load_lexicon()
        # One pattern per word class, each over the whole lexicon (a Matcher's cost grows with its patterns, not
        # with the size of a set inside one); the matched token's lemma says which entry it is.
        self.matcher = Matcher(nlp.vocab)
        verbs = sorted(self.lexicon.verbs)
        nouns = sorted(self.lexicon.nouns)
        self.matcher.add("V", [[{"LEMMA": {"IN": verbs}, "POS": {"IN": ["VERB"]}}]])
        # Headlines drop articles, and the tagger then often takes a noun for an adjective ("launch
        # counteroffensive"): a word in an argument position counts as a noun whatever its tag.
        noun = {"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}
        argument = {"LEMMA": {"IN": nouns}, "POS": "ADJ", "DEP": {"IN": list(ARGUMENT_DEPS)}}
        self.matcher.add("N", [[noun], [argument]])
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in self.lexicon.phrases:
            self.phrases.add(f"P:{phrase}", [nlp.make_doc(phrase)])
        self.modes = PhraseMatcher(nlp.vocab, attr="LOWER")
        for word in self.lexicon.modes:
            self.modes.add(word, [nlp.make_doc(word)])

    def find(self, doc: Doc) -> list[Trigger]:
        """Every trigger in the doc, in text order, phrases winning over the single words inside them."""
        found: dict[int, Trigger] = {}
        for match_id, start, end in self.phrases(doc):
            key = doc.vocab.strings[match_id][2:]
            type_, mode = self.lexicon.phrases[key]
            trigger = Trigger(doc[start:end], type_, mode, key)
            for i in range(start, end):
                found[i] = trigger
        for match_id, start, end in self.matcher(doc):
            if start in found:
                continue
            kind, lemma = doc.vocab.strings[match_id], doc[start].lemma_
            table = self.lexicon.verbs if kind == "V" else self.lexicon.nouns
            type_, mode = table[lemma]
            if lemma in HARM_VERBS and not has_agent(doc[start]):
                continue
            if kind == "V" and doc[start].dep_ == "amod":  # a participle naming a state: "the occupied region"
                continue
            found[start] = Trigger(doc[start:end], type_, mode, lemma)
        for token in doc:
            if token.lower_ in self.lexicon.demand_modals and token.head.i not in found and self.reported(token.head):
                found[token.head.i] = Trigger(doc[token.head.i : token.head.i + 1], "REQUEST", "demand", "must")
        triggers = sorted({id(t): t for t in found.values()}.values(), key=lambda t: t.span.start)
        triggers = list(drop_arguments(triggers))
        instruments = {start: self.lexicon.modes[doc.vocab.strings[m]] for m, start, _ in self.modes(doc)}
        return [with_mode(t, instruments) for t in drop_frame_content(triggers, self.lexicon.frames)]

    def reported(self, verb: Token) -> bool:
        """True when a clause is the complement of a speech verb ("said that Iraq must comply")."""
        return verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in self.lexicon.speech_lemmas


def with_mode(trigger: Trigger, instruments: dict[int, str]) -> Trigger:
    """Give a trigger without a mode of its own the mode of an instrument word in its sentence nearby."""
    if trigger.mode is not None or trigger.type != "ASSAULT":
        return trigger
    sent = trigger.span.sent
    near = [
        (abs(i - trigger.span.start), mode)
        for i, mode in instruments.items()
        if sent.start <= i < sent.end and abs(i - trigger.span.start) <= MODE_WINDOW
    ]
    if not near:
        return trigger
    return Trigger(trigger.span, trigger.type, min(near)[1], trigger.lemma)


def has_agent(verb: Token) -> bool:
    """True when a verb has someone or something doing it: an active subject or a passive "by" agent."""
    return any(c.dep_ in ("nsubj", "agent") for c in verb.children)


def drop_arguments(triggers: list[Trigger]) -> Iterator[Trigger]:
    """Leave out a noun trigger that is an argument of a verb trigger of the same type ("a ceasefire was agreed")."""
    heads = {t.head.i: t for t in triggers}
    for trigger in triggers:
        governor = heads.get(trigger.head.head.i)
        same = governor is not None and governor is not trigger and governor.type == trigger.type
        if not (
            same and trigger.head.pos_ in ("NOUN", "PROPN") and trigger.head.dep_ in ("nsubjpass", "dobj", "nsubj")
        ):
            yield trigger


def drop_frame_content(triggers: list[Trigger], frames: frozenset[str]) -> Iterator[Trigger]:
    """Leave out triggers that are the content of a frame trigger governing them (its object or complement)."""
    by_token = {t.head.i: t for t in triggers}
    memo: dict[int, bool] = {}

    def framed(trigger: Trigger, depth: int = 0) -> bool:
        """Governed by a frame, or by a trigger that is itself a frame's content ("urged them to stop fighting
        and return to the negotiating table": negotiating -> fighting -> urged)."""
        key = trigger.head.i
        if key not in memo:
            memo[key] = False
            token, hops = trigger.head, 0
            while token.head.i != token.i and hops < MAX_FRAME_HOPS:
                token, hops = token.head, hops + 1
                governor = by_token.get(token.i)
                if governor is not None and governor is not trigger:
                    memo[key] = (governor.type in frames and governor.type != trigger.type) or (
                        depth < MAX_FRAME_HOPS and framed(governor, depth + 1)
                    )
                    break
        return memo[key]

    for trigger in triggers:
        if not framed(trigger):
            yield trigger
