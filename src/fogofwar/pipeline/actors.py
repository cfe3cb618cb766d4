"""Actors: canonical actors from their mentions, with country (ISO alpha-3), kind and, for a person, affiliation.

``fogofwar_actors`` reads the parse and entities and writes ``doc._.actors`` (a list of record.Actor, in order of first
mention; each actor's ``evidence`` holds every mention, so later components map a token to its actor). Mentions:

- named organisations from ``data/actors.json`` (IGOs, armed groups, monitors, news agencies, "the Kremlin");
- countries and their organs: "Azerbaijan's Defence Ministry", "Armenian forces", "Azerbaijani military officials",
  "Karabakh forces" (a breakaway region's forces take the country given in ``regions``); officials and authorities of
  a country are the country's government, one actor with it;
- a country or its capital as the subject of a verb ("Armenia denied", "Baku welcomed") is its government; a
  country named anywhere else is the state;
- persons with their titles and affiliations ("European Commission spokesman Peter Stano", "Hikmet Hajiyev, assistant
  to the president ... for Azerbaijan's Presidency", "his Turkish counterpart Recep Tayyip Erdogan"); a later
  "Erdogan" is the same person;
- coreference by rule (no offline coreference model exists on the registry): "the ministry" is the last ministry
  named, "the organisation" the last organisation, "he"/"she" the last person who spoke or acted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from fogofwar import countries
from fogofwar.record import Actor, Span

#: Dependency labels of a verb's subject: a country or capital there acts or speaks, so it is its government.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})

#: Determiners that make a definite description ("the ministry"), which continues an actor named before.
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})

#: Prepositions that name the body a spokesperson or official speaks for ("a spokesman for", "officials of").
OWNER_PREPS = frozenset({"for", "of", "at", "from", "with"})

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

#: Kinds of named organisations a definite description of their kind continues ("the monitoring group").
NAMED_KINDS = frozenset({"ngo", "igo", "media", "organisation"})

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
    titles: dict[str, str | None]  # lower-cased title -> kind of the body it speaks for
    statement_nouns: frozenset[str]
    group_nouns: frozenset[str]
    home_words: frozenset[str]
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
        titles={k.lower(): v for k, v in data["titles"].items()},
        statement_nouns=frozenset(data["statement_nouns"]),
        group_nouns=frozenset(data["group_nouns"]),
        home_words=frozenset(data["home_words"]),
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


class ActorsComponent:
    """``fogofwar_actors``: reads the parse and entities; writes doc._.actors (a list of record.Actor)."""

    def __init__(self, nlp: Language) -> None:
        lex = lexicon()
        self.organisations = PhraseMatcher(nlp.vocab, attr="ORTH")
        # Each alias also in the possessive that lost its apostrophe ("the Observatorys director"), as some
        # corpora print it.
        aliases = [*lex.organisations, *(bare_possessive(a) for a in lex.organisations if not a.endswith("s"))]
        self.organisations.add("ORG", [nlp.make_doc(alias) for alias in aliases])
        self.country_words = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.country_words.add("COUNTRY", [nlp.make_doc(word) for word in countries.words()])
        self.region_words = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.region_words.add("REGION", [nlp.make_doc(word) for word in lex.regions])
        self.known_persons = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.known_persons.add("PERSON", [nlp.make_doc(alias) for alias in lex.persons])

    def __call__(self, doc: Doc) -> Doc:
        table = ActorTable(doc, self.matches(doc))
        table.persons.update(i for _, start, end in self.known_persons(doc) for i in range(start, end))
        table.read()
        doc._.actors = table.actors()
        return doc

    def matches(self, doc: Doc) -> Matches:
        """Organisation names, country words and region words, longest first, organisations winning overlaps."""
        orgs = filter_spans(SpacySpan(doc, s, e) for _, s, e in self.organisations(doc))
        taken = {i for span in orgs for i in range(span.start, span.end)}
        for place in doc._.places or ():  # "Port Sudan", "Gaza City": a place named after a country is a place
            span = doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
            if span is not None and place.precision not in ("country", "unresolved") and len(span) > 1:
                taken.update(range(span.start, span.end))
        words = [
            span
            for span in filter_spans(SpacySpan(doc, s, e) for _, s, e in self.country_words(doc))
            if not taken.intersection(range(span.start, span.end))
        ]
        regions = [
            span
            for span in filter_spans(SpacySpan(doc, s, e) for _, s, e in self.region_words(doc))
            if not taken.intersection(range(span.start, span.end))
        ]
        return Matches(orgs, words, regions)


@dataclass(slots=True)
class Matches:
    """Lexicon matches in a document, each as a spaCy span."""

    organisations: list[SpacySpan]
    country_words: list[SpacySpan]
    regions: list[SpacySpan]
    org_at: dict[int, SpacySpan] = field(default_factory=dict)
    country_at: dict[int, SpacySpan] = field(default_factory=dict)
    region_at: dict[int, SpacySpan] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for spans, at in (
            (self.organisations, self.org_at),
            (self.country_words, self.country_at),
            (self.regions, self.region_at),
        ):
            for span in spans:
                for i in range(span.start, span.end):
                    at[i] = span


class ActorTable:
    """Reads the mentions of one document in order and keeps the canonical actors they refer to."""

    def __init__(self, doc: Doc, matches: Matches) -> None:
        self.doc = doc
        self.matches = matches
        self.lex = lexicon()
        self.drafts: list[Draft] = []
        self.keys: dict[tuple[Any, ...], int] = {}
        self.history: list[tuple[int, int]] = []  # (char offset, actor) of every mention, in reading order
        self.consumed: set[int] = set()  # token indices already part of a mention
        self.chunks = list(doc.noun_chunks)  # computed once: the chunker walks the whole parse
        self.chunk_ending = {chunk.end - 1: chunk for chunk in self.chunks}
        placed = {
            offset
            for place in doc._.places or ()
            if place.precision != "unresolved"
            for offset in range(place.evidence.start, place.evidence.end)
        }
        self.persons = {
            i
            for ent in doc.ents
            if ent.label_ == "PERSON" and ent.start_char not in placed
            for i in range(ent.start, ent.end)
        }

    # -- reading -----------------------------------------------------------------------------------------------

    def read(self) -> None:
        """Visit every candidate phrase in text order and record the actor it mentions."""
        for phrase in self.phrases():
            if self.consumed.intersection(range(phrase.start, phrase.end)):
                continue
            self.phrase(phrase)
        for word in self.matches.country_words + self.matches.organisations:
            if not self.consumed.intersection(range(word.start, word.end)):
                self.bare_name(word)
        for ent in self.doc.ents:
            if self.consumed.intersection(range(ent.start, ent.end)):
                continue
            if ent.label_ == "PERSON":
                name = self.person_in(ent)
                if name is not None:
                    self.person(ent, name)
            elif ent.label_ == "ORG" and (len(ent) > 1 or ent.text.isupper()):
                self.unknown_organisation(ent)

    def phrases(self) -> list[SpacySpan]:
        """Noun chunks, person names and pronouns the chunker leaves out, in text order."""
        spans = list(self.chunks)
        covered = {i for span in spans for i in range(span.start, span.end)}
        spans += [e for e in self.doc.ents if e.label_ == "PERSON" and not covered.intersection(range(e.start, e.end))]
        return sorted(spans, key=lambda s: (s.start, -s.end))

    def phrase(self, np: SpacySpan) -> None:
        """Record the actor a noun phrase mentions, if any (the first rule that applies wins)."""
        root = np.root
        if root.lower_ in PERSON_PRONOUNS and len(np) == 1:
            self.pronoun(np)
            return
        person = self.person_in(np)
        if person is not None:
            self.person(np, person)
            return
        org = self.matches.org_at.get(root.i) or self.org_before_root(np)
        if org is not None:
            whole = self.doc[min(np.start, org.start) : max(np.end, org.end)]
            self.mention(self.organisation(org), whole)
            return
        if self.organ_phrase(np):
            return
        word = self.matches.country_at.get(root.i)
        if word is not None and self.country_word(word, root) is not None:
            self.mention(self.country(word, agent=self.acting(root)), np)
            return
        if root.lemma_.lower() in self.lex.group_nouns and self.definite(np):
            found = self.antecedent(lambda d: d.organ is None and d.kind in NAMED_KINDS | {"armed_group"}, np)
            if found is not None:
                self.mention(found, np, confidence=COREFERENCE_CONFIDENCE)

    def person_in(self, np: SpacySpan) -> SpacySpan | None:
        """The person a phrase names as its head ("European Commission spokesman Peter Stano" -> Peter Stano)."""
        root = np.root
        if root.i not in self.persons:
            # A title after the name with no comma ("Peter Salama Executive Director of the WHO ... said").
            named = [t.i for t in np if t.i in self.persons and t.i < root.i]
            if not named or self.title_kind(self.doc[named[-1] + 1 : root.i + 1]) is None:
                return None
            root = self.doc[named[-1]]
        if root.i in self.matches.country_at or root.i in self.matches.org_at:
            return None
        ent = next((e for e in self.doc.ents if e.start <= root.i < e.end), None)
        start, end = (ent.start, min(ent.end, np.end)) if ent is not None else self.name_around(root, np)
        if end > start and self.doc[end - 1].tag_ == "POS":
            end -= 1
        return self.doc[start:end] if end > start else None

    def name_around(self, token: Token, np: SpacySpan) -> tuple[int, int]:
        """The run of person-name tokens around ``token`` inside the phrase (a known name the model did not tag)."""
        start = token.i
        while start > np.start and start - 1 in self.persons:
            start -= 1
        end = token.i + 1
        while end < np.end and end in self.persons:
            end += 1
        return start, end

    def org_before_root(self, np: SpacySpan) -> SpacySpan | None:
        """An organisation that a group noun heads ("the OIC General Secretariat", "the UN refugee agency")."""
        for token in np:
            org = self.matches.org_at.get(token.i)
            if org is not None and org.end <= np.end and np.root.i >= org.end - 1:
                tail = self.doc[org.end : np.end]
                if all(t.pos_ in ("PROPN", "NOUN") and t.i not in self.persons for t in tail):
                    return org
        return None

    # -- persons -----------------------------------------------------------------------------------------------

    def person(self, np: SpacySpan, name: SpacySpan) -> None:
        """A named person, with the title before the name or in an apposition after it."""
        title = [t for t in self.doc[np.start : name.start] if t.pos_ not in ("DET",)]
        before = self.adjacent_title(np)
        if before is not None:
            title = list(before) + title
        for child in name.root.children:
            if child.dep_ == "appos":
                title += list(child.subtree)
        if name.end < np.end:  # the title after the name, inside the phrase
            title += [t for child in np.root.rights for t in child.subtree] + list(self.doc[name.end : np.root.i + 1])
        known = self.lex.persons.get(name.text) or self.lex.persons.get(name[-1].text)
        existing = self.known_person(known.name if known is not None else name.text)
        if existing is None and not title and not self.acting(name.root) and known is None:
            return  # an untitled, unknown name outside subject position: too often a mislabelled place
        affiliation = self.affiliation(title)
        if affiliation is None and known is not None:
            affiliation = self.known_body(known, name)
        if known is not None:
            name = self.doc[name.start : name.end]
            canonical = known.name
        else:
            canonical = name.text
        if existing is not None:
            index = existing
            draft = self.drafts[index]
            if draft.affiliation is None and affiliation is not None:
                draft.affiliation = affiliation
                draft.country = self.drafts[affiliation].country
        else:
            country = self.drafts[affiliation].country if affiliation is not None else None
            index = self.add(("person", canonical), Draft(canonical, "person", country, name.text))
            self.drafts[index].affiliation = affiliation
        self.drafts[index].titles.update(t.lower_ for t in title if t.lower_ in self.lex.titles)
        self.mention(index, np)
        if before is not None:
            self.mention(index, before)
        self.consumed.update(t.i for t in title)

    def acting(self, token: Token) -> bool:
        """Whether a name is the subject of a verb (or joined to one that is)."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token.dep_ in SUBJECT_DEPS

    def known_body(self, known: KnownPerson, name: SpacySpan) -> int | None:
        """The actor a well-known person speaks for, when the text gives no title ("Putin said")."""
        if known.body is not None:
            org = self.lex.organisations.get(known.body)
            if org is not None:
                return self.add(("org", org.name), Draft(org.name, org.kind, org.country, org.name))
        if known.country is None:
            return None
        organ = Organ("military", "military") if known.kind == "military" else None
        if known.kind == "armed_group":
            organ = Organ("armed groups", "armed_group")
        if organ is not None:
            return self.organ(known.country, organ, text=name.text)
        country = countries.country_name(known.country) or known.country
        index = self.add(("country", known.country), Draft(country, "government", known.country, country))
        self.drafts[index].kind = "government"
        return index

    def adjacent_title(self, np: SpacySpan) -> SpacySpan | None:
        """A title chunk just before a name that the parser split off ("his Turkish counterpart | Recep Erdogan")."""
        if np.start == 0:
            return None
        chunk = self.chunk_ending.get(np.start - 1)
        return chunk if chunk is not None and self.title_kind(chunk) is not None else None

    def known_person(self, name: str) -> int | None:
        """An actor already recorded for this person: the same full name, or a surname of one recorded."""
        words = name.split()
        for i, draft in enumerate(self.drafts):
            if draft.kind != "person":
                continue
            known = draft.name.split()
            if known == words or (len(words) == 1 and words[0] == known[-1]) or known[-len(words) :] == words:
                return i
        return None

    def title_kind(self, tokens: Iterable[Token]) -> str | None:
        """The kind a title gives ("President" -> government, "commander" -> military; "" when the body decides),
        or None for a phrase with no title word."""
        text = " ".join(t.lower_ for t in tokens)
        found: str | None = None
        for title, kind in self.lex.titles.items():
            if f" {title} " in f" {text} ":
                if kind is not None:
                    return kind
                found = ""
        return found

    def affiliation(self, title: list[Token]) -> int | None:  # noqa: PLR0911 - one return per kind of body
        """The actor a person speaks for, from the words of their title: a named organisation, an organ of a
        country, or the country's government (its military for a military title)."""
        if not title or self.title_kind(title) is None:
            return None
        if title[0].lower_ in POSSESSIVE_PRONOUNS | {"his", "her"} and not any(
            t.i in self.matches.org_at or t.i in self.matches.country_at for t in title
        ):  # "Its spokesman John Kirby": the body named just before
            return self.antecedent(lambda d: d.kind != "person", self.doc[title[0].i : title[0].i + 1])
        for token in title:
            org = self.matches.org_at.get(token.i)
            if org is not None:
                self.consumed.update(range(org.start, org.end))
                return self.mention(self.organisation(org), org)
        kind = self.title_kind(title) or "government"
        for token in title:
            word = self.matches.country_at.get(token.i)
            if word is None or self.country_word(word, token) is None or not self.qualifies(word.root):
                continue
            organ = self.organ_of(token for token in title if token.i not in self.matches.country_at)
            self.consumed.update(range(word.start, word.end))
            iso3 = self.country_word(word, token)
            assert iso3 is not None
            if organ is not None and organ.name not in COUNTRY_ORGANS and organ.kind not in ("civilians", "media"):
                return self.mention(self.organ(iso3, organ), word)
            if kind == "military":
                return self.mention(self.organ(iso3, Organ("military", "military")), word)
            return self.mention(self.country(word, agent=True), word)
        return None

    def qualifies(self, word: Token) -> bool:
        """Whether a country word in a title names the body the person serves ("Turkish President", "Minister of
        Defence of Syria", "chief for Azerbaijan's Presidency"), not something the title is about ("Coordinator
        for the Syria Crisis")."""
        head = word.head
        if head.pos_ == "ADP":  # "of Syria", "for Azerbaijan"
            head = head.head
        if head.i == word.i:
            return True
        lower = head.lower_
        return lower in self.lex.titles or lower in self.lex.organs or self.organ_of([head]) is not None

    def pronoun(self, np: SpacySpan) -> None:
        """ "he"/"she": the last person mentioned, if one was, recently."""
        found = self.antecedent(lambda d: d.kind == "person", np)
        if found is not None:
            self.mention(found, np, confidence=COREFERENCE_CONFIDENCE)

    # -- countries and organs ----------------------------------------------------------------------------------

    def organ_phrase(self, np: SpacySpan) -> bool:  # noqa: PLR0911, PLR0912, PLR0915 - one branch per way to name an organ
        """Record an organ of a country or a group ("Azerbaijan's Defence Ministry", "Karabakh forces", "the
        ministry"); False when the phrase names no organ."""
        if any(c.dep_ == "appos" and c.i in self.persons for c in np.root.children):
            return True  # "Its spokesman John Kirby": the person's title, read with the person
        tokens = list(np) + of_phrase(np.root)  # "Russias Ministry | of Defence"
        organ = self.organ_of(
            t for t in tokens if t.i not in self.matches.country_at and t.i not in self.matches.region_at
        )
        if organ is None:
            return False
        root = np.root
        several = self.countries_in(np)
        if len(several) > 1 and organ.kind != "government":  # "Azerbaijani and Armenian forces": one actor each
            for word, code in several:
                self.mention(self.organ(code, organ, text=f"{word.text} {root.text}"), np)
            return True
        iso3, kind = self.country_of(np)
        if iso3 is None and kind is None and root.dep_ == "conj" and organ.kind not in NAMED_KINDS:
            head = self.actor_at_token(root.head)
            if head is not None and self.drafts[head].country is not None:
                iso3 = self.drafts[head].country
        if kind is not None:  # a breakaway region's forces or officials
            organ = Organ(organ.name if organ.kind == "armed_group" else "armed groups", kind)
        if iso3 is not None:
            self.mention(self.organ(iso3, organ, text=np.text), np)
            return True
        if kind is not None and (home := self.home_country()) is not None:  # "Kurdish forces" in a Syrian story
            self.mention(self.organ(home, organ, text=np.text), np)
            return True
        if kind is not None:  # a region with no country ("Kurdish forces"): a group of its own
            key = ("group", strip_det(np).lower())
            draft = Draft(strip_det(np), kind, None, np.text, organ=organ.name, head=root.lemma_.lower())
            self.mention(self.add(key, draft), np)
            return True
        owner = self.owner_after(root)
        if owner is not None:  # "a spokesman for the White Helmets", "officials of the Syrian government"
            self.mention(owner, np)
            return True
        if np[0].lower_ in PERSONAL_POSSESSIVES:  # "his fighters": the body the person speaks for
            person = self.antecedent(lambda d: d.kind == "person", np, same_sentence=True)
            if person is not None:
                body = self.drafts[person].affiliation
                if body is None or organ.name == "spokesperson":  # "his spokesman": the person's own voice
                    body = person
                country = self.drafts[body].country
                if (self.drafts[body].organ is None and self.drafts[body].kind != "government") or country is None:
                    self.mention(body, np, confidence=COREFERENCE_CONFIDENCE)
                else:
                    self.mention(self.organ(country, organ, text=np.text), np, confidence=COREFERENCE_CONFIDENCE)
                return True
        if np[0].lower_ in POSSESSIVE_PRONOUNS:  # "26 of its troops": the country of the clause's party
            owner = self.antecedent(lambda d: d.country is not None, np, same_sentence=True)
            if owner is not None:
                iso3 = self.drafts[owner].country
                assert iso3 is not None
                self.mention(self.organ(iso3, organ, text=np.text), np, confidence=COREFERENCE_CONFIDENCE)
                return True
        if self.definite(np) and root.lower_ in self.lex.titles:  # "the president": the person with that title
            titled = self.antecedent(lambda d: d.kind == "person" and root.lower_ in d.titles, np)
            if titled is not None:
                self.mention(titled, np, confidence=COREFERENCE_CONFIDENCE)
                return True
        if self.definite(np) or self.lex.home_words.intersection(t.lower_ for t in np):
            lemma = root.lemma_.lower()
            found = (
                self.antecedent(lambda d: d.head == lemma or same_organ(d, organ), np) if self.definite(np) else None
            )
            if found is not None:
                self.mention(found, np, confidence=COREFERENCE_CONFIDENCE)
                return True
            home = self.home_country()
            if (
                home is not None
                and (organ.kind in ("government", "military") or organ.name in HOME_ORGANS)
                and (organ.name != "ministry")
            ):
                self.mention(self.organ(home, organ, text=np.text), np, confidence=COREFERENCE_CONFIDENCE)
                return True
        counted = any(t.pos_ == "NUM" or t.like_num for t in np)  # "12 people died": a toll, not a party
        if self.acting(root) and not counted and not (organ.name == "ministry" and self.definite(np)):
            group_key: tuple[str, ...] = ("group", organ.name, root.lemma_.lower())
            draft = Draft(strip_det(np), organ.kind, None, np.text, organ=organ.name, head=root.lemma_.lower())
            self.mention(self.add(group_key, draft), np)
            return True
        return organ.kind != "government" or root.lemma_.lower() not in ("state", "government")

    def owner_after(self, root: Token) -> int | None:
        """The body a spokesperson, official or source speaks for, named after them ("a spokesman for the White
        Helmets", "officials of Syria"): a named organisation, or an organ or the government of a country."""
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ not in OWNER_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for token in [t for t in obj.lefts if t.dep_ in ("compound", "amod", "poss")] + [obj]:
                    org = self.matches.org_at.get(token.i)
                    if org is not None:
                        self.consumed.update(range(org.start, org.end))
                        return self.mention(self.organisation(org), org)
                word = self.matches.country_at.get(obj.i) or next(
                    (self.matches.country_at[t.i] for t in obj.lefts if t.i in self.matches.country_at), None
                )
                if word is not None and (iso3 := self.country_word(word, word.root)) is not None:
                    organ = self.organ_of(t for t in obj.subtree if t.i not in self.matches.country_at)
                    self.consumed.update(t.i for t in obj.subtree)
                    return self.organ(iso3, organ or Organ("government", "government"))
        return None

    def home_country(self) -> str | None:
        """The country the article names most (by its name or demonym): "the government" is its government."""
        counts: dict[str, int] = {}
        for word in self.matches.country_words:
            found = countries.lookup(word.text)
            if found is not None and found.kind in ("name", "demonym"):
                counts[found.iso3] = counts.get(found.iso3, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else None

    def organ_of(self, tokens: Iterable[Token]) -> Organ | None:
        """The organ named at the end of a phrase (longest match of the lexicon's words), or None."""
        words = [t.lower_ for t in tokens if t.pos_ not in SKIP_POS and t.tag_ != "POS"]
        for size in range(min(len(words), 4), 0, -1):
            organ = self.lex.organs.get(" ".join(words[-size:]))
            if organ is not None:
                return organ
        return None

    def countries_in(self, np: SpacySpan) -> list[tuple[SpacySpan, str]]:
        """The distinct countries named by the country words of a phrase, with the words."""
        found: dict[str, SpacySpan] = {}
        for word in self.matches.country_words:
            if np.start <= word.start and word.end <= np.end:
                iso3 = self.country_word(word, word.root)
                if iso3 is not None:
                    found.setdefault(iso3, word)
        self.consumed.update(i for word in found.values() for i in range(word.start, word.end))
        return [(word, iso3) for iso3, word in found.items()]

    def country_of(self, np: SpacySpan) -> tuple[str | None, str | None]:
        """The country a phrase names through a country word or a breakaway region, and the kind a region imposes."""
        for token in np:
            word = self.matches.country_at.get(token.i)
            if word is not None:
                iso3 = self.country_word(word, token)
                if iso3 is not None:
                    self.consumed.update(range(word.start, word.end))
                    return iso3, None
        for token in np:
            region = self.matches.region_at.get(token.i)
            if region is not None:
                country, kind = self.lex.regions[region.text]
                self.consumed.update(range(region.start, region.end))
                return country, kind
        return None, None

    def country_word(self, word: SpacySpan, token: Token) -> str | None:
        """The country of a country word, unless it is a capital not used as a subject (then it is a place)."""
        found = countries.lookup(word.text)
        if found is None:
            return None
        if found.kind == "capital" and word.root.dep_ not in SUBJECT_DEPS:
            return None
        following = self.doc[word.end : word.end + 2].text.lower()
        if following.startswith(("-based", "- based", "based")):  # "the Britain-based monitor": a seat, not a side
            return None
        return found.iso3

    def unknown_organisation(self, ent: SpacySpan) -> None:
        """An organisation the lexicon does not know ("the Union of Syrian Medical Relief Organisations"): kind
        ``organisation``, so that "the group said" can continue it."""
        tokens = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
        name = "".join(t.text_with_ws for t in tokens).strip()
        if not name or countries.lookup(name) is not None:
            return
        draft = Draft(name, "organisation", None, ent.text, confidence=UNKNOWN_ORGANISATION_CONFIDENCE)
        self.mention(self.add(("org", name), draft), ent, confidence=UNKNOWN_ORGANISATION_CONFIDENCE)

    def bare_name(self, word: SpacySpan) -> None:
        """A country or organisation named outside any phrase read so far ("Armenia's attack on Azerbaijan")."""
        if word in self.matches.organisations:
            self.mention(self.organisation(word), word)
            return
        found = countries.lookup(word.text)
        if found is None or found.kind != "name":
            return
        self.mention(self.country(word, agent=self.acting(word.root)), word)

    # -- canonical actors --------------------------------------------------------------------------------------

    def organisation(self, org: SpacySpan) -> int:
        text = org.text
        found = self.lex.organisations.get(text) or self.lex.organisations[text[:-1]]
        return self.add(("org", found.name), Draft(found.name, found.kind, found.country, org.text))

    def country(self, word: SpacySpan, *, agent: bool) -> int:
        """The country's own actor: its government when it acts or speaks, else the state."""
        found = countries.lookup(word.text)
        assert found is not None
        index = self.add(
            ("country", found.iso3),
            Draft(countries.country_name(found.iso3) or found.iso3, "state", found.iso3, word.text),
        )
        if agent:
            self.drafts[index].kind = "government"
        return index

    def organ(self, iso3: str, organ: Organ, text: str | None = None) -> int:
        """An organ of a country: the government itself for "officials"; a generic "ministry" is the ministry of
        that country named before, if any."""
        country = countries.country_name(iso3) or iso3
        if organ.name in COUNTRY_ORGANS:
            index = self.add(("country", iso3), Draft(country, "government", iso3, text or country))
            self.drafts[index].kind = "government"
            return index
        if organ.name == "ministry":
            for i in reversed(range(len(self.drafts))):
                draft = self.drafts[i]
                if draft.country == iso3 and draft.organ is not None and "Ministry" in draft.organ:
                    return i
        name = strip_det_text(text) if organ.kind == "armed_group" and text else f"{country} {organ.name}"
        head = text.split()[-1].lower().rstrip("s") if text else None
        draft = Draft(name, organ.kind, iso3, text or country, organ=organ.name, head=head)
        return self.add(("organ", iso3, organ.name), draft)

    def add(self, key: tuple[Any, ...], draft: Draft) -> int:
        """The index of the actor with this identity, creating it from ``draft`` the first time."""
        if key not in self.keys:
            self.keys[key] = len(self.drafts)
            self.drafts.append(draft)
        return self.keys[key]

    def mention(self, index: int, span: SpacySpan, confidence: float = 1.0) -> int:
        """Add a mention of the actor at ``index``; return the index."""
        draft = self.drafts[index]
        draft.evidence.append(Span(span.start_char, span.end_char))
        draft.confidence = min(draft.confidence, confidence) if len(draft.evidence) == 1 else draft.confidence
        self.history.append((span.start_char, index))
        self.consumed.update(range(span.start, span.end))
        return index

    def antecedent(self, accept: Any, np: SpacySpan, *, same_sentence: bool = False) -> int | None:
        """The most recent actor mentioned before ``np`` (within the window, or its sentence) that ``accept`` takes."""
        limit = np.sent.start_char if same_sentence else np.start_char - ANTECEDENT_WINDOW
        for offset, index in sorted(self.history, reverse=True):
            if offset >= np.start_char:
                continue
            if offset < limit:
                return None
            if accept(self.drafts[index]):
                return index
        return None

    def actor_at_token(self, token: Token) -> int | None:
        for offset, index in reversed(self.history):
            draft = self.drafts[index]
            if any(s.start <= token.idx < s.end for s in draft.evidence) and offset <= token.idx:
                return index
        return None

    def definite(self, np: SpacySpan) -> bool:
        return np[0].lower_ in DEFINITE

    def actors(self) -> list[Actor]:
        return [draft.freeze() for draft in self.drafts]


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
