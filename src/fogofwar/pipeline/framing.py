"""Framing: the loaded words of an outlet's own narration, the side each favours, and the article's lean.

What counts (the rule):
- A marker is a word or phrase of the lexicon (``data/framing.json``) found in the article. Its **voice** is
  ``quoted`` inside quotation marks, ``reported`` inside the content of an attributed claim (``doc._.claims``, when the
  attribution component ran), and ``narration`` everywhere else (headline, caption and body included).
- A conflict-specific phrase ("occupied West Bank", "special military operation") favours its listed side. A generic
  term takes its side from the party it is said of: the possessor or modifier ("Armenia's aggression", "Armenian
  separatists"), the agent after "by", or the subject of a verb ("rebels liberated"); an ``against`` term favours
  that party's opponent, a ``for`` term favours the party. The victim after "of"/"against" is not the party ("the
  occupation of Azerbaijani territories" names the occupied, not the occupier). A bare term with no party named takes
  the conflict's default target for it, or is not counted.
- A term said of a third party, neither side of the conflict ("ISIS terrorists", "Nusra Front terrorist group" in
  the Syrian war), favours no side and is not counted; nor is a term inside an exclusion, a phrase that frames nothing
  (a unit's name, "Idlib Martyrs Brigade"; a technical use, "ceasefire regime"). In a civil war the country's name
  names no side ("Syria terrorists" are terrorists in Syria, not the government's).
- The lean weighs narration markers fully, paraphrased (reported, unquoted) ones at ``PARAPHRASE_WEIGHT`` and quoted
  ones at ``RELAYED_WEIGHT``: repeating one side's loaded words unanswered is a framing choice of the outlet too
  (which voices it picks), weaker than saying them itself; in a paraphrase ("regime forces shelled Douma, the rebels
  said") the outlet chose the words, so it weighs as narration. Who is quoted first is not counted.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar import countries
from fogofwar.pipeline.quotes import quoted_ranges
from fogofwar.record import NARRATION_CUE, Framing, FramingMarker, Span

Voice = Literal["narration", "quoted", "reported"]

#: Weight of a marker in quoted speech, relative to 1.0 for the outlet's narration.
RELAYED_WEIGHT = 0.25

#: Weight of a marker in reported speech the outlet paraphrases: as much as narration, because the words are the
#: outlet's own even when the claim is a party's ("Azerbaijani aggression continued, officials in Yerevan said").
PARAPHRASE_WEIGHT = 1.0

#: Weight of a marker by the voice it is said in.
VOICE_WEIGHTS = {"narration": 1.0, "reported": PARAPHRASE_WEIGHT, "quoted": RELAYED_WEIGHT}

#: Least weighted evidence for a lean: two narration markers, or eight relayed ones. One loaded word can be a
#: wire's habit ("separatist officials"); a second, independent one is a pattern. Less is "neutral".
MIN_LEAN_WEIGHT = 2.0

#: Least margin (top - runner-up) / (top + runner-up) for a lean: 1/3 means the favoured side has at least twice the
#: runner-up's weight. A more even balance is "neutral".
MIN_LEAN_MARGIN = 1 / 3

#: Tokens to look through for the party a term is said of (a noun phrase such as "the military forces of the
#: Republic of Armenia" runs to about eight tokens; further is another phrase).
MAX_PARTY_TOKENS = 10

#: Longest run of nouns taken in after a participle ("occupied Karabakh region").
MAX_NOUN_RUN = 3

#: Least number of mentions of a conflict's parties for its lexicon to apply to an article.
MIN_CONFLICT_MENTIONS = 2

#: Dependency labels that attach the party a noun is said of ("Armenia's", "Armenian", "Kremlin's").
PARTY_DEPS = frozenset({"poss", "amod", "compound", "nmod"})

#: The party a term is said of when it is neither side of the conflict ("ISIS terrorists" in the Syrian war): such a
#: term favours no side and is not a marker.
THIRD_PARTY = "third party"


@dataclass(frozen=True, slots=True)
class Conflict:
    """One conflict's lexicon: its sides, the words naming non-state sides, default targets and fixed markers."""

    name: str
    sides: tuple[str, ...]
    side_words: dict[str, str]  # lower-cased phrase -> side
    default_targets: dict[str, str]  # lower-cased generic term -> side it is said of when no party is named
    markers: dict[str, str]  # lower-cased phrase -> side it favours
    third_parties: tuple[str, ...] = ()  # parties that are neither side ("ISIS" in the Syrian war)
    cues: tuple[str, ...] = ()  # words that place an article in the conflict without naming a side ("Aleppo")
    country_names_side: bool = True  # False in a civil war: "Syrian" names the country, not the government's side

    def opponent(self, side: str) -> str | None:
        """The other side of a two-sided conflict."""
        others = [s for s in self.sides if s != side]
        return others[0] if len(others) == 1 else None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The framing lexicon: generic terms with their direction, and the conflicts."""

    generic: dict[str, Literal["for", "against"]]
    conflicts: tuple[Conflict, ...]
    exclusions: tuple[str, ...] = ()  # phrases holding a term that frame nothing ("Martyrs Brigade", "truce regime")


@cache
def load_lexicon() -> Lexicon:
    """Read ``data/framing.json`` once."""
    data = json.loads(resources.files("fogofwar").joinpath("data/framing.json").read_text(encoding="utf-8"))
    conflicts = tuple(
        Conflict(
            name=name,
            sides=tuple(entry["sides"]),
            side_words={w.lower(): side for side, words in entry.get("side_words", {}).items() for w in words},
            default_targets={k.lower(): v for k, v in entry.get("default_targets", {}).items()},
            markers={k.lower(): v for k, v in entry.get("markers", {}).items()},
            third_parties=tuple(entry.get("third_parties", ())),
            cues=tuple(entry.get("cues", ())),
            country_names_side=entry.get("country_names_side", True),
        )
        for name, entry in data["conflicts"].items()
    )
    return Lexicon(
        generic={k.lower(): v for k, v in data["generic"].items()},
        conflicts=conflicts,
        exclusions=tuple(data.get("exclusions", ())),
    )


class FramingComponent:
    """``fogofwar_framing``: reads the parse, doc._.claims (optional); writes doc._.framing (a record.Framing)."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = load_lexicon()
        self.terms = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.terms.add("generic", [nlp.make_doc(t) for t in self.lexicon.generic])
        self.exclusions = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exclusions.add("exclusion", [nlp.make_doc(t) for t in self.lexicon.exclusions])
        self.countries = PhraseMatcher(nlp.vocab, attr="ORTH")
        for word in countries.words():
            self.countries.add(word, [nlp.make_doc(word)])
        self.phrases: dict[str, PhraseMatcher] = {}
        for conflict in self.lexicon.conflicts:
            matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            matcher.add("marker", [nlp.make_doc(t) for t in conflict.markers])
            matcher.add("side", [nlp.make_doc(t) for t in conflict.side_words])
            if conflict.third_parties:
                matcher.add("third", [nlp.make_doc(t) for t in conflict.third_parties])
            if conflict.cues:
                matcher.add("cue", [nlp.make_doc(t) for t in conflict.cues])
            self.phrases[conflict.name] = matcher

    def __call__(self, doc: Doc) -> Doc:
        conflict, sides = self.pick_conflict(doc)
        if conflict is None:
            doc._.framing = Framing()
            return doc
        voices = VoiceMap(doc)
        markers = list(self.markers(doc, conflict, sides, voices))
        doc._.framing = lean(markers)
        return doc

    def pick_conflict(self, doc: Doc) -> tuple[Conflict | None, dict[int, str]]:
        """The conflict the article speaks of most (mentions of its parties, its cues and its fixed markers), and a
        token index -> side map of the mentions of its parties (``THIRD_PARTY`` for parties that are neither side)."""
        best: tuple[int, Conflict | None, dict[int, str]] = (0, None, {})
        country_sides: dict[int, str] = {}
        for match_id, start, end in self.countries(doc):
            word = countries.lookup(doc.vocab.strings[match_id])
            if word is not None:
                country_sides.update(dict.fromkeys(range(start, end), word.iso3))
        for conflict in self.lexicon.conflicts:
            named = {i: s for i, s in country_sides.items() if s in conflict.sides}
            sides = dict(named) if conflict.country_names_side else {}
            mentions = len(named)
            # longest matches last, so that "Syrian Coalition" (a side) overrides "coalition" within it
            for match_id, start, end in sorted(self.phrases[conflict.name](doc), key=lambda m: m[2] - m[1]):
                label = doc.vocab.strings[match_id]
                mentions += 1
                if label == "side":
                    sides.update(dict.fromkeys(range(start, end), conflict.side_words[doc[start:end].text.lower()]))
                elif label == "third":
                    sides.update(dict.fromkeys(range(start, end), THIRD_PARTY))
            if mentions >= MIN_CONFLICT_MENTIONS and mentions > best[0]:
                best = (mentions, conflict, sides)
        return best[1], best[2]

    def markers(self, doc: Doc, conflict: Conflict, sides: dict[int, str], voices: VoiceMap) -> Iterator[FramingMarker]:
        """Every marker of the conflict's lexicon in the doc, with the side it favours."""
        taken: set[int] = {i for _, start, end in self.exclusions(doc) for i in range(start, end)}
        for match_id, start, end in self.phrases[conflict.name](doc):
            if doc.vocab.strings[match_id] != "marker" or taken & set(range(start, end)):
                continue
            span = doc[start:end]
            taken.update(range(start, end))
            if party_of(span, sides) == THIRD_PARTY:
                continue  # "ISIS terrorist groups": the phrase is said of neither side
            yield make_marker(span, conflict.markers[span.text.lower()], voices)
        for _, start, end in self.terms(doc):
            if taken & set(range(start, end)):
                continue
            span = doc[start:end]
            term = span.text.lower()
            party = party_of(span, sides) or conflict.default_targets.get(term)
            if party is None or party == THIRD_PARTY:
                continue
            favours = party if self.lexicon.generic[term] == "for" else conflict.opponent(party)
            if favours is not None:
                yield make_marker(phrase_of(span), favours, voices)


