"""The actor lexicon (``data/actors.json``), the named thresholds of the actor rules, the draft actor being built,
and small phrase helpers."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from fogofwar.record import Actor, Span

#: Dependency labels of a verb's subject: a country or capital there acts or speaks, so it is its government.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})

#: Determiners that make a definite description ("the ministry"), which continues an actor named before.
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})

#: Prepositions that name the body a spokesperson or official speaks for ("a spokesman for", "officials of").
OWNER_PREPS = frozenset({"for", "of", "at", "from", "with"})

#: Possessors that name a breakaway territory: "the region's authorities", "the enclave's leader" are the de facto
#: authorities there, the armed group last named.
REGION_NOUNS = frozenset({"region", "enclave", "territory", "republic"})

#: Heads whose "of" phrase is part of the organ's name ("Ministry of Defence", "Department of State").
OF_ORGANS = frozenset({"ministry", "department", "minister", "office", "secretary"})

#: Possessives by which a party speaks of its own organ ("its troops", "their forces").
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "our"})

#: Possessives of a person ("his fighters", "her ministry").
PERSONAL_POSSESSIVES = frozenset({"his", "her"})

#: Pronouns that continue the last person ("he added").
PERSON_PRONOUNS = frozenset({"he", "she"})

#: How far back (in characters) a definite description or a pronoun looks for its antecedent: about three
#: paragraphs of news prose; further back, a "he" is more likely someone the article never named.
ANTECEDENT_WINDOW = 1500

#: Confidence of an actor found by rule-based coreference rather than named outright.
COREFERENCE_CONFIDENCE = 0.8

#: Organs that, named without a country, belong to the story's country ("activists said" in a Syrian story).
HOME_ORGANS = frozenset({"activists", "opposition", "media"})

#: Armed-group heads that, named without a country, fight in the story's country ("rebels", "militants"); not
#: separatists, whose country follows the lexicon's convention for breakaway regions.
HOME_GROUPS = frozenset({"rebels", "insurgents", "militants", "jihadists", "fighters", "gunmen"})

#: Weight of a place below country level against a country word when the story's country is counted: where things
#: happen says what the story is about; country words also name the foreign parties ("Russian jets" over Idlib).
HOME_PLACE_WEIGHT = 2

#: The same groups named by a word before a generic head ("rebel forces", "opposition fighters", "insurgent groups").
HOME_GROUP_WORDS = frozenset({"rebel", "opposition", "insurgent", "militant", "jihadist"})
GROUP_HEADS = frozenset({"forces", "fighters", "groups", "units"})

#: What follows a country word that only qualifies another party ("US-led coalition", "Russian-backed forces"):
#: such a word does not make the story that country's.
QUALIFYING_SUFFIXES = ("-led", "- led", "-backed", "- backed", "-supported", "-allied", "-brokered")

#: Kinds of named organisations a definite description of their kind continues ("the monitoring group").
NAMED_KINDS = frozenset({"ngo", "igo", "media", "organisation"})

#: Group nouns that may continue a named military body ("the centre" after "the Russian Reconciliation Centre");
#: "the group" never does (it is an armed group's or an organisation's word).
MILITARY_BODIES = frozenset({"center", "centre", "command", "headquarters"})

#: Words in the name of an organisation the lexicon does not know that make it a non-governmental aid, medical or
#: rights body ("Union of Syrian Medical Relief Organisations", "Syrian Network for Human Rights"), or a monitor of
#: the war ("a war monitor said", coded ``ngo`` by the claims guidelines).
NGO_WORDS = frozenset(
    {"relief", "medical", "humanitarian", "rights", "aid", "doctors", "rescue", "charity", "crescent", "monitor",
     "monitoring", "rescuers"}
)  # fmt: skip

#: Words that make an organisation the lexicon does not know an armed faction ("the Sawaiq al-Rahman Brigade",
#: "the Hamza Division", "the Noureddin al-Zinki rebel faction"), of the story's country.
ARMED_GROUP_WORDS = frozenset(
    {"brigade", "brigades", "battalion", "battalions", "division", "legion", "militia", "regiment", "katiba", "liwa",
     "faction"}
)  # fmt: skip

#: Words for an armed unit that end a faction's name ("Al-Nasr Army", "the Hamza Division"): such a name is never a
#: person's, whatever the entity recogniser says. "army" is not among ARMED_GROUP_WORDS because "the army" alone is the
#: state's (an organ word); only a name before it makes it a faction.
FACTION_HEADS = ARMED_GROUP_WORDS | {"army"}

#: Occupations that, in apposition to a single name, make it a person's ("Manal, a 28-year-old teacher"); titles
#: (data/actors.json) do the same.
OCCUPATIONS = frozenset(
    {
        "officer", "teacher", "doctor", "nurse", "engineer", "student", "driver", "farmer", "shopkeeper", "mother",
        "father", "journalist", "photographer", "lawyer", "pharmacist", "worker", "fighter", "survivor",
    }
)  # fmt: skip

#: Prepositions that give where a body's people sit ("an official at the governor's office in Homs", "officials in
#: Aleppo"): a town there gives the body its country when no country is named.
SEAT_PREPS = frozenset({"in", "at", "from"})

#: Kinds of body a person named "of" or "from" it speaks for ("X of the Free Syrian Army", "Y from the Red Crescent").
MEMBER_BODIES = frozenset({"armed_group", "organisation", "ngo", "igo", "military", "media"})

#: Confidence of an organisation known only from the entity recogniser (its kind unknown).
UNKNOWN_ORGANISATION_CONFIDENCE = 0.6

#: Organ names that are the country itself ("Azerbaijan's government", "Armenian officials" -> the government).
COUNTRY_ORGANS = frozenset({"government"})

#: Tokens left out when an organ phrase is read ("the", "its", "'s", numbers).
SKIP_POS = frozenset({"DET", "PRON", "NUM", "PART", "PUNCT"})


@dataclass(frozen=True, slots=True)
class Organisation:
    """A named body from the lexicon."""

    name: str
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Organ:
    """A kind of body or group a noun phrase can name ("Defence Ministry", "military", "government")."""

    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A well-known leader or spokesperson: the body they speak for, when the text names them without a title."""

    name: str
    country: str | None
    kind: str
    body: str | None = None  # a named organisation they lead or speak for ("United Nations")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The contents of ``data/actors.json``."""

    organisations: dict[str, Organisation]  # alias -> organisation
    organs: dict[str, Organ]  # lower-cased phrase -> organ
    regions: dict[str, tuple[str | None, str]]  # region word -> (country, kind of its forces)
    titles: dict[str, str | None]  # lower-cased title -> kind of the body it speaks for, longest title first
    statement_nouns: frozenset[str]
    group_nouns: frozenset[str]
    home_words: frozenset[str]
    coalition_leaders: dict[str, str]  # organisation fought -> ISO3 of the coalition's leader
    persons: dict[str, KnownPerson]  # name or surname as written -> the person


