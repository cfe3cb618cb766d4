"""Persons with their titles and the body they speak for ("European Commission spokesman Peter Stano", "Hikmet
Hajiyev, assistant to the president ... for Azerbaijan's Presidency", "Putin"), and "he"/"she"."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from fogofwar import countries
from fogofwar.pipeline.actors.lexicon import (
    ANTECEDENT_WINDOW,
    COREFERENCE_CONFIDENCE,
    COUNTRY_ORGANS,
    FACTION_HEADS,
    HOME_ORGANS,
    POSSESSIVE_PRONOUNS,
    Draft,
    KnownPerson,
    Organ,
)
from fogofwar.pipeline.actors.organs import OrganRules

#: Words in a bare name that may repeat a person named before ("Abdul-Rahman", "Laurent Fabius", "Rami Abdel
#: Rahman"); a longer run of proper nouns is a title or an organisation's name.
MAX_NAME_WORDS = 3

#: Heads of the unnamed people a pronoun may continue ("a resident ... He said").
WITNESSES = frozenset({"resident", "witness"})

#: Heads of phrases that name one person speaking for a body without a title ("a military source said … he said").
PERSON_NOUNS = frozenset({"source", "official", "officer", "he", "she"})

#: Kinds of actor a title that names no body is taken to serve when one was named just before.
BODY_KINDS = frozenset({"igo", "ngo", "organisation"})


class PersonRules(OrganRules):
    """Actors named as persons."""

    def person_in(self, np: SpacySpan) -> SpacySpan | None:
        """The person a phrase names as its head ("European Commission spokesman Peter Stano" -> Peter Stano)."""
        root = np.root
        if root.i not in self.persons or root.i in self.matches.org_at:
            # A title after the name with no comma ("Peter Salama Executive Director of the WHO ... said").
            named = [t.i for t in np if t.i in self.persons and t.i < root.i and t.i not in self.matches.org_at]
            # … or a body and the title in apposition to it ("Massimiliano Rebaudengo MSFs head of mission").
            body = root.i in self.matches.org_at
            apposed = [t for c in root.rights if c.dep_ == "appos" for t in c.subtree] if body else []
            if not named or self.title_kind([*self.doc[named[-1] + 1 : root.i + 1], *apposed]) is None:
                return None
            root = self.doc[named[-1]]
        if root.i in self.matches.country_at or root.i in self.matches.org_at:
            return None
        ent = self.ent_at.get(root.i)
        start, end = (ent.start, min(ent.end, np.end)) if ent is not None else self.name_around(root, np)
        while start < end and start in self.matches.org_at:  # "Observatory Rami Abdurrahman", one entity
            start += 1
        end = next((i for i in range(start, end) if i in self.matches.org_at), end)  # "Rebaudengo MSFs", one entity
        while start > np.start and start - 1 in self.persons and start - 1 not in self.matches.org_at:
            start -= 1  # a first name the recogniser tagged as an entity of its own
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
        return self.government_of(known.country)

    def government_of(self, iso3: str) -> int:
        """The government of a country, as the actor of the country speaking."""
        country = countries.country_name(iso3) or iso3
        index = self.add(("country", iso3), Draft(country, "government", iso3, country))
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

    def recorded_person(self, np: SpacySpan) -> int | None:
        """A person named before, now by surname or full name alone, whatever the entity recogniser made of it
        ("Uzumcu added", "Fabius said" after "Ahmet Uzumcu", "Laurent Fabius")."""
        tokens = [t for t in np if t.pos_ != "DET"]
        if not tokens or len(tokens) > MAX_NAME_WORDS or any(t.pos_ != "PROPN" for t in tokens):
            return None
        if any(t.i in self.matches.org_at or t.i in self.matches.country_at for t in tokens):
            return None
        return self.known_person(" ".join(t.text for t in tokens))

    def title_kind(self, tokens: Iterable[Token]) -> str | None:
        """The kind a title gives ("President" -> government, "commander" -> military; "" when the body decides),
        or None for a phrase with no title word."""
        text = " ".join(t.lower_ for t in tokens)
        found: str | None = None
        for title, kind in self.lex.titles.items():  # longest first (the lexicon keeps them so)
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
        named = self.body_named_in(title)
        if named is not None:
            return named
        principal = self.principal(title)
        if principal is not None:  # "an aide to President Ilham Aliyev": the body Aliyev speaks for
            return principal
        if any(t.lower_ in ("coalition", "coalitions") for t in title) and (leader := self.coalition_country()):
            return self.organ(leader, Organ("military", "military"))  # "the coalition's spokesman Colonel X"
        group = next((o for t in title if (o := self.lex.organs.get(t.lower_)) and o.name in HOME_ORGANS), None)
        if group is not None and not any(t.i in self.matches.country_at for t in title):
            home = self.home_country()  # "Mohammed Saeed, an activist in the area": one of the story's activists
            if home is not None:
                return self.organ(home, group)
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
        return self.body_of_bare_title(title)

    def body_named_in(self, title: list[Token]) -> int | None:
        """An organisation or a faction named in a title ("MSF's head of mission", "Al-Nasr Army military spokesperson
        Lieutenant")."""
        for token in title:
            org = self.matches.org_at.get(token.i)
            if org is not None:
                self.consumed.update(range(org.start, org.end))
                return self.mention(self.organisation(org), org)
        for token in title:
            faction = (
                self.named_faction(self.doc[token.left_edge.i : token.i + 1]) if token.lower_ in FACTION_HEADS else None
            )
            if faction is not None:
                return faction
        return None

    def body_of_bare_title(self, title: list[Token]) -> int | None:
        """The body of a title that names none: a state title serves the country just named ("Interior Minister
        Mohammed Shaar"); another the body just named ("Kevin Kennedy Regional Humanitarian Coordinator")."""
        kind = self.title_kind(title)
        if kind in ("government", "military"):
            return self.body_in_sentence(title[0], kind) or self.state_of_title(title[0], kind)
        return self.body_just_named(title[0]) if kind == "" else None

    def body_in_sentence(self, token: Token, kind: str) -> int | None:
        """The last body of a title's kind named before it in its sentence ("the coalition determined … said
        spokesman Colonel Chris Garver")."""
        return self.latest_between(lambda d: d.kind == kind and d.country is not None, token.sent.start_char, token.idx)

    def state_of_title(self, token: Token, kind: str) -> int | None:
        """The government (or military) a state title with no country serves: the country last named before it in
        its sentence ("Israels Channel 10 quoted Defense Minister Moshe Yaalon"), else, for a civilian title, the
        story's country ("Interior Minister Mohammed Shaar")."""
        named = [w for w in self.matches.country_words if token.sent.start <= w.start and w.end <= token.i]
        iso3 = next((c for w in reversed(named) if (c := self.country_word(w, w.root)) is not None), None)
        if iso3 is None and kind == "government":  # an officer's army is not assumed: foreign ones are quoted too
            iso3 = self.home_country()
        if iso3 is None:
            return None
        if kind == "military":
            return self.organ(iso3, Organ("military", "military"))
        return self.government_of(iso3)

    def body_just_named(self, token: Token) -> int | None:
        """The intergovernmental body, NGO or organisation last mentioned in this sentence or the one before, for a
        title that names no body ("The United Nations condemned the strikes. ... said Kevin Kennedy, Regional
        Humanitarian Coordinator"): news introduces a body before the official who speaks for it."""
        sentence = token.sent
        before = self.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        return self.latest_between(lambda d: d.kind in BODY_KINDS, before.start_char, token.idx)

    def principal(self, title: list[Token]) -> int | None:
        """The body of the person a title serves ("aide to President Ilham Aliyev"), when that person is known."""
        for token in title:
            if token.i not in self.persons or token.dep_ != "pobj" or token.head.lower_ not in ("to", "of", "for"):
                continue
            name = self.doc[token.i : token.i + 1].text
            known = self.lex.persons.get(name)
            if known is not None:
                return self.known_body(known, self.doc[token.i : token.i + 1])
            existing = self.known_person(name)
            if existing is not None and self.drafts[existing].affiliation is not None:
                return self.drafts[existing].affiliation
        return None

    def qualifies(self, word: Token) -> bool:
        """Whether a country word in a title names the body the person serves ("Turkish President", "Minister of
        Defence of Syria", "chief for Azerbaijan's Presidency"), not something the title is about ("Coordinator
        for the Syria Crisis")."""
        head = word.head
        if head.pos_ == "ADP":  # "of Syria", "for Azerbaijan"
            head = head.head
        if head.i == word.i or head.i in self.persons:  # "Russian General Vladimir Savchenko"
            return True
        lower = head.lower_
        return lower in self.lex.titles or lower in self.lex.organs or self.organ_of([head]) is not None

    def pronoun(self, np: SpacySpan) -> None:
        """ "he"/"she": a person mentioned recently, named or not ("a resident", "a military source"): the last one
        who was the subject of a clause, else the last one (a subject is the likelier antecedent: "A source told AFP
        … from Dahiyet al-Assad. 'They are using Grad missiles' he said" is the source, not Assad)."""
        latest: int | None = None
        for offset, index in reversed(self.by_offset):
            if offset >= np.start_char:
                continue
            if offset < np.start_char - ANTECEDENT_WINDOW:
                break
            root = self.mention_root(index, offset)
            if root is None or not self.person_like(self.drafts[index], root):
                continue
            if self.acting(root):
                latest = index
                break
            latest = index if latest is None else latest
        if latest is not None:
            self.mention(latest, np, confidence=COREFERENCE_CONFIDENCE)

    def mention_root(self, index: int, offset: int) -> Token | None:
        """The head word of the actor's mention that starts at ``offset``."""
        span = next((s for s in self.drafts[index].evidence if s.start == offset), None)
        mention = self.doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
        return mention.root if mention is not None and len(mention) else None

    def person_like(self, draft: Draft, root: Token) -> bool:
        """Whether a mention names a person: a person, an unnamed witness, or one speaking for a body ("a military
        source", "an official")."""
        if draft.kind == "person" or (draft.kind == "organisation" and draft.head in WITNESSES):
            return True
        lemma = root.lemma_.lower()
        return lemma in PERSON_NOUNS or (lemma in self.lex.titles and " " not in lemma)
