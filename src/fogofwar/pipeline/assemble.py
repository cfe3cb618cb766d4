"""Turn an annotated Doc into the ArticleRecord: the single place where Doc attributes become the record."""

from __future__ import annotations

from spacy.tokens import Doc

from fogofwar.record import Article, ArticleRecord, Entity, Framing, Span


def doc_to_record(doc: Doc, article: Article) -> ArticleRecord:
    """Collect the entities and every extractor's output from ``doc`` into the article's record."""
    ext = doc._
    return ArticleRecord(
        article=article,
        entities=tuple(
            Entity(text=ent.text, label=ent.label_, evidence=Span(ent.start_char, ent.end_char)) for ent in doc.ents
        ),
        dates=tuple(ext.dates or ()),
        places=tuple(ext.places or ()),
        actors=tuple(ext.actors or ()),
        claims=tuple(ext.claims or ()),
        casualties=tuple(ext.casualties or ()),
        losses=tuple(ext.losses or ()),
        events=tuple(ext.events or ()),
        framing=ext.framing or Framing(),
    )
