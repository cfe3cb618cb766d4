"""Corpora of many articles: JSON lines and CSV files whose columns name text, title, date, url and source."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar.errors import ReadError
from fogofwar.read.decode import MAX_ARTICLE_BYTES, SNIFF_BYTES, check_not_binary, detect_encoding
from fogofwar.read.text import CREDIT, build_article, classify_blocks, outlet_from_credit, split_blocks
from fogofwar.record import Article

#: The fields an article row can fill, and the column names tried for each, in order, when no mapping is given.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "article_content", "body", "article"),
    "title": ("title", "headline", "article_title"),
    "date": ("date", "published", "pubdate", "publish_date", "datetime"),
    "url": ("url", "link", "source_url"),
    "source": ("source", "outlet", "publisher", "media"),
}

#: Date layouts accepted in corpus columns besides ISO 8601. Slash dates are read month first (US order), as in the
#: corpora we know (FA-KES writes 4/5/17 for 5 April 2017); give ISO dates to avoid the ambiguity.
DATE_FORMATS = ("%m/%d/%y", "%m/%d/%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A source, or one row of it, that could not be read, and why (a folder or corpus read goes on past it)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def parse_columns(spec: str | None) -> dict[str, str]:
    """Parse a column mapping such as ``text=body,title=headline`` into ``{field: column}``."""
    if not spec:
        return {}
    mapping: dict[str, str] = {}
    for part in spec.split(","):
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or field not in DEFAULT_COLUMNS or not column:
            raise ReadError(
                "--columns",
                f"{part!r} is not FIELD=COLUMN with FIELD one of {', '.join(DEFAULT_COLUMNS)} (e.g. text=body)",
            )
        mapping[field] = column
    return mapping


def parse_corpus_date(value: str, where: str) -> str:
    """Normalise a corpus date (ISO, with or without a time, or one of ``DATE_FORMATS``) to ``YYYY-MM-DD``."""
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise ReadError(where, f"date {value!r} is not a date fogofwar can read: write it as YYYY-MM-DD")


def row_to_article(row: Mapping[str, Any], columns: Mapping[str, str], where: str, path: str) -> Article:
    """Turn one corpus row into an Article; raise ReadError (naming the row) when it has no usable text."""
    fields: dict[str, str | None] = {}
    for field, candidates in DEFAULT_COLUMNS.items():
        names = (columns[field],) if field in columns else candidates
        value = next((row[n] for n in names if row.get(n) not in (None, "")), None)
        fields[field] = None if value is None else str(value)
    text = fields["text"]
    if text is None or not text.strip():
        wanted = columns.get("text") or "/".join(DEFAULT_COLUMNS["text"])
        raise ReadError(where, f"no text (looked in column {wanted}; map another with --columns text=NAME)")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise ReadError(where, f"the text is over the {MAX_ARTICLE_BYTES:,}-byte limit for one article")
    check_not_binary(Path(where), text)
    blocks = split_blocks(text.replace("\r\n", "\n"))
    title = (fields["title"] or "").strip()
    if title and not blocks[0].startswith(title) and title not in blocks[0][: len(title) + 40]:
        blocks.insert(0, " ".join(title.split()))
    typed, credit_outlet = classify_blocks(blocks, newsdump=False)
    if title:
        typed[0] = ("headline", typed[0][1]) if typed[0][1].startswith(title) else typed[0]
    published = parse_corpus_date(fields["date"], f"{where}: date") if fields["date"] else None
    trailing = CREDIT.search(blocks[-1])
    outlet = fields["source"] or credit_outlet or (outlet_from_credit(trailing["credit"]) if trailing else None)
    return build_article(typed, published=published, outlet=outlet, url=fields["url"], source_path=path)


def iter_jsonl(path: Path, columns: Mapping[str, str]) -> Iterator[Article | Skipped]:
    """Yield an Article or a Skipped for each line of a JSON-lines corpus."""
    for number, line in enumerate(open_corpus(path), start=1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ReadError(where, f"a JSON {type(row).__name__}, not an object with article columns")
            yield row_to_article(row, columns, where, str(path))
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"not JSON ({exc.msg} at column {exc.colno})")
        except ReadError as exc:
            yield Skipped(exc.path, exc.reason)


def iter_csv(path: Path, columns: Mapping[str, str]) -> Iterator[Article | Skipped]:
    """Yield an Article or a Skipped for each row of a CSV corpus with a header row."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(open_corpus(path))
    try:
        for number, row in enumerate(reader, start=2):
            where = f"{path}: row {number}"
            try:
                yield row_to_article(row, columns, where, str(path))
            except ReadError as exc:
                yield Skipped(exc.path, exc.reason)
    except csv.Error as exc:
        yield Skipped(f"{path}: row {reader.line_num}", f"malformed CSV ({exc}); the rows before it were read")


def open_corpus(path: Path) -> io.TextIOWrapper:
    """Open a corpus file as text in its detected encoding (it may be large: it is streamed, not read whole)."""
    try:
        with path.open("rb") as handle:
            sample = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise ReadError(str(path), f"cannot open it ({exc.strerror or exc})") from exc
    if not sample.strip():
        raise ReadError(str(path), "the file is empty")
    encoding = detect_encoding(path, sample)
    return path.open(encoding=encoding, newline="")
