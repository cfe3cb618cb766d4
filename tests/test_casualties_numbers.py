"""Casualty figures: digits and words, qualifiers, ranges, the vague-quantity rule table; separate numbers never added."""

from __future__ import annotations

import pytest

from fogofwar.pipeline.numbers import parse_figure, word_value


@pytest.mark.parametrize(
    ("text", "expected_low", "expected_high"),
    [
        ("23", 23, 23),
        ("1,200", 1200, 1200),
        ("2.5 million", 2_500_000, 2_500_000),
        ("Sixteen", 16, 16),
        ("twenty-six", 26, 26),
        ("two hundred and five", 205, 205),
        ("a dozen", 12, 12),
        ("at least 23", 23, None),
        ("at least eleven", 11, None),
        ("more than 700", 701, None),
        ("over 550", 551, None),
        ("nearly 80", None, 80),
        ("up to 80", None, 80),
        ("fewer than 5", None, 4),
        ("about 110", 99, 121),  # +/- APPROXIMATE_TOLERANCE (10%), rounded outward
        ("around 30", 27, 33),
        ("between 10 and 15", 10, 15),
        ("10-15", 10, 15),
        ("dozens", 24, None),  # DESIGN.md's rule: a plural of dozen is at least two dozen
        ("hundreds", 200, None),
        ("tens of thousands", 20_000, None),
        ("several", 3, None),
        ("up to hundreds", None, 200),
    ],
)
def test_casualties_numbers_figure(text, expected_low, expected_high):
    figure = parse_figure(text)
    assert figure is not None
    assert (figure.low, figure.high) == (expected_low, expected_high)


@pytest.mark.parametrize(
    "words", [["nine", "and", "two"], ["nine", "two"], ["2016", "One"], ["twenty", "thirty"], ["killed"], ["1993s"]]
)
def test_casualties_numbers_not_one_number(words):
    assert word_value(words) is None


def figures(record):
    return sorted((c.low, c.high) for c in record.casualties)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two figures stay two figures: no word2number-style "nine and two" = 11
        (
            "The toll includes at least 11 civilians killed, with nine in Azerbaijan and two on the Armenian side.",
            [(2, 2), (9, 9), (11, None)],
        ),
        ("A family of five was killed when a shell hit their home in Donetsk.", [(5, 5)]),
        ("A woman and child were injured in the shelling of Tartar.", [(2, 2)]),
        (
            "Sixteen people were killed and twenty-six wounded in an attack on a market in El Fasher.",
            [(16, 16), (26, 26)],
        ),
        ("Dozens of Houthi fighters were killed in clashes near Marib.", [(24, None)]),
        ("About 110 people were killed in the fighting in April 2016.", [(99, 121)]),
        # a year, an age, a percentage and a distance are not casualty figures
        ("In 2014, 40 people were killed 30 km from Donetsk, including a 12-year-old boy.", [(1, 1), (40, 40)]),
        ("Between 10 and 15 civilians were wounded in the strike on Kherson.", [(10, 15)]),
        ("10-15 soldiers died in the ambush near Marib.", [(10, 15)]),  # a range, never 25
        # a numeric dateline is not a figure
        ("06-06-2016 3 Civilians Killed in Terrorist Rocket Attacks on Aleppo", [(3, 3)]),
        ("01-11-2014 100 ISIL Terrorists Killed in Kobani", [(100, 100)]),
        # one person, named with "a": a figure of one
        ("A Ukrainian soldier was killed near Bakhmut, the army said.", [(1, 1)]),
        ("Sun 24 Jan 2016 One person killed, 16 others injured in rocket attacks on Aleppo", [(1, 1), (16, 16)]),
        # "more than 10 million" is not money, though the model may tag it so
        ("The war has displaced more than 10 million people.", [(10_000_001, None)]),
    ],
)
def test_casualties_numbers_in_text(annotate, text, expected):
    assert figures(annotate(text, published="2020-09-29")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "² soldiers were killed.",  # a superscript digit is a digit to spaCy, not to int()
        "٣ civilians were killed in Gaza.",
        "Between 15 and 10 people died.",
        "over over 5 soldiers were killed",
        "at least at least dozens died",
        "In 1990 1991 1992 people died.",
        "3.7 people died, -5 soldiers died, 10,000,000,000 people were killed.",
    ],
)
def test_casualties_numbers_odd_input_gives_sound_ranges(annotate, text):
    for c in annotate(text).casualties:
        assert c.low is None or c.high is None or c.low <= c.high
        assert (c.low or 0) >= 0 and (c.high or 0) <= 10_000_000
