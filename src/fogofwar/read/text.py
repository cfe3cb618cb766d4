"""Text articles: the news-dump format (a ``date YYYY-MM-DD <Section>`` header line) and plain text.

The news-dump layout is: header line, headline, photo caption (ending with the photographer's agency credit, such as
"(AFP)"), body paragraphs separated by blank lines, subheadings on lines of their own without final punctuation, and
a credit naming the outlet, such as "(TRTWorld)", closing the outlet's own story.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from fogofwar.errors import ReadError
from fogofwar.read.decode import read_text
from fogofwar.record import Article, Paragraph, ParagraphKind, article_id

#: The news-dump header: " date 2020-09-29 Fast News" (leading space optional, section optional).
HEADER = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\b[ \t]*(?P<section>[^\n]*)$")

#: A credit closing a paragraph: "(AFP)", "(TRTWorld)", "(Reuters)", "(Fogofwar Desk)". One to three capitalised
#: words, so that a parenthetical remark such as "(including those wounded)" is not taken for one.
CREDIT = re.compile(r"\((?P<credit>[A-Z][A-Za-z0-9&.'-]{1,30}(?: [A-Z][A-Za-z0-9&.'-]{1,30}){0,2})\)\s*$")

#: Characters that end a sentence; a block that ends with none of them is a subheading, not a paragraph.
FINAL_PUNCTUATION = ".!?:;\"'”’»)…"

#: Longest subheading, in words: subheadings are short labels ("Calls for calm"); a longer block without final
#: punctuation is more likely a paragraph whose full stop got lost.
MAX_HEADING_WORDS = 14

#: Credits whose printed form differs from the outlet's name. Unlisted credits are used as they are.
OUTLET_CREDITS = {
    "TRTWorld": "TRT World",
    "TRT": "TRT World",
    "AA": "Anadolu Agency",
    "AP": "Associated Press",
    "DailySabah": "Daily Sabah",
    "AlJazeera": "Al Jazeera",
}

Block = tuple[ParagraphKind, str]


def parse_date(value: str, where: str) -> str:
    """Check that ``value`` is a real ISO calendar date (``YYYY-MM-DD``); raise ReadError naming ``where`` if not."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ReadError(where, f"{value!r} is not a real date ({exc}); dates are written YYYY-MM-DD") from exc


def split_blocks(text: str) -> list[str]:
    """Split text into blocks at blank lines; lines inside one block are joined with a space."""
    blocks = []
    for raw in re.split(r"\n\s*\n", text):
        block = " ".join(line.strip() for line in raw.split("\n") if line.strip())
        if block:
            blocks.append(unicodedata.normalize("NFC", block))
    return blocks


def is_heading(block: str) -> bool:
    """True for a subheading: a short line that does not end like a sentence."""
    return block[-1] not in FINAL_PUNCTUATION and len(block.split()) <= MAX_HEADING_WORDS


def build_article(
    blocks: Sequence[Block],
    *,
    published: str | None = None,
    outlet: str | None = None,
    section: str | None = None,
    url: str | None = None,
    source_path: str | None = None,
) -> Article:
    """Join typed blocks into an Article whose text separates paragraphs with a blank line."""
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    offset = 0
    for kind, block in blocks:
        if parts:
            offset += 2
        parts.append(block)
        paragraphs.append(Paragraph(kind=kind, start=offset, end=offset + len(block)))
        offset += len(block)
    text = "\n\n".join(parts)
    headline = next((b for k, b in blocks if k == "headline"), None)
    return Article(
        id=article_id(text),
        text=text,
        published=published,
        outlet=outlet,
        section=section,
        headline=headline,
        url=url,
        paragraphs=tuple(paragraphs),
        source_path=source_path,
    )


def outlet_from_credit(credit: str) -> str:
    """The outlet's name for a printed credit ("TRTWorld" -> "TRT World")."""
    return OUTLET_CREDITS.get(credit, credit)


def parse_text(text: str, *, path: str, published: str | None = None) -> Article:
    """Parse a news-dump or plain-text article; ``published`` (ISO) overrides or supplies the publication date."""
    lines = text.lstrip("\ufeff").split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ReadError(path, "the file holds only whitespace")
    header = HEADER.match(lines[first])
    section = None
    if header:
        header_date = parse_date(header["date"], f"{path}: header")
        published = published or header_date
        section = header["section"].strip() or None
        lines = lines[first + 1 :]
    if published is not None:
        published = parse_date(published, path)
    blocks = split_blocks("\n".join(lines))
    if not blocks:
        raise ReadError(path, "no text after the header")
    typed, outlet = classify_blocks(blocks, newsdump=header is not None)
    return build_article(typed, published=published, outlet=outlet, section=section, source_path=path)


def classify_blocks(blocks: list[str], *, newsdump: bool) -> tuple[list[Block], str | None]:
    """Give each block its kind (headline, caption, heading, body) and find the outlet's credit.

    The first block is the headline in a news dump (or, in plain text, when it looks like a heading). In a news dump
    the block after the headline is the photo caption when it ends with a credit; that credit is the photographer's
    agency. The outlet is the credit closing the first body paragraph that has one.
    """
    typed: list[Block] = []
    outlet = None
    for i, block in enumerate(blocks):
        credit = CREDIT.search(block)
        kind: ParagraphKind
        if i == 0 and (newsdump or is_heading(block)):
            kind = "headline"
        elif i == 1 and newsdump and credit is not None:
            kind = "caption"
        elif is_heading(block):
            kind = "heading"
        else:
            kind = "body"
            if credit is not None and outlet is None:
                outlet = outlet_from_credit(credit["credit"])
        typed.append((kind, block))
    return typed, outlet


def read_text_file(path: Path, *, published: str | None = None) -> Article:
    """Read one ``.txt`` article (news-dump or plain)."""
    return parse_text(read_text(path), path=str(path), published=published)
