"""Name folding: the key every gazetteer name and every toponym in a text is compared on.

"Füzuli", "Fuzuli", "FUZULI" and "Füzuli" written with a combining diaeresis all fold to ``fuzuli``; "Nagorno-Karabakh"
and "Nagorno Karabakh" to ``nagorno karabakh``; "Stepʻanakert" and "Step'anakert" to ``stepanakert``.
"""

from __future__ import annotations

import re
import unicodedata

#: Letters NFKD does not decompose into a base letter and a mark, spelled the way English text writes them
#: (Azerbaijani schwa and dotless i, Nordic and Slavic letters).
LETTERS = str.maketrans(
    {"ə": "e", "ǝ": "e", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ł": "l", "þ": "th"}
)

#: Apostrophe-like marks (ayn, hamza, okina, prime, curly quotes) dropped from names: "Ma'arrat" = "Maarrat".
APOSTROPHES = re.compile(r"['’‘`ʻʼʾʿ′´]")

#: Hyphens, dashes, dots and slashes read as a space: "Nagorno-Karabakh" = "Nagorno Karabakh", "St. Louis" = "St Louis".
SEPARATORS = re.compile(r"[\-‐‑‒–—./,]+")


def fold(name: str) -> str:
    """The comparison key of a name: NFKD, diacritics stripped, lower-cased, apostrophes dropped, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", name.strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(LETTERS)
    text = SEPARATORS.sub(" ", APOSTROPHES.sub("", text))
    return " ".join(text.split())


def is_latin(key: str) -> bool:
    """True for a folded key written in the Latin alphabet (ASCII after folding): the names an English text uses."""
    return key.isascii() and any(c.isalpha() for c in key)
