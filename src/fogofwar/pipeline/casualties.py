"""Casualties and materiel losses: every figure, normalised, with its outcome, population, side, scope and claimant.

Reads the parse and (each optional) doc._.dates, doc._.places, doc._.actors, doc._.claims; writes doc._.casualties
(Casualty) and doc._.losses (Loss). The rules, with their word lists in ``data/casualties.json``:

- **Figures**: Matchers find number runs (digits and words), vague quantities ("dozens"), counted phrases ("a
  family of five", "a woman and child") and one named person ("a soldier", "a 60-year-old man"), with the
  qualifier before them ("at least", "over", "about") and ranges ("between 10 and 15"); ``numbers.py`` turns them
  into low/high. Numbers inside date, time, money, percent, ordinal and measure entities (when the entity really
  holds a year, a unit of time or a currency), years and ages are not figures. Two numbers are never added, and the
  whole of a partitive ("22" in "18 of 22 drones") is not a figure.
- **What is counted**: the noun the number modifies ("11 civilians"), the noun after "of" ("26 of its troops", "21
  more of their fighters"), or nothing ("nine in Azerbaijan", "killing 12"). A noun that names neither people nor a
  toll is not a casualty figure (a materiel noun makes it a Loss).
- **Outcome**: the first outcome word found on the counted phrase ("22 dead", "14 casualties", "civilians
  killed"), on the verb it is the subject or object of ("were killed", "neutralised 10 soldiers", "lost their
  lives", "were taken prisoner"), or on the toll it brings a count to ("death toll rises to 95", "raised the toll
  from ... to 61"); failing the parse (wire copy stripped of its commas), a harm verb right beside the figure, at a
  lower confidence. "killed or wounded", "destroyed (including those wounded)" are ``killed_or_wounded``. A figure
  joined to an earlier one ("with nine in Azerbaijan and two on the Armenian side", "including 10") inherits its
  outcome, population and scope.
- **Population**: the counted noun or its modifier (military, civilian), else ``any``.
- **Side**: country words in the counted phrase ("Armenian troops", "nine in Azerbaijan"); a possessive of the
  speaker ("its troops", "their military death toll") is the claimant's country (the claim's source actor, else
  the subject of the speech verb); "enemy" is the speaker's opponent; civilians killed "in <country>" or in a place
  that doc._.places resolved ("in Kharkiv") are that country's; people "lost" are the loser's; failing these,
  people harmed by a named side's action ("Azerbaijani jets ... neutralised 10 soldiers") are the other side's
  when the article names exactly two countries' forces.
  Several countries: null.
- **Scope**: ``cumulative`` for a toll ("death toll rises to 95", "bringing their toll to 84"), a figure a toll
  includes, a war's toll ("a war that killed thousands") or a running-total cue ("so far", "since", "overall");
  ``incident`` when the figure is tied to one happening (a date, a place, an attack word, an agent that did it, or
  an increment "killed ..., bringing the toll to"); an unanchored figure ("over 550 troops were destroyed") is
  taken as a running total, ``cumulative``.
- **History**: a figure whose clause is dated to a year before publication ("a 1990s war that claimed 30,000
  lives", "In 2013, hundreds died") is ``historical``; "since 2016" marks a running total, not history.
- **as_of**: the date expression (doc._.dates) of the figure's sentence nearest to it, leaving out dates that open a
  running total ("since violence broke out over the weekend").
- **Claimant**: the innermost claim (doc._.claims) whose content holds the figure's evidence (or its number), else
  null (narration). A figure inside a denied claim links that denial.
- **Losses**: materiel nouns (a Matcher on the lexicon's items) acted on by a destroying, capturing or damaging verb
  ("shot down four Azerbaijani helicopters and 15 drones", "destroyed a convoy of Armenian armoured vehicles": the
  count of a convoy is unknown), with their side and claimant found as for casualties.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar import countries
from fogofwar.pipeline import numbers
from fogofwar.record import Actor, Casualty, Claim, Loss, Place, Span, When

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


#: A figure found by a matcher: token start, end, the figure, and whether it is a counted phrase ("a family of five").
Found = tuple[int, int, numbers.Figure, bool]


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


@dataclass(slots=True)
class Mention:
    """A figure found in the text, before it becomes a Casualty or a Loss."""

    span: SpacySpan  # the number phrase, qualifier included
    number: Token  # the number's syntactic head
    figure: numbers.Figure
    noun: Token | None = None  # the counted noun, if any
    head: Token | None = None  # the token carrying the phrase's role in the clause (noun or number)
    outcome: str | None = None
    population: str | None = None
    side: str | None = None
    scope: str | None = None
    cue: list[Token] = field(default_factory=list)  # outcome / toll tokens, for the evidence
    inherited: bool = False
    toll: Token | None = None
    agent_country: str | None = None
    own: bool = False
    nearby: bool = False  # the outcome was read off the neighbouring words, not the parse

    def span_range(self) -> range:
        """Token positions of the number phrase."""
        return range(self.span.start, self.span.end)


class CasualtiesComponent:
    """``fogofwar_casualties``: reads the parse, doc._.dates, doc._.actors, doc._.claims; writes doc._.casualties and
    doc._.losses."""

    def __init__(self, nlp: Language) -> None:
        self.words = Words.load()
        tables = lexicon()["numbers"]
        self.numbers = Matcher(nlp.vocab)
        # "twenty-six" is one number, "10-15" a range: parse_figure tells them apart
        self.numbers.add("RANGE", [[{"LIKE_NUM": True}, {"ORTH": "-"}, {"LIKE_NUM": True}]])
        self.numbers.add(
            "NUMBER",
            [[{"LIKE_NUM": True, "OP": "+"}, {"LOWER": "and"}, {"LIKE_NUM": True, "OP": "+"}]],
        )
        scale = {"LOWER": {"IN": ["dozen", "hundred", "thousand", "million"]}}
        self.numbers.add("NUMBER", [[{"LOWER": {"IN": ["a", "an"]}}, scale]])
        self.numbers.add("NUMBER", [[{"LIKE_NUM": True, "OP": "+"}]])
        self.numbers.add(
            "RANGE",
            [[{"LOWER": "between"}, {"LIKE_NUM": True, "OP": "+"}, {"LOWER": "and"}, {"LIKE_NUM": True, "OP": "+"}]],
        )
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases.add("VAGUE", [nlp.make_doc(w) for w in tables["vague"]])
        self.phrases.add("PAIR", [nlp.make_doc(w) for w in tables["pairs"]])
        self.qualifiers = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.qualifiers.add("QUALIFIER", [nlp.make_doc(w) for w in tables["qualifiers"]])
        people = sorted((self.words.military | self.words.civilian | {"person"}) - {"family", "army", "force"})
        self.singles = Matcher(nlp.vocab)
        self.singles.add(
            "SINGLE",
            [
                [{"LOWER": {"IN": ["a", "an"]}}, {"POS": "ADJ", "OP": "*"}, {"LEMMA": {"IN": people}, "TAG": "NN"}],
                [  # "a 60-year-old man"
                    {"LOWER": {"IN": ["a", "an"]}},
                    {"LIKE_NUM": True},
                    {"ORTH": "-"},
                    {"LOWER": "year"},
                    {"ORTH": "-"},
                    {"LOWER": "old"},
                    {"LEMMA": {"IN": people}, "TAG": "NN"},
                ],
            ],
        )
        single_items = sorted(w for w in self.words.items | self.words.collectives if " " not in w)
        self.items = Matcher(nlp.vocab)
        self.items.add("ITEM", [[{"LEMMA": {"IN": single_items}, "POS": "NOUN"}]])
        self.forces = Matcher(nlp.vocab)
        self.forces.add("FORCE", [[{"LEMMA": {"IN": sorted(FORCE_NOUNS)}}]])
        self.family = Matcher(nlp.vocab)
        self.family.add("FAMILY", [[{"LOWER": "a"}, {"LOWER": "family"}, {"LOWER": "of"}, {"LIKE_NUM": True}]])

    def __call__(self, doc: Doc) -> Doc:
        context = Context(doc, belligerents(doc[start] for _, start, _ in self.forces(doc)))
        mentions = self.find(doc)
        casualties: list[Casualty] = []
        losses: list[Loss] = []
        previous: list[Mention] = []
        for mention in mentions:
            self.read(mention, previous)
            if partitive_whole(mention):
                continue  # "18 of 22 drones", "14 of the 20 soldiers": the 22 and the 20 are not the figure
            if mention.noun is not None and self.is_item(mention.noun):
                loss = self.loss(mention, context)
                if loss is not None:
                    losses.append(loss)
                continue
            if mention.outcome is None:
                continue
            casualties.append(self.casualty(mention, context))
            previous.append(mention)
        losses.extend(self.bare_losses(doc, context, {loss.evidence for loss in losses}))
        doc._.casualties = casualties
        doc._.losses = sorted(losses, key=lambda loss: loss.evidence.start)
        return doc

    # -- finding figures -------------------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Mention]:
        """Every figure in the doc: number runs, ranges, vague quantities and counted phrases, longest first,
        each with the qualifier just before it."""
        found = longest([*self.number_figures(doc), *self.phrase_figures(doc)])
        qualifier_ends = {end: (start, doc[start:end].text.lower()) for _, start, end in self.qualifiers(doc)}
        rules = lexicon()["numbers"]["qualifiers"]
        mentions = []
        for start, end, figure, counted in found:
            first, stated = start, figure
            if start in qualifier_ends and figure.qualifier in (None, "vague"):
                first, cue = qualifier_ends[start]
                stated = qualified(figure, rules[cue])
            span = doc[first:end]
            number = next((t for t in reversed(span) if t.like_num or t.lower_ in numbers.vague()), span[-1])
            if counted or stated.qualifier == "range":
                number = span.root  # "a family of five": the family; "between 10 and 15": the first number
            mentions.append(Mention(span=span, number=number, figure=stated))
        return mentions

    def number_figures(self, doc: Doc) -> list[Found]:
        """Number runs and ranges, leaving out dates, times, money, percentages, measures and ages."""
        found: list[Found] = []
        for match_id, start, end in self.numbers(doc):
            span = doc[start:end]
            if any(t.ent_type_ in NOT_COUNTS and date_like(t) for t in span) or not self.countable(span):
                continue
            if doc.vocab.strings[match_id] == "RANGE":
                figure = numbers.parse_figure(span.text)
            else:
                value = numbers.word_value([t.text for t in span if t.text != "-"])
                figure = None if value is None else numbers.Figure(low=value, high=value, value=value)
            if figure is not None:
                found.append((start, end, figure, False))
        return found

    def phrase_figures(self, doc: Doc) -> list[Found]:
        """Vague quantities ("dozens") and counted phrases ("a woman and child", "a family of five", "a soldier")."""
        found: list[Found] = []
        for match_id, start, end in self.phrases(doc):
            text = doc[start:end].text.lower()
            if doc.vocab.strings[match_id] == "PAIR":
                value = lexicon()["numbers"]["pairs"][text]
                found.append((start, end, numbers.Figure(low=value, high=value, value=value), True))
            elif (vague := numbers.vague_figure(text)) is not None:
                found.append((start, end, vague, False))
        one = numbers.Figure(low=1, high=1, value=1)
        found.extend(  # "a soldier was killed"; not "an Islamist rebel group", "a soldier's funeral"
            (start, end, one, True)
            for _, start, end in self.singles(doc)
            if doc[end - 1].dep_ not in ("compound", "amod", "nmod", "poss")
        )
        for _, start, end in self.family(doc):
            value = numbers.word_value([doc[end - 1].text])
            if value is not None:
                found.append((start, end, numbers.Figure(low=value, high=value, value=value), True))
        return found

    def countable(self, span: SpacySpan) -> bool:
        """Numbers that can be counts: not years in a date, not ages ("12-year-old"), not times or measures, not a
        part of a numeric date ("06-06-2016")."""
        doc = span.doc
        joined = [
            (doc[i], doc[j])
            for i, j in ((span.start - 1, span.start - 2), (span.end, span.end + 1))
            if 0 <= j < len(doc) and 0 <= i < len(doc)
        ]
        if any(sep.text in ("-", "/", ".") and other.like_num for sep, other in joined):
            chain = doc[max(span.start - 4, 0) : min(span.end + 4, len(doc))]
            if any(t.is_digit and len(t.text) == 4 for t in chain) or len(span) == 1:
                return False  # a date "06-06-2016"; a lone number of a range is counted by the range itself
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.lower_ in ("%", "percent", "per", "km", "kilometres", "kilometers", "miles"):
            return False
        if after is not None and after.text == "-" and span.end + 1 < len(span.doc):
            return span.doc[span.end + 1].lower_ not in ("year", "month", "day", "hour", "week", "minute", "km")
        if after is not None and after.lower_ in ("year", "years") and span.end + 1 < len(span.doc):
            return span.doc[span.end + 1].lower_ != "old"
        year = len(span) == 1 and span[0].text.isascii() and span[0].text.isdecimal() and len(span[0].text) == 4
        return not (year and MIN_YEAR <= int(span[0].text) <= MAX_YEAR)

    # -- reading one figure ----------------------------------------------------------------------------------

    def read(self, m: Mention, previous: list[Mention]) -> None:
        """Fill the counted noun, outcome, population and cue tokens of a figure from the parse."""
        w = self.words
        m.noun, m.head = counted_noun(m.number)
        noun = m.noun
        if noun is not None and not w.person_noun(noun):
            # "70 Syrian regime and rebel fighters": the people are named by the last conjunct
            people = [c for c in noun.children if c.dep_ == "conj" and w.person_noun(c)]
            if people and not self.is_item(noun):
                m.noun = noun = people[-1]
        if noun is not None and not (w.person_noun(noun) or noun.lemma_.lower() in w.toll or country_of(noun)):
            # "95 villages", "10 rockets": not people (a materiel noun becomes a Loss in __call__)
            return
        m.population = self.population(noun)
        self.outcome(m)
        if m.outcome is None:
            earlier = self.joined_to(m, previous)
            if earlier is not None:
                m.outcome, m.scope, m.inherited = earlier.outcome, earlier.scope, True
                if m.population in (None, "any"):
                    m.population = earlier.population
        if m.population is None:
            m.population = "any"

    def population(self, noun: Token | None) -> str | None:
        """military, civilian or any from the counted noun and its modifiers; None when there is no noun."""
        w = self.words
        if noun is None:
            return None
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
        lemma = w.base(noun)
        if mods & w.civilian_mods or lemma in w.civilian:
            return "civilian"
        if lemma in w.military or mods & w.military_mods:
            return "military"
        return "any"

    def outcome(self, m: Mention) -> None:
        """Find the outcome word of a figure: on the counted phrase, its verb, or the toll it brings a count to."""
        _ = self.outcome_on_phrase(m) or self.outcome_on_verb(m) or self.outcome_on_toll(m) or self.outcome_nearby(m)

    def outcome_nearby(self, m: Mention) -> bool:
        """When the parse gives no outcome (a run-on sentence without its commas), a harm verb right before the
        figure ("killed at least 25 members") or right after its noun ("25 members were killed") is taken."""
        doc = m.span.doc
        end = max(m.span.end, (m.noun.i + 1) if m.noun is not None else 0)
        before = [doc[m.span.start - 1]] if m.span.start > 0 else []
        after = [t for t in doc[end : end + NEARBY_TOKENS] if t.sent.start == m.span.sent.start]
        # a headline's noun the parse lost: "100 ISIL Terrorists Killed in Kobani"
        noun = None
        if m.noun is None:
            while after and after[0].pos_ in ("PROPN", "NOUN", "ADJ") and len(after) > 1:
                if self.words.person_noun(after[0]):
                    noun = after[0]
                after = after[1:]
        while after and after[0].pos_ == "AUX":
            after = after[1:]
        for token in (*before, *after[:1]):
            found = self.words.outcome_of.get(token.lemma_.lower())
            if found is not None and token.pos_ in ("VERB", "ADJ") and not self.speech_claim(token):
                m.outcome, m.cue, m.nearby = found, [token], True
                if noun is not None and token in after:
                    m.noun = noun
                    m.population = self.population(noun)
                return True
        return False

    def outcome_on_phrase(self, m: Mention) -> bool:
        """An outcome word on the counted phrase: "22 dead", "14 casualties", "11 civilians killed"."""
        assert m.head is not None
        described = [m.number.head] if m.number.dep_ == "nummod" and m.noun is None else []  # "40 dead"
        for token in (m.number, *([m.noun] if m.noun is not None else []), m.head, *described):
            found = self.outcome_word(token)
            if found is not None:
                m.outcome, m.cue = found, [token]
                if token.lemma_.lower() in self.words.toll:
                    self.toll(m, token)
                return True
            # a word after the figure first: in "Seven dead 20 wounded", "dead" belongs to the seven
            for child in sorted(token.children, key=lambda c: (c.i < m.number.i, abs(c.i - m.number.i))):
                if child.dep_ in ("amod", "acl", "relcl", "compound", "advmod") and child.i not in m.span_range():
                    found = self.outcome_word(child)
                    if found is not None and not self.speech_claim(child):
                        m.outcome, m.cue = self.with_alternatives(child, found), [child]
                        return True
        return False

    def outcome_on_verb(self, m: Mention) -> bool:
        """The verb the phrase is an argument of: "were killed", "neutralised 10 soldiers", "died"."""
        head = m.head
        assert head is not None
        if head.dep_ not in ARGUMENT_DEPS or head.head.i == head.i:
            return False
        verb = head.head
        if verb.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            return False
        found = self.verb_outcome(verb, head)
        if found is None:
            return False
        m.outcome = self.with_alternatives(verb, found)
        m.cue = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt", "acomp", "oprd"))]
        return True

    def outcome_on_toll(self, m: Mention) -> bool:
        """A toll brought to the figure: "death toll rises to 95", "bringing their toll to 84", "the toll has
        reached 8,000", "a toll of 70", or a harm noun: "the killing of one person"."""
        w = self.words
        head = m.head
        assert head is not None
        toll: Token | None = None
        if head.dep_ in ("dobj", "attr") and head.head.lemma_.lower() in (*w.rise, "be"):
            toll = next((c for c in head.head.children if c.dep_ == "nsubj" and self.is_toll(c)), None)
            cue = [head.head]
        elif head.dep_ == "pobj" and head.head.lower_ in ("to", "at", "of"):
            prep = head.head
            governor = prep.head
            cue = [governor, prep]
            if governor.lemma_.lower() in w.toll:
                toll, cue = governor, [prep]
            elif prep.lower_ == "of" and governor.pos_ == "NOUN" and self.outcome_word(governor) is not None:
                m.outcome, m.cue = self.outcome_word(governor), cue
                return True
            elif prep.lower_ == "of" and governor.lemma_.lower() == "life" and governor.head.lemma_ in LIFE_TAKERS:
                m.outcome, m.cue = "killed", [governor.head, governor, prep]  # "claiming the lives of ten persons"
                return True
            elif governor.lemma_.lower() in w.rise:
                deps = ("nsubj", "dobj", "nsubjpass")
                toll = next((c for c in governor.children if c.dep_ in deps and self.is_toll(c)), None)
            if toll is None and prep.lower_ in ("to", "at"):
                toll = self.toll_before(m)  # the parse lost the link: "raised the death toll from ... to 61"
        if toll is None:
            return False
        self.toll(m, toll)
        m.cue = [toll, *cue]
        return True

    def toll_before(self, m: Mention) -> Token | None:
        """A toll raised earlier in the figure's sentence ("raised the death toll from airstrikes on a market ...
        to 61"), for a figure after "to" or "at" whose own parse does not reach it."""
        sent = m.span.sent
        tolls = [
            t
            for t in sent
            if t.i < m.span.start and self.is_toll(t) and t.head.lemma_.lower() in self.words.rise
            and t.dep_ in ("dobj", "nsubj", "nsubjpass")
        ]  # fmt: skip
        return tolls[-1] if tolls else None

    def outcome_word(self, token: Token) -> str | None:
        """The outcome a single word says ("dead", "casualties", "killed", "wounded"), or None."""
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in self.words.toll:
            return self.toll_outcome(token)
        if token.pos_ == "NUM":
            return None
        return self.words.outcome_of.get(lemma) or self.words.outcome_of.get(lower)

    def verb_outcome(self, verb: Token, arg: Token) -> str | None:  # noqa: PLR0911 - one return per verb pattern
        """The outcome a verb says of its argument, with "lost their lives" / "claimed N lives" read as killed."""
        lemma = verb.lemma_.lower()
        if arg.lemma_.lower() == "life" and lemma in LIFE_TAKERS:
            return "killed"
        if lemma in SPEECH_LEMMAS or lemma in ("be", "have"):
            for child in verb.children:
                if child.dep_ in ("acomp", "attr", "oprd") and child.i != arg.i:
                    return self.outcome_word(child)
            return None
        if lemma in ("leave", "die", "lose", "remain", "go"):
            for child in verb.children:
                if child.dep_ in ("acomp", "oprd", "xcomp", "dobj") and child.i != arg.i:
                    found = self.outcome_word(child)
                    if found is not None:
                        return found
            if lemma == "leave":
                return None
            if lemma == "lose" and any(c.lemma_.lower() == "life" for c in verb.children if c.dep_ == "dobj"):
                return "killed"  # "twelve fighters lost their lives"
        if lemma == "lose":
            # "the brigade lost 40 men": people lost are killed; "lost 3 tanks" is materiel (a Loss)
            return "killed" if arg.dep_ in ("dobj", "obj") and self.words.person_noun(arg) else None
        if lemma in ("take", "hold") and any(c.lemma_.lower() in CAPTIVE_WORDS for c in verb.children):
            return "captured"  # "were taken prisoner", "held hostage"
        return self.words.outcome_of.get(lemma) or self.words.outcome_of.get(verb.lower_)

    def with_alternatives(self, token: Token, found: str) -> str:
        """killed_or_wounded for "killed or wounded", "killed and injured" said of one figure, or "destroyed
        (including those wounded)"."""
        outcomes = {found}
        either = any(c.dep_ == "cc" and c.lower_ == "or" for c in token.children)
        for child in token.children:
            if child.dep_ == "conj" and not either and self.own_argument(child):
                continue  # "16 were killed and 26 wounded": two figures, each with its own outcome
            if child.dep_ == "conj":
                words: Iterable[Token] = [child]  # "killed or wounded": the coordinated verb itself
            elif child.dep_ == "prep" and child.lower_ == "including":
                # "(including those wounded)": the included people's own modifier, not a later clause
                words = [g for p in child.children if p.dep_ == "pobj" for g in (p, *p.children) if g.dep_ != "relcl"]
            else:
                continue
            for t in words:
                other = self.words.outcome_of.get(t.lemma_.lower())
                if other in ("killed", "wounded", "killed_or_wounded"):
                    outcomes.add(other)
        if len(outcomes) > 1 and outcomes <= {"killed", "wounded", "killed_or_wounded"}:
            return "killed_or_wounded"
        return found

    def own_argument(self, verb: Token) -> bool:
        """A coordinated verb with its own figure or argument ("killing 32 people, wounding dozens")."""
        if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for c in verb.children):
            return True
        return any(t.like_num or t.lower_ in numbers.vague() for t in verb.subtree)

    def speech_claim(self, token: Token) -> bool:
        """A "claim" that is a speech verb, not "claimed N lives"."""
        return token.lemma_.lower() == "claim"

    def is_toll(self, token: Token) -> bool:
        return token.lemma_.lower() in self.words.toll and self.toll_outcome(token) is not None

    def toll_outcome(self, toll: Token) -> str | None:
        """The outcome a toll noun counts: "death toll" killed, "casualty toll" killed_or_wounded, a bare "toll" in a
        count of the dead; "number" or "total" only with a word saying of what ("number of dead")."""
        mods = [c for c in toll.children if c.dep_ in ("compound", "amod", "nmod")]
        of_words = [t for c in toll.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
        for word in (*mods, *of_words):
            lemma = word.lemma_.lower()
            if lemma in ("death", "dead", "fatality", "killed"):
                return "killed"
            if lemma in ("injury", "injured", "wounded", "wound"):
                return "wounded"
            if lemma in ("casualty",):
                return "killed_or_wounded"
            if lemma in self.words.outcome_of and lemma not in ("toll",):
                return self.words.outcome_of[lemma]
        return "killed" if toll.lemma_.lower() == "toll" else None

    def toll(self, m: Mention, toll: Token) -> None:
        """A figure a toll is brought to: its outcome, population ("military death toll") and cumulative scope."""
        m.outcome = self.toll_outcome(toll)
        m.toll = toll
        m.scope = "cumulative"
        if m.population in (None, "any"):
            m.population = self.population(toll) or "any"

    def joined_to(self, m: Mention, previous: list[Mention]) -> Mention | None:
        """The earlier figure this one breaks down or continues ("with nine in Azerbaijan and two ..."), if any."""
        head = m.head
        assert head is not None
        if not previous or previous[-1].span.sent.start != m.span.sent.start:
            return None
        earlier = previous[-1]
        if head.dep_ in JOINING_DEPS:
            for p in previous:
                if head.head.i in (p.number.i, *((p.head.i,) if p.head is not None else ())):
                    return p
        if head.dep_ == "pobj" and head.head.lower_ in JOINING_PREPS:
            governor = head.head.head
            near = {earlier.number.i, *(t.i for t in earlier.cue)}
            if earlier.head is not None:
                near.update((earlier.head.i, earlier.head.head.i))
            if governor.i in near:
                return earlier
        return None

    # -- the record ------------------------------------------------------------------------------------------

    def casualty(self, m: Mention, context: Context) -> Casualty:
        """Turn a read figure into the Casualty record."""
        evidence = evidence_span(m)
        claim = context.claim_of(evidence, m.span)
        side, own = self.side(m, context, claim)
        m.side, m.own = side, own
        scope = m.scope or self.scope(m)
        m.scope = scope
        confidence = 1.0
        if m.nearby:
            confidence = NEARBY_CONFIDENCE
        elif m.inherited:
            confidence = INHERITED_CONFIDENCE
        elif m.figure.vague:
            confidence = VAGUE_CONFIDENCE
        return Casualty(
            low=m.figure.low,
            high=m.figure.high,
            outcome=m.outcome,  # type: ignore[arg-type]
            population=m.population,  # type: ignore[arg-type]
            evidence=evidence,
            side=side,
            scope=scope,  # type: ignore[arg-type]
            as_of=context.date_near(m.span),
            claim=claim,
            historical=context.historical(m.span, clause_of(m)),
            confidence=confidence,
        )

    def phrase_tokens(self, m: Mention) -> list[Token]:
        """The tokens of the counted phrase, where a country word names whose people they were."""
        tokens: list[Token] = []
        for root in (m.number, *([m.noun] if m.noun is not None else [])):
            tokens.append(root)
            for child in root.children:
                if child.dep_ in EVIDENCE_BREAKS or child.dep_ == "acl":
                    continue
                if child.dep_ == "prep" and child.lower_ in CAUSE_PREPS:
                    continue
                tokens.extend(child.subtree)
        if (
            m.toll is not None
        ):  # "Armenia's death toll", "their military death toll", not "the toll from Israeli strikes"
            tokens.extend(t for c in m.toll.children if c.dep_ in MODIFIER_DEPS for t in c.subtree)
        return tokens

    def side(self, m: Mention, context: Context, claim: int | None) -> tuple[str | None, bool]:  # noqa: PLR0911 - per cue
        """The ISO3 country whose people the figure counts (see the module docstring), and whether it was read
        from a possessive of the speaker."""
        tokens = self.phrase_tokens(m)
        found = {c for t in tokens if (c := country_of(t)) is not None}
        if len(found) == 1:
            return found.pop(), False
        if len(found) > 1:
            return None, False
        if any(t.lower_ in self.words.own and t.dep_ == "poss" for t in tokens):
            speaker = context.claimant_country(claim) or speaker_country(m.number)
            if speaker is not None:
                return speaker, True
        if any(t.lower_ == "enemy" for t in tokens):  # "40 enemy soldiers": the speaker's opponent
            speaker = context.claimant_country(claim) or speaker_country(m.number)
            return (context.other_side(speaker) if speaker else None), False
        if m.inherited:
            return None, False
        place = place_country(m, context)
        if place is not None:
            return place, False
        loser = self.loser_side(m, context, claim)
        if loser is not None:
            return loser
        agent = agent_country(m)
        if agent is None and claim is not None and m.cue and m.cue[0].lemma_.lower() in ("neutralise", "neutralize"):
            agent = context.claimant_country(claim)
        if agent is not None:
            return context.other_side(agent), False
        return None, False

    def loser_side(self, m: Mention, context: Context, claim: int | None) -> tuple[str | None, bool] | None:
        """For "the brigade lost 40 men", "we lost 12 servicemen": the side of the subject that lost them (None when
        the figure is not the object of "lose" with a subject)."""
        verb = m.cue[0] if m.cue else None
        if verb is None or verb.lemma_.lower() != "lose" or m.head is None or m.head.dep_ not in ("dobj", "obj"):
            return None
        loser = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if loser is None:
            return None
        words = list(loser.subtree)
        if any(t.lower_ in self.words.own for t in words):
            return context.claimant_country(claim) or speaker_country(verb), True
        found = {c for t in words if (c := country_of(t)) is not None}
        return (found.pop() if len(found) == 1 else None), False

    def scope(self, m: Mention) -> str:  # noqa: PLR0911 - one return per rule, in the order they apply
        """incident or cumulative (see the module docstring) for a figure not brought to by a toll."""
        w = self.words
        sent = m.span.sent
        verb = m.cue[0] if m.cue else m.head
        assert verb is not None
        clause = [t for t in verb.subtree if t.dep_ not in ("ccomp",)] if verb.pos_ in ("VERB", "AUX") else []
        shared = [c for c in verb.head.children if c.dep_ in ("prep", "advmod")] if verb.dep_ == "conj" else []
        # "has killed 20,000 since April and displaced 10 million": the coordinated verb shares "since April"
        shared_words = [t for c in shared for t in c.subtree]
        clause_text = " " + " ".join(t.lower_ for t in (*clause, *shared_words, *m.span)) + " "
        if any(f" {cue} " in clause_text for cue in w.cumulative):
            return "cumulative"
        if m.head is not None and m.head.dep_ in ("dobj", "pobj") and m.head.head.lemma_ in ("include", "including"):
            return "cumulative"
        doer = [c for c in verb.children if c.dep_ == "nsubj"] + ([verb.head] if verb.dep_ == "relcl" else [])
        doer += [g for d in doer for p in d.children if p.lower_ == "of" for g in p.children]  # "weeks of war"
        if any(d.lemma_.lower() in WAR_NOUNS for d in doer):
            return "cumulative"  # "a war that killed thousands", "the conflict has killed 12,000"
        # increments: "26 of its troops were killed, bringing their toll to 84"
        for token in sent:
            bringing = token.lemma_.lower() in w.rise and token.tag_ == "VBG" and m.toll is None and token.i > verb.i
            if bringing and any(c.dep_ == "dobj" and self.is_toll(c) for c in token.children):
                return "incident"
        for ent in sent.ents:
            if ent.label_ == "DATE" and not under_since(ent):
                return "incident"
        for token in clause:
            lemma = token.lemma_.lower()
            if lemma in w.incident_nouns or token.lower_ in w.incident_times:
                return "incident"
            placed = token.ent_type_ in PLACE_LABELS or (token.pos_ == "PROPN" and token.ent_type_ != "DATE")
            if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS and placed:
                return "incident"
        acting = verb.head if verb.dep_ == "conj" else verb  # "the attack killed 3 and injured 5"
        agent = verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in (*verb.children, *acting.children))
        if agent and m.head is not None and m.head.dep_ in ("dobj", "obj"):
            return "incident"  # an agent did it: "an airstrike killed twelve soldiers"
        if m.head is not None and m.head.lower_ in w.incident_times:
            return "incident"
        return "cumulative"

    # -- materiel --------------------------------------------------------------------------------------------

    def is_item(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in self.words.items or lemma in self.words.collectives

    def item_name(self, noun: Token) -> tuple[str, Token]:
        """The item a noun names ("armoured vehicle"), looking through a collective ("a convoy of X")."""
        if noun.lemma_.lower() in self.words.collectives:
            pobj = next(
                (
                    g
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if pobj is not None:
                noun = pobj
        # the longest listed name ending in the noun: "armoured personnel carrier", "rocket launcher"
        run: list[str] = []
        for t in reversed(noun.doc[max(noun.i - MAX_ITEM_WORDS, 0) : noun.i]):
            if t.dep_ not in ("amod", "compound") or country_of(t) is not None:
                break
            run.insert(0, t.lower_)
        for start in range(len(run) + 1):
            candidate = " ".join([*run[start:], noun.lemma_.lower()])
            if candidate in self.words.items:
                return candidate, noun
        return noun.lemma_.lower(), noun

    def loss_outcome(self, noun: Token) -> tuple[str | None, Token | None]:
        """destroyed, captured or damaged from the verb the item is an argument of (through coordination)."""
        token = noun
        for _ in range(MAX_AGENT_CLIMB):
            if token.dep_ in ("conj", "pobj", "prep", "appos") and token.head.i != token.i:
                token = token.head
                continue
            break
        verb = token.head if token.dep_ in LOSS_DEPS else None
        if verb is None:
            return None, None
        lemma = verb.lemma_.lower()
        if lemma in ("shoot", "bring", "knock", "blow", "take") and not any(
            c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "out", "up") for c in verb.children
        ):
            return (None, None) if lemma != "shoot" else ("damaged", verb)
        return self.words.loss_outcome_of.get(lemma), verb

    def loss(self, m: Mention, context: Context) -> Loss | None:
        """A Loss from a figure that counts materiel ("four Azerbaijani helicopters")."""
        assert m.noun is not None
        outcome, verb = self.loss_outcome(m.noun)
        if outcome is None or verb is None:
            return None
        return self.make_loss(m.noun, verb, outcome, context, low=m.figure.low, high=m.figure.high, extra=[*m.span])

    def make_loss(
        self,
        noun: Token,
        verb: Token,
        outcome: str,
        context: Context,
        *,
        low: int | None,
        high: int | None,
        extra: Iterable[Token] = (),
    ) -> Loss:
        """The Loss record of an item noun acted on by a verb: item, count, side (the demonym on the item, the
        speaker for "our tanks", else the agent's opponent in a two-sided war), outcome, claim."""
        item, item_noun = self.item_name(noun)
        # the verb, the item and what stands before it ("a convoy of Armenian armoured vehicles", "Two Russian
        # Su-25 jets were shot down"), not what follows it (a participle clause, the next conjunct)
        modifiers = [t for n in {noun, item_noun} for left in n.lefts for t in left.subtree]
        particles = [c for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "out", "up")]
        tokens = [verb, noun, item_noun, *extra, *modifiers, *particles]
        if verb.i > noun.i:  # passive: "... were shot down"
            tokens.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass"))
        evidence = Span(min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
        claim = context.claim_of(evidence, None)
        found = {c for t in (noun, item_noun, *modifiers) if (c := country_of(t)) is not None}
        first = noun
        while first.dep_ in ("conj", "appos") and first.head.i != first.i:
            first = first.head  # "137 Azerbaijani tanks, 72 drones and 7 helicopters": the drones are Azerbaijani
        if not found and first.i != noun.i:
            found = {c for left in first.lefts for t in left.subtree if (c := country_of(t)) is not None}
        side: str | None = found.pop() if len(found) == 1 else None
        if side is None and not found:
            if any(t.lower_ in self.words.own and t.dep_ == "poss" for t in noun.subtree):
                side = context.claimant_country(claim) or speaker_country(verb)
            elif any(t.lower_ == "enemy" for t in modifiers):  # "12 enemy tanks": the speaker's opponent's
                speaker = context.claimant_country(claim) or speaker_country(verb) or subject_country(verb)
                side = context.other_side(speaker) if speaker else None
            else:
                agent = subject_country(verb)
                side = context.other_side(agent) if agent is not None else None
        return Loss(
            item=item,
            low=low,
            high=high,
            evidence=evidence,
            side=side,
            outcome=outcome,  # type: ignore[arg-type]
            claim=claim,
        )

    def bare_losses(self, doc: Doc, context: Context, seen: set[Span]) -> list[Loss]:
        """Losses with no number: "shot down an Azerbaijani helicopter" (one), "destroyed a convoy of armoured
        vehicles" (count unknown)."""
        losses = []
        for _, start, _ in self.items(doc):
            token = doc[start]
            counted = any(c.dep_ == "nummod" for c in token.children)
            if counted or (token.dep_ == "pobj" and token.head.lower_ == "of"):
                continue
            outcome, verb = self.loss_outcome(token)
            if outcome is None or verb is None:
                continue
            det = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
            collective = token.lemma_.lower() in self.words.collectives
            one = det in ("a", "an", "one") and not collective and token.tag_ != "NNS"
            count = 1 if one else None
            loss = self.make_loss(token, verb, outcome, context, low=count, high=count)
            if loss.evidence not in seen:
                losses.append(loss)
        return losses


class Context:
    """Per-doc lookups: claims, actors, dates, the article's belligerents and its publication year."""

    def __init__(self, doc: Doc, belligerents: list[str]) -> None:
        self.doc = doc
        self.claims: Sequence[Claim] = doc._.claims or ()
        self.actors: Sequence[Actor] = doc._.actors or ()
        self.dates: list[When] = [d for d in (doc._.dates or ()) if d.type == "date"]
        self.places: Sequence[Place] = doc._.places or ()
        published = doc._.published
        try:
            self.published: date | None = date.fromisoformat(published[:10]) if published else None
        except ValueError:
            self.published = None
        self.belligerents = belligerents

    def place_country(self, token: Token) -> str | None:
        """The ISO3 country of a place the places component resolved at this token ("Kharkiv" -> UKR)."""
        for place in self.places:
            if place.evidence.start <= token.idx < place.evidence.end and place.country:
                if place.precision == "unresolved":
                    return None
                return countries.iso2_to_iso3(place.country)
        return None

    def claim_of(self, evidence: Span, number: SpacySpan | None) -> int | None:
        """The innermost claim whose content holds the evidence (or, failing that, the number itself)."""
        for start, end in (
            (evidence.start, evidence.end),
            *(((number.start_char, number.end_char),) if number else ()),
        ):
            holding = [i for i, c in enumerate(self.claims) if c.content.start <= start and end <= c.content.end]
            if holding:
                return min(holding, key=lambda i: self.claims[i].content.end - self.claims[i].content.start)
        return None

    def claimant_country(self, claim: int | None) -> str | None:
        """The country of the claim's source actor (or of the actor it speaks for)."""
        if claim is None or not 0 <= claim < len(self.claims):
            return None
        source = self.claims[claim].source
        seen = set()
        while 0 <= source < len(self.actors) and source not in seen:
            seen.add(source)
            actor = self.actors[source]
            if actor.country:
                return actor.country
            if actor.affiliation is None:
                return None
            source = actor.affiliation
        return None

    def other_side(self, country: str) -> str | None:
        """The opponent in a two-sided war."""
        if len(self.belligerents) != 2 or country not in self.belligerents:
            return None
        return next(c for c in self.belligerents if c != country)

    def date_near(self, span: SpacySpan) -> When | None:
        """The date expression of the figure's sentence nearest to it (not one that opens a running total)."""
        sent = span.sent
        inside = [
            d for d in self.dates if sent.start_char <= d.evidence.start < sent.end_char and not self.window_start(d)
        ]
        if not inside:
            return None
        nearest: When = min(inside, key=lambda d: abs(d.evidence.start - span.start_char))
        return nearest

    def window_start(self, when: When) -> bool:
        """A date that opens a running total ("since 2016", "since violence broke out over the weekend"): not the
        date a figure stands at."""
        found = self.doc.char_span(when.evidence.start, when.evidence.end, alignment_mode="expand")
        return found is not None and under_since(found)

    def historical(self, span: SpacySpan, clause: set[int]) -> bool:
        """True when the figure's clause is dated to a year before publication (not by "since"): a date of the
        clause's verb, of its counted phrase, or of the noun a relative clause hangs on ("a 1990s war that")."""
        if self.published is None:
            return False
        sent = span.sent
        for d in self.dates:
            if sent.start_char <= d.evidence.start < sent.end_char and d.value:
                when = self.doc.char_span(d.evidence.start, d.evidence.end, alignment_mode="expand")
                inside = when is None or any(t.i in clause for t in when)
                if inside and (when is None or not under_since(when)) and self.long_before(d.value):
                    return True
        for ent in sent.ents:
            if ent.label_ != "DATE" or under_since(ent) or not any(t.i in clause for t in ent):
                continue
            for token in ent:
                digits = token.text.rstrip("s").removesuffix("'")
                if digits.isdigit() and len(digits) == 4 and int(digits) >= MIN_YEAR and self.long_before(digits):
                    return True
        return False

    def long_before(self, value: str) -> bool:
        """A date (ISO value; a range by its start, a year or decade by its first day) more than
        ``HISTORY_MIN_DAYS`` before publication."""
        found = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
        if found is None or self.published is None:
            return False
        try:
            start = date(int(found.group(1)), int(found.group(2) or 1), int(found.group(3) or 1))
        except ValueError:
            return False
        return (self.published - start).days > HISTORY_MIN_DAYS


def clause_of(m: Mention) -> set[int]:
    """Token positions of the figure's clause: its verb's subtree (without reported clauses), the counted phrase,
    the noun a relative clause hangs on, and what a coordinated or subordinate verb shares with its head."""
    verb = m.cue[0] if m.cue else (m.head or m.number)
    reported = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    clause = {t.i for t in verb.subtree} - reported
    clause.update(t.i for t in m.span)
    for root in (m.noun, m.toll):
        if root is not None:
            clause.update(t.i for t in root.subtree)
    if verb.dep_ == "relcl":
        clause.update(t.i for t in verb.head.subtree)
    if verb.dep_ in ("conj", "advcl", "xcomp"):
        clause.update(t.i for c in verb.head.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree)
    return clause


def counted_noun(number: Token) -> tuple[Token | None, Token]:
    """What a figure counts and the token carrying its role in the clause: the noun it modifies ("11 civilians"),
    the noun after "of" ("26 of its troops": the role is the number's), or nothing ("nine in Azerbaijan")."""
    if number.lower_ in VAGUE_HEADS:
        # "a number of tunnels", "dozens of soldiers": what follows "of" is counted
        pobj = next((g for c in number.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
        if pobj is not None and pobj.dep_ == "pobj":
            return pobj, number
    if number.dep_ == "nummod" and number.head.lower_ in ("more", "other", "others"):
        number = number.head  # "21 more of their fighters", "32 others": the role is the "more"
    if number.dep_ in ("nummod", "quantmod", "amod", "compound") and number.head.pos_ in ("NOUN", "PROPN"):
        return number.head, number.head
    if number.pos_ in ("NOUN", "PROPN") and number.lower_ not in numbers.vague() and not number.like_num:
        return number, number  # "a family of five": the family
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.i - number.i <= MAX_OF_TOKENS:
                return pobj, number
    return None, number


def partitive_whole(m: Mention) -> bool:
    """The whole of a partitive ("22" in "18 of 22 drones"): its noun follows "of" after another number."""
    noun = m.noun
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    owner = noun.head.head
    return owner.i != m.number.i and owner.like_num and m.number.head.i == noun.i


def date_like(token: Token) -> bool:
    """A number the model tagged as a date, time, money, percent or measure that really is one: its entity has a
    year, a month or weekday, or a unit of time, or a currency ("Between 10 and 15 civilians" is sometimes tagged
    DATE, "more than 10 million [displaced]" MONEY)."""
    if token.ent_type_ not in ("DATE", "MONEY"):
        return True
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None:
        return True
    if token.ent_type_ == "MONEY":
        return any(t.is_currency or t.lower_ in CURRENCY_WORDS for t in ent)
    if len(token.text) == 4 and token.text.isdigit():
        return True  # a year
    if any(c in token.text for c in "-/:."):
        return True  # "01-11-2014", "10:59"
    doc = token.doc
    # a day or a count of time units: "30 June", "Sunday 1", "24 hours", "three days"; not "2014 100 [terrorists]"
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if ent.start <= i < ent.end]
    return any(t.lower_.rstrip("s") in TIME_WORDS or t.text in ("-", "/", ".") for t in neighbours)


def qualified(figure: numbers.Figure, rule: str) -> numbers.Figure:
    """A figure under a qualifier ("at least 11", "over 550", "about 110", "more than dozens")."""
    if figure.vague:
        if rule in ("least", "more", "approx"):
            return figure
        return numbers.Figure(low=None, high=figure.low, value=figure.value, qualifier=rule, vague=True)
    low, high = numbers.apply_qualifier(figure.value, rule)
    return numbers.Figure(low=low, high=high, value=figure.value, qualifier=rule)


def longest(found: list[Found]) -> list[Found]:
    """Keep the longest of overlapping matches, in text order."""
    kept: list[Found] = []
    taken: set[int] = set()
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if taken.isdisjoint(range(item[0], item[1])):
            kept.append(item)
            taken.update(range(item[0], item[1]))
    return sorted(kept, key=lambda f: f[0])


def country_of(token: Token) -> str | None:
    """The ISO3 country a proper noun or demonym names, or None."""
    if token.pos_ not in ("PROPN", "ADJ", "NOUN") or not token.text[:1].isupper():
        return None
    word = countries.lookup(token.text)
    return word.iso3 if word is not None else None


def place_country(m: Mention, context: Context) -> str | None:
    """Civilians (and people of any kind) are counted where they died: "nine civilians were killed in Azerbaijan"
    -> AZE, "killed 12 civilians in Kharkiv" -> UKR (the country of the place the places component resolved)."""
    if m.population not in ("civilian", "any") or not m.cue:
        return None
    heads = [m.cue[0], *([m.noun] if m.noun is not None else [])]
    places = {
        c
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "near")
        for t in prep.children
        if t.dep_ == "pobj" and (c := country_name_of(t) or context.place_country(t)) is not None
    }
    return places.pop() if len(places) == 1 else None


def country_name_of(token: Token) -> str | None:
    """The ISO3 country a token names by its name (not a demonym or a capital): "in Azerbaijan"."""
    word = countries.lookup(token.text) if token.pos_ == "PROPN" else None
    return word.iso3 if word is not None and word.kind == "name" else None


def under_since(span: SpacySpan) -> bool:
    """A date introduced by "since" (the start of a running total, not the date of a figure)."""
    words = [t.lower_ for t in span]
    if "since" in words or "past" in words:
        return True  # "since 2016" (the dates component keeps the "since"), "over the past three days"
    if "last" in words and any(t.like_num for t in span):
        return True  # "in the last three days" is a window; "last week" is a date
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "since":
        return True
    if span.start > 0 and span.doc[span.start - 1].lower_ == "since":
        return True
    return in_since_clause(root)


def in_since_clause(token: Token) -> bool:
    """A token inside a clause introduced by "since" ("since violence broke out over the weekend")."""
    current = token
    for _ in range(MAX_AGENT_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in current.children):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def speaker_country(token: Token) -> str | None:
    """The country of the subject of the speech verb a clause is reported under ("Armenia's ministry reported
    that 26 of its troops were killed" -> ARM), climbing the parse."""
    current = token
    for _ in range(MAX_AGENT_CLIMB * 2):
        if current.lemma_.lower() in SPEECH_LEMMAS and current.pos_ in ("VERB", "AUX"):
            subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                found = {c for t in subject.subtree if (c := country_of(t)) is not None}
                if len(found) == 1:
                    return found.pop()
        if current.head.i == current.i:
            break
        current = current.head
    return None


def subject_country(verb: Token) -> str | None:
    """The country of the agent of a verb: its subject or "by" agent, or the subject of the clause it is
    coordinated with ("Azerbaijani jets ... destroyed a convoy ... and neutralised 10 soldiers")."""
    current = verb
    for _ in range(MAX_AGENT_CLIMB):
        for child in current.children:
            if child.dep_ in ("nsubj", "agent"):
                found = {c for t in child.subtree if (c := country_of(t)) is not None}
                return found.pop() if len(found) == 1 else None
        if current.dep_ in ("ccomp", "ROOT") or current.head.i == current.i:
            return None
        current = current.head
    return None


def agent_country(m: Mention) -> str | None:
    """The country of whoever did the harm to an object figure ("Azerbaijani jets neutralised 10 soldiers")."""
    if not m.cue or m.head is None:
        return None
    verb = m.cue[0]
    if verb.pos_ != "VERB" or m.head.dep_ not in ("dobj", "obj") or m.head.head.i != verb.i:
        return None
    return subject_country(verb)


def belligerents(forces: Iterable[Token]) -> list[str]:
    """Countries whose armed forces the article names ("Armenian forces", "Azerbaijan's army"): a country word on
    a force noun (the nouns found by the component's FORCE matcher)."""
    found: set[str] = set()
    for token in forces:
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                for t in (child, *(c for c in child.children if c.dep_ == "conj")):
                    country = country_of(t)
                    if country is not None:
                        found.add(country)
    return sorted(found)


def evidence_span(m: Mention) -> Span:
    """The figure's evidence: the number phrase, its counted noun phrase, and the outcome or toll words, within
    one sentence and without coordinated figures or other clauses."""
    tokens: list[Token] = [*m.span]
    for root in (m.number, *([m.noun] if m.noun is not None else [])):
        tokens.append(root)
        for child in root.children:
            if child.dep_ not in EVIDENCE_BREAKS and child.dep_ not in ("relcl",):
                tokens.extend(child.subtree)
    if m.toll is not None:
        tokens.extend(t for t in m.toll.subtree if t.dep_ not in EVIDENCE_BREAKS)
    tokens.extend(m.cue)
    sent = m.span.sent
    tokens = [t for t in tokens if sent.start <= t.i < sent.end and not t.is_space]
    # keep the evidence contiguous around the figure: drop far tokens of a long subtree (a relative clause)
    while len(tokens) > 1 and tokens[-1].is_punct:
        tokens.pop()
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens if not t.is_punct or t.i < m.span.end)
    return Span(start, end)
