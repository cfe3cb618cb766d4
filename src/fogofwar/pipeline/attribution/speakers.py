"""Who speaks: the subject of a cue verb, or, where the parse is broken, the actor named beside it; where the
speaker's words begin and end; a speaker the actors component did not know."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from fogofwar import countries
from fogofwar.pipeline.actors import lexicon
from fogofwar.pipeline.actors.lexicon import NGO_WORDS, PERSON_PRONOUNS
from fogofwar.pipeline.attribution.core import AttributorCore
from fogofwar.pipeline.attribution.lexicon import (
    ADDRESSEE_VERBS,
    ATTRIBUTION_DEPS,
    CLAUSE_ONLY_VERBS,
    CONTINUING_PRONOUNS,
    INVERSION_MIN_BEFORE,
    NAME_DEPS,
    NEW_SPEAKER_CONFIDENCE,
    OUTER_VERB_HOPS,
    PENDING,
    POSITIONAL_CONFIDENCE,
    SPEAKER_NOUNS,
    UNSPEAKING_ENTITIES,
)
from fogofwar.record import Actor, ActorKind


class SpeakerRules(AttributorCore):
    """Finds the speaker of a cue and the words that name them."""

    def speaker(self, verb: Token) -> tuple[int, float] | None:  # noqa: PLR0911 - one return per way to find one
        """The actor who says it (``PENDING`` for "it said", resolved once every claim is known), and how sure we
        are."""
        subject = self.own_subject(verb) or self.quoted_as_saying(verb) or self.inverted_speaker(verb)
        if subject is None and verb.dep_ == "conj" and self.adjacent_actor(verb) is None:
            subject = self.joined_speaker(verb)
        if subject is None and verb.tag_ == "VBG" and verb.dep_ == "acl":
            subject = self.participle_speaker(verb)
        if subject is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
            subject = self.speaking_subject_above(verb)  # "The Coalition rejected …, stressing that …"
        if subject is None:
            found = self.adjacent_actor(verb)
            if found is not None:
                return found, POSITIONAL_CONFIDENCE
            subject = self.subject(verb)
            if subject is None:
                return None
        relative = subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and subject.idx not in self.actor_at
        if relative:  # "the RSF, which denied involvement" (but "WHO said" is the organisation)
            subject = verb.head
        if subject.lower_ in CONTINUING_PRONOUNS:
            return PENDING, POSITIONAL_CONFIDENCE
        found = self.actor_of_phrase(subject)
        if found is not None:
            return found, self.actors[found].confidence
        # "the statement said", or a "he" the actors left without a person ("the monitor added. He said"): whoever
        # spoke last, once every claim is known
        statement = subject.lemma_.lower() in lexicon().statement_nouns and self.definite_phrase(subject)
        if statement or subject.lower_ in PERSON_PRONOUNS:
            return PENDING, POSITIONAL_CONFIDENCE
        if subject.pos_ in ("PRON", "DET", "NUM"):
            return None
        if not self.can_speak(subject):  # a thing as subject: the parse is broken
            return self.speaker_before(verb, subject)
        return self.new_speaker(subject), NEW_SPEAKER_CONFIDENCE

    def speaker_before(self, verb: Token, subject: Token) -> tuple[int, float] | None:
        """The speaker of a verb whose parsed subject cannot speak: the actor named right before the verb, else the
        people or body named there."""
        found = self.adjacent_actor(verb)
        if found is not None:
            return found, POSITIONAL_CONFIDENCE
        before = self.speaking_noun_before(verb, subject)
        return (self.new_speaker(before, broken=True), NEW_SPEAKER_CONFIDENCE) if before is not None else None

    def speaking_noun_before(self, verb: Token, subject: Token) -> Token | None:
        """A noun for people or bodies right before a verb whose parsed subject cannot speak, when the commas were
        lost ("… causing hundreds of civilian casualties aid agencies said")."""
        before = self.doc[verb.i - 1] if verb.i > verb.sent.start else None
        if before is None or before.pos_ != "NOUN" or before.i <= subject.i or not self.can_speak(before):
            return None
        return before

    def joined_speaker(self, verb: Token) -> Token | None:
        """The subject of a speech verb the parser joined to a verb of a reported clause: the speech verb joined
        before it ("a source did not deny that … and said that …"), else the verb that reports the clause ("X told
        AFP that two fighters were wounded but said …")."""
        cues = self.cues.assert_verbs | self.cues.deny_verbs
        if verb.head.lemma_.lower() in cues:
            return None  # "denied … and said": the usual climb finds the subject
        before = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i and c.lemma_.lower() in cues]
        if before:
            return self.own_subject(before[-1])
        outer = self.outer_speech_verb(verb)
        return self.own_subject(outer) if outer is not None else None

    def outer_speech_verb(self, verb: Token) -> Token | None:
        """The speech verb whose reported clause holds ``verb`` (a few steps up), if there is one."""
        return next(
            (v for steps, v in self.reporting_verbs(verb) if steps < OUTER_VERB_HOPS and self.asserts(v)),
            None,
        )

    def reporting_verbs(self, verb: Token) -> Iterator[tuple[int, Token]]:
        """The cue verbs whose reported clause holds ``verb``, nearest first, with the steps climbed to each."""
        cues = self.cues.assert_verbs | self.cues.deny_verbs
        token, steps = verb, 0
        while token.head.i != token.i:
            if token.dep_ == "ccomp" and token.head.lemma_.lower() in cues:
                yield steps, token.head
            token, steps = token.head, steps + 1

    def asserts(self, verb: Token) -> bool:
        """Whether a cue verb asserts (rather than denies)."""
        return verb.lemma_.lower() in self.cues.assert_verbs

    def speaking_subject_above(self, verb: Token) -> Token | None:
        """The subject of a participle's clause ("The Coalition rejected …, stressing that …"): the nearest clause
        above it whose subject can speak (not "the number of armed groups … remains unchanged, reiterating that")."""
        reporter = self.reporting_speaker(verb)  # "Peskov said Putin considers it …, adding that" is Peskov's
        if reporter is not None:
            return reporter
        token = verb
        while token.head.i != token.i:
            token = token.head
            subject = self.own_subject(token)
            if subject is not None and self.speaking(subject):
                return subject
        return None

    def participle_speaker(self, verb: Token) -> Token:
        """The speaker of a participle hung on a noun: the noun ("with a monitor saying", "reports suggesting"),
        unless the participle sits in a clause someone reported (then, a misparse, it is that reporter's)."""
        head = verb.head
        if head.lemma_.lower() in lexicon().statement_nouns:
            return head
        reporter = self.reporting_speaker(verb)
        if reporter is not None:
            return reporter
        # "X said after the council met behind closed doors adding that …": X adds it, not the doors
        if self.actor_of_phrase(head) is None and not self.can_speak(head):
            return self.speech_subject_before(verb) or head
        return head

    def speech_subject_before(self, verb: Token) -> Token | None:
        """The subject of the last speech verb before a word in its sentence, if it can speak."""
        cues = self.cues.assert_verbs | self.cues.deny_verbs
        for token in reversed(self.doc[verb.sent.start : verb.i]):
            if token.lemma_.lower() in cues and token.pos_ in ("VERB", "AUX"):
                subject = self.own_subject(token)
                return subject if subject is not None and self.speaking(subject) else None
        return None

    def reporting_speaker(self, verb: Token) -> Token | None:
        """The speaker of the reported clause a participle sits in, however deep ("Konashenkov said that the supply
        … raises questions about operations conducted by the coalition adding that …": Konashenkov adds it)."""
        for _, reporting in self.reporting_verbs(verb):
            subject = self.own_subject(reporting)
            if subject is not None and self.speaking(subject):
                return subject
        return None

    def speaking(self, subject: Token) -> bool:
        """Whether a verb's parsed subject is its speaker (else the parse is broken: "Four people were killed and six
        others injured … state news agency SANA reported", where "others" is no speaker and SANA is)."""
        return (
            subject.pos_ in ("PRON", "DET", "NUM")
            or self.actor_of_phrase(subject) is not None
            or subject.lemma_.lower() in lexicon().statement_nouns
            or self.can_speak(subject)
        )

    def can_speak(self, subject: Token) -> bool:
        """Whether an unknown subject may be a speaker: a name, a named entity, or a noun for people or bodies
        (a title, an organ, a group noun, ``SPEAKER_NOUNS``); not a thing the parser made the subject when the
        commas were lost ("3 new towns reiterated", "the attack said")."""
        ents = [e for e in self.doc.ents if e.start <= subject.i < e.end and e.label_ not in UNSPEAKING_ENTITIES]
        if subject.pos_ == "PROPN" or ents:
            return True
        lemma, lower = subject.lemma_.lower(), subject.lower_
        lex = lexicon()
        words = (lemma, lower)
        return any(w in lex.titles or w in lex.organs or w in lex.group_nouns or w in SPEAKER_NOUNS for w in words)

    def quoted_as_saying(self, verb: Token) -> Token | None:
        """The speaker of "Reuters quoted the State Department as saying that …": the object of "quoted"."""
        if verb.tag_ != "VBG" or verb.head.lower_ != "as" or verb.head.head.lemma_.lower() != "quote":
            return None
        quoted = verb.head.head  # "… quoted X as saying", or "X was quoted as saying"
        return next((c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")), None)

    def co_speakers(self, verb: Token, first: int) -> list[int]:
        """Other actors joined to the subject by "and" ("Government and opposition forces denied ..."), each a
        speaker of its own claim."""
        subject = self.own_subject(verb)
        if subject is None and self.adjacent_actor(verb) is None:
            subject = self.subject(verb)
        if subject is None and verb.i > verb.sent.start:  # "… at the mouth the monitor and doctors at the scene said"
            head = self.phrase_head(self.doc[verb.i - 1])
            subject = head if self.actor_at.get(head.idx) == first else None
        found: list[int] = []
        if subject is None:
            return found
        for conj in subject.conjuncts:
            other = self.actor_of_phrase(conj)
            if other is not None and other != first and other not in found:
                found.append(other)
        for modifier in subject.lefts:  # "Syrian and Russian forces", "Government and opposition forces"
            for word in (modifier, *modifier.conjuncts) if modifier.conjuncts else ():
                for other in [self.actor_at.get(word.idx), *self.sharing.get(subject.left_edge.idx, ())]:
                    if other is not None and other != first and other not in found:
                        found.append(other)
        return found

    def adjacent_actor(self, verb: Token) -> int | None:  # noqa: PLR0911 - one return per place the actor stands
        """An actor named right before the verb ("…, Azerbaijan's ministry said") or right after ("said Erdogan")."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ in ("ADV", "AUX", "PART") and self.doc[i].tag_ != "POS":
            i -= 1
        if i >= 0 and (found := self.actor_at.get(self.doc[i].idx)) is not None:
            return self.outermost_actor(self.doc[i], found)
        finite = verb.tag_ in ("VBD", "VBZ", "VBP")
        if finite and i >= 0 and self.doc[i].pos_ in ("NOUN", "PROPN"):  # "the monitor and doctors at the scene said"
            head = self.phrase_head(self.doc[i])
            found = self.actor_at.get(head.idx) if head.i < i and head.dep_ not in ("nsubj", "nsubjpass") else None
            if found is not None:
                return found
        if i > 0 and self.doc[i].text == "," and (found := self.apposed_actor(self.doc[i - 1])) is not None:
            return found  # "…, Robert Mardini, ICRC regional director, told Reuters"
        if verb.i == 0 or not self.doc[verb.i - 1].is_punct:  # inversion only after a quote or comma: ', said X.'
            return None
        if verb.lemma_.lower() in ADDRESSEE_VERBS:  # ", told Reuters": who was told, not who spoke
            return None
        j = verb.i + 1
        while j < len(self.doc) and self.doc[j].pos_ == "DET":
            j += 1
        if j < len(self.doc) and (found := self.actor_at.get(self.doc[j].idx)) is not None:
            return found
        return None

    def inverted_speaker(self, verb: Token) -> Token | None:
        """The speaker after "said" at the end of a sentence that lost its comma ("These civilians were targeted in
        Ghandoura said the Syrian Observatory", "… to open an inquiry said spokesman Colonel Chris Garver on
        Wednesday"): a subject or object of the verb that is all that follows it but the time and place."""
        if verb.lemma_.lower() not in CLAUSE_ONLY_VERBS or verb.i - verb.sent.start < INVERSION_MIN_BEFORE:
            return None
        rights = [c for c in verb.rights if not c.is_punct]
        speaker = next((c for c in rights if c.dep_ in ("nsubj", "dobj")), None)
        if speaker is None or any(c.dep_ not in ATTRIBUTION_DEPS for c in rights if c is not speaker):
            return None
        if speaker.dep_ == "dobj" and self.actor_of_phrase(speaker) is None:
            return None  # "said a word": an object, not a speaker
        return speaker

    def outermost_actor(self, last: Token, found: int) -> int:
        """The actor whose phrase a word ends, climbing prepositional phrases leftwards as far as actors go ("the
        Russian centre for reconciliation … in Syria" -> the centre; "Charles Lister of the Brookings Doha Centre"
        -> Lister, not the verb "published on" that the name hangs on)."""
        token = last
        while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i < token.i:
            token = token.head.head
            found = self.actor_at.get(token.idx, found)
        return found

    def apposed_actor(self, last: Token) -> int | None:
        """The actor a title in apposition ends on describes ("Robert Mardini, ICRC regional director")."""
        head = self.phrase_head(last)
        if head.dep_ == "appos" and head.head.i < head.i:
            return self.actor_at.get(head.head.idx)
        return None

    def new_speaker(self, subject: Token, *, broken: bool = False) -> int:
        """An actor for a speaker the actors component did not know ("sources", "a Reuters witness")."""
        # The subject's own words: its modifiers next to it, not a whole clause the parser hung on it when the
        # commas were lost ("Posted on August 3 by … Ramlan Ibrahim said").
        start = self.name_start(subject, broken=broken)
        tokens = [t for t in self.doc[start : subject.i + 1] if not (t.i == start and t.pos_ == "DET")]
        text = "".join(t.text_with_ws for t in tokens).strip()
        country = next((w.iso3 for t in tokens if (w := countries.lookup(t.text)) is not None), None)
        ents = [e for e in subject.doc.ents if e.start <= subject.i < e.end]
        kind: ActorKind = "person" if ents and ents[0].label_ == "PERSON" else "organisation"
        if kind == "organisation" and any(t.lower_ in NGO_WORDS for t in tokens):  # "aid agencies said"
            kind = "ngo"
        named = countries.lookup(text)
        if named is not None and named.kind in ("name", "capital"):  # "accused by Washington": its government
            kind = "government"
        return self.add_actor(
            Actor(text=text, name=text, kind=kind, evidence=(self.span_of(tokens),), country=country, confidence=0.5)
        )

    def name_start(self, head: Token, *, broken: bool = False) -> int:
        """The first token of an unknown speaker's own phrase: its head's modifiers next to it; in a broken parse
        only the words that name the speaker ("aid agencies", not "civilian casualties aid agencies")."""
        start = head.i
        while start > head.left_edge.i and self.doc[start - 1].dep_ in NAME_DEPS and not self.doc[start - 1].is_punct:
            word = self.doc[start - 1]
            if broken and word.pos_ == "NOUN" and not self.can_speak(word) and word.lower_ not in NGO_WORDS:
                break
            start -= 1
        return start

    def channel(self, verb: Token) -> str | None:
        """The outlet a statement was given to ("told Russia's Interfax news agency" -> Interfax)."""
        if verb.lemma_.lower() != "tell":
            return None
        target = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if target is None:
            return None
        for token in target.subtree:
            found = self.actor_at.get(token.idx)
            if found is not None and self.actors[found].kind == "media":
                return self.actors[found].name
        ents = [e for e in verb.doc.ents if e.label_ == "ORG" and target.left_edge.i <= e.start <= target.i]
        return ents[0].text if ents else None

    def attribution_start(self, verb: Token) -> int:  # noqa: PLR0911 - one return per way the attribution begins
        if self.inverted_speaker(verb) is not None:
            return verb.idx
        subject = self.own_subject(verb)
        if subject is not None and subject.i < verb.i and self.speaking(subject):
            return subject.left_edge.idx
        if (found := self.adjacent_actor(verb)) is not None:
            before = [s.start for s in self.actors[found].evidence if s.start < verb.idx and s.end >= verb.idx - 2]
            if before:
                return min(before)
            head = self.phrase_head(self.doc[verb.i - 1])
            if self.actor_at.get(head.idx) == found and head.i < verb.i:  # the speaker's phrase runs on before it
                return head.left_edge.idx
            if verb.i > 1 and self.doc[verb.i - 1].text == ",":  # "…, Robert Mardini, ICRC regional director, told"
                title = self.phrase_head(self.doc[verb.i - 2])
                if title.dep_ == "appos" and self.actor_at.get(title.head.idx) == found:
                    return title.head.left_edge.idx
        if (subject := self.subject(verb)) is not None and subject.i < verb.i:
            if not self.speaking(subject) and (noun := self.speaking_noun_before(verb, subject)) is not None:
                return self.doc[self.name_start(noun, broken=True)].idx
            return subject.left_edge.idx
        i = verb.i
        while i > verb.sent.start and not self.doc[i - 1].is_punct:
            i -= 1
        return self.doc[i].idx

    def attribution_end_token(self, verb: Token) -> Token:
        last = verb
        inverted = self.inverted_speaker(verb)
        for child in verb.rights:
            if (child.dep_ in ATTRIBUTION_DEPS and not child.is_punct) or child == inverted:
                last = child.right_edge if child.right_edge.i > last.i else last
            else:
                break
        return last

    def attribution_end(self, verb: Token) -> int:
        last = self.attribution_end_token(verb)
        return last.idx + len(last)
