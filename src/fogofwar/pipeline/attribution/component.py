"""The ``fogofwar_attribution`` component: runs the passes in order, adds the outlet's own narration, and freezes
the drafts into record.Claim."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from fogofwar.pipeline.actors import lexicon
from fogofwar.pipeline.attribution.denials import Denials
from fogofwar.pipeline.attribution.direct import DirectSpeech
from fogofwar.pipeline.attribution.lexicon import NARRATED_KINDS, WIRE_SERVICES, Draft, cues
from fogofwar.pipeline.attribution.verbs import ReportedSpeech
from fogofwar.pipeline.extensions import PARAGRAPHS_KEY
from fogofwar.record import NARRATION_CUE, Actor, Claim, Span


class Attributor(DirectSpeech, ReportedSpeech, Denials):
    """Finds the claims of one document."""

    def run(self) -> list[Claim]:
        """Every claim of the document, in text order, denials linked."""
        self.quoted_speech()
        self.speech_verbs()
        self.according_to()
        self.continued_quotes()
        self.cut_contents()
        self.resolve_pending()
        self.relayed_by_outlets()
        self.wire_copy()
        self.drop_restated_headlines()
        self.drop_repeated_sentences()
        self.link_denials()
        self.narration()
        return self.freeze()

    def relayed_by_outlets(self) -> None:
        """A news outlet that reports a claim someone else made ("Three deaths were reported by the rescuers …
        Reuters reported") relays it: the outlet is that claim's channel, not a source of its own."""
        relays: list[Draft] = []
        for outer in self.drafts:
            if self.actors[outer.source].kind != "media" or outer.polarity != "assert":
                continue
            inner = [
                d
                for d in self.drafts
                if d is not outer
                and outer.content[0] <= d.content[0] < d.content[1] <= outer.content[1]
                and self.actors[d.source].kind != "media"
            ]
            for draft in inner:
                draft.channel = draft.channel or self.actors[outer.source].name
            if inner:
                relays.append(outer)
        self.drafts = [d for d in self.drafts if all(d is not r for r in relays)]

    def wire_copy(self) -> None:
        """What an international wire service reports in its own name ("an AFP correspondent there said", "Reuters
        reported") is the copy the outlet runs: the outlet's own narration, as the claims guidelines code it; a
        statement relayed through the agency keeps it as channel."""
        self.drafts = [
            d
            for d in self.drafts
            if not (self.actors[d.source].kind == "media" and self.actors[d.source].name in WIRE_SERVICES)
        ]

    def drop_restated_headlines(self) -> None:
        """A headline that says what a speaker says again in the body ("… Pentagon says" over "…, the Pentagon said
        on Thursday") is the body's claim told twice: only the body's is kept (a headline denial stays, and so does
        a headline claim whose speaker says nothing in the body)."""
        headlines = [
            (p.start_char, p.end_char) for p in self.doc.spans.get(PARAGRAPHS_KEY, ()) if p.label_ == "headline"
        ]

        def in_headline(draft: Draft) -> bool:
            return any(s <= draft.evidence[0] < e for s, e in headlines)

        in_body = {d.source for d in self.drafts if not in_headline(d)}
        restated = [d for d in self.drafts if in_headline(d) and d.polarity == "assert" and d.source in in_body]
        self.restated = [(min(d.evidence[0], d.content[0]), max(d.evidence[1], d.content[1])) for d in restated]
        self.drafts = [d for d in self.drafts if d not in restated]

    def drop_repeated_sentences(self) -> None:
        """A claim whose speaker, cue and words repeat an earlier claim's is one claim printed twice (a lead copied
        into the body when the page was scraped): only the first is kept, and the copy is not narration either."""

        def key(draft: Draft) -> tuple[int, str, str, str]:
            words = " ".join(self.text[draft.content[0] : draft.content[1]].split())
            return draft.source, draft.cue, draft.polarity, words

        first: dict[tuple[int, str, str, str], Draft] = {}
        for draft in sorted(self.drafts, key=lambda d: d.evidence[0]):
            first.setdefault(key(draft), draft)
        copies = [d for d in self.drafts if first[key(d)] is not d]
        self.restated += [(min(d.evidence[0], d.content[0]), max(d.evidence[1], d.content[1])) for d in copies]
        self.drafts = [d for d in self.drafts if first[key(d)] is d]

    def narration(self) -> None:
        """Each sentence that no claim covers is the outlet speaking in its own voice."""
        article = self.doc._.article
        outlet = article.outlet if article is not None and article.outlet else "the outlet"
        covered = [(min(d.evidence[0], d.content[0]), max(d.evidence[1], d.content[1])) for d in self.drafts]
        covered += self.restated  # a headline restating a speaker is theirs, not the outlet's
        source: int | None = None
        for paragraph in self.doc.spans.get(PARAGRAPHS_KEY, ()):
            if paragraph.label_ not in NARRATED_KINDS:
                continue
            for sent in paragraph.sents:
                start, end = self.trim(sent.start, sent.end - 1) if len(sent) else (0, 0)
                if end <= start or not any(t.pos_ in ("VERB", "AUX") for t in sent):
                    continue
                if any(s < end and start < e for s, e in covered):
                    continue
                if source is None:
                    known = lexicon().organisations.get(outlet)
                    country = known.country if known is not None else None
                    source = self.add_actor(Actor(text=outlet, name=outlet, kind="media", evidence=(), country=country))
                self.drafts.append(Draft(source, NARRATION_CUE, "assert", (start, end), (start, end)))

    def freeze(self) -> list[Claim]:
        ordered = sorted(self.drafts, key=lambda d: (d.evidence[0], d.content[0]))
        position = {id(d): i for i, d in enumerate(ordered)}
        return [
            Claim(
                source=d.source,
                cue=d.cue,
                polarity=d.polarity,  # type: ignore[arg-type]
                content=Span(*d.content),
                evidence=Span(*d.evidence),
                quote=d.quote,
                denies=position.get(id(d.denies)) if d.denies is not None else None,
                channel=d.channel,
                confidence=d.confidence,
            )
            for d in ordered
        ]


class AttributionComponent:
    """``fogofwar_attribution``: reads the parse, doc._.actors and paragraphs; writes doc._.claims (and adds the
    outlet and unknown speakers to doc._.actors)."""

    def __init__(self, nlp: Language) -> None:
        self.cues = cues()

    def __call__(self, doc: Doc) -> Doc:
        actors = list(doc._.actors or ())
        attributor = Attributor(doc, actors, self.cues)
        doc._.claims = attributor.run()
        doc._.actors = attributor.actors
        return doc
