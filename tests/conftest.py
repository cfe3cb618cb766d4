"""Shared fixtures: one loaded pipeline for the whole session, and helpers that annotate short passages."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.tokens import Doc

from fogofwar.pipeline import Annotator
from fogofwar.read import parse_text
from fogofwar.record import ArticleRecord

from .ledger_support import ledger_store, ledger_target, write_corpus  # noqa: F401 - fixtures for the ledger tests

#: The repository's root, and the shared folder (corpus, gold, eval) that sits beside the clone.
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def gazetteer_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The offline gazetteer, built once per test session in a temporary folder (a clean machine, as in CI).

    A FOGOFWAR_CACHE already set in the environment is kept, so a developer can reuse a built index between runs.
    """
    preset = os.environ.get("FOGOFWAR_CACHE")
    folder = Path(preset) if preset else tmp_path_factory.mktemp("fogofwar-cache")
    os.environ["FOGOFWAR_CACHE"] = str(folder)
    yield folder
    if preset is None:
        del os.environ["FOGOFWAR_CACHE"]


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    """The full fogofwar pipeline, loaded once."""
    return Annotator()


@pytest.fixture(scope="session")
def annotate(annotator: Annotator) -> Callable[..., ArticleRecord]:
    """Annotate a passage (news-dump or plain text) and return its ArticleRecord."""

    def run(text: str, published: str | None = None) -> ArticleRecord:
        article = parse_text(text, path="<test>", published=published)
        return next(annotator.annotate([article]))

    return run


@pytest.fixture(scope="session")
def annotate_doc(annotator: Annotator) -> Callable[..., Doc]:
    """Annotate a passage and return the annotated spaCy Doc (for component-level assertions)."""

    def run(text: str, published: str | None = None) -> Doc:
        article = parse_text(text, path="<test>", published=published)
        return next(annotator.docs([article]))[1]

    return run


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of four short reports (tests/ledger_support.py PASSAGES), one in a sub-folder."""
    return write_corpus(tmp_path / "news")
