"""The countries a text is about, from its country words (names, demonyms, capitals): evidence for disambiguation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from fogofwar import countries

#: What may stand between a place and the larger place that holds it: "Dublin, Ohio", "Athens , Greece".
CONTAINER_GAP = re.compile(r"\s*,\s*")


#: Institutions only a town has, written right after its name ("Berea Police Department", "the Jordan City
#: Council", "Dublin's city manager"): the name is a town's, not a country's or a region's. Police alone is not
#: enough ("Jordan police" may be the kingdom's).
MUNICIPAL = re.compile(
    r"(?:'s)?\s+(?:city council|city hall|city manager|city commission|town council|town hall|mayor|"
    r"police department|police chief|fire department|public library|elementary|middle school|high school|"
    r"school board|school district|board of education|township)\b",
    re.IGNORECASE,
)


#: Words that start another place's name when written before a country, capital or demonym word: "New London"
#: (Connecticut), "New Mexico", "Mount Lebanon", "Little Armenia" name no country.
#: Characters before a match searched for such a word (the longest, "Mount", and its spaces).
PREFIX_WINDOW = 12
NAME_PREFIX = re.compile(r"\b(?:New|Little|Mount|Mt\.|Port|Fort|Lake)\s+$")


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(countries.words(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def countries_in(text: str) -> Counter[str]:
    """ISO alpha-2 country -> how often the text names it, calls its people by their demonym, or names its capital."""
    return Counter(dict(_countries_in(text)))


#: Texts whose country counts are kept: the places component asks twice per article (detection, then resolution).
RECENT_TEXTS = 4


@lru_cache(maxsize=RECENT_TEXTS)
def _countries_in(text: str) -> tuple[tuple[str, int], ...]:
    found: Counter[str] = Counter()
    for match in _pattern().finditer(text):
        if NAME_PREFIX.search(text, max(0, match.start() - PREFIX_WINDOW), match.start()):
            continue  # "New London", "New Mexico", "Mount Lebanon": another place's name
        word = countries.lookup(match.group(0))
        iso2 = countries.iso3_to_iso2(word.iso3) if word is not None else None
        if iso2 is not None:
            found[iso2] += 1
    return tuple(found.items())


def containers(text: str, spans: Sequence[tuple[int, int]]) -> list[int | None]:
    """For each toponym span (start, end) of the text, the index of the toponym written right after it behind a
    comma ("Dublin, Ohio": Ohio's index for Dublin), else None: the place that may hold it."""
    starts = {start: j for j, (start, _) in enumerate(spans)}
    found: list[int | None] = []
    for _, end in spans:
        gap = CONTAINER_GAP.match(text, end)
        found.append(starts.get(gap.end()) if gap is not None and gap.group(0).strip() == "," else None)
    return found


def towns(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each toponym span, True when the text writes a town's institution right after it ("Berea Police
    Department"), or after another mention of the same name (one sense per text)."""
    names = [text[start:end].casefold() for start, end in spans]
    municipal = {name for name, (_, end) in zip(names, spans, strict=True) if MUNICIPAL.match(text, end)}
    return [name in municipal for name in names]