def party_of(span: SpacySpan, sides: dict[int, str]) -> str | None:
    """The side a term is said of: its possessor or modifier, the agent after "by", or a verb's subject."""
    for token in candidates(span):
        if token.i in sides:
            return sides[token.i]
    return None


def candidates(span: SpacySpan) -> Iterator[Token]:
    """Tokens that can name the party a term is said of, nearest first, within ``MAX_PARTY_TOKENS``."""
    root = span.root
    heads = [root]
    if root.dep_ == "conj":
        heads.append(root.head)  # "provocations and aggression by X": X is said of both
    heads.extend(c for c in root.children if c.dep_ == "conj")
    for head in heads:
        for child in head.children:
            if child.dep_ in PARTY_DEPS and abs(child.i - head.i) <= MAX_PARTY_TOKENS:
                yield from child.subtree
            elif child.dep_ in ("agent", "prep") and child.lower_ == "by":
                yield from (t for t in child.subtree if abs(t.i - head.i) <= MAX_PARTY_TOKENS)
            elif child.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB" and child.dep_ == "nsubj":
                yield from child.subtree
        if head.dep_ in ("amod", "compound") and head.head.i > head.i:
            # "Armenian-backed separatists": the modified noun's own modifiers
            yield from (c for c in head.head.children if c.dep_ in PARTY_DEPS and c.i != head.i)


