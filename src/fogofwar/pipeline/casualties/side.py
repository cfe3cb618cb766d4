"""The record of a casualty figure: its side, scope (incident or cumulative), history, date and claimant."""

from __future__ import annotations

from spacy.tokens import Token

from fogofwar.pipeline.casualties.context import (
    Context,
    agent_country,
    country_of,
    evidence_span,
    place_country,
    speaker_country,
    under_since,
)
from fogofwar.pipeline.casualties.lexicon import (
    CAUSE_PREPS,
    EVIDENCE_BREAKS,
    INHERITED_CONFIDENCE,
    MODIFIER_DEPS,
    NEARBY_CONFIDENCE,
    PLACE_LABELS,
    PLACE_PREPS,
    VAGUE_CONFIDENCE,
    WAR_NOUNS,
)
from fogofwar.pipeline.casualties.mention import Mention, clause_of
from fogofwar.pipeline.casualties.outcome import OutcomeRules
from fogofwar.record import Casualty


class SideRules(OutcomeRules):
    """Turns a read Mention into a Casualty: side, scope, claimant, as_of and evidence."""

    def casualty(self, m: Mention, context: Context) -> Casualty:
        """Turn a read figure into the Casualty record."""
        evidence = evidence_span(m)
        claim = context.claim_of(evidence, m.span)
        side, own = self.side(m, context, claim)
        m.side, m.own = side, own
        scope = m.scope or self.scope(m)
        m.scope = scope
        confidence = 1.0
        if m.nearby:
            confidence = NEARBY_CONFIDENCE
        elif m.inherited:
            confidence = INHERITED_CONFIDENCE
        elif m.figure.vague:
            confidence = VAGUE_CONFIDENCE
        return Casualty(
            low=m.figure.low,
            high=m.figure.high,
            outcome=m.outcome,  # type: ignore[arg-type]
            population=m.population,  # type: ignore[arg-type]
            evidence=evidence,
            side=side,
            scope=scope,  # type: ignore[arg-type]
            as_of=context.date_near(m.span),
            claim=claim,
            historical=context.historical(m.span, clause_of(m)),
            confidence=confidence,
        )

    def phrase_tokens(self, m: Mention) -> list[Token]:
        """The tokens of the counted phrase, where a country word names whose people they were."""
        tokens: list[Token] = []
        for root in (m.number, *([m.noun] if m.noun is not None else [])):
            tokens.append(root)
            for child in root.children:
                if child.dep_ in EVIDENCE_BREAKS or child.dep_ == "acl":
                    continue
                if child.dep_ == "prep" and child.lower_ in CAUSE_PREPS:
                    continue
                tokens.extend(child.subtree)
        if (
            m.toll is not None
        ):  # "Armenia's death toll", "their military death toll", not "the toll from Israeli strikes"
            tokens.extend(t for c in m.toll.children if c.dep_ in MODIFIER_DEPS for t in c.subtree)
        return tokens

    def side(self, m: Mention, context: Context, claim: int | None) -> tuple[str | None, bool]:  # noqa: PLR0911 - per cue
        """The ISO3 country whose people the figure counts (see the module docstring), and whether it was read
        from a possessive of the speaker."""
        tokens = self.phrase_tokens(m)
        found = {c for t in tokens if (c := country_of(t)) is not None}
        if len(found) == 1:
            return found.pop(), False
        if len(found) > 1:
            return None, False
        if any(t.lower_ in self.words.own and t.dep_ == "poss" for t in tokens):
            speaker = context.claimant_country(claim) or speaker_country(m.number)
            if speaker is not None:
                return speaker, True
        if any(t.lower_ == "enemy" for t in tokens):  # "40 enemy soldiers": the speaker's opponent
            speaker = context.claimant_country(claim) or speaker_country(m.number)
            return (context.other_side(speaker) if speaker else None), False
        if m.inherited:
            return None, False
        place = place_country(m, context)
        if place is not None:
            return place, False
        loser = self.loser_side(m, context, claim)
        if loser is not None:
            return loser
        agent = agent_country(m)
        if agent is None and claim is not None and m.cue and m.cue[0].lemma_.lower() in ("neutralise", "neutralize"):
            agent = context.claimant_country(claim)
        if agent is not None:
            return context.other_side(agent), False
        return None, False

    def loser_side(self, m: Mention, context: Context, claim: int | None) -> tuple[str | None, bool] | None:
        """For "the brigade lost 40 men", "we lost 12 servicemen": the side of the subject that lost them (None when
        the figure is not the object of "lose" with a subject)."""
        verb = m.cue[0] if m.cue else None
        if verb is None or verb.lemma_.lower() != "lose" or m.head is None or m.head.dep_ not in ("dobj", "obj"):
            return None
        loser = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if loser is None:
            return None
        words = list(loser.subtree)
        if any(t.lower_ in self.words.own for t in words):
            return context.claimant_country(claim) or speaker_country(verb), True
        found = {c for t in words if (c := country_of(t)) is not None}
        return (found.pop() if len(found) == 1 else None), False

    def scope(self, m: Mention) -> str:  # noqa: PLR0911 - one return per rule, in the order they apply
        """incident or cumulative (see the module docstring) for a figure not brought to by a toll."""
        w = self.words
        sent = m.span.sent
        verb = m.cue[0] if m.cue else m.head
        assert verb is not None
        clause = [t for t in verb.subtree if t.dep_ not in ("ccomp",)] if verb.pos_ in ("VERB", "AUX") else []
        shared = [c for c in verb.head.children if c.dep_ in ("prep", "advmod")] if verb.dep_ == "conj" else []
        # "has killed 20,000 since April and displaced 10 million": the coordinated verb shares "since April"
        shared_words = [t for c in shared for t in c.subtree]
        clause_text = " " + " ".join(t.lower_ for t in (*clause, *shared_words, *m.span)) + " "
        if any(f" {cue} " in clause_text for cue in w.cumulative):
            return "cumulative"
        if m.head is not None and m.head.dep_ in ("dobj", "pobj") and m.head.head.lemma_ in ("include", "including"):
            return "cumulative"
        doer = [c for c in verb.children if c.dep_ == "nsubj"] + ([verb.head] if verb.dep_ == "relcl" else [])
        doer += [g for d in doer for p in d.children if p.lower_ == "of" for g in p.children]  # "weeks of war"
        if any(d.lemma_.lower() in WAR_NOUNS for d in doer):
            return "cumulative"  # "a war that killed thousands", "the conflict has killed 12,000"
        # increments: "26 of its troops were killed, bringing their toll to 84"
        for token in sent:
            bringing = token.lemma_.lower() in w.rise and token.tag_ == "VBG" and m.toll is None and token.i > verb.i
            if bringing and any(c.dep_ == "dobj" and self.is_toll(c) for c in token.children):
                return "incident"
        for ent in sent.ents:
            if ent.label_ == "DATE" and not under_since(ent):
                return "incident"
        for token in clause:
            lemma = token.lemma_.lower()
            if lemma in w.incident_nouns or token.lower_ in w.incident_times:
                return "incident"
            placed = token.ent_type_ in PLACE_LABELS or (token.pos_ == "PROPN" and token.ent_type_ != "DATE")
            if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS and placed:
                return "incident"
        acting = verb.head if verb.dep_ == "conj" else verb  # "the attack killed 3 and injured 5"
        agent = verb.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in (*verb.children, *acting.children))
        if agent and m.head is not None and m.head.dep_ in ("dobj", "obj"):
            return "incident"  # an agent did it: "an airstrike killed twelve soldiers"
        if m.head is not None and m.head.lower_ in w.incident_times:
            return "incident"
        return "cumulative"
