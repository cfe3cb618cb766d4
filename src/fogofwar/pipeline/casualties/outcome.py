"""Reading one figure: its counted noun, outcome (on the phrase, its verb, a toll or the words beside it) and
population, or those it inherits from an earlier figure it is joined to.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from fogofwar.pipeline import numbers
from fogofwar.pipeline.casualties.context import country_of
from fogofwar.pipeline.casualties.lexicon import (
    ARGUMENT_DEPS,
    CAPTIVE_WORDS,
    JOINING_DEPS,
    JOINING_PREPS,
    LIFE_TAKERS,
    NEARBY_TOKENS,
    SPEECH_LEMMAS,
)
from fogofwar.pipeline.casualties.losses import LossRules
from fogofwar.pipeline.casualties.mention import Mention, counted_noun


class OutcomeRules(LossRules):
    """Fills a Mention's noun, outcome, population and cue tokens from the parse."""

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
