"""Dates: every class of time expression, found in a news passage and resolved against its publication date."""

from __future__ import annotations

import pytest


def found(record):
    return [(d.text, d.value) for d in record.dates]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # absolute dates, with the year taken from publication (or the year before/after, as the tense says)
        (
            "The ceasefire signed on September 28, 2020 collapsed.",
            "2020-10-05",
            ("on September 28, 2020", "2020-09-28"),
        ),
        (
            "Russian forces shelled Kharkiv on 27 February, officials said.",
            "2022-03-01",
            ("on 27 February", "2022-02-27"),
        ),
        ("The airstrike on 28 December killed twelve people in Gaza.", "2009-01-03", ("on 28 December", "2008-12-28")),
        (
            "Talks between the Syrian parties will resume on 4 January in Geneva.",
            "2016-12-20",
            ("on 4 January", "2017-01-04"),
        ),
        (
            "Sudan's army said the convoy was attacked on 7/8/2023 near Omdurman.",
            "2023-08-20",
            ("on 7/8/2023", "2023-07-08"),
        ),
        # weekdays: the most recent such day, today included; the next one under a future verb
        (
            "Azerbaijan's defence ministry said on Tuesday that Armenian forces attacked.",
            "2020-09-29",
            ("on Tuesday", "2020-09-29"),
        ),
        (
            "On Monday, Armenia's Defence Ministry reported that 26 of its troops were killed.",
            "2020-09-29",
            ("On Monday", "2020-09-28"),
        ),
        ("Israeli jets struck the Gaza Strip on Saturday, the army said.", "2021-05-17", ("on Saturday", "2021-05-15")),
        (
            "The UN Security Council will meet on Thursday to discuss Tigray.",
            "2020-09-29",
            ("on Thursday", "2020-10-01"),
        ),
        ("Houthi rebels attacked the base last Friday.", "2021-03-05", ("last Friday", "2021-02-26")),
        (
            "The Russian government has kept the markets closed until Friday.",
            "2022-03-02",
            ("until Friday", "2022-03-04"),
        ),
        # parts of a day keep the day; the night is the range from the day before
        ("Border clashes broke out early on Sunday.", "2020-09-29", ("early on Sunday", "2020-09-27")),
        (
            "The UN Security Council will hold a closed-door meeting later on Tuesday.",
            "2020-09-29",
            ("later on Tuesday", "2020-09-29"),
        ),
        ("Missiles hit Kyiv on Sunday morning, the mayor said.", "2022-10-11", ("on Sunday morning", "2022-10-09")),
        (
            "Armenia reported fighting throughout the night.",
            "2020-09-29",
            ("throughout the night", "2020-09-28/2020-09-29"),
        ),
        ("Drones attacked Odesa overnight, the governor said.", "2023-07-20", ("overnight", "2023-07-19/2023-07-20")),
        ("Shelling continued last night in Idlib province.", "2020-02-10", ("last night", "2020-02-09/2020-02-10")),
        # relative to publication
        (
            "Government troops entered the eastern districts of Aleppo yesterday.",
            "2016-12-13",
            ("yesterday", "2016-12-12"),
        ),
        (
            "The death toll rose to 95 since violence broke out over the weekend.",
            "2020-09-29",
            ("over the weekend", "2020-09-26/2020-09-27"),
        ),
        ("Houthi fighters seized the port last week, the coalition said.", "2018-06-20", ("last week", "2018-W24")),
        (
            "More than 300 people were killed in Gaza in the past week.",
            "2023-10-14",
            ("in the past week", "2023-10-07/2023-10-14"),
        ),
        ("Rebels shot down a government helicopter three weeks ago.", "2019-05-22", ("three weeks ago", "2019-05-01")),
        ("Fighting in Tigray intensified last month.", "2021-03-02", ("last month", "2021-02")),
        ("Ukraine's economy shrank by a third last year.", "2023-01-10", ("last year", "2022")),
        # relative to a date in the text: "N days after <date>", "N days later", "the next day"
        (
            "Troops entered Mosul six days after 10 July, the ministry said.",
            "2017-07-30",
            ("six days after 10 July", "2017-07-16"),
        ),
        (
            "The strike hit a school on 3 March. Two days later, rescuers found more bodies.",
            "2021-03-10",
            ("Two days later", "2021-03-05"),
        ),
        (
            "Israel struck the tower on 15 May. The next day, Hamas fired rockets at Ashkelon.",
            "2021-05-20",
            ("The next day", "2021-05-16"),
        ),
        # months, years, decades, seasons, ranges
        ("In July, Azerbaijani and Armenian forces clashed in Tovuz.", "2020-09-29", ("In July", "2020-07")),
        ("Russia intervened in the Syrian war in September 2015.", "2020-03-05", ("in September 2015", "2015-09")),
        ("Occupied Karabakh has been under the control of Armenia since 1993.", "2020-09-29", ("since 1993", "1993")),
        ("The worst escalation since 2016 raised the spectre of war.", "2020-09-29", ("since 2016", "2016")),
        (
            "The dispute goes back to the early 1990s, when the Soviet Union collapsed.",
            "2020-09-29",
            ("the early 1990s", "199"),
        ),
        (
            "Ukraine launched its counteroffensive in the summer of 2023.",
            "2024-01-15",
            ("in the summer of 2023", "2023-22"),
        ),
        (
            "The Minsk Group mediated between 2014 and 2016 without success.",
            "2020-09-29",
            ("between 2014 and 2016", "2014/2016"),
        ),
        (
            "The first quarter of 2022 saw the heaviest fighting in Donbas.",
            "2022-07-01",
            ("The first quarter of 2022", "2022-01/2022-03"),
        ),
        (
            "Clashes in Khartoum continued for a third consecutive day.",
            "2023-04-17",
            ("for a third consecutive day", "2023-04-17"),
        ),
        ("Sanctions have hit the rouble harder than in the crash of '98.", "2022-03-10", ("'98", "1998")),
        ("Kyiv expects the spring offensive to begin in Zaporizhzhia.", "2023-02-20", ("the spring", "2023-21")),
        ("Troops dug in across the Donbas as winter set in.", "2022-11-20", ("winter", "2022-24")),
        # vague references: the open range before publication, the publication day
        ("Rebels recently captured the town of Saraqeb.", "2020-02-10", ("recently", "../2020-02-10")),
        ("The town is now under the control of government forces.", "2020-02-10", ("now", "2020-02-10")),
    ],
)
def test_dates_resolve(annotate, text, published, expected):
    assert expected in found(annotate(text, published=published))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # durations are kept apart, with their TimeML value
        ("The siege of the airport lasted for three days.", "2020-09-29", ("for three days", "P3D")),
        ("The conflict over Karabakh has festered for 30 years.", "2020-09-29", ("for 30 years", "P30Y")),
        ("Two decades of war have left Afghanistan in ruins.", "2021-08-16", ("Two decades", "P20Y")),
        ("Sanctions have been in place for several years.", "2021-08-16", ("for several years", "PXY")),
    ],
)
def test_dates_durations(annotate, text, published, expected):
    record = annotate(text, published=published)
    assert [(d.text, d.value) for d in record.dates if d.type == "duration"] == [expected]
    assert [d for d in record.dates if d.type == "date"] == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # without a publication date, absolute dates still resolve and relative ones keep no value
        ("On Monday, shelling hit Stepanakert.", None, ("On Monday", None)),
        ("The ceasefire of 12 May 1994 still holds.", None, ("12 May 1994", "1994-05-12")),
        ("The war broke out in 1992.", None, ("in 1992", "1992")),
        ("Shelling resumed yesterday near Donetsk.", None, ("yesterday", None)),
    ],
)
def test_dates_without_publication_date(annotate, text, published, expected):
    assert expected in found(annotate(text, published=published))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # ages and names are not time expressions
        ("A 30-year-old man was killed in the strike on Rafah.", "2024-02-12", []),
        ("The Russell 2000 Index fell as the war in Ukraine went on.", "2022-03-01", []),
    ],
)
def test_dates_not_time_expressions(annotate, text, published, expected):
    assert found(annotate(text, published=published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Armenian forces shelled Tartar on September 28, 2020.", "2020-09-29", "day"),
        ("Fighting in Tigray intensified last week.", "2021-03-03", "week"),
        ("In July, Azerbaijani and Armenian forces clashed in Tovuz.", "2020-09-29", "month"),
        ("The Minsk Group was formed in 1992.", "2020-09-29", "year"),
        ("The conflict goes back to the late 1980s.", "2020-09-29", "decade"),
    ],
)
def test_dates_precision(annotate, text, published, expected):
    record = annotate(text, published=published)
    assert [d.precision for d in record.dates] == [expected]


def test_dates_evidence_is_the_expression(annotate):
    record = annotate("Azerbaijan's ministry said on Tuesday that the convoy was destroyed.", published="2020-09-29")
    (when,) = record.dates
    assert record.article.text[when.evidence.start : when.evidence.end] == when.text == "on Tuesday"
    assert 0.0 < when.confidence <= 1.0
