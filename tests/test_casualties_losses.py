"""Materiel losses: item, count, side, outcome (destroyed, captured, damaged)."""

from __future__ import annotations

import pytest


def losses(record):
    return sorted((loss.item, loss.low, loss.high, loss.side, loss.outcome) for loss in record.losses)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Armenia's army said it shot down four Azerbaijani helicopters and 15 drones.",
            [("drone", 15, 15, "AZE", "destroyed"), ("helicopter", 4, 4, "AZE", "destroyed")],
        ),
        (
            "Azerbaijani jets destroyed a convoy of Armenian armoured vehicles near Madagiz.",
            [("armoured vehicle", None, None, "ARM", "destroyed")],
        ),
        ("Ukrainian troops captured two Russian tanks near Izium.", [("tank", 2, 2, "RUS", "captured")]),
        ("A Russian helicopter was shot down over Kherson.", [("helicopter", 1, 1, "RUS", "destroyed")]),
        ("Houthi drones damaged three Saudi warships in the Red Sea.", [("warship", 3, 3, "SAU", "damaged")]),
        # the attackers' own aircraft are not a loss
        ("Israeli jets struck 20 targets in Gaza.", []),
        ("Ukraine deployed 30 tanks to the front.", []),
    ],
)
def test_casualties_losses(annotate, text, expected):
    assert losses(annotate(text)) == expected


def test_casualties_materiel_is_not_a_casualty(annotate):
    record = annotate("Ukrainian forces destroyed 12 Russian tanks and killed 40 soldiers near Bakhmut.")
    assert [(c.low, c.population) for c in record.casualties] == [(40, "military")]
    assert [(loss.item, loss.low) for loss in record.losses] == [("tank", 12)]
