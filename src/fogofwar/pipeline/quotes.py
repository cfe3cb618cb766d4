"""Quotation marks: where direct speech lies in an article's text (used by attribution and framing)."""

from __future__ import annotations

from collections.abc import Iterator

#: Quotation marks: openers and the closers that end them. A straight double quote both opens and closes.
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“"}

#: Paragraph separator in ``Article.text``: a quotation never runs past it unclosed.
PARAGRAPH_BREAK = "\n\n"


def quoted_ranges(text: str) -> Iterator[tuple[int, int]]:
    """Character ranges ``[start, end)`` from an opening mark through its closing mark; an unclosed quote runs to the
    end of its paragraph."""
    i, n = 0, len(text)
    while i < n:
        closer = QUOTE_PAIRS.get(text[i])
        if closer is None:
            i += 1
            continue
        paragraph_end = text.find(PARAGRAPH_BREAK, i)
        limit = n if paragraph_end < 0 else paragraph_end
        close = text.find(closer, i + 1, limit)
        end = limit if close < 0 else close + 1
        yield i, end
        i = end


def inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words of a range from ``quoted_ranges``: without the marks, surrounding space and a final comma."""
    if start < end and text[start] in QUOTE_PAIRS:
        start += 1
    if end > start and text[end - 1] in QUOTE_PAIRS.values():
        end -= 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end
