"""The attribution lexicon and its small word tests: cue verbs (``data/cues.json``), the named thresholds, and the
draft claim the passes build."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

#: How many tokens after a closing quotation mark (or before an opening one) the speech verb may lie:
#: '” U.S. Air Force Colonel John Dorrian, a coalition spokesman, told' puts it 12 tokens after, '” Ahmet Uzumcu the
#: head of the Organisation for the Prohibition of Chemical Weapons [OPCW] said' 17; the search also stops at the end
#: of the sentence and at the next quotation.
QUOTE_VERB_WINDOW = 20

#: Words of the reporter's own before a quotation in its sentence that make it a partial quote inside indirect
#: speech ("… they later intervened “in support of the army” Savchenko said"); one or two ("Its “a very dark
#: day”", "He said: “…”") still leave it a direct quotation.
PARTIAL_QUOTE_LEAD = 3

#: A quotation shorter than this many words is a scare quote or a term ("destroyed"), not a statement.
MIN_QUOTE_WORDS = 4

#: Share of a paragraph a quotation must fill to continue the previous paragraph's quote when unattributed.
CONTINUATION_SHARE = 0.9

#: Confidence of claims resolved by weaker rules: a continued quote, a speaker found by its position only.
CONTINUATION_CONFIDENCE = 0.7
POSITIONAL_CONFIDENCE = 0.8

#: Confidence of a denial linked by shared words rather than by syntax.
LINK_CONFIDENCE = 0.8

#: A wire dateline at the start of a lead sentence: "GAZA, Oct 18 (Reuters) - ", "KYIV (AP) — ".
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,[^()\n]{0,30})?\s*\([A-Za-z][\w .&-]*\)\s*[-–—]+\s*")

#: Reflexive objects: "describes itself as" is a self-description, not a claim about the world.
REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself"})

#: Source of a claim whose speaker is "it", "they" or "the statement": the source of the claim before it, filled in
#: once every claim is known.
PENDING = -1

#: Confidence of a speaker the actors component did not know (a new actor made from the subject's words).
NEW_SPEAKER_CONFIDENCE = 0.5

#: Cue verbs whose relative clause says something of its noun ("the attack that Washington blamed on Assad").
RELATIVE_CUES = frozenset({"blame", "claim", "report", "allege", "confirm", "attribute"})

#: Verbs whose content is their object and a prepositional phrase ("accused rebels of using gas", "blamed the
#: attack on Assad", "blamed Assad for the attack").
BLAME_PREPS = {"accuse": ("of", "over"), "blame": ("on", "for"), "charge": ("with",)}

#: Dependency labels of a speech verb's complement, in order of preference.
COMPLEMENT_DEPS = ("ccomp", "xcomp")

#: Children of a speech verb that are part of the attribution, not of what is claimed ("said on Tuesday",
#: "said in a statement").
ATTRIBUTION_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "aux", "neg", "cc", "agent", "dative", "prt"})

#: Kinds that speak for a state (in a civil war, its armed groups are the other side).
STATE_KINDS = frozenset({"state", "government", "military", "person"})

#: Subjects that stand for the last party to speak ("it said", "they added").
CONTINUING_PRONOUNS = frozenset({"it", "they"})

#: Dependencies of the words that make a speaker's own noun phrase ("a Reuters witness", "local sources"): an unknown
#: speaker's name is read back from its head over these only.
NAME_DEPS = frozenset({"compound", "amod", "det", "nmod", "poss", "nummod", "case", "predet"})

#: Cues by which a reporter continues the speaker quoted last ("he added", "she went on").
CONTINUING_CUES = frozenset({"add", "continue"})

#: Cues of an accusation: a denial by the accused most likely answers one of these.
ACCUSING_CUES = frozenset({"accuse", "blame", "charge", "allege"})

#: What linking a denial weighs besides the content words it shares with a claim: the claim naming the denier, and
#: its being an accusation; each counts as one shared word (the seed, the bundled examples and the claims sets agree
#: on these; a larger weight lets a mere mention of the denier beat the words it denies).
NAMED_PARTY_WEIGHT = 1
ACCUSATION_WEIGHT = 1

#: Word stems shorter than this do not count when a denial is matched to the claim it denies.
MIN_STEM = 4
STEM_LENGTH = 5

#: International wire services (canonical names of data/actors.json) whose reports in their own name are the
#: outlet's narration: newspapers run their copy (evaluation/claims/GUIDELINES.md: "an agency's own correspondent is
#: the outlet's own reporting"). State agencies (SANA, Anadolu, TASS) speak for their side and stay sources.
WIRE_SERVICES = frozenset({"Agence France-Presse", "Reuters", "Associated Press", "Deutsche Presse-Agentur"})

#: Paragraph kinds whose sentences are narration when nobody is said to have said them (not subheadings).
NARRATED_KINDS = frozenset({"headline", "caption", "body"})


@dataclass(frozen=True, slots=True)
class Cues:
    """The contents of ``data/cues.json``."""

    assert_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    negated_deny: frozenset[str]
    object_content: frozenset[str]
    deny_labels: frozenset[str]
    label_verbs: frozenset[str]
    claim_nouns: frozenset[str]


@cache
def cues() -> Cues:
    """Load the attribution cues shipped with the package."""
    data = json.loads(resources.files("fogofwar").joinpath("data/cues.json").read_text(encoding="utf-8"))
    return Cues(
        assert_verbs=frozenset(data["assert"]),
        deny_verbs=frozenset(data["deny"]),
        negated_deny=frozenset(data["negated_deny"]),
        object_content=frozenset(data["object_content"]),
        deny_labels=frozenset(data["deny_labels"]),
        label_verbs=frozenset(data["label_verbs"]),
        claim_nouns=frozenset(data["claim_nouns"]),
    )


@dataclass(slots=True)
class Draft:
    """A claim being built; ``denies`` points to another draft until indices are known."""

    source: int
    cue: str
    polarity: str
    content: tuple[int, int]
    evidence: tuple[int, int]
    quote: bool = False
    channel: str | None = None
    confidence: float = 1.0
    denies: Draft | None = None
    closes: Token | None = None  # the noun a relative-clause denial hangs on ("a claim that X denied")
    verb: int | None = None


def described_as(verb: Token) -> bool:
    """ "Russia described the attack as an aggression": a characterisation of something else (not "describes
    itself as a neutral group", a self-description)."""
    has_as = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    reflexive = any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children)
    return has_as and not reflexive


