"""Toponym detection for the places component.

Detection. A paragraph's dateline ("KYIV, Ukraine (AP) —"), the model's GPE, LOC and FAC entities, the place at
the start of an organisation's name ("Alexandria Police Department"), plus toponyms the model mislabels (war place
names are often tagged PERSON or ORG: "Jabrayil", "the Dashkesan region", "the Madagiz village"). A mislabelled or
untagged proper name is taken as a place when its context says so and the gazetteer knows the name:
- a place noun follows it ("Madagiz village", "the Dashkesan region", "Fizuli city") - enough on its own, even for a
  name the gazetteer lacks (it is then kept unresolved);
- a locative preposition governs it ("near X", "around X", "in the directions of X");
- a word for people follows it ("an Alexandria woman", "Aleppo residents");
- it is the object of a verb of taking or striking ("shelling hit Stepanakert", "recaptured Khan Shaykhun",
  "Stepanakert was shelled");
- it is coordinated with a place ("Fizuli, Jabrayil, Aghdara and Tartar"), and is not an acronym ("NATO").
A name recovered through a preposition or a list that the gazetteer then cannot resolve is dropped: its only
evidence of being a place was the gazetteer.
A single-word PERSON entity after "in", "at" or "from" is not recovered without a place noun ("at Aliyev"), a name
the gazetteer does not know never is ("Peter Stano"), and a country's demonym ("Azerbaijani") is never a place.
A country name the model tags PERSON or ORG ("Armenia denied") is a country.
More cues, from local and wire news:
- a plural place noun after a list ("Jackson and Barrow counties"), a people or police noun ("Danbury police"),
  "of" after a person or a compass direction ("Theresa Pilkington of Jeannette", "45 miles southeast of
  Champaign"), "to" after a word of going ("rerouted to Butte"), a legislator's party label ("D-Pleasanton");
- the place inside a longer name: a civic institution's ("Huntsville Fire Chief", "the Madison County Sheriff's
  Office"), a country or state at the head of an organisation ("the U.S. Census", "the Ohio National Guard"), a
  compass part or division head the gazetteer does not know as a whole ("North Georgia", "the Province of Ontario");
  a name the model cut short is widened ("Guinea-Bissau", "Democratic Republic of the Congo");
- a name the article already uses as a place is a place wherever else it stands ("Oxford police", a PERSON-tagged
  "Gainesville"), unless it is a person's (after a title, in a person's name) or a street's, school's or firm's.
Not places: dates ("mid-May"), generic qualifiers ("Supreme Court"), schools named like places ("Columbia
University"), a seat of government with the article ("the White House"), a name the article gives a title
("coach Ripley"). A place that only labels a name ("U.S. Army", "D-Pleasanton") is ``mentioned``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from fogofwar import countries
from fogofwar.gazetteer import Gazetteer
from fogofwar.gazetteer.context import countries_in
from fogofwar.pipeline.extensions import PARAGRAPHS_KEY
from fogofwar.pipeline.places.context import (
    is_demonym,
    is_name_start,
    is_seat,
    locative,
    place_noun,
    proper_runs,
    trimmed,
)
from fogofwar.pipeline.places.lexicon import (
    CIVIC_WORDS,
    COMPASS_WORDS,
    CONJ_DEPS,
    DATELINE,
    DATELINE_TOKENS,
    DIVISION_HEADS,
    DIVISION_PRECISIONS,
    DIVISION_WORDS,
    GENERIC_WORDS,
    INSTITUTION_HEADS,
    INSTITUTION_LABELS,
    INSTITUTION_WORDS,
    MAX_PREFIX_TOKENS,
    MODIFIER_DEPS,
    NAME_PARTICLES,
    NAMESAKE_WORDS,
    PARTY_LABELS,
    PEOPLE_NOUNS,
    PERSON_PREPS,
    PLACE_LABELS,
    PLACE_NOUNS,
    RECOVERABLE_LABELS,
    SAINTS,
    SITE_NOUNS,
    STANCE_VERBS,
    TAKING_VERBS,
    TEMPORAL_LABELS,
    TITLE_WORDS,
    Mention,
)
from fogofwar.pipeline.triggers import Lexicon, load_lexicon

log = logging.getLogger(__name__)


class Detector:
    """Finds the toponyms of a document (the model's places, recovered ones, datelines, echoes)."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer | None = None) -> None:
        self.nlp = nlp
        self._gazetteer = gazetteer
        self.lexicon: Lexicon = load_lexicon()

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, opened (and built, the first time on this machine) when first needed."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(progress=log.warning)
        return self._gazetteer

    def detect(self, doc: Doc) -> Iterator[Mention]:
        """Every toponym, in text order, without overlaps."""
        taken: set[int] = set()
        found: list[Mention] = []
        ents = list(doc.ents)  # Doc.ents builds new spans on every read: read once
        runs = list(proper_runs(doc))
        for labelled in (*self.datelines(doc), *self.affiliations(doc)):
            if not taken.intersection(range(labelled.start, labelled.end)):
                found.append(labelled)
                taken.update(range(labelled.start, labelled.end))
        focus = self.focus(doc, ents)
        titled = frozenset(
            token.lower_
            for token in doc[1:]
            if token.pos_ == "PROPN" and doc[token.i - 1].lower_.rstrip(".") in TITLE_WORDS
        )
        for ent in ents:
            if taken.intersection(range(ent.start, ent.end)):
                continue
            mention = self.from_entity(doc, ent, focus, titled)
            if mention is not None:
                found.append(mention)
                taken.update(range(mention.start, mention.end))
        temporal = {i for ent in ents if ent.label_ in TEMPORAL_LABELS for i in range(ent.start, ent.end)}
        for mention in self.untagged(doc, taken | temporal, focus, ents, runs):
            found.append(mention)
            taken.update(range(mention.start, mention.end))
        for mention in self.echoes(doc, found, taken | temporal, ents):
            found.append(mention)
            taken.update(range(mention.start, mention.end))
        # Coordinated names join a list that holds a place ("Fizuli, Jabrayil, Aghdara and Tartar").
        changed = True
        while changed:
            changed = False
            for start, end in runs:
                if taken.intersection(range(start, end)):
                    continue
                if (
                    self.coordinated(doc, start, end, found)
                    and not doc[start:end].text.isupper()
                    and doc[start:end].text not in GENERIC_WORDS
                    and not is_demonym(doc[start:end].text)
                    and self.plausible(doc[start:end].text, focus)
                ):
                    found.append(Mention(start, end, place_noun(doc, start, end), True))
                    taken.update(range(start, end))
                    changed = True
        found.sort(key=lambda m: m.start)
        yield from found

    def affiliations(self, doc: Doc) -> Iterator[Mention]:
        """The home a legislator's party label gives, when the gazetteer knows it ("Rep. Jerry McNerney,
        D-Pleasanton,", "Sen. Byron Dorgan, D-N.D.", "(R-Texas)")."""
        for i in range(1, len(doc) - 2):
            party, dash = doc[i], doc[i + 1]
            if not (
                party.text in PARTY_LABELS
                and dash.text == "-"
                and not party.whitespace_
                and not dash.whitespace_
                and doc[i - 1].text in (",", "(")
            ):
                continue
            first = stop = i + 2
            while stop < len(doc) and stop - first < MAX_PREFIX_TOKENS and doc[stop].text[:1].isupper():
                stop += 1  # "D-W. Va.": a compass initial may begin the home
            for end in range(stop, first, -1):
                if self.gazetteer.knows(doc[first:end].text):
                    yield Mention(first, end, None, False, label=True)
                    break

    def untagged(
        self, doc: Doc, taken: set[int], focus: frozenset[str], ents: list[SpacySpan], runs: list[tuple[int, int]]
    ) -> Iterator[Mention]:
        """Toponyms among the proper-noun runs outside ``taken``: a country or capital the model left untagged, or a
        name its context makes a place (``recover``; a run the model tagged an organisation is judged as one)."""
        organisations = {trimmed(doc, ent) for ent in ents if ent.label_ == "ORG"}
        for start, end in runs:
            if taken.intersection(range(start, end)):
                continue
            word = countries.lookup(doc[start:end].text)
            if word is not None and word.kind in ("name", "capital"):
                if not is_seat(doc, start, end, word):
                    yield Mention(start, end, None, False)
                continue
            label = "ORG" if (start, end) in organisations else ""
            mention = self.recover(doc, start, end, label, focus)
            if mention is None and end - start > 1:  # "Tillsonburg Mayor Stephen Molnar", untagged
                mention = self.institution_prefix(doc, start, end, CIVIC_WORDS)
            if mention is not None:
                yield mention

    def echoes(self, doc: Doc, found: list[Mention], taken: set[int], ents: list[SpacySpan]) -> Iterator[Mention]:
        """Later and earlier mentions of a place already found in the article, whatever the model tagged them: a
        local report names its town as a place once and then as "Oxford police" or a PERSON ("Gainesville
        approved the budget"). Not the name of a person: not inside a longer person's name, after a title, or
        when the article names a person with it ("Mayor Tom Jackson" keeps every "Jackson" a person)."""
        lowers = [token.lower_ for token in doc]
        names = {
            tuple(lowers[mention.start : mention.end])
            for mention in found  # a name recovered by context alone may be a person's
            if (not mention.recovered or mention.hint is not None) and mention.end - mention.start <= MAX_PREFIX_TOKENS
        }
        people = {
            tuple(t.lower_ for t in ent[k:]) for ent in ents if ent.label_ == "PERSON" for k in range(1, len(ent))
        }
        entity_of = {i: ent for ent in ents for i in range(ent.start, ent.end)}
        starts: dict[str, list[int]] = {}
        for i, lower in enumerate(lowers):
            starts.setdefault(lower, []).append(i)
        # longest first: "New York" before "York"
        for key in sorted(names - people, key=lambda name: (-len(name), name)):
            for start in starts.get(key[0], ()):
                end = start + len(key)
                if tuple(lowers[start:end]) != key or taken.intersection(range(start, end)):
                    continue
                if self.echo_is_place(doc, start, end, entity_of.get(start)):
                    taken.update(range(start, end))
                    yield Mention(start, end, place_noun(doc, start, end), True)

    def echo_is_place(self, doc: Doc, start: int, end: int, ent: SpacySpan | None) -> bool:
        """True when another mention of a found place's name stands for the place (see ``echoes``)."""
        first = doc[start]
        if not first.text[:1].isupper() or (first.text.isupper() and len(first.text) > 1 and not first.is_sent_start):
            return False  # "the mobile unit", a heading in capitals
        before = doc[start - 1] if start > 0 else None
        if before is not None and (before.lower_.rstrip(".") in TITLE_WORDS):
            return False  # "coach Ripley", "Mr. Jackson"
        after = doc[end].text if end < len(doc) else ""
        if after in NAMESAKE_WORDS or after == "&":
            return False  # "Wichita Street", "Franklin Elementary", "Stevens & Wilkinson"
        if ent is None:
            return not (before is not None and before.pos_ == "PROPN" and before.text[:1].isupper())
        if ent.label_ == "PERSON":
            return ent.start == start and (ent.end == end or doc[end].text in CIVIC_WORDS)
        return ent.start == start or (before is not None and before.text in ("-", "of"))  # "Fargo-Moorhead"

    def datelines(self, doc: Doc) -> Iterator[Mention]:
        """The place a paragraph's dateline names ("KYIV, Ukraine (AP) — ", "MANSFIELD -- "), when the gazetteer
        knows it."""
        paragraphs = doc.spans[PARAGRAPHS_KEY] if PARAGRAPHS_KEY in doc.spans else [doc[:]]
        taken: set[int] = set()
        starts = [sentence.start for sentence in doc.sents]
        for paragraph in paragraphs:
            firsts = [i for i in starts if paragraph.start <= i < paragraph.end]
            for first in firsts or [paragraph.start]:
                for mention in self.dateline(doc, doc[first : min(paragraph.end, first + DATELINE_TOKENS)]):
                    if not taken.intersection(range(mention.start, mention.end)):
                        taken.update(range(mention.start, mention.end))
                        yield mention

    def dateline(self, doc: Doc, part: SpacySpan) -> Iterator[Mention]:
        """The places of a dateline at the start of ``part``, if there is one."""
        match = DATELINE.match(part.text)
        if match is None or not self.gazetteer.knows(match.group(1)):
            return
        begin = part.start_char
        span = doc.char_span(begin + match.start(1), begin + match.end(1), alignment_mode="expand")
        if span is not None:
            yield Mention(span.start, span.end, None, False, dateline=True)
        # The rest of the dateline ("Ukraine" in "KYIV, Ukraine (AP) —") is where the report was filed too.
        rest = doc.char_span(begin + match.end(1), begin + match.end(), alignment_mode="contract")
        for ent in rest.ents if rest is not None else ():
            if self.gazetteer.knows(ent.text):
                yield Mention(ent.start, ent.end, None, False, dateline=True)

    def institution_prefix(
        self, doc: Doc, start: int, end: int, words: frozenset[str] = INSTITUTION_WORDS
    ) -> Mention | None:
        """The place that begins an organisation's name ("Alexandria Police Department", "Texas Department of
        Public Safety"), when the gazetteer knows it; ``words`` are the institution words that may follow it."""
        for k in range(start + 1, min(end, start + MAX_PREFIX_TOKENS + 1)):
            if self.is_division_name(doc, start, k):
                return Mention(start, k + 1, None, True)  # "Madison County Health Department", "Kansas City Power"
            if doc[k].text in INSTITUTION_WORDS:
                if doc[k].text not in words or (doc[k].text == "City" and k == end - 1):
                    return None  # "Harbor City" is a name of its own
                stop = k
                while stop > start + 1 and doc[stop - 1].is_punct:
                    stop -= 1  # "Lake Mary - Highway 9"
                text = doc[start:stop].text
                word = countries.lookup(text)
                if text in GENERIC_WORDS:
                    return None  # "Supreme Court", "Lions Club"
                if (word is None or word.kind != "demonym") and self.gazetteer.knows(text):
                    # a country's army or embassy acts abroad; a town's police in the town
                    return Mention(start, stop, None, True, label=word is not None)
                return None
        return None

    def state_prefix(self, doc: Doc, start: int, end: int, focus: frozenset[str]) -> Mention | None:
        """The country, or first-level division of a country in ``focus``, that begins an organisation's name,
        whatever follows it ("U.S. Census", "the US State Department", "the Ohio National Guard")."""
        if not is_name_start(doc[start]):
            return None  # "the Central Business District", "the Western Boone Education Foundation"
        for k in range(min(end - 1, start + MAX_PREFIX_TOKENS), start, -1):
            if not doc[k].text[:1].isupper():
                continue
            text = doc[start:k].text
            word = countries.lookup(text)
            if word is not None:
                return Mention(start, k, None, True, label=True) if word.kind == "name" else None
            if self.division_of(text) in focus:
                return Mention(start, k, None, True, label=True)
        return None

    def division_of(self, text: str) -> str | None:
        """The country of the first-level division this is the main name of, when that is its likeliest sense
        ("Ohio", "Maharashtra"; not "Paris")."""
        candidates = self.gazetteer.candidates(text)
        if candidates and candidates[0].precision in ("country", "admin1") and candidates[0].primary:
            return candidates[0].country
        return None

    def near(self, focus: frozenset[str]) -> frozenset[str]:
        """The countries of ``focus`` and their land neighbours."""
        return focus.union(*(self.gazetteer.neighbours(country) for country in focus))

    def focus(self, doc: Doc, ents: list[SpacySpan]) -> frozenset[str]:
        """The countries the article is about: those it names (``countries_in``) and those of the first-level
        divisions the model tags as places ("Texas" makes a local paper's article about the US)."""
        named = set(countries_in(doc.text))
        for ent in ents:
            country = self.division_of(ent.text) if ent.label_ == "GPE" else None
            if country is not None:
                named.add(country)
        return frozenset(named)

    def widened(self, doc: Doc, start: int, end: int) -> tuple[int, int]:
        """The name widened to the longest place name the gazetteer knows that the model cut short: over the next
        words ("Kansas" + "City", "Guinea" + "-Bissau", "Rio Grande" + "do Sul") or the word before ("Democratic" +
        "Republic of the Congo", "Goz" + "Beida")."""
        best = end
        for stop in range(end + 1, min(len(doc), end + MAX_PREFIX_TOKENS) + 1):
            words = doc[end:stop]
            if not all(t.text[:1].isupper() or t.text == "-" or t.lower_ in NAME_PARTICLES for t in words):
                break
            if doc[stop - 1].text[:1].isupper() and self.gazetteer.knows(doc[start:stop].text):
                best = stop
        before = doc[start - 1] if start > 0 else None
        if before is not None and before.pos_ == "PROPN" and is_name_start(before):
            return (start - 1, best) if self.gazetteer.knows(doc[start - 1 : best].text) else (start, best)
        return start, best

    def is_division_name(self, doc: Doc, start: int, last: int) -> bool:
        """True when the words up to ``last``, a division word or "City", are a place's name the gazetteer knows
        ("Madison County", "Kansas City"; not "Dublin City", only an alias of Ireland's capital)."""
        text = doc[start : last + 1].text
        if doc[last].text in DIVISION_WORDS:
            return self.gazetteer.knows(text)
        return doc[last].text == "City" and any(c.primary for c in self.gazetteer.candidates(text))

    def inner_place(self, doc: Doc, start: int, end: int) -> Mention | None:
        """The known place inside a name the gazetteer does not know: the place an institution's name starts or ends
        with ("Henrico County Police", "the University of Rochester"), the place a compass word qualifies ("North
        Georgia", "Southern California"), the place after a division head ("the Province of Ontario")."""
        found = self.institution_prefix(doc, start, end, CIVIC_WORDS) or self.institution_of(doc, start, end)
        if found is not None:
            return found
        if end - start > 1 and doc[start].text in COMPASS_WORDS and is_name_start(doc[start + 1]):
            rest = doc[start + 1 : end].text
            word = countries.lookup(rest)
            if (word is None or word.kind != "demonym") and self.gazetteer.knows(rest):
                return Mention(start + 1, end, None, True)
        heads = end - start > 2 and doc[start].text in DIVISION_HEADS and doc[start + 1].lower_ == "of"
        if heads and self.gazetteer.knows(doc[start + 2 : end].text):
            return Mention(start + 2, end, None, True)
        return None

    def institution_of(self, doc: Doc, start: int, end: int) -> Mention | None:
        """The place that ends an institution's name after "of" ("the University of Rochester", "the Port of Los
        Angeles"), when the gazetteer knows it."""
        for k in range(start, end - 2):
            if doc[k].text in INSTITUTION_HEADS and doc[k + 1].lower_ == "of" and doc[k + 2].text[:1].isupper():
                text = doc[k + 2 : end].text
                word = countries.lookup(text)
                if text in GENERIC_WORDS:
                    return None  # "the College of Law"
                if end - (k + 2) <= MAX_PREFIX_TOKENS and (word is None or word.kind != "demonym"):
                    return Mention(k + 2, end, None, True) if self.gazetteer.knows(text) else None
        return None

    def from_entity(  # noqa: PLR0911, PLR0912 - one return per rule
        self, doc: Doc, ent: SpacySpan, focus: frozenset[str] = frozenset(), titled: frozenset[str] = frozenset()
    ) -> Mention | None:
        """A Mention for an entity that is a toponym (by label, or recovered from a wrong label); ``focus`` holds
        the countries the article is about, ``titled`` the (lower-cased) names it gives a title ("coach Ripley")."""
        start, end = trimmed(doc, ent)
        hint = None
        if end - start > 1 and doc[end - 1].lower_ in PLACE_NOUNS:
            hint = doc[end - 1].lower_
            if doc[end - 1].text.islower():
                end -= 1  # "Idlib province": the name, and the noun as its hint; "Laurel County" is one name
        if start >= end or not doc[start].text[:1].isupper():
            return None  # "metro", "the north": a lower-case word is no toponym
        text = doc[start:end].text
        word = countries.lookup(text)
        if (word is not None and word.kind == "demonym") or (end - start == 1 and text in GENERIC_WORDS):
            return None
        if ent.label_ in PLACE_LABELS:
            if doc[start].text in SAINTS and end < ent.end and doc[end].tag_ == "POS":
                return None  # "St. John's Lutheran School", "St. Michael's pupils": a church's or school's saint
            start, end = self.widened(doc, start, end)
            text = doc[start:end].text
            titled_name = end - start == 1 and text.lower() in titled and self.division_of(text) is None
            if titled_name and word is None and hint is None:
                return None  # "comments coach Ripley" makes every "Ripley" of the article the coach
            if end - start > 1 and not self.gazetteer.knows(text):
                inner = self.inner_place(doc, start, end)
                if inner is not None:
                    return inner  # "Henrico County Police", "North Georgia", "the Madison County Jail"
            if ent.label_ == "FAC" and all(c.precision == "point" for c in self.gazetteer.candidates(text)):
                return None  # a building or a road ("the White House") is not the town that shares its name
            root = doc[start:end].root
            speaks = root.dep_ == "nsubj" and root.head.lemma_.lower() in STANCE_VERBS
            if speaks and not self.gazetteer.knows(text):
                return None  # "Erdogan said", tagged GPE: a speaker the gazetteer does not know is no place
            return Mention(start, end, hint or place_noun(doc, start, end), False)
        if word is not None and word.kind in ("name", "capital"):
            return None if is_seat(doc, start, end, word) else Mention(start, end, None, True)
        if ent.label_ in INSTITUTION_LABELS and end - start > 1:
            words = INSTITUTION_WORDS if ent.label_ == "ORG" else CIVIC_WORDS
            prefix = self.institution_prefix(doc, start, end, words) or self.institution_of(doc, start, end)
            if prefix is None and ent.label_ == "ORG":
                prefix = self.state_prefix(doc, start, end, focus)
            if prefix is not None:
                return prefix
        if ent.label_ in RECOVERABLE_LABELS:
            return self.recover(doc, start, end, ent.label_, focus)
        return None

    def recover(  # noqa: PLR0911
        self, doc: Doc, start: int, end: int, label: str, focus: frozenset[str] = frozenset()
    ) -> Mention | None:
        """A Mention for a proper name the model did not tag as a place, when its context makes it one; ``focus``
        holds the countries the article is about."""
        text = doc[start:end].text
        if countries.lookup(text) is not None and countries.lookup(text).kind == "demonym":  # type: ignore[union-attr]
            return None
        if end - start == 1 and text in GENERIC_WORDS:
            return None  # "at the University of X" leaves "University"; "in May" is a date
        hint = place_noun(doc, start, end)
        if hint is not None:
            return Mention(start, end, hint, True)
        candidates = self.gazetteer.candidates(text)
        if not candidates:
            return None
        if label == "ORG" and not self.plausible(text, focus):
            return None  # "Hamas officials": an organisation named like a far place's alias (Hamm)
        root = doc[start:end].root
        headed = start > 0 and doc[start - 1].lower_ == "the" and root.dep_ not in MODIFIER_DEPS
        if headed and all(c.precision == "point" for c in candidates):
            return None  # "at the White House", "the Woodlands": a building or an estate, not the town
        noun = doc[end].lower_ if end < len(doc) else ""
        people = noun in PEOPLE_NOUNS | SITE_NOUNS and not text.isupper()  # not "SWAT officers"
        if people and end - start <= MAX_PREFIX_TOKENS:
            return Mention(start, end, None, True)  # "an Alexandria woman", "Aleppo residents", "the Rafah terminal"
        if self.qualified(doc, end):
            return Mention(start, end, None, True)  # "Pailin, Cambodia", "Binh Phuoc, Vietnam"
        if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in TAKING_VERBS:
            return Mention(start, end, None, True)  # "recaptured Khan Shaykhun", "Stepanakert was shelled"
        preposition = locative(doc, start, end)
        if preposition is None:
            return None
        if label == "PERSON" and preposition in PERSON_PREPS and (end - start == 1 or preposition == "from"):
            return None  # "from Erdogan", "at Aliyev": a single name after these is more often a person
        return Mention(start, end, None, True)

    def qualified(self, doc: Doc, end: int) -> bool:
        """True when the name is followed by a comma and a country or first-level division ("Pailin, Cambodia",
        "Lanexa, Va."), the way news says which town of the name it means."""
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        for stop in range(min(len(doc), end + 1 + MAX_PREFIX_TOKENS), end + 1, -1):
            words = doc[end + 1 : stop]
            if not all(t.text[:1].isupper() for t in words) or (stop < len(doc) and doc[stop].text[:1].isupper()):
                continue
            word = countries.lookup(words.text)
            if (word is not None and word.kind == "name") or self.division_of(words.text) is not None:
                return True
        return False

    def plausible(self, text: str, focus: frozenset[str]) -> bool:
        """True when the gazetteer knows the name as some place's main name, as a division's ("Clarke" for Clarke
        County), or as an alias of a place in or beside the article's countries (with no country evidence, any
        known name will do): "Israel and Hamas" does not make Hamas the German town of Hamm."""
        candidates = self.gazetteer.candidates(text)
        if not focus:
            return bool(candidates)
        near = self.near(focus)
        return any(c.primary or c.country in near or c.precision in DIVISION_PRECISIONS for c in candidates)

    def coordinated(self, doc: Doc, start: int, end: int, found: list[Mention]) -> bool:
        """True when the name is in a conjunct list with a found place."""
        root = doc[start:end].root
        places = {i for m in found for i in range(m.start, m.end)}
        if root.dep_ in CONJ_DEPS and root.head.i in places:
            return True
        return any(child.dep_ in CONJ_DEPS and child.i in places for child in root.children)

    def surface(self, doc: Doc, mention: Mention) -> str:
        """The toponym as written."""
        return doc[mention.start : mention.end].text
