"""The Python API: what the CLI does, as functions that return data."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path

from fogofwar.pipeline import Annotator
from fogofwar.read import Skipped, iter_source
from fogofwar.record import Article, ArticleRecord


def read_records(
    source: str | Path,
    *,
    published: str | None = None,
    columns: Mapping[str, str] | None = None,
    annotator: Annotator | None = None,
) -> Iterator[ArticleRecord | Skipped]:
    """Read and annotate every article under ``source``; yield its record, or a Skipped for what cannot be read."""
    skipped: list[Skipped] = []

    def articles() -> Iterator[Article]:
        for item in iter_source(source, published=published, columns=columns):
            if isinstance(item, Skipped):
                skipped.append(item)
            else:
                yield item

    annotator = annotator or Annotator()
    for record in annotator.annotate(articles()):
        yield from skipped
        skipped.clear()
        yield record
    yield from skipped


def example_paths() -> list[Path]:
    """The bundled example articles (news-dump files written for fogofwar about the 2020 Karabakh war)."""
    folder = resources.files("fogofwar") / "examples"
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".txt"))
