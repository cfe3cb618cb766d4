"""A figure found in the text (Mention), and the parse helpers that read one: its counted noun, its clause, whether it
is a date or the whole of a partitive, its qualifier, and the longest of overlapping matches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from fogofwar.pipeline import numbers
from fogofwar.pipeline.casualties.lexicon import CURRENCY_WORDS, MAX_OF_TOKENS, TIME_WORDS, VAGUE_HEADS

#: A figure found by a matcher: token start, end, the figure, and whether it is a counted phrase ("a family of five").
Found = tuple[int, int, numbers.Figure, bool]


@dataclass(slots=True)
class Mention:
    """A figure found in the text, before it becomes a Casualty or a Loss."""

    span: SpacySpan  # the number phrase, qualifier included
    number: Token  # the number's syntactic head
    figure: numbers.Figure
    noun: Token | None = None  # the counted noun, if any
    head: Token | None = None  # the token carrying the phrase's role in the clause (noun or number)
    outcome: str | None = None
    population: str | None = None
    side: str | None = None
    scope: str | None = None
    cue: list[Token] = field(default_factory=list)  # outcome / toll tokens, for the evidence
    inherited: bool = False
    toll: Token | None = None
    agent_country: str | None = None
    own: bool = False
    nearby: bool = False  # the outcome was read off the neighbouring words, not the parse

    def span_range(self) -> range:
        """Token positions of the number phrase."""
        return range(self.span.start, self.span.end)


def clause_of(m: Mention) -> set[int]:
    """Token positions of the figure's clause: its verb's subtree (without reported clauses), the counted phrase,
    the noun a relative clause hangs on, and what a coordinated or subordinate verb shares with its head."""
    verb = m.cue[0] if m.cue else (m.head or m.number)
    reported = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    clause = {t.i for t in verb.subtree} - reported
    clause.update(t.i for t in m.span)
    for root in (m.noun, m.toll):
        if root is not None:
            clause.update(t.i for t in root.subtree)
    if verb.dep_ == "relcl":
        clause.update(t.i for t in verb.head.subtree)
    if verb.dep_ in ("conj", "advcl", "xcomp"):
        clause.update(t.i for c in verb.head.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree)
    return clause


def counted_noun(number: Token) -> tuple[Token | None, Token]:
    """What a figure counts and the token carrying its role in the clause: the noun it modifies ("11 civilians"),
    the noun after "of" ("26 of its troops": the role is the number's), or nothing ("nine in Azerbaijan")."""
    if number.lower_ in VAGUE_HEADS:
        # "a number of tunnels", "dozens of soldiers": what follows "of" is counted
        pobj = next((g for c in number.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
        if pobj is not None and pobj.dep_ == "pobj":
            return pobj, number
    if number.dep_ == "nummod" and number.head.lower_ in ("more", "other", "others"):
        number = number.head  # "21 more of their fighters", "32 others": the role is the "more"
    if number.dep_ in ("nummod", "quantmod", "amod", "compound") and number.head.pos_ in ("NOUN", "PROPN"):
        return number.head, number.head
    if number.pos_ in ("NOUN", "PROPN") and number.lower_ not in numbers.vague() and not number.like_num:
        return number, number  # "a family of five": the family
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.i - number.i <= MAX_OF_TOKENS:
                return pobj, number
    return None, number


def partitive_whole(m: Mention) -> bool:
    """The whole of a partitive ("22" in "18 of 22 drones"): its noun follows "of" after another number."""
    noun = m.noun
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    owner = noun.head.head
    return owner.i != m.number.i and owner.like_num and m.number.head.i == noun.i


def date_like(token: Token) -> bool:
    """A number the model tagged as a date, time, money, percent or measure that really is one: its entity has a
    year, a month or weekday, or a unit of time, or a currency ("Between 10 and 15 civilians" is sometimes tagged
    DATE, "more than 10 million [displaced]" MONEY)."""
    if token.ent_type_ not in ("DATE", "MONEY"):
        return True
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if ent is None:
        return True
    if token.ent_type_ == "MONEY":
        return any(t.is_currency or t.lower_ in CURRENCY_WORDS for t in ent)
    if len(token.text) == 4 and token.text.isdigit():
        return True  # a year
    if any(c in token.text for c in "-/:."):
        return True  # "01-11-2014", "10:59"
    doc = token.doc
    # a day or a count of time units: "30 June", "Sunday 1", "24 hours", "three days"; not "2014 100 [terrorists]"
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if ent.start <= i < ent.end]
    return any(t.lower_.rstrip("s") in TIME_WORDS or t.text in ("-", "/", ".") for t in neighbours)


def qualified(figure: numbers.Figure, rule: str) -> numbers.Figure:
    """A figure under a qualifier ("at least 11", "over 550", "about 110", "more than dozens")."""
    if figure.vague:
        if rule in ("least", "more", "approx"):
            return figure
        return numbers.Figure(low=None, high=figure.low, value=figure.value, qualifier=rule, vague=True)
    low, high = numbers.apply_qualifier(figure.value, rule)
    return numbers.Figure(low=low, high=high, value=figure.value, qualifier=rule)


def longest(found: list[Found]) -> list[Found]:
    """Keep the longest of overlapping matches, in text order."""
    kept: list[Found] = []
    taken: set[int] = set()
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if taken.isdisjoint(range(item[0], item[1])):
            kept.append(item)
            taken.update(range(item[0], item[1]))
    return sorted(kept, key=lambda f: f[0])
