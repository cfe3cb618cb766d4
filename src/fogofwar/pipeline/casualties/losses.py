"""Materiel losses: items acted on by a destroying, capturing or damaging verb, with their count, side and claimant."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from fogofwar.pipeline.casualties.context import Context, country_of, speaker_country, subject_country
from fogofwar.pipeline.casualties.lexicon import LOSS_DEPS, MAX_AGENT_CLIMB, MAX_ITEM_WORDS, Words
from fogofwar.pipeline.casualties.mention import Mention
from fogofwar.record import Loss, Span


class LossRules:
    """Reads materiel figures and bare item mentions into Loss records."""

    words: Words
    items: Matcher

    def is_item(self, noun: Token) -> bool:
        lemma = noun.lemma_.lower()
        return lemma in self.words.items or lemma in self.words.collectives

    def item_name(self, noun: Token) -> tuple[str, Token]:
        """The item a noun names ("armoured vehicle"), looking through a collective ("a convoy of X")."""
        if noun.lemma_.lower() in self.words.collectives:
            pobj = next(
                (
                    g
                    for c in noun.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if pobj is not None:
                noun = pobj
        # the longest listed name ending in the noun: "armoured personnel carrier", "rocket launcher"
        run: list[str] = []
        for t in reversed(noun.doc[max(noun.i - MAX_ITEM_WORDS, 0) : noun.i]):
            if t.dep_ not in ("amod", "compound") or country_of(t) is not None:
                break
            run.insert(0, t.lower_)
        for start in range(len(run) + 1):
            candidate = " ".join([*run[start:], noun.lemma_.lower()])
            if candidate in self.words.items:
                return candidate, noun
        return noun.lemma_.lower(), noun

    def loss_outcome(self, noun: Token) -> tuple[str | None, Token | None]:
        """destroyed, captured or damaged from the verb the item is an argument of (through coordination)."""
        token = noun
        for _ in range(MAX_AGENT_CLIMB):
            if token.dep_ in ("conj", "pobj", "prep", "appos") and token.head.i != token.i:
                token = token.head
                continue
            break
        verb = token.head if token.dep_ in LOSS_DEPS else None
        if verb is None:
            return None, None
        lemma = verb.lemma_.lower()
        if lemma in ("shoot", "bring", "knock", "blow", "take") and not any(
            c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "out", "up") for c in verb.children
        ):
            return (None, None) if lemma != "shoot" else ("damaged", verb)
        return self.words.loss_outcome_of.get(lemma), verb

    def loss(self, m: Mention, context: Context) -> Loss | None:
        """A Loss from a figure that counts materiel ("four Azerbaijani helicopters")."""
        assert m.noun is not None
        outcome, verb = self.loss_outcome(m.noun)
        if outcome is None or verb is None:
            return None
        return self.make_loss(m.noun, verb, outcome, context, low=m.figure.low, high=m.figure.high, extra=[*m.span])

    def make_loss(
        self,
        noun: Token,
        verb: Token,
        outcome: str,
        context: Context,
        *,
        low: int | None,
        high: int | None,
        extra: Iterable[Token] = (),
    ) -> Loss:
        """The Loss record of an item noun acted on by a verb: item, count, side (the demonym on the item, the
        speaker for "our tanks", else the agent's opponent in a two-sided war), outcome, claim."""
        item, item_noun = self.item_name(noun)
        # the verb, the item and what stands before it ("a convoy of Armenian armoured vehicles", "Two Russian
        # Su-25 jets were shot down"), not what follows it (a participle clause, the next conjunct)
        modifiers = [t for n in {noun, item_noun} for left in n.lefts for t in left.subtree]
        particles = [c for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "out", "up")]
        tokens = [verb, noun, item_noun, *extra, *modifiers, *particles]
        if verb.i > noun.i:  # passive: "... were shot down"
            tokens.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass"))
        evidence = Span(min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
        claim = context.claim_of(evidence, None)
        found = {c for t in (noun, item_noun, *modifiers) if (c := country_of(t)) is not None}
        first = noun
        while first.dep_ in ("conj", "appos") and first.head.i != first.i:
            first = first.head  # "137 Azerbaijani tanks, 72 drones and 7 helicopters": the drones are Azerbaijani
        if not found and first.i != noun.i:
            found = {c for left in first.lefts for t in left.subtree if (c := country_of(t)) is not None}
        side: str | None = found.pop() if len(found) == 1 else None
        if side is None and not found:
            if any(t.lower_ in self.words.own and t.dep_ == "poss" for t in noun.subtree):
                side = context.claimant_country(claim) or speaker_country(verb)
            elif any(t.lower_ == "enemy" for t in modifiers):  # "12 enemy tanks": the speaker's opponent's
                speaker = context.claimant_country(claim) or speaker_country(verb) or subject_country(verb)
                side = context.other_side(speaker) if speaker else None
            else:
                agent = subject_country(verb)
                side = context.other_side(agent) if agent is not None else None
        return Loss(
            item=item,
            low=low,
            high=high,
            evidence=evidence,
            side=side,
            outcome=outcome,  # type: ignore[arg-type]
            claim=claim,
        )

    def bare_losses(self, doc: Doc, context: Context, seen: set[Span]) -> list[Loss]:
        """Losses with no number: "shot down an Azerbaijani helicopter" (one), "destroyed a convoy of armoured
        vehicles" (count unknown)."""
        losses = []
        for _, start, _ in self.items(doc):
            token = doc[start]
            counted = any(c.dep_ == "nummod" for c in token.children)
            if counted or (token.dep_ == "pobj" and token.head.lower_ == "of"):
                continue
            outcome, verb = self.loss_outcome(token)
            if outcome is None or verb is None:
                continue
            det = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
            collective = token.lemma_.lower() in self.words.collectives
            one = det in ("a", "an", "one") and not collective and token.tag_ != "NNS"
            count = 1 if one else None
            loss = self.make_loss(token, verb, outcome, context, low=count, high=count)
            if loss.evidence not in seen:
                losses.append(loss)
        return losses
