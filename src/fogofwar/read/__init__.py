"""Read sources into Article records: single files, folders, and JSON-lines/CSV corpora.

``read_article`` reads one article and raises ReadError; ``iter_source`` walks a file or folder and yields an Article
or a Skipped (with its reason) for each item, so one bad file never stops a folder.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from fogofwar.errors import ReadError
from fogofwar.read.corpus import Skipped, iter_csv, iter_jsonl, parse_columns
from fogofwar.read.text import parse_text, read_text_file
from fogofwar.record import Article

#: File suffixes read as one article each, and as corpora of many.
ARTICLE_SUFFIXES = (".txt",)
CORPUS_SUFFIXES = (".jsonl", ".csv")


def read_article(path: str | Path, *, published: str | None = None) -> Article:
    """Read one article file; raise ReadError naming the file and the reason when it cannot be read."""
    path = Path(path)
    if path.suffix.lower() in CORPUS_SUFFIXES:
        raise ReadError(str(path), "a corpus of many articles: read it with iter_source")
    if path.is_dir():
        raise ReadError(str(path), "a folder, not a file: read it with iter_source")
    return read_text_file(path, published=published)


def iter_source(
    path: str | Path, *, published: str | None = None, columns: Mapping[str, str] | None = None
) -> Iterator[Article | Skipped]:
    """Yield every article under ``path`` (a file, a corpus or a folder, walked recursively in name order)."""
    path = Path(path)
    if not path.exists():
        raise ReadError(str(path), "no such file or folder")
    files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)) if path.is_dir() else [path]
    for file in files:
        suffix = file.suffix.lower()
        if path.is_dir() and suffix not in ARTICLE_SUFFIXES + CORPUS_SUFFIXES:
            yield Skipped(
                str(file), f"not a file type fogofwar reads ({', '.join(ARTICLE_SUFFIXES + CORPUS_SUFFIXES)})"
            )
            continue
        try:
            if suffix == ".jsonl":
                yield from iter_jsonl(file, columns or {})
            elif suffix == ".csv":
                yield from iter_csv(file, columns or {})
            else:
                yield read_text_file(file, published=published)
        except ReadError as exc:
            yield Skipped(exc.path, exc.reason)
        except UnicodeDecodeError as exc:
            yield Skipped(
                str(file), f"undecodable bytes ({exc.reason}) after the articles already read: save it as UTF-8"
            )


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(root).parts)


__all__ = [
    "ARTICLE_SUFFIXES",
    "CORPUS_SUFFIXES",
    "Skipped",
    "iter_source",
    "parse_columns",
    "parse_text",
    "read_article",
]
