"""Countries, their organs and named organisations: "Azerbaijan's Defence Ministry", "Armenian forces", "Karabakh
forces", "the ministry", "a spokesman for the White Helmets", "Armenia denied", "Baku welcomed"."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from fogofwar import countries
from fogofwar.pipeline.actors.core import TableCore
from fogofwar.pipeline.actors.lexicon import (
    ARMED_GROUP_WORDS,
    COREFERENCE_CONFIDENCE,
    COUNTRY_ORGANS,
    FACTION_HEADS,
    GROUP_HEADS,
    HOME_GROUP_WORDS,
    HOME_GROUPS,
    HOME_ORGANS,
    HOME_PLACE_WEIGHT,
    NAMED_KINDS,
    NGO_WORDS,
    OWNER_PREPS,
    PERSONAL_POSSESSIVES,
    POSSESSIVE_PRONOUNS,
    QUALIFYING_SUFFIXES,
    REGION_NOUNS,
    SEAT_PREPS,
    SKIP_POS,
    SUBJECT_DEPS,
    UNKNOWN_ORGANISATION_CONFIDENCE,
    Draft,
    Organ,
    of_phrase,
    same_organ,
    strip_det,
    strip_det_text,
)


class OrganRules(TableCore):
    """Actors named as a country, an organ of one, a group, or an organisation of the lexicon."""

    def org_before_root(self, np: SpacySpan) -> SpacySpan | None:
        """An organisation that a group noun heads ("the OIC General Secretariat", "the UN refugee agency", "The
        Islamic State [IS] group")."""
        for token in np:
            org = self.matches.org_at.get(token.i)
            if org is not None and org.end <= np.end and np.root.i >= org.end - 1:
                tail = self.doc[org.end : np.end]
                words = [t for t in tail if not (t.is_punct or t.is_bracket or t.pos_ == "X")]  # "[IS] group"
                office = np.root.lower_ in self.lex.organs  # "U.N. Secretary General Ban Ki-moon's office"
                if all(t.pos_ in ("PROPN", "NOUN") and (office or t.i not in self.persons) for t in words):
                    return org
        return None

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
        coalition_source = organ.name == "spokesperson" and any(t.lower_ in ("coalition", "coalitions") for t in np)
        if organ.name == "coalition" or coalition_source:  # "the coalition", "a coalition source": its leader
            leader = self.coalition_country()
            if leader is not None:
                self.consumed.update(t.i for t in np if t.i in self.matches.country_at)
                self.mention(self.organ(leader, Organ("military", "military"), text=np.text), np)
                return True
            if organ.name == "coalition":
                return False  # no leader named: "the coalition" continues the organisation named before
        if organ.name == "spokesperson" and self.definite(np):  # "the organisation's spokesman": that body's voice
            group_word = next((t for t in np if t.i < root.i and t.lemma_.lower() in self.lex.group_nouns), None)
            if group_word is not None and group_word.i not in self.matches.org_at:
                body = self.antecedent(lambda d: d.organ is None and d.kind in NAMED_KINDS | {"armed_group"}, np)
                if body is not None:
                    self.mention(body, np, confidence=COREFERENCE_CONFIDENCE)
                    return True
        several = self.countries_in(np)
        if len(several) > 1 and organ.kind != "government":  # "Azerbaijani and Armenian forces": one actor each
            for word, code in several:
                self.mention(self.organ(code, organ, text=f"{word.text} {root.text}"), np)
            return True
        iso3, kind = self.country_of(np)
        if iso3 is None and kind is None and organ.kind in ("government", "military"):
            iso3 = self.seat_country(np)  # "An official at the governor's office in Homs": a Syrian official
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
        owner = self.owner_after(root) if organ.name not in HOME_ORGANS else None
        if owner is not None:  # "a spokesman for the White Helmets", "officials of the Syrian government"
            state = self.drafts[owner]
            if organ.kind == "military" and state.kind in ("government", "state") and state.country is not None:
                owner = self.organ(state.country, organ)  # "the army of the Assad regime": that state's army
            self.mention(owner, np)
            return True
        home_group = root.lower_ in HOME_GROUPS or (  # "rebels", "opposition forces", "rebel fighters"
            root.lower_ in GROUP_HEADS and any(t.lower_ in HOME_GROUP_WORDS for t in np if t.i < root.i)
        )
        if organ.kind == "armed_group" and not self.definite(np) and home_group:
            home = self.home_country()  # "rebels said" in a Syrian story: rebels fighting in Syria
            if home is not None:  # a group of its own, not one with every other armed group of that country
                lemma = root.lemma_.lower()
                draft = Draft(strip_det(np), organ.kind, home, np.text, organ=organ.name, head=lemma)
                self.mention(self.add(("group", home, organ.name, lemma), draft), np)
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
            owner = self.antecedent(lambda d: d.country is not None and d.kind != "media", np, same_sentence=True)
            if owner is not None:
                iso3 = self.drafts[owner].country
                assert iso3 is not None
                self.mention(self.organ(iso3, organ, text=np.text), np, confidence=COREFERENCE_CONFIDENCE)
                return True
        possessor = next((c for c in root.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        if possessor is not None and possessor.lemma_.lower() in REGION_NOUNS:  # "the region's authorities"
            found = self.antecedent(lambda d: d.kind == "armed_group", np)
            if found is not None:
                self.mention(found, np, confidence=COREFERENCE_CONFIDENCE)
                return True
        if self.definite(np) and root.lower_ in self.lex.titles:  # "the president": the person with that title
            titled = self.antecedent(lambda d: d.kind == "person" and root.lower_ in d.titles, np)
            if titled is not None:
                self.mention(titled, np, confidence=COREFERENCE_CONFIDENCE)
                return True
        if self.definite(np) or self.lex.home_words.intersection(t.lower_ for t in np):
            lemma = root.lemma_.lower()
            # "the service" continues the emergency service named before; "the border guard service" does not
            qualified = any(t.i < root.i and t.pos_ in ("NOUN", "PROPN") for t in np)
            found = (
                self.antecedent(
                    lambda d: same_organ(d, organ) or (d.head == lemma and (not qualified or d.organ == organ.name)),
                    np,
                )
                if self.definite(np)
                else None
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
        """The country the story is about: "the government", "activists" and "rebels" named without a country
        are its own. Counted from the country names and demonyms of the article (not those that only qualify
        another party: "US-led", "Russian-backed") and the countries of the places below country level where
        things happen or are said; computed once per document."""
        if self._home is not None:
            return self._home or None
        counts: dict[str, int] = {}
        for word in self.matches.country_words:
            found = countries.lookup(word.text)
            after = self.doc[word.end : word.end + 2].text.lower()
            if found is None or found.kind not in ("name", "demonym") or after.startswith(QUALIFYING_SUFFIXES):
                continue
            counts[found.iso3] = counts.get(found.iso3, 0) + 1
        for place in self.doc._.places or ():
            iso3 = countries.iso2_to_iso3(place.country) if place.country else None
            if iso3 is not None and place.precision not in ("country", "unresolved") and place.role != "metonym":
                counts[iso3] = counts.get(iso3, 0) + HOME_PLACE_WEIGHT
        self._home = max(counts, key=lambda k: counts[k]) if counts else ""
        return self._home or None

    def coalition_country(self) -> str | None:
        """The country that leads "the coalition" of the article ("a US-led coalition", "the Saudi-led
        coalition"; else the lexicon's leader of the coalition against an organisation the article names), whose
        military speaks for it, or None."""
        for word in self.matches.country_words:
            after = self.doc[word.end : word.end + 4].text.lower()
            if after.startswith(("-led", "- led")) and "coalition" in after:
                return self.country_word(word, word.root)
        for org in self.matches.organisations:  # "the coalition" in a story about the Islamic State
            found = self.lex.organisations.get(org.text) or self.lex.organisations.get(org.text[:-1])
            if found is not None and found.name in self.lex.coalition_leaders:
                return self.lex.coalition_leaders[found.name]
        return None

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
        seat = [o for p in np.root.children if p.dep_ == "prep" and p.lower_ in ("in", "from") for o in p.children]
        for token in [*np, *seat]:  # "officials in Stepanakert": the breakaway region's seat
            region = self.matches.region_at.get(token.i)
            if region is not None:
                country, kind = self.lex.regions[region.text]
                self.consumed.update(range(region.start, region.end))
                return country, kind
        return None, None

    def seat_country(self, np: SpacySpan) -> str | None:
        """The country of the town a state organ's phrase says its people sit in ("An official at the governor's
        office in Homs"): a place below country level in the phrase's prepositional phrases of seat."""
        preps = [p for p in np.root.rights if p.dep_ == "prep" and p.lower_ in SEAT_PREPS]
        if not preps:
            return None
        start, end = preps[0].idx, preps[-1].right_edge.idx + len(preps[-1].right_edge)
        for place in self.doc._.places or ():
            inside = start <= place.evidence.start and place.evidence.end <= end
            if inside and place.country and place.precision not in ("country", "unresolved"):
                return countries.iso2_to_iso3(place.country)
        return None

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

    def named_faction(self, np: SpacySpan) -> int | None:
        """A faction the lexicon and the entity recogniser miss, named before a word for an armed unit ("the Sawaiq
        al-Rahman brigade", "the Hamza Division", "Al-Nasr Army"): an armed group of the story's country; its index,
        or None."""
        root = np.root
        if root.lower_ not in FACTION_HEADS or root.i in self.matches.org_at:
            return None
        if root.lower_ == "army" and any(t.i in self.matches.country_at for t in np):  # "the Syrian Arab Army"
            return None
        names = [t for t in np if t.i < root.i and t.pos_ == "PROPN" and t.i not in self.matches.country_at]
        if not names:
            return None
        name = strip_det(self.doc[names[0].i : root.i + 1])
        head = root.lemma_.lower() if root.lower_ in ARMED_GROUP_WORDS else None  # "the army" is still the state's
        draft = Draft(name, "armed_group", self.home_country(), np.text, head=head)
        return self.mention(self.add(("org", name.lower()), draft), np)

    def unknown_organisation(self, ent: SpacySpan) -> None:
        """An organisation the lexicon does not know ("the Union of Syrian Medical Relief Organisations"): kind
        ``ngo`` when its name says it gives aid or defends rights, else ``organisation``; "the group said" can
        continue it."""
        tokens = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
        name = "".join(t.text_with_ws for t in tokens).strip()
        if not name or countries.lookup(name) is not None:
            return
        words = {t.lower_ for t in tokens}
        kind, country = ("ngo" if NGO_WORDS & words else "organisation"), None
        if ARMED_GROUP_WORDS & words:  # "the Sawaiq al-Rahman brigade": a faction fighting in the story's country
            kind, country = "armed_group", self.home_country()
        draft = Draft(name, kind, country, ent.text, confidence=UNKNOWN_ORGANISATION_CONFIDENCE)
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
