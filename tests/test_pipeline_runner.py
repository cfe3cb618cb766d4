"""The runner: paragraphs parsed apart and joined into one Doc whose text is the article's, in batches, in order."""

from __future__ import annotations

from fogofwar.api import example_paths
from fogofwar.pipeline.extensions import PARAGRAPHS_KEY
from fogofwar.read import parse_text, read_article

from .conftest import SHARED

HEADINGS = """ date 2020-10-05 News

Fighting in Karabakh

Shelling continued in Stepanakert, officials said.

Armenia

Azerbaijan's defence ministry said its forces advanced towards Jabrayil.
"""


def test_pipeline_runner_doc_text_is_article_text(annotate_doc):
    doc = annotate_doc(HEADINGS)
    assert doc.text == doc._.article.text
    assert doc._.published == "2020-10-05"
    assert [s.label_ for s in doc.spans[PARAGRAPHS_KEY]] == ["headline", "body", "heading", "body"]


def test_pipeline_runner_no_entity_or_sentence_crosses_a_paragraph(annotator):
    article = read_article(SHARED / "corpus" / "trtworld-2020-09-29-karabakh.txt")
    ((_, doc),) = list(annotator.docs([article]))
    bounds = [(p.start, p.end) for p in article.paragraphs]

    def within_one(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in bounds)

    assert doc.ents, "the model found no entity at all"
    assert all(within_one(e.start_char, e.end_char) for e in doc.ents)
    assert all(within_one(s.start_char, s.end_char - len(s.text) + len(s.text.rstrip())) for s in doc.sents)
    assert not any("\n" in e.text for e in doc.ents)


def test_pipeline_runner_batch_equals_one_by_one(annotator):
    articles = [read_article(p) for p in example_paths()] + [parse_text(HEADINGS, path="h.txt")]
    together = list(annotator.annotate(articles))
    alone = [next(annotator.annotate([a])) for a in articles]
    assert [r.article.id for r in together] == [a.id for a in articles]
    assert together == alone


def test_pipeline_runner_record_entities_point_into_text(annotate):
    record = annotate(HEADINGS)
    assert record.entities
    for entity in record.entities:
        assert entity.evidence.text(record.article.text) == entity.text
