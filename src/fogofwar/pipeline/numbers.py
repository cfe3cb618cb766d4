"""Numbers in news text: digits and words, vague quantities and qualifiers, turned into a ``(low, high)`` range.

The rules (all tables are in ``data/casualties.json``, section ``numbers``):
- Digits ("1,200", "2.5 million") and number words ("Sixteen", "twenty-six", "one hundred and twenty", "a dozen")
  give an exact figure: low = high. Words are combined only inside one number ("two hundred and five" = 205); two
  separate numbers are never added ("nine in Azerbaijan and two on the Armenian side" stays 9 and 2).
- Vague quantities ("dozens", "hundreds", "scores") follow the ``vague`` rule table: low = the least the plural can
  mean, high open (DESIGN.md: "dozens" -> 24/null, because a plural of dozen is at least two dozen; ACLED codes it
  as 12, which under-counts any "dozens" that is more than one dozen, and a low bound must never over-state).
- Qualifiers before a number set the bounds: "at least N" -> N/null; "more than N", "over N" -> N+1/null;
  "nearly N", "up to N", "as many as N" -> null/N; "fewer than N" -> null/N-1; "about N", "around N" -> N minus and
  plus ``APPROXIMATE_TOLERANCE`` (rounded outward); "between N and M", "N to M", "N-M" -> N/M.
- Counted phrases: "a family of five" -> 5; "a woman and (her) child" -> 2 (``pairs`` table).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any

#: Relative tolerance of "about N" / "around N" / "some N": the figure is taken as N +/- 10%, the margin within
#: which a rounded news figure ("about 110") usually lies; low is rounded down and high up so N stays inside.
APPROXIMATE_TOLERANCE = 0.10

#: Largest figure taken as a count of people or things: anything larger is a money sum or a misparse.
MAX_COUNT = 10_000_000


@dataclass(frozen=True, slots=True)
class Figure:
    """A parsed figure: the range it states, the stated number (``value``) and how it was qualified."""

    low: int | None
    high: int | None
    value: int
    qualifier: str | None = None  # the qualifier's rule: least, more, most, less, approx, range, vague
    vague: bool = False


@cache
def _tables() -> dict[str, Any]:
    text = resources.files("fogofwar").joinpath("data/casualties.json").read_text(encoding="utf-8")
    return json.loads(text)["numbers"]  # type: ignore[no-any-return]


def units() -> dict[str, int]:
    """Number words below a hundred: "one" -> 1 ... "ninety" -> 90."""
    return dict(_tables()["units"])


def scales() -> dict[str, int]:
    """Multiplier words: "hundred" -> 100, "thousand" -> 1000, "million"."""
    return dict(_tables()["scales"])


def vague() -> dict[str, dict[str, int | None]]:
    """The vague-quantity rule table: word -> {"low": ..., "high": ...}."""
    return dict(_tables()["vague"])


def qualifiers() -> dict[str, str]:
    """Qualifier phrases (lower case) -> rule: least, more, most, less, approx."""
    return dict(_tables()["qualifiers"])


_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def word_value(words: list[str]) -> int | None:  # noqa: PLR0911, PLR0912 - one branch per kind of number word
    """The value of one number written as words or digits ("twenty-six", "2.5 million", "a dozen"), else None.

    >>> word_value(["one", "hundred", "and", "twenty"])
    120
    """
    tokens: list[str] = []
    for w in words:
        tokens.extend(p for p in re.split(r"[-\s]+", w.lower()) if p)
    if not tokens:
        return None
    unit_words, scale_words = units(), scales()
    total = 0
    current: float = 0
    seen = False
    previous = ""  # the kind of the previous token: digits, tens, unit, scale
    for i, tok in enumerate(tokens):
        if tok in ("a", "an") and i == 0:
            current, previous = 1, "unit"  # "a hundred", "a dozen"
            continue
        if tok == "and" and previous == "scale":
            continue  # "two hundred and five"; "nine and two" is two numbers, never added
        if _DIGITS.match(tok):
            if previous:
                return None  # "2016 One": a year then a number
            current, previous = float(tok.replace(",", "")), "digits"
        elif tok in unit_words:
            unit = unit_words[tok]
            if previous in ("digits", "unit") or (previous == "tens" and unit >= 10):
                return None  # "nine two", "twenty thirty": two numbers
            current += unit
            previous = "tens" if unit >= 20 and unit % 10 == 0 else "unit"
        elif tok in scale_words:
            current = (current or 1) * scale_words[tok]
            previous = "scale"
            if scale_words[tok] >= 1000:
                total += int(current)
                current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    if value != int(value) or not 0 <= value <= MAX_COUNT:
        return None
    return int(value)


def approximate(value: int) -> tuple[int, int]:
    """The range of "about N": N +/- ``APPROXIMATE_TOLERANCE``, rounded outward."""
    tolerance = Fraction(str(APPROXIMATE_TOLERANCE))  # exact arithmetic: 110 * 1.1 is 121, not 121.00000000000001
    return math.floor(value * (1 - tolerance)), math.ceil(value * (1 + tolerance))


def apply_qualifier(value: int, rule: str | None) -> tuple[int | None, int | None]:
    """The (low, high) range of a number under a qualifier rule."""
    if rule == "least":
        return value, None
    if rule == "more":
        return value + 1, None
    if rule == "most":
        return None, value
    if rule == "less":
        return None, max(value - 1, 0)
    if rule == "approx":
        return approximate(value)
    return value, value


def vague_figure(word: str) -> Figure | None:
    """A vague quantity from the rule table ("dozens" -> 24/null), or None."""
    rule = vague().get(word.lower())
    if rule is None:
        return None
    low, high = rule.get("low"), rule.get("high")
    return Figure(low=low, high=high, value=low if low is not None else (high or 0), qualifier="vague", vague=True)


def parse_figure(text: str) -> Figure | None:
    """Parse a whole number phrase with its qualifier ("at least 23", "between 10 and 15", "dozens").

    This is the string-level entry point (tests, the evaluation); the pipeline component assembles the same parts
    from tokens and calls ``word_value``, ``apply_qualifier`` and ``vague_figure``.
    """
    phrase = " ".join(text.lower().replace("–", "-").split())
    between = re.match(r"^(?:between|from)\s+(.+?)\s+(?:and|to)\s+(.+)$", phrase) or re.match(
        r"^(\S+?)\s*(?:-|to)\s*(\S+)$", phrase
    )
    if between:
        low, high = word_value([between.group(1)]), word_value([between.group(2)])
        if low is not None and high is not None and low < high:
            return Figure(low=low, high=high, value=low, qualifier="range")
    rule = None
    for cue, cue_rule in sorted(qualifiers().items(), key=lambda kv: -len(kv[0])):
        if phrase.startswith(cue + " "):
            rule, phrase = cue_rule, phrase[len(cue) + 1 :]
            break
    found = vague_figure(phrase)
    if found is not None:
        if rule in ("least", "more", "approx", None):
            return found
        return Figure(low=None, high=found.low, value=found.value, qualifier=rule, vague=True)
    value = word_value(phrase.split())
    if value is None:
        return None
    low, high = apply_qualifier(value, rule)
    return Figure(low=low, high=high, value=value, qualifier=rule)
