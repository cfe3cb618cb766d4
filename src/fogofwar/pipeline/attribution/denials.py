"""Denials linked to what they deny, and speakers left pending ("it said", "the statement said") resolved."""

from __future__ import annotations

from fogofwar import countries
from fogofwar.pipeline.actors.lexicon import PERSON_PRONOUNS
from fogofwar.pipeline.attribution.lexicon import (
    ACCUSATION_WEIGHT,
    ACCUSING_CUES,
    CONTINUING_CUES,
    LINK_CONFIDENCE,
    MIN_STEM,
    NAMED_PARTY_WEIGHT,
    PENDING,
    STATE_KINDS,
    STEM_LENGTH,
    Draft,
)
from fogofwar.pipeline.attribution.speakers import SpeakerRules
from fogofwar.record import Actor


class Denials(SpeakerRules):
    """Links each denial to the claim it denies."""

    def resolve_pending(self) -> None:
        """ "It said", "the statement said": the source of the nearest claim before, in text order; "it" is never a
        person (a spokesman's "it said" is his body's). "He added": the person who spoke last (a reporter's "he
        added" continues the speaker, even when someone else was named in between)."""
        ordered = sorted(self.drafts, key=lambda d: d.evidence[0])
        last: int | None = None
        last_body: int | None = None
        last_person: int | None = None
        last_person_at = -1  # where the last person-like speaker's claim began
        for draft in ordered:
            pronoun = self.subject_word(draft) in PERSON_PRONOUNS
            if draft.source == PENDING:
                found = last_body if self.subject_word(draft) == "it" else last
                draft.source = found if found is not None else PENDING
            elif last_person is not None and pronoun and draft.cue in CONTINUING_CUES:
                draft.source = last_person
            elif last_person is not None and pronoun and self.named_before(draft.source, draft) < last_person_at:
                draft.source = last_person  # "Manal … said she heard two blasts. '…' she told AFP": the last speaker
            if draft.source != PENDING:
                last = draft.source
                speaker = self.actors[draft.source]
                if self.person_like(draft):  # "a local resident … she said"
                    last_person, last_person_at = draft.source, draft.evidence[0]
                    last_body = speaker.affiliation if speaker.affiliation is not None else last_body
                else:
                    last_body = draft.source
        self.drafts = [d for d in self.drafts if d.source != PENDING]

    def person_like(self, draft: Draft) -> bool:
        """Whether a claim's speaker is one person: a person, a "he"/"she", or a name the actors did not know
        ("Manal a 28-year-old teacher said", left an unnamed organisation)."""
        speaker = self.actors[draft.source]
        if speaker.kind == "person" or self.subject_word(draft) in PERSON_PRONOUNS:
            return True
        subject = self.own_subject(self.doc[draft.verb]) if draft.verb is not None else None
        unknown = speaker.kind == "organisation" and speaker.confidence < 1.0
        return subject is not None and subject.pos_ == "PROPN" and unknown and " " not in speaker.name

    def named_before(self, actor: int, draft: Draft) -> int:
        """Where an actor was last named (not a pronoun) before a claim's pronoun subject (-1 if it never was)."""
        verb = self.doc[draft.verb] if draft.verb is not None else None
        subject = self.own_subject(verb) if verb is not None else None
        limit = subject.idx if subject is not None else draft.evidence[0]
        named = [
            s.start for s in self.actors[actor].evidence if self.text[s.start : s.end].lower() not in PERSON_PRONOUNS
        ]
        return max((start for start in named if start < limit), default=-1)

    def subject_word(self, draft: Draft) -> str | None:
        """The lower-cased subject of the claim's verb ("he", "it", "ministry"), if it has one."""
        if draft.verb is None:
            return None
        subject = self.own_subject(self.doc[draft.verb])
        return subject.lower_ if subject is not None else None

    def link_denials(self) -> None:
        for draft in self.drafts:  # "The Coalition conducted no strikes. The Syrian claim is incorrect," X said
            if draft.polarity == "assert" and self.labels_a_claim_false(draft.content):
                draft.polarity = "deny"
        for draft in self.drafts:
            if draft.polarity != "deny":
                continue
            if draft.closes is not None:
                draft.denies = self.closed_claim(draft)
            else:
                draft.denies = self.denied_by_words(draft)

    def closed_claim(self, denial: Draft) -> Draft | None:
        """The claim a relative-clause denial closes: the one whose content holds its claim noun; that claim's
        content ends before the phrase that carries the denial."""
        assert denial.closes is not None
        noun = denial.closes
        holders = [d for d in self.drafts if d is not denial and d.content[0] <= noun.idx < d.content[1]]
        if not holders:  # "…, an accusation dismissed by the government": the claim just before, same sentence
            sent = noun.sent
            before = [
                d
                for d in self.drafts
                if d is not denial and sent.start_char <= d.evidence[0] and d.content[1] <= noun.idx
            ]
            if before:
                return max(before, key=lambda d: d.content[1])
            return self.denied_by_words(denial)
        holder = min(holders, key=lambda d: d.content[1] - d.content[0])
        cut = noun.head if noun.head.dep_ == "prep" else noun.left_edge
        cut_at = self.trim(self.token_at(holder.content[0]).i, cut.i - 1) if cut.idx > holder.content[0] else None  # type: ignore[union-attr]
        if cut_at is not None and cut_at[1] > cut_at[0]:
            holder.content = cut_at
        return holder

    def denied_by_words(self, denial: Draft) -> Draft | None:  # noqa: PLR0911 - one return per way to link
        """The earlier claim by another party that shares most content words with the denial, among the claims
        that name the denier if any do (the most recent one when the denial names no content: "denied it",
        "rejected the claims")."""
        denier = self.actors[denial.source]
        inside = [d for d in self.drafts if d is not denial and denial.content[0] <= d.evidence[0] < denial.content[1]]
        if inside:  # "Russia claims capture of Bakhmut, Kyiv denies": the claim is what is denied
            return inside[0]
        owner = self.claim_owner(denial)
        owned = [
            d
            for d in self.drafts
            if d is not denial
            and d.polarity == "assert"
            and self.actors[d.source].country == owner
            and not d.content[0] <= denial.evidence[0] < d.content[1]
        ]
        if owner is not None and owned:  # "denied an Assad army report", "The Syrian claim is incorrect"
            return min(owned, key=lambda d: abs(d.evidence[0] - denial.evidence[0]))
        words = self.stems(denial.content)
        # A denial in a relative clause ("the RSF, which denied involvement") is the outlet's aside, not reported
        # inside the claim around it: that claim may be the one denied.
        aside = denial.verb is not None and self.doc[denial.verb].dep_ == "relcl"
        candidates = [
            d
            for d in self.drafts
            if d is not denial
            and d.polarity == "assert"
            and (aside or not d.content[0] <= denial.evidence[0] < d.content[1])  # the claim reporting the denial
            and d.evidence[0] < denial.evidence[0]
            and not self.same_side(self.actors[d.source], denier)
        ]
        if not candidates:
            return None
        if not words:
            denial.confidence = min(denial.confidence, LINK_CONFIDENCE)
            return max(candidates, key=lambda d: d.evidence[0])
        # Shared words, and whether the claim names the denier or accuses: "Russia denied its aircraft were involved"
        # answers "… said Russian warplanes were behind …"; "Armenia denied breaking the ceasefire" answers "Azerbaijan
        # accused Armenian forces of …"; ties go to the latest claim.
        scored = [
            (
                len(words & self.stems(d.content))
                + NAMED_PARTY_WEIGHT * self.names_party(d.content, denier)
                + ACCUSATION_WEIGHT * (d.cue in ACCUSING_CUES),
                d.evidence[0],
                d,
            )
            for d in candidates
        ]
        best = max(scored, key=lambda item: (item[0], item[1]))
        if best[0] > 0:
            if not words & self.stems(best[2].content):
                denial.confidence = min(denial.confidence, LINK_CONFIDENCE)
            return best[2]
        if aside:  # "…, blaming the RSF, which denied involvement": the claim of the same sentence
            sent = self.doc[denial.verb].sent if denial.verb is not None else None
            same = [d for d in candidates if sent is not None and sent.start_char <= d.evidence[0] < sent.end_char]
            return same[-1] if same else None
        return None

    def labels_a_claim_false(self, content: tuple[int, int]) -> bool:
        """Whether what is said calls a claim false ("The Syrian claim is incorrect", "these reports are lies")."""
        span = self.doc.char_span(content[0], content[1], alignment_mode="expand")
        for token in span or ():
            if token.lower_ not in self.cues.claim_nouns or token.dep_ != "nsubj" or token.head.lemma_ != "be":
                continue
            labels = [c for c in token.head.children if c.dep_ in ("acomp", "attr")]
            if any(w.lower_ in self.cues.deny_labels for c in labels for w in (c, *c.conjuncts)):
                return True
        return False

    def claim_owner(self, denial: Draft) -> str | None:
        """The country whose claim a denial names ("The Syrian claim is incorrect", "denied an Assad army
        report"): the country word or actor modifying a claim noun in the denial's words."""
        span = self.doc.char_span(denial.content[0], denial.content[1], alignment_mode="expand")
        for token in span or ():
            if token.lower_ not in self.cues.claim_nouns:
                continue
            for modifier in (c for c in token.lefts if c.dep_ in ("amod", "compound", "poss", "nmod")):
                for word in modifier.subtree:
                    found = self.actor_at.get(word.idx)
                    country = self.actors[found].country if found is not None else None
                    if country is None and (named := countries.lookup(word.text)) is not None:
                        country = named.iso3
                    if country is not None:
                        return country
        return None

    def stems(self, span: tuple[int, int]) -> set[str]:
        """Content-word stems of a span (a crude stemmer: the first letters of each long word)."""
        found = set()
        for token in self.doc.char_span(span[0], span[1], alignment_mode="expand") or ():
            word = token.lower_
            if token.is_alpha and not token.is_stop and len(word) >= MIN_STEM and word not in self.cues.claim_nouns:
                found.add(token.lemma_.lower()[:STEM_LENGTH])  # "firing" and "fired" share the lemma "fire"
        return found

    def names_party(self, span: tuple[int, int], party: Actor) -> bool:
        """Whether a claim's content names the party (or its country's state): the claim accuses it."""
        mentioned = {self.actor_at[o] for o in range(span[0], span[1]) if o in self.actor_at}
        return any(
            self.actors[i] is party or (party.country is not None and self.actors[i].country == party.country)
            for i in mentioned
        )

    def same_side(self, a: Actor, b: Actor) -> bool:
        """One party: the same actor, or the same country on the same side of a civil war (its state organs, or
        its armed groups; two armed groups with names of their own are rivals: Jaish al-Islam, Faylaq al-Rahman)."""
        if a is b:
            return True
        if a.kind == b.kind == "armed_group" and a.name != b.name:
            return False
        return a.country is not None and a.country == b.country and (a.kind in STATE_KINDS) == (b.kind in STATE_KINDS)
