"""The ``fogofwar_actors`` component: matches the lexicon, reads every candidate phrase in text order, and writes
the canonical actors."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from fogofwar import countries
from fogofwar.pipeline.actors.core import Matches
from fogofwar.pipeline.actors.lexicon import (
    COREFERENCE_CONFIDENCE,
    MEMBER_BODIES,
    MILITARY_BODIES,
    NAMED_KINDS,
    OCCUPATIONS,
    PERSON_PRONOUNS,
    Draft,
    bare_possessive,
    lexicon,
    strip_det,
)
from fogofwar.pipeline.actors.persons import MAX_NAME_WORDS, PersonRules


class ActorTable(PersonRules):
    """Reads the mentions of one document in order and keeps the canonical actors they refer to."""

    def read(self) -> None:
        """Visit every candidate phrase in text order and record the actor it mentions."""
        for phrase in self.phrases():
            if self.consumed.intersection(range(phrase.start, phrase.end)):
                continue
            self.phrase(phrase)
        for word in self.matches.country_words + self.matches.organisations:
            if not self.consumed.intersection(range(word.start, word.end)):
                self.bare_name(word)
        for ent in self.ents:
            if self.consumed.intersection(range(ent.start, ent.end)):
                continue
            if ent.label_ == "PERSON":
                name = self.person_in(ent)
                if name is not None:
                    self.person(ent, name)
            elif (named := self.recorded_person(ent)) is not None:
                self.mention(named, ent)
            elif ent.label_ == "ORG" and (len(ent) > 1 or ent.text.isupper()):
                self.unknown_organisation(ent)
        self.members_of_bodies()

    def members_of_bodies(self) -> None:
        """A person with no title named "of" or "from" a body ("Fadi al-Shami of the Tahrir al-Sham Brigade said")
        speaks for it: read once every actor is known, as the body is often named after the person."""
        for draft in self.drafts:
            if draft.kind != "person" or draft.affiliation is not None:
                continue
            for span in draft.evidence:
                name = self.doc.char_span(span.start, span.end, alignment_mode="expand")
                if name is None or name.end + 1 >= len(self.doc) or self.doc[name.end].lower_ not in ("of", "from"):
                    continue
                body = next(
                    (b for t in self.doc[name.end + 1 : name.end + 4] if (b := self.actor_at_token(t)) is not None),
                    None,
                )
                if body is not None and self.drafts[body].kind in MEMBER_BODIES:
                    draft.affiliation = body
                    draft.country = self.drafts[body].country
                    break

    def phrases(self) -> list[SpacySpan]:
        """Noun chunks, person names and pronouns the chunker leaves out, in text order."""
        spans = list(self.chunks)
        covered = {i for span in spans for i in range(span.start, span.end)}
        spans += [e for e in self.ents if e.label_ == "PERSON" and not covered.intersection(range(e.start, e.end))]
        return sorted(spans, key=lambda s: (s.start, -s.end))

    def lone_witness(self, np: SpacySpan) -> bool:
        """An unnamed person who speaks for no body ("A resident of Homs said", "a witness told Reuters"): an actor
        of their own, whom a later "he" or "she" can continue; kind ``organisation`` with no country, as the claims
        guidelines code unnamed sources (evaluation/claims/GUIDELINES.md)."""
        root = np.root
        if root.tag_ != "NN" or self.lex.titles.get(root.lemma_.lower()) != "civilians" or not self.acting(root):
            return False
        name = strip_det(self.doc[np.start : root.right_edge.i + 1])
        draft = Draft(name, "organisation", None, np.text, head=root.lemma_.lower())
        self.mention(self.add(("witness", root.i), draft), np)
        return True

    def coordinated_organs(self, np: SpacySpan) -> bool:
        """Two bodies sharing a head noun ("Government and opposition forces", "government and rebel forces"): the
        first word and the conjunct with the head are organ phrases of their own (country words are split by the
        organ rules: "Syrian and Russian forces")."""
        first = next(
            (c for c in np.root.lefts if c.dep_ in ("nmod", "amod", "compound") and c.conjuncts and c.i >= np.start),
            None,
        )
        if first is None or any(t.i in self.matches.country_at for t in (first, *first.conjuncts)):
            return False
        last = max(first.conjuncts, key=lambda t: t.i)
        if not first.i < last.i < np.root.i:
            return False
        one = self.organ_phrase(self.doc[first.i : first.i + 1])
        two = self.organ_phrase(self.doc[last.i : np.end])
        return one or two

    def phrase(self, np: SpacySpan) -> None:  # noqa: PLR0911 - one return per rule, in order
        """Record the actor a noun phrase mentions, if any (the first rule that applies wins)."""
        root = np.root
        if root.lower_ in PERSON_PRONOUNS and len(np) == 1:
            self.pronoun(np)
            return
        person = self.person_in(np)
        if person is not None:
            self.person(np, person)
            return
        named = self.recorded_person(np)
        if named is not None:  # "Fabius said", after "French Foreign Minister Laurent Fabius"
            self.mention(named, np)
            return
        org = self.matches.org_at.get(root.i) or self.org_before_root(np)
        if org is not None:
            whole = self.doc[min(np.start, org.start) : max(np.end, org.end)]
            self.mention(self.organisation(org), whole)
            return
        if root.lower_ == "army" and self.named_faction(np) is not None:  # "Al-Nasr Army", not "the army"
            return
        if root.lemma_.lower() in self.lex.group_nouns and (org := self.org_just_before(np)) is not None:
            self.mention(self.organisation(org), np)  # "The Islamic State [IS] group", cut in two by the parser
            return
        if self.coordinated_organs(np) or self.organ_phrase(np):
            return
        if self.lone_witness(np) or self.named_faction(np) is not None:
            return
        word = self.matches.country_at.get(root.i)
        if word is not None and self.country_word(word, root) is not None:
            self.mention(self.country(word, agent=self.acting(root)), np)
            return
        ent = self.ent_at.get(root.i)
        ent = ent if ent is not None and ent.label_ == "ORG" else None
        known = ent is not None and any(t.i in self.matches.org_at for t in ent)  # "Raqqa the Observatory"
        if ent is not None and not known and (len(ent) > 1 or ent.text.isupper()) and ent.end > np.end:
            self.unknown_organisation(ent)  # "the Union | of Syrian Medical Relief Organisations", read in order
            return
        if root.lemma_.lower() in self.lex.group_nouns and self.definite(np):
            self.group_noun(np)

    def org_just_before(self, np: SpacySpan) -> SpacySpan | None:
        """The lexicon organisation named right before a phrase, brackets and punctuation between."""
        i = np.start - 1
        while i >= np.sent.start and (self.doc[i].is_punct or self.doc[i].is_bracket or self.doc[i].pos_ == "X"):
            i -= 1
        return self.matches.org_at.get(i) if i >= np.sent.start else None

    def group_noun(self, np: SpacySpan) -> None:
        """ "The group", "the centre": the body named before whose name says so, else the last of its kind; "the
        Brookings Doha Centre" is a name of its own, not "the centre" again."""
        root = np.root
        if any(t.pos_ == "PROPN" and t.i < root.i and t.i not in self.matches.country_at for t in np):
            self.unknown_organisation(np)
            return
        lemma = root.lemma_.lower()
        kinds = NAMED_KINDS | {"armed_group"} | ({"military"} if lemma in MILITARY_BODIES else set())
        if lemma != "agency":  # "the group said" is not the news agency that reported it
            kinds -= {"media"}
        spellings = {lemma, lemma.replace("center", "centre"), lemma.replace("organization", "organisation")}
        found = self.antecedent(
            lambda d: d.organ is None and any(w in spellings for w in d.name.lower().split()), np
        ) or self.antecedent(lambda d: d.organ is None and d.kind in kinds, np)
        if found is not None:
            self.mention(found, np, confidence=COREFERENCE_CONFIDENCE)


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
        table.persons.update(titled_names(doc, lexicon().titles))
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
        # A country word inside a person's name is part of the name ("Jordan Dakamseh", "Israel Katz").
        taken.update(i for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for i in range(e.start, e.end))
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


def titled_names(doc: Doc, titles: Mapping[str, str | None]) -> set[int]:
    """Tokens of names that a title in apposition makes persons, whatever the entity recogniser called them ("Ahmet
    Uzumcu the head of the OPCW", tagged WORK_OF_ART): two or three proper nouns, not a place or a body; or one
    proper noun right before "a"/"an" and a title or an occupation ("said Tarek a police officer", "Manal a
    28-year-old teacher")."""
    found: set[int] = set()
    for token in doc:
        head = token.head
        role = token.lower_ in titles or token.lower_ in OCCUPATIONS
        if token.dep_ != "appos" or not role or head.pos_ != "PROPN" or head.i > token.i:
            continue
        start = head.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        labels = {e.label_ for e in doc.ents if e.start <= head.i < e.end}
        indefinite = head.i + 1 < len(doc) and doc[head.i + 1].lower_ in ("a", "an") and doc[head.i + 1].head == token
        if head.i + 1 - start > MAX_NAME_WORDS or not (indefinite or head.i > start):
            continue
        if indefinite or not labels & {"GPE", "LOC", "ORG", "NORP", "FAC"}:  # "Salma a teacher", tagged GPE
            found.update(range(start, head.i + 1))
    return found
