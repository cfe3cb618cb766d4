"""Events take their date from the time expression of their own clause, and read date ranges as ranges."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Border clashes broke out early on Sunday.", "2020-09-29", ["2020-09-27"]),
        # the date of the reporting verb dates what is reported
        (
            "Azerbaijan's defence ministry said on Tuesday that Armenian forces shelled Tartar.",
            "2020-09-29",
            ["2020-09-29"],
        ),
        ("Russian jets bombed a market in Idlib on Monday.", "2019-07-24", ["2019-07-22"]),
        ("Armenian forces occupied the region in 1993.", "2020-09-29", ["1993"]),
        # a date inside a subordinate clause, or a "since" date, does not date the main event
        (
            "World leaders urged a halt in fighting after the worst escalation since 2016 raised fears of war.",
            "2020-09-29",
            [None],
        ),
        # a day inside "the weekend" tells the same happening: one event, with the more precise date
        (
            "Violence broke out over the weekend in Karabakh. Fighting broke out early on Sunday near Tartar.",
            "2020-09-29",
            ["2020-09-27"],
        ),
    ],
)
def test_events_dates(annotate, text, published, expected):
    record = annotate(text, published=published)
    assert [e.when.value if e.when else None for e in record.events] == expected
