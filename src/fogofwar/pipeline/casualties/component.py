"""The ``fogofwar_casualties`` component: builds the matchers, reads every figure and writes casualties and losses."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from fogofwar.pipeline.casualties.context import Context, belligerents
from fogofwar.pipeline.casualties.figures import FigureRules
from fogofwar.pipeline.casualties.lexicon import FORCE_NOUNS, Words, lexicon
from fogofwar.pipeline.casualties.mention import Mention, partitive_whole
from fogofwar.pipeline.casualties.side import SideRules
from fogofwar.record import Casualty, Loss


class CasualtiesComponent(FigureRules, SideRules):
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
