"""Saved web pages and RSS/Atom feeds: the article text of an HTML page (trafilatura), the entries of a feed.

Both read local files only: fetching is left to the user (``curl -o page.html URL``), so nothing here touches the
network. A page or entry becomes an Article with its headline, body paragraphs, publication date, outlet and url.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fogofwar.errors import ReadError
from fogofwar.read.corpus import Skipped
from fogofwar.read.decode import check_size
from fogofwar.read.text import build_article
from fogofwar.record import Article

#: Suffixes read as saved web pages, and as feeds.
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")

#: Saved pages carry scripts and styles around the article: allow more than for a plain-text article.
MAX_PAGE_BYTES = 20_000_000

#: Feeds can hold thousands of entries; a larger file is more likely a dump than a feed.
MAX_FEED_BYTES = 50_000_000


def _blocks(title: str | None, text: str) -> list[tuple[Any, str]]:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    body = [line for line in lines if line]
    if title and body and body[0] == " ".join(title.split()):
        body = body[1:]
    blocks: list[tuple[Any, str]] = [("headline", " ".join(title.split()))] if title and title.strip() else []
    return blocks + [("body", line) for line in body]


def _iso_day(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def read_html(path: str | Path) -> Article:
    """Read a saved HTML page into an Article (its main text, without menus and footers); raise ReadError."""
    import trafilatura

    path = Path(path)
    check_size(path, MAX_PAGE_BYTES)
    raw = path.read_bytes()
    try:
        doc = trafilatura.bare_extraction(raw.decode("utf-8", errors="replace"), with_metadata=True, favor_recall=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise ReadError(str(path), f"cannot parse the HTML page ({type(exc).__name__})") from exc
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = data.get("text") or ""
    if not text.strip():
        raise ReadError(str(path), "no article text found in the HTML page")
    blocks = _blocks(data.get("title"), text)
    return build_article(
        blocks,
        published=_iso_day(data.get("date")),
        outlet=data.get("sitename") or data.get("hostname"),
        url=data.get("url"),
        source_path=str(path),
    )


def _html_to_text(html: str) -> str:
    import lxml.html

    if "<" not in html:
        return html
    try:
        root = lxml.html.fromstring(html)
    except Exception:  # malformed or empty fragment: keep the raw text
        return html
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return str(root.text_content())


def iter_feed(path: str | Path) -> Iterator[Article | Skipped]:
    """Yield an Article for each entry of a local RSS/Atom feed (a Skipped for an entry with no text)."""
    import feedparser

    path = Path(path)
    check_size(path, MAX_FEED_BYTES)
    feed = feedparser.parse(path.read_bytes())
    if feed.get("bozo") and not feed.get("entries"):
        reason = feed.get("bozo_exception")
        raise ReadError(str(path), f"not an RSS/Atom feed ({reason})")
    outlet = feed.get("feed", {}).get("title")
    for n, entry in enumerate(feed.get("entries", []), start=1):
        where = f"{path}: entry {n}"
        contents = entry.get("content") or []
        html = contents[0].get("value", "") if contents else entry.get("summary", "")
        text = _html_to_text(html or "")
        if not text.strip():
            yield Skipped(where, "the entry has no text")
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", parsed) if parsed else None
        yield build_article(
            _blocks(entry.get("title"), text),
            published=published,
            outlet=outlet,
            url=entry.get("link"),
            source_path=where,
        )
