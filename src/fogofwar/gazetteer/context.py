"""The countries a text is about, from its country words (names, demonyms, capitals): evidence for disambiguation."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from fogofwar import countries


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(countries.words(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def countries_in(text: str) -> Counter[str]:
    """ISO alpha-2 country -> how often the text names it, calls its people by their demonym, or names its capital."""
    found: Counter[str] = Counter()
    for match in _pattern().finditer(text):
        word = countries.lookup(match.group(0))
        iso2 = countries.iso3_to_iso2(word.iso3) if word is not None else None
        if iso2 is not None:
            found[iso2] += 1
    return found