@cache
def lexicon() -> Lexicon:
    """Load the actor lexicon shipped with the package."""
    data = json.loads(resources.files("fogofwar").joinpath("data/actors.json").read_text(encoding="utf-8"))
    organisations = {}
    for entry in data["organisations"]:
        org = Organisation(entry["name"], entry["kind"], entry["country"])
        for alias in entry["aliases"]:
            organisations[alias] = org
    organs = {word: Organ(e["name"], e["kind"]) for e in data["organs"] for word in e["words"]}
    regions = {word: (e["country"], e["kind"]) for e in data["regions"] for word in e["words"]}
    return Lexicon(
        organisations=organisations,
        organs=organs,
        regions=regions,
        titles={k.lower(): v for k, v in sorted(data["titles"].items(), key=lambda item: -len(item[0]))},
        statement_nouns=frozenset(data["statement_nouns"]),
        group_nouns=frozenset(data["group_nouns"]),
        home_words=frozenset(data["home_words"]),
        coalition_leaders=dict(data["coalition_leaders"]),
        persons={
            alias: KnownPerson(e["name"], e["country"], e["kind"], e.get("body"))
            for e in data["persons"]
            for alias in e["aliases"]
        },
    )


@dataclass(slots=True)
class Draft:
    """An actor being built: its identity, the text of its first mention and every mention's span."""

    name: str
    kind: str
    country: str | None
    text: str
    evidence: list[Span] = field(default_factory=list)
    affiliation: int | None = None
    confidence: float = 1.0
    organ: str | None = None
    head: str | None = None  # lemma of the head noun of its first mention ("force"), for "the forces"
    titles: set[str] = field(default_factory=set)  # a person's title words ("president"), for "the president"

    def freeze(self) -> Actor:
        return Actor(
            text=self.text,
            name=self.name,
            kind=self.kind,  # type: ignore[arg-type]
            evidence=tuple(sorted(set(self.evidence), key=lambda s: (s.start, s.end))),
            country=self.country,
            affiliation=self.affiliation,
            confidence=self.confidence,
        )


def same_organ(draft: Draft, organ: Organ) -> bool:
    """An actor a definite description of this organ can continue ("the ministry" -> a Defence Ministry; "the
    monitoring group" -> the Syrian Observatory)."""
    if draft.organ is None and organ.kind in NAMED_KINDS:
        return draft.kind == organ.kind
    if draft.organ is None:
        return organ.name in COUNTRY_ORGANS and draft.kind == "government" and draft.country is not None
    if organ.name == "ministry":
        return "inistry" in draft.organ
    return draft.organ == organ.name


def strip_det(np: SpacySpan) -> str:
    """A phrase without its leading determiner ("the officials" -> "officials")."""
    tokens = list(np)
    while tokens and tokens[0].pos_ == "DET":
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip() or np.text


def bare_possessive(alias: str) -> str:
    """An alias in the possessive without its apostrophe ("Observatory" -> "Observatorys")."""
    return alias + "s"


def of_phrase(root: Token) -> list[Token]:
    """The "of" phrase that completes an organ's name ("Ministry of Defence", "Ministry of Foreign Affairs")."""
    if root.lemma_.lower() not in OF_ORGANS:
        return []
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if objects:
                return [child, *objects[0].subtree]
    return []


def strip_det_text(text: str) -> str:
    """A phrase's text without a leading article ("the Armenian separatists" -> "Armenian separatists")."""
    for article in ("the ", "The ", "a ", "A "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def actor_spans(actors: Iterable[Actor]) -> Iterator[tuple[int, int, int]]:
    """Every mention of every actor as (start, end, actor index)."""
    for i, actor in enumerate(actors):
        for span in actor.evidence:
            yield span.start, span.end, i