def infinitive(token: Token) -> bool:
    """A word after infinitival "to" ("went on to state"), whatever the tagger called it."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def verbal(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun in a verb's place ("to state that")."""
    return token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and infinitive(token))


def last_word(sent: SpacySpan) -> Token:
    """The sentence's last token that is neither punctuation nor space."""
    for token in reversed(sent):
        if not (token.is_punct or token.is_space):
            return token
    return sent[-1]


#: Nouns for people who speak that neither the titles nor the organs of the actors lexicon hold; an unknown subject
#: with no name is a speaker only when its noun is one of these or of those ("sources said", "medics said").
SPEAKER_NOUNS = frozenset(
    {
        "analyst", "analysts", "expert", "experts", "observer", "observers", "inspector", "inspectors",
        "investigator", "investigators", "lawyer", "lawyers", "medic", "paramedic", "paramedics", "nurse", "nurses",
        "rescuer", "survivor", "villager", "farmer", "farmers", "student", "students", "teacher", "worker", "workers",
        "volunteer", "volunteers", "staff", "team", "teams", "man", "men", "woman", "women", "father", "mother",
        "defence", "defense", "newspaper", "daily", "channel", "radio", "outlet",
    }
)  # fmt: skip

#: Entity labels that never make a subject a speaker: numbers and times ("hundreds … said" is a broken parse).
UNSPEAKING_ENTITIES = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME"})

#: Share of a reported claim's characters inside quotation marks from which it counts as a quote: the speaker's own
#: words, with a few of the reporter's around them.
QUOTED_SHARE = 0.6

#: Speech verbs that report a clause and never take a thing done as their object: when the parser gives one an object
#: with a verb of its own ("said the criminal gangs resorted to …", a quote that lost its marks), the object and its
#: verb are the clause said.
CLAUSE_ONLY_VERBS = frozenset({"say", "add", "state", "stress", "insist"})

#: Dependents after the head of "according to X" that belong to X's phrase ("the ministry of defence", "the
#: Observatory, a monitor"); a clause hung on X is the content.
SOURCE_PHRASE_DEPS = frozenset({"prep", "appos", "compound", "amod", "nummod", "punct", "cc", "conj"})

#: Words a sentence must have before "said <speaker>" for the speaker to be inverted after it (a clause, not
#: "Officials said the army …"): a subject and a verb at the least.
INVERSION_MIN_BEFORE = 3

#: Speech verbs whose object is who was told, not what was said or done ("… Zarif told Emma Bonino").
ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind"})

#: Steps climbed from a speech verb joined inside another's reported clause to that other verb ("X told AFP that
#: two fighters were wounded but said …").
OUTER_VERB_HOPS = 4
