"""Durations: the count a quantity phrase names, the unit of a word, and the TimeML value (``P3D``, ``PXY``)."""

from __future__ import annotations

import re

from fogofwar.pipeline.dates.lexicon import Lexicon
from fogofwar.pipeline.dates.rules import YEARS_PER


def number_of(text: str, lex: Lexicon) -> float | None:
    """The count a quantity phrase names ("three", "30", "twenty-six", "a"), or None when it is vague."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in lex.numbers:
        return lex.numbers[text]
    parts = re.split(r"[ -]", text)
    if len(parts) == 2 and all(p in lex.numbers for p in parts):  # "twenty-six"
        return lex.numbers[parts[0]] + lex.numbers[parts[1]]
    return None


def unit_of(word: str, lex: Lexicon) -> str:
    """The lexicon's unit for a word ("days" -> "day")."""
    return word if word in lex.units else word.rstrip("s")


def duration_value(count: float | None, unit: str, lex: Lexicon) -> str:
    """TimeML value of a duration: ``P3D``, ``PT5H``, ``P2DE``; ``PXY`` when the count is vague."""
    prefix, letter, _ = lex.units[unit]
    if count is None:
        return f"{prefix}X{letter}"
    if letter == "2W":  # a fortnight
        return f"P{int(2 * count)}W"
    if letter == "Q":
        return f"P{int(3 * count)}M"
    if letter in YEARS_PER:  # ISO 8601 has no decade or century unit: "two decades" is P20Y
        count, letter = count * YEARS_PER[letter], "Y"
    amount = int(count) if count == int(count) else count
    return f"{prefix}{amount}{letter}"
