"""The countries a text is about, from its country words (names, demonyms, capitals): evidence for disambiguation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from fogofwar import countries

#: What may stand between a place and the larger place that holds it: "Dublin, Ohio", "Athens , Greece".
CONTAINER_GAP = re.compile(r"\s*,\s*")


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


def containers(text: str, spans: Sequence[tuple[int, int]]) -> list[int | None]:
    """For each toponym span (start, end) of the text, the index of the toponym written right after it behind a
    comma ("Dublin, Ohio": Ohio's index for Dublin), else None: the place that may hold it."""
    starts = {start: j for j, (start, _) in enumerate(spans)}
    found: list[int | None] = []
    for _, end in spans:
        gap = CONTAINER_GAP.match(text, end)
        found.append(starts.get(gap.end()) if gap is not None and gap.group(0).strip() == "," else None)
    return found