def phrase_of(span: SpacySpan) -> SpacySpan:
    """The marker's phrase: a participle or adjective with the nouns it modifies ("occupied Karabakh region",
    "freed ground"), a noun with the party modifier just before it ("Armenian separatists"), else the term alone."""
    doc = span.doc
    root = span.root
    start, end = span.start, span.end
    if root.tag_ in ("VBN", "JJ", "VBG") or root.pos_ == "ADJ":
        while end < len(doc) and end - span.end < MAX_NOUN_RUN and doc[end].pos_ in ("NOUN", "PROPN"):
            end += 1
    left = [
        c for c in root.children if c.dep_ in ("amod", "compound") and c.i == start - 1 and c.pos_ in ("ADJ", "PROPN")
    ]
    if left:
        start = left[0].i
    return doc[start:end]


def make_marker(span: SpacySpan, favours: str, voices: VoiceMap) -> FramingMarker:
    """A FramingMarker for a span, with its voice."""
    return FramingMarker(
        text=span.text,
        favours=favours,
        evidence=Span(span.start_char, span.end_char),
        voice=voices.voice(span.start_char),
    )


class VoiceMap:
    """Who speaks at a character offset: quoted speech, reported (claimed) speech, or the outlet's narration."""

    def __init__(self, doc: Doc) -> None:
        self.quoted = list(quoted_ranges(doc.text))
        claims = doc._.claims or ()
        self.reported = [(c.content.start, c.content.end) for c in claims if c.cue != NARRATION_CUE]

    def voice(self, offset: int) -> Voice:
        """The voice at ``offset``."""
        if any(s <= offset < e for s, e in self.quoted):
            return "quoted"
        if any(s <= offset < e for s, e in self.reported):
            return "reported"
        return "narration"


def lean(markers: Iterable[FramingMarker]) -> Framing:
    """Weigh the markers by voice and name the side the narration favours, or ``neutral``."""
    markers = tuple(markers)
    weights: dict[str, float] = defaultdict(float)
    for marker in markers:
        if marker.favours is not None:
            weights[marker.favours] += VOICE_WEIGHTS[marker.voice]
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    top_side, top = ranked[0] if ranked else ("neutral", 0.0)
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    margin = (top - second) / (top + second) if top + second else 0.0
    if top < MIN_LEAN_WEIGHT or margin < MIN_LEAN_MARGIN:
        return Framing(markers=markers, lean="neutral", score=round(margin, 3))
    return Framing(markers=markers, lean=top_side, score=round(margin, 3))
