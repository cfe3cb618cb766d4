"""The events vocabulary beyond the trigger lexicon: named dependency sets and thresholds, and PLOVER's reading of
announced intentions (AGREE / THREATEN)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

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


#: Words that name the fighting of a war as a whole rather than one act ("the latest fighting", "clashes in the
#: region", "violence broke out", "attacks in the occupied region", "violating the ceasefire"): their mentions in one
#: article tell one happening, the fighting of those days, unless a date of their own sets them apart.
ONGOING_FIGHTING = frozenset(
    {"clash", "fighting", "fight", "violence", "hostility", "escalation", "aggression", "war", "attack", "violate"}
)


#: Verbs that say when the fighting began ("clashes broke out early on Sunday"): the mention that carries them
#: stands for the whole and keeps its date.
ONSET_VERBS = frozenset({"break", "erupt", "begin", "start", "flare", "resume"})


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


#: Verbs of phase between an intent and its act ("prepared to resume shelling", "vowed to continue fighting").
ASPECTUAL = frozenset({"resume", "continue", "begin", "start", "keep", "step"})


#: Precisions whose year is compared with the publication year to call an event historical.
DATED_PRECISIONS = frozenset({"year", "decade", "month"})


#: An actor as a side of an event: its country (ISO3, or None) and its kind.
Side = tuple[str | None, str]


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
