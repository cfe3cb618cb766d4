"""Context tests on the parse around a name: is it a seat, a person, a place noun's name, a journey's end …"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar import countries
from fogofwar.pipeline.places.lexicon import (
    COMPASS_WORDS,
    CONJ_DEPS,
    DIRECTIONS,
    GENERIC_WORDS,
    JOURNEY_LEMMAS,
    LOCATIVE_NOUNS,
    LOCATIVE_PREPS,
    NAMING_NOUNS,
    PLACE_NOUNS,
    PLURAL_PLACE_NOUNS,
    SEAT_NAMES,
)


def is_seat(doc: Doc, start: int, end: int, word: countries.CountryWord) -> bool:
    """True for a government's seat: named with the article ("the Kremlin", "the Pentagon"; a capital city takes
    none), or one of the buildings that name a government ("White House spokesman"): the building or the government,
    not a place (and not White House, Tennessee)."""
    if word.kind != "capital":
        return False
    return doc[start:end].text in SEAT_NAMES or (start > 0 and doc[start - 1].lower_ == "the")


def trimmed(doc: Doc, ent: SpacySpan) -> tuple[int, int]:
    """An entity's tokens without a leading article or punctuation and a trailing possessive or punctuation."""
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ == "'s"):
        end -= 1
    return start, end


def climb(token: Token) -> Iterator[Token]:
    """The token's heads, nearest first, up to the sentence root."""
    while token.head.i != token.i:
        token = token.head
        yield token


def is_name_start(token: Token) -> bool:
    """True when a name may begin with this token: capitalised, neither a compass word nor a generic word ("North
    Street", "South Central")."""
    return token.text[:1].isupper() and token.text not in COMPASS_WORDS and token.text not in GENERIC_WORDS


def place_noun(doc: Doc, start: int, end: int) -> str | None:
    """The place noun right after a name ("village" in "Madagiz village"), or the plural one after the list that
    holds it ("county" for each of "Cooke, Grayson and Love counties"), if any."""
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ == "NOUN":
        return doc[end].lower_
    token = doc[start:end].root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    plural = PLURAL_PLACE_NOUNS.get(token.head.lower_) if token.head.i > token.i else None
    listed = any(child.dep_ == "conj" for child in token.children)  # "Georgia cities" are cities in Georgia
    if plural is not None and listed and token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ == "NOUN":
        return plural
    return None


def locative(doc: Doc, start: int, end: int) -> str | None:
    """The locative preposition governing the name ("near" in "near Fizuli"; "in" in "in the directions of X")."""
    token = doc[start:end].root
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
            return head.lower_
        if token.dep_ == "pobj" and head.lower_ == "of" and names_place(head.head):
            return "of"  # "the cities of Palmyra", "60 miles north of X", "Theresa Pilkington of Jeannette"
        if token.dep_ == "pobj" and head.lower_ == "to" and is_journey(head.head):
            return "to"  # "drove to Lanexa", "rerouted to Butte", "from Cabell County to Bluefield"
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in LOCATIVE_NOUNS:
            token = head.head
            continue
        if token.dep_ in CONJ_DEPS:
            token = head
            continue
        return None
    return None


def names_place(token: Token) -> bool:
    """True for a word whose "of" phrase is a place: a naming noun ("the cities of", "the mayor of"), a direction
    ("60 miles north of"), or a person's name, whose "of" phrase is where they live ("Rebecca Sears, 41, of")."""
    return token.lemma_.lower() in NAMING_NOUNS | DIRECTIONS or is_person(token)


def is_person(token: Token) -> bool:
    """True for a token of a person's name, or the age after it ("Rebecca Sears, 41,")."""
    if token.like_num and token.head.i != token.i:
        token = token.head
    return token.ent_type_ == "PERSON"


def is_journey(token: Token) -> bool:
    """True for a word of going somewhere ("drove", "a trip", "rerouted"), or a head that also has a "from" place
    ("from Los Altos to Gilroy")."""
    if token.lemma_.lower() in JOURNEY_LEMMAS:
        return True
    return any(
        child.dep_ == "prep" and child.lower_ == "from" and any(g.ent_type_ in ("GPE", "LOC") for g in child.children)
        for child in token.children
    )


def is_demonym(text: str) -> bool:
    """True for a country's demonym ("Iraqi", "Japanese"): a people, not a place."""
    word = countries.lookup(text)
    return word is not None and word.kind == "demonym"


def proper_runs(doc: Doc) -> Iterator[tuple[int, int]]:
    """Runs of capitalised proper nouns (joined by hyphens), outside sentence-initial function words."""
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            j = i + 1
            while j < len(doc) and (
                (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper())
                or (doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper())
            ):
                j += 1
            yield i, j
            i = j
        else:
            i += 1
