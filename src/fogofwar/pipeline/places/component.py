"""The ``fogofwar_places`` component: detects toponyms (``places.detect``), resolves them offline and says what
part each plays.

Resolution. ``fogofwar.gazetteer.resolve`` over all toponyms of the article at once, with the countries the article
names as evidence; a toponym without a trustworthy candidate stays ``unresolved`` with no coordinates.

Role (the rule; a dateline's places are ``mentioned``: they say where the report was filed, not what happened):
- ``metonym``: the toponym is the subject of a speech or stance verb ("Baku welcomed", "Yerevan denied"): the
  government speaks, nothing happens there;
- ``statement``: it is where a speech verb's statement was made: an in/at/from/during phrase attached to the speech
  verb with no other verb between ("said in Brussels", "said during a symposium ... in Istanbul");
- ``event``: climbing the parse from the toponym, the first event word met (``data/events.json``: "shelling the
  Dashkesan region", "counterattacks in the directions of Fizuli", "a convoy ... setting off from the Madagiz village")
  comes before any speech verb;
- ``mentioned`` otherwise.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from fogofwar.gazetteer.context import containers, countries_in, towns
from fogofwar.gazetteer.resolve import TOWN_HINT, Resolution, Toponym, resolve
from fogofwar.pipeline.places.context import (
    climb,
)
from fogofwar.pipeline.places.detect import (
    Detector,
)
from fogofwar.pipeline.places.lexicon import (
    EVENT_LEMMAS,
    MAX_ROLE_HOPS,
    SPEECH_VERBS,
    STANCE_VERBS,
    STATEMENT_PREPS,
    SUBJECTS,
    UNRESOLVED_CONFIDENCE,
    Mention,
)
from fogofwar.record import Place, PlaceRole, Span


class PlacesComponent(Detector):
    """Doc -> Doc: writes ``doc._.places`` (fogofwar.record.Place), reading the parse and entities."""

    def __call__(self, doc: Doc) -> Doc:
        mentions = list(self.detect(doc))
        text = doc.text  # built anew on every read of Doc.text
        spans = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in mentions]
        toponyms = [
            Toponym(self.surface(doc, m), m.hint or (TOWN_HINT if town else None), within)
            for m, within, town in zip(mentions, containers(text, spans), towns(text, spans), strict=True)
        ]
        evidence = countries_in(text)
        resolved = resolve(toponyms, self.gazetteer, evidence)
        doc._.places = [
            self.place(doc, m, r)
            for m, r in zip(mentions, resolved, strict=True)
            if r.place is not None or not m.recovered or m.hint is not None
        ]
        return doc

    def place(self, doc: Doc, mention: Mention, result: Resolution) -> Place:
        """The Place record of a mention and its resolution."""
        span = doc[mention.start : mention.end]
        evidence = Span(span.start_char, span.end_char)
        role: PlaceRole = "mentioned" if mention.dateline or mention.label else self.role(doc, span)
        candidate = result.place
        if candidate is None:
            return Place(
                text=span.text,
                name=span.text,
                evidence=evidence,
                feature=mention.hint,
                precision="unresolved",
                role=role,
                confidence=UNRESOLVED_CONFIDENCE,
            )
        return Place(
            text=span.text,
            name=candidate.name,
            evidence=evidence,
            geonameid=candidate.geonameid,
            lat=candidate.lat,
            lon=candidate.lon,
            country=candidate.country,
            admin1=candidate.admin1,
            feature=candidate.feature,
            precision=candidate.precision,  # type: ignore[arg-type]
            role=role,
            confidence=result.confidence,
        )

    def role(self, doc: Doc, span: SpacySpan) -> PlaceRole:
        """metonym, statement, event or mentioned (see the module docstring)."""
        token = span.root
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in STANCE_VERBS:
            return "metonym"
        agent = token.head if token.dep_ == "pobj" and token.head.dep_ == "agent" else None
        if agent is not None and agent.head.lemma_ in STANCE_VERBS:
            return "metonym"  # "accused by Washington of …", "condemned by Ankara"
        preposition: str | None = None
        verbs = 0
        for step, head in enumerate(climb(token)):
            if step >= MAX_ROLE_HOPS:
                break
            if preposition is None and head.pos_ == "ADP":
                preposition = head.lower_
            lemma = head.lemma_.lower()
            if head.pos_ in ("VERB", "AUX") and lemma in SPEECH_VERBS:
                return "statement" if preposition in STATEMENT_PREPS and not verbs else "mentioned"
            if self.is_event_word(head) or (
                head.pos_ == "VERB" and any(c.dep_ in SUBJECTS and self.is_event_word(c) for c in head.children)
            ):
                return "event"  # "shelling the X region"; "fighting raged across the X region"
            verbs += head.pos_ == "VERB"
        return "mentioned"

    def is_event_word(self, token: Token) -> bool:
        """True for an event trigger of the events lexicon (a verb or a noun), speech and frame verbs excepted."""
        lemma = token.lemma_.lower()
        if lemma in EVENT_LEMMAS and token.pos_ in ("VERB", "NOUN"):
            return True
        if token.pos_ in ("VERB", "AUX"):
            entry = self.lexicon.verbs.get(lemma)
        elif token.pos_ == "NOUN":
            entry = self.lexicon.nouns.get(lemma)
        else:
            return False
        return entry is not None and entry[0] not in self.lexicon.frames
