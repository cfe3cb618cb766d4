"""Bytes to text: size, emptiness, binary and encoding checks, each failing with a message that names the file."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import charset_normalizer

from fogofwar.errors import ReadError

#: Largest single-article file we read. Long-form war reporting runs to ~100 KB of text; spaCy's parser needs about
#: 1 GB of working memory per 100,000 characters of one Doc, so a larger "article" is almost surely not one.
MAX_ARTICLE_BYTES = 512 * 1024

#: Bytes looked at to decide whether a file is binary or which encoding it uses.
SNIFF_BYTES = 64 * 1024

#: Share of control characters (other than tab, newline, carriage return, form feed) above which decoded text is
#: taken for binary data: real text has none, a mis-decoded image or archive has many.
MAX_CONTROL_SHARE = 0.01

#: Text we accept without asking charset-normalizer: these decode strictly or not at all.
STRICT_ENCODINGS = ("utf-8-sig",)

#: Largest share of non-ASCII bytes for which a non-UTF-8 file is read as Windows-1252, the usual legacy encoding of
#: English news: with so few accented letters charset-normalizer has too little to go on (it reads "Füzuli" in
#: cp1252 as cp775 "F³zuli"), while cp1252 is right for the English-language text this tool reads.
LATIN_SHARE = 0.05

#: Least language coherence (0-1, charset-normalizer's measure of how much the decoded text looks like a language)
#: for an encoding guess to be trusted; scrambled bytes decode "successfully" with coherence 0.
MIN_COHERENCE = 0.1


def check_size(path: Path, limit: int = MAX_ARTICLE_BYTES) -> int:
    """Return the file's size; raise ReadError if it is missing, empty or over ``limit`` bytes."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(str(path), f"cannot open it ({exc.strerror or exc})") from exc
    if size == 0:
        raise ReadError(str(path), "the file is empty")
    if size > limit:
        raise ReadError(str(path), f"the file is {size:,} bytes, over the {limit:,}-byte limit for one article")
    return size


def detect_encoding(path: Path, sample: bytes) -> str:
    """Name the encoding of ``sample`` (UTF-8 first); raise ReadError for binary data or an undetectable encoding."""
    if b"\x00" in sample:
        raise ReadError(str(path), "binary data (NUL bytes), not text")
    for encoding in STRICT_ENCODINGS:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(sample) - 3:  # a multi-byte character cut by the sample's end, not bad UTF-8
                return encoding
            continue
        check_not_binary(path, text)
        return encoding
    if sum(b > 127 for b in sample) <= LATIN_SHARE * len(sample):
        try:
            text = sample.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            check_not_binary(path, text)
            return "cp1252"
    best = charset_normalizer.from_bytes(sample).best()
    if best is None or best.encoding is None or best.coherence < MIN_COHERENCE:
        raise ReadError(str(path), "cannot tell its text encoding (not UTF-8, and no other fits): save it as UTF-8")
    check_not_binary(path, str(best))
    return best.encoding


def check_not_binary(path: Path, text: str) -> None:
    """Raise ReadError when decoded text is mostly control characters, as binary data decoded as text is."""
    if not text:
        return
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls / len(text) > MAX_CONTROL_SHARE:
        raise ReadError(str(path), f"binary data ({controls} control characters), not text")


def read_text(path: Path, limit: int = MAX_ARTICLE_BYTES) -> str:
    """Read a whole text file within ``limit`` bytes, detecting its encoding; line endings become ``\\n``."""
    check_size(path, limit)
    data = path.read_bytes()
    encoding = detect_encoding(path, data[:SNIFF_BYTES])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(
            str(path), f"undecodable bytes at offset {exc.start} for encoding {encoding}: save it as UTF-8"
        ) from exc
    if len(data) > SNIFF_BYTES:
        check_not_binary(path, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(str(path), "the file holds only whitespace")
    return text
