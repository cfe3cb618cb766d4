"""The casualties lexicon (``data/casualties.json``) as lookup sets, and the rules' named thresholds and word sets."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

#: Entity labels whose numbers are not counts of people or things ("1993", "24 hours", "$5 million", "40%").
NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})

#: Words that make a DATE entity a real date or duration (units of time, months, weekdays).
TIME_WORDS = frozenset(
    {
        "year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "ago", "old", "weekend",
        "morning", "night", "evening", "afternoon", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "today", "yesterday", "last", "next", "past", "annual",
    }
)  # fmt: skip

#: Currency words that make a MONEY entity money.
CURRENCY_WORDS = frozenset(
    {"dollar", "dollars", "euro", "euros", "pound", "pounds", "usd", "eur", "lira", "rubles", "roubles", "shekels",
     "yuan", "riyals", "dinars", "hryvnias", "hryvnia", "manat", "dram", "drams", "sterling", "cents"}
)  # fmt: skip

#: Dependency labels by which a counted phrase is the subject or object of its verb.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "npadvmod", "appos", "conj"})

#: Labels by which materiel is what a verb acts on ("destroyed four tanks", "two drones were shot down").
LOSS_DEPS = frozenset({"dobj", "obj", "nsubjpass", "npadvmod"})

#: Labels that join a figure to an earlier one it breaks down ("nine ... and two", "with nine", "including 5").
JOINING_DEPS = frozenset({"conj", "appos"})
JOINING_PREPS = frozenset({"with", "including", "among"})

#: Children of a counted phrase's head that tell another clause or another figure, left out of its evidence.
EVIDENCE_BREAKS = frozenset({"conj", "cc", "relcl", "advcl", "punct", "parataxis", "appos"})

#: Prepositions introducing the cause or time of a toll, not whose people it counts ("the toll from Israeli strikes").
CAUSE_PREPS = frozenset({"from", "by", "during", "after", "since", "amid", "following"})

#: Labels of the modifiers of a noun that say whose it is ("Armenia's", "Armenian", "their").
MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})

#: Prepositions that place a happening ("killed in Idlib", "near Fizuli") and so anchor a figure to an incident.
PLACE_PREPS = frozenset({"in", "near", "at", "outside", "around", "on"})

#: Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: Speech verbs whose subject is the speaker of a reported figure (used when no claims component ran).
SPEECH_LEMMAS = frozenset(
    {"say", "report", "tell", "announce", "claim", "state", "confirm", "add", "declare", "deny", "insist", "allege"}
)

#: Nouns for armed forces: a country word on one ("Armenian forces") names a belligerent of the article's war.
FORCE_NOUNS = frozenset(
    {"force", "troop", "army", "military", "soldier", "jet", "artillery", "fighter", "militia", "serviceman", "unit"}
)

#: Steps climbed from a verb to find the subject of the clause it belongs to (coordinated verbs, participles).
MAX_AGENT_CLIMB = 6

#: Earliest and latest plausible years, to read a four-digit number in a date as a year.
MIN_YEAR, MAX_YEAR = 1800, 2100

#: Confidence of a figure whose outcome was inherited from an earlier figure or inferred from a vague quantity.
INHERITED_CONFIDENCE = 0.8
VAGUE_CONFIDENCE = 0.7

#: Words by which people are taken or held captive ("taken prisoner", "held hostage").
CAPTIVE_WORDS = frozenset({"prisoner", "captive", "hostage", "pow"})

#: Verbs that take lives: "claimed 30,000 lives", "claiming the lives of ten persons".
LIFE_TAKERS = frozenset({"claim", "take", "cost", "lose"})

#: Nouns for a whole war: a toll they are said to have taken is a running total.
WAR_NOUNS = frozenset({"war", "conflict", "insurgency", "uprising", "civil war"})

#: A toll dated more than this many days before publication belongs to an earlier episode and is historical ("In
#: April 2016, around 110 people were killed" in a 2020 article); a date days or weeks back is the current news
#: ("Wednesday" in an article of 2 January is 30 December of the year before, and not history).
HISTORY_MIN_DAYS = 365

#: Heads of vague quantities whose "of" phrase names what is counted ("a number of", "dozens of", "scores of").
VAGUE_HEADS = frozenset({"number", "dozens", "scores", "hundreds", "thousands", "millions", "handful", "dozen"})

#: Longest materiel name in words ("infantry fighting vehicle", "armoured personnel carrier").
MAX_ITEM_WORDS = 3

#: Tokens looked at after a figure's noun for its verb when the parse fails ("25 members [were] killed").
NEARBY_TOKENS = 4

#: Confidence of a figure whose outcome was read off its neighbouring words rather than the parse.
NEARBY_CONFIDENCE = 0.6

#: Longest span (tokens) between a figure and the noun after "of" that it counts ("26 of its own troops").
MAX_OF_TOKENS = 6


@cache
def lexicon() -> dict[str, Any]:
    """The component's word lists (``data/casualties.json``)."""
    text = resources.files("fogofwar").joinpath("data/casualties.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Words:
    """The lexicon as lookup sets."""

    outcome_of: dict[str, str]
    military: frozenset[str]
    civilian: frozenset[str]
    people: frozenset[str]
    civilian_mods: frozenset[str]
    military_mods: frozenset[str]
    toll: frozenset[str]
    rise: frozenset[str]
    cumulative: tuple[str, ...]
    incident_nouns: frozenset[str]
    incident_times: frozenset[str]
    own: frozenset[str]
    items: frozenset[str]
    collectives: frozenset[str]
    loss_outcome_of: dict[str, str]

    @classmethod
    def load(cls) -> Words:
        """Build the sets from the lexicon."""
        data = lexicon()
        outcome_of = {w: outcome for outcome, ws in data["outcomes"].items() for w in ws}
        materiel = data["materiel"]
        loss_outcome_of = {w: o for o in ("destroyed", "captured", "damaged") for w in materiel[o]}
        pops = data["populations"]
        return cls(
            outcome_of=outcome_of,
            military=frozenset(pops["military"]),
            civilian=frozenset(pops["civilian"]),
            people=frozenset(pops["people_any"]),
            civilian_mods=frozenset(data["civilian_modifiers"]),
            military_mods=frozenset(data["military_modifiers"]),
            toll=frozenset(data["toll"]),
            rise=frozenset(data["rise_verbs"]),
            cumulative=tuple(data["cumulative_cues"]),
            incident_nouns=frozenset(data["incident_nouns"]),
            incident_times=frozenset(data["incident_times"]),
            own=frozenset(data["own_pronouns"]),
            items=frozenset(materiel["items"]),
            collectives=frozenset(materiel["collectives"]),
            loss_outcome_of=loss_outcome_of,
        )

    def base(self, token: Token) -> str:
        """The word's lexicon form: its lemma, or for a capitalised headline word the model took for a proper noun
        ("Terrorists") the lower-cased singular."""
        lemma = token.lemma_.lower()
        if lemma in self.military or lemma in self.civilian or lemma in self.people:
            return lemma
        singular = token.lower_.removesuffix("s")
        return singular if singular in self.military or singular in self.civilian else lemma

    def person_noun(self, token: Token) -> bool:
        """True for a noun naming people (soldiers, civilians, people, lives)."""
        lemma = self.base(token)
        return lemma in self.military or lemma in self.civilian or lemma in self.people or token.lower_ in self.people
