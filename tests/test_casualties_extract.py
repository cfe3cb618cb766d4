"""Casualties: outcome, population, side, scope, history, date and claimant of each figure."""

from __future__ import annotations

import dataclasses

import pytest

from fogofwar.pipeline.casualties import CasualtiesComponent
from fogofwar.record import Actor, Claim, Span, When


def only(record, low):
    found = [c for c in record.casualties if low in (c.low, c.high)]
    assert len(found) == 1, [(c.low, c.high, c.outcome) for c in record.casualties]
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "outcome"),
    [
        ("Russian missiles killed at least 23 civilians in Kharkiv on Tuesday.", 23, "killed"),
        ("Nearly 80 soldiers died in the ambush near Bakhmut.", 80, "killed"),
        ("Twelve fighters lost their lives in the clashes.", 12, "killed"),
        ("The 1990s war claimed 30,000 lives.", 30000, "killed"),
        ("Forty Palestinians were injured in the raid on Jenin.", 40, "wounded"),
        ("Azerbaijani forces neutralised 10 soldiers near Fizuli.", 10, "killed_or_wounded"),
        ("The army said 5 soldiers were killed or wounded in the attack.", 5, "killed_or_wounded"),
        ("The strike caused 14 casualties among the crew.", 14, "killed_or_wounded"),
        ("Three Syrian soldiers were captured by rebels near Idlib.", 3, "captured"),
        ("More than 2,000 people were displaced by the fighting in Darfur.", 2001, "displaced"),
        ("The Red Cross said 300 people were missing after the battle.", 300, "missing"),
        ("Two Hamas fighters were martyred in the Israeli strike, the group said.", 2, "killed"),
        ("The strike left at least 40 dead and 70 wounded on Friday.", 40, "killed"),
        ("The strike left at least 40 dead and 70 wounded on Friday.", 70, "wounded"),
        ("Coalition aircraft committed a massacre claiming the lives of more than ten persons.", 11, "killed"),
        ("The rocket led to the killing of one person and the injury of 40 others.", 1, "killed"),
        # wire copy stripped of its commas: the parse loses the verb, the neighbouring words keep it
        (
            "An explosion at a mosque in Idlib province on Friday killed at least 25 members of the Nusra Front "
            "the British-based Syrian Observatory for Human Rights monitoring group said.",
            25,
            "killed",
        ),
        (
            "A monitoring group raised the death toll from airstrikes on a market in the town the previous day to 61 "
            "as rescue workers searched the rubble.",
            61,
            "killed",
        ),
    ],
)
def test_casualties_outcome(annotate, text, low, outcome):
    assert only(annotate(text), low).outcome == outcome


@pytest.mark.parametrize(
    ("text", "low", "population"),
    [
        ("At least 29 Syrian rebels were killed in clashes with regime troops.", 29, "military"),
        ("Four servicemen died when their vehicle hit a mine.", 4, "military"),
        ("An airstrike killed nine children in a school in Gaza.", 9, "civilian"),
        ("Seven residents were wounded by shelling in Donetsk.", 7, "civilian"),
        ("The overall death toll rose to 95 on Tuesday.", 95, "any"),
        ("Sixty people were killed in the bombing of the market.", 60, "any"),
        ("The army said its military death toll had risen to 84.", 84, "military"),
        ("At least 70 Syrian regime and rebel fighters have been killed in 24 hours of battle.", 70, "military"),
        ("A Ukrainian soldier was killed near Bakhmut, the army said.", 1, "military"),
    ],
)
def test_casualties_population(annotate, text, low, population):
    assert only(annotate(text), low).population == population


@pytest.mark.parametrize(
    ("text", "low", "side"),
    [
        ("Over 550 Armenian troops were destroyed, Baku said.", 551, "ARM"),
        ("Nine civilians were killed in Azerbaijan.", 9, "AZE"),
        # civilians are counted where they died, by the country of the place the places component resolved
        ("Russian missiles killed 12 civilians in Kharkiv.", 12, "UKR"),
        ("Israeli strikes killed 40 people in Rafah.", 40, "PSE"),
        ("Armenia's Defence Ministry reported that 26 of its troops were killed.", 26, "ARM"),
        ("Ukraine's army said 40 Russian soldiers were killed near Bakhmut.", 40, "RUS"),
        # the agent is not the victim: in a two-sided war the figure is the other side's
        (
            "Armenian forces shelled the town. Azerbaijani jets and troops destroyed a convoy and "
            "neutralised 10 soldiers near Fizuli.",
            10,
            "ARM",
        ),
        # "enemy" is the speaker's opponent in a two-sided war
        (
            "Azerbaijani forces fought Armenian troops near Fizuli. Azerbaijan's Defence Ministry said its forces "
            "killed 40 enemy soldiers.",
            40,
            "ARM",
        ),
        # who loses people is their side, not the opponent's
        ("Armenian forces attacked Azerbaijani troops. The Armenian army lost 40 soldiers in the battle.", 40, "ARM"),
        ("Russian forces shelled Ukrainian troops. Ukraine's army said: we lost 12 servicemen.", 12, "UKR"),
        # a toll covering both sides has no side; the cause ("Israeli strikes") is not the side
        ("The death toll from Israeli strikes has risen to 1,200.", 1200, None),
        ("Clashes between Armenian and Azerbaijani troops killed 20 soldiers.", 20, None),
    ],
)
def test_casualties_side(annotate, text, low, side):
    assert only(annotate(text), low).side == side


@pytest.mark.parametrize(
    ("text", "low", "scope"),
    [
        ("The overall death toll rises to 95 since violence broke out over the weekend.", 95, "cumulative"),
        (
            "Armenia said 26 of its troops were killed on Monday, bringing their military death toll to 84.",
            84,
            "cumulative",
        ),
        (
            "Armenia said 26 of its troops were killed on Monday, bringing their military death toll to 84.",
            26,
            "incident",
        ),
        ("The war in Sudan has so far killed more than 12,000 people.", 12001, "cumulative"),
        ("The overall death toll includes at least 11 civilians killed.", 11, "cumulative"),
        ("An airstrike killed twelve soldiers near Raqqa.", 12, "incident"),
        ("Five civilians were killed in shelling of Stepanakert on Sunday.", 5, "incident"),
        ("Hamas says the death toll in Gaza has reached 8,000.", 8000, "cumulative"),
        ("They signed a truce after six weeks of war that killed thousands of people.", 2000, "cumulative"),
        ("The authorities said 21 more of their fighters had been killed on Monday.", 21, "incident"),
    ],
)
def test_casualties_scope(annotate, text, low, scope):
    assert only(annotate(text), low).scope == scope


@pytest.mark.parametrize(
    ("text", "low", "historical"),
    [
        ("Relations have been tense since a 1990s war that claimed 30,000 lives.", 30000, True),
        ("In April 2016, around 110 people were killed in four days of fighting.", 121, True),
        ("The worst fighting since 2016 has killed 95 people.", 95, False),
        ("Shelling killed 5 civilians in Tartar on Tuesday.", 5, False),
        # "Wednesday" in an article of 2 January is 30 December of the year before: last week, not history
        ("Eight people were killed in a rocket attack on Wednesday.", 8, False),
        # a year elsewhere in the sentence does not date the figure's clause
        ("The region, occupied in 1993, was shelled on Tuesday and 5 civilians were killed in Tartar.", 5, False),
    ],
)
def test_casualties_historical(annotate, text, low, historical):
    published = "2016-01-02" if "Wednesday" in text else "2020-09-29"
    assert only(annotate(text, published=published), low).historical is historical


def test_casualties_as_of_from_dates(annotate_doc, annotator):
    """as_of is the date expression of the figure's sentence (read from doc._.dates, set here by hand)."""
    doc = annotate_doc("Far away, peace. On Monday, Armenia's ministry reported that 26 of its troops were killed.")
    monday = doc.text.index("On Monday")
    doc._.dates = [When("On Monday", "2020-09-28", "day", Span(monday, monday + 9))]
    doc = CasualtiesComponent(annotator.nlp)(doc)
    assert [c.as_of.value if c.as_of else None for c in doc._.casualties] == ["2020-09-28"]


def test_casualties_claimant_is_innermost_claim(annotate_doc, annotator):
    """The claim whose content holds the figure (the innermost of nested ones), and "its" = the claimant's side."""
    text = (
        "Russian media reported that the ministry said 26 of its servicemen were killed. "
        "Shelling killed 4 people in Kherson."
    )
    doc = annotate_doc(text)
    outer = Span(text.index("the ministry"), text.index("killed.") + 6)
    inner = Span(text.index("26 of"), text.index("killed.") + 6)
    actors = [
        Actor("Russian media", "Russian media", "media", (Span(0, 13),), country="RUS"),
        Actor("the ministry", "Ukrainian Defence Ministry", "military", (Span(outer.start, outer.start + 12),), "UKR"),
    ]
    doc._.actors = actors
    doc._.claims = [
        Claim(source=0, cue="reported", polarity="assert", content=outer, evidence=outer),
        Claim(source=1, cue="said", polarity="assert", content=inner, evidence=inner),
    ]
    doc = CasualtiesComponent(annotator.nlp)(doc)
    by_low = {c.low: c for c in doc._.casualties}
    assert by_low[26].claim == 1 and by_low[26].side == "UKR"
    assert by_low[4].claim is None  # narration


def test_casualties_figure_in_denied_claim_links_the_denial(annotate_doc, annotator):
    text = "Armenia denied that 500 of its soldiers were killed."
    doc = annotate_doc(text)
    content = Span(text.index("500"), len(text) - 1)
    doc._.actors = [Actor("Armenia", "Armenia", "government", (Span(0, 7),), country="ARM")]
    doc._.claims = [Claim(source=0, cue="denied", polarity="deny", content=content, evidence=content)]
    doc = CasualtiesComponent(annotator.nlp)(doc)
    (casualty,) = doc._.casualties
    assert casualty.claim == 0 and doc._.claims[casualty.claim].polarity == "deny"
    assert dataclasses.replace(casualty, confidence=1.0).side == "ARM"


UKRAINE = (
    "Russian strike on Kharkiv kills 12\n\n"
    "A Russian missile strike on a residential block in Kharkiv killed 12 people, including two children, and wounded "
    "45 on Thursday, regional governor Oleh Syniehubov said.\n\n"
    "Moscow's defence ministry said its forces had destroyed three Ukrainian tanks and killed more than 100 Ukrainian "
    "servicemen near Avdiivka.\n\n"
    "The UN says more than 10,000 civilians have been killed in Ukraine since February 2022."
)
GAZA = (
    "Israeli air strikes killed at least 40 Palestinians across the Gaza Strip on Tuesday, the enclave's health "
    "ministry said, bringing the overall death toll to 30,000.\n\n"
    "The Israeli military said three of its soldiers were killed in fighting in Khan Younis.\n\n"
    "A family of six, including four children, was killed when a strike hit their home in Rafah, witnesses said."
)
SUDAN = (
    "An attack by the Rapid Support Forces on the Zamzam displacement camp near El Fasher killed more than 100 "
    "civilians, including nine aid workers, the UN said on Sunday.\n\n"
    "The war between the army and the RSF has killed at least 20,000 people since April 2023 and displaced more than "
    "10 million."
)
YEMEN = (
    "Saudi-led coalition air strikes killed 14 Houthi fighters near Marib, the coalition said.\n\n"
    "The 2015-2022 war claimed an estimated 150,000 lives."
)
SYRIA = (
    "Government barrel bombs killed 23 civilians, among them seven women, in eastern Aleppo on Saturday, the Syrian "
    "Observatory for Human Rights said.\n\n"
    "In 2013, hundreds of civilians died in a sarin attack on Ghouta."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            UKRAINE,
            [
                (12, 12, "killed", "any", None, "incident", False),  # the headline
                (12, 12, "killed", "any", None, "incident", False),
                (2, 2, "killed", "civilian", None, "incident", False),
                (45, 45, "wounded", "any", None, "incident", False),
                (101, None, "killed", "military", "UKR", "incident", False),
                (10001, None, "killed", "civilian", "UKR", "cumulative", False),
            ],
        ),
        (
            GAZA,
            [
                (40, None, "killed", "any", "PSE", "incident", False),
                (30000, 30000, "killed", "any", None, "cumulative", False),
                (3, 3, "killed", "military", "ISR", "incident", False),
                (6, 6, "killed", "civilian", None, "incident", False),
                (4, 4, "killed", "civilian", None, "incident", False),
            ],
        ),
        (
            SUDAN,
            [
                (101, None, "killed", "civilian", None, "incident", False),
                (9, 9, "killed", "civilian", None, "incident", False),
                (20000, None, "killed", "any", None, "cumulative", False),
                (10_000_001, None, "displaced", "any", None, "cumulative", False),
            ],
        ),
        (
            YEMEN,
            [
                (14, 14, "killed", "military", None, "incident", False),
                # "an estimated 150,000": +/- 10%; a war's toll is a running total, and this war is over
                (135_000, 165_000, "killed", "any", None, "cumulative", True),
            ],
        ),
        (
            SYRIA,
            [
                (23, 23, "killed", "civilian", None, "incident", False),
                (7, 7, "killed", "civilian", None, "incident", False),
                (200, None, "killed", "civilian", None, "incident", True),
            ],
        ),
    ],
    ids=["ukraine", "gaza", "sudan", "yemen", "syria"],
)
def test_casualties_passages_from_other_wars(annotate, text, expected):
    record = annotate(text, published="2024-03-05")
    found = [(c.low, c.high, c.outcome, c.population, c.side, c.scope, c.historical) for c in record.casualties]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "The army deployed 5,000 troops to the border.",
        "The UN said 1.5 million people need aid in Sudan.",
        "Israel said it struck 150 targets in Gaza overnight.",
        "Some 2,000 residents returned to their homes in Kherson.",
        "No casualties were reported after the drone attack on Belgorod.",
        "Two weeks of fighting in 2016 displaced nobody in Tartar.",
    ],
)
def test_casualties_numbers_that_are_not_tolls(annotate, text):
    assert annotate(text).casualties == ()


@pytest.mark.parametrize(
    ("text", "low", "expected"),
    [
        ("Five Russian soldiers were taken prisoner near Kupiansk.", 5, ("captured", "military", "RUS")),
        ("The brigade lost 40 men in the battle for Bakhmut.", 40, ("killed", "any", None)),
        ("The ministry reported 3 deaths and 12 injuries in Odesa.", 12, ("wounded", "any", "UKR")),
        ("The attack killed 3 and injured 5 in Kabul, police said.", 5, ("wounded", "any", "AFG")),
    ],
)
def test_casualties_outcome_population_side(annotate, text, low, expected):
    c = only(annotate(text), low)
    assert (c.outcome, c.population, c.side) == expected


@pytest.mark.parametrize(
    ("text", "low", "as_of"),
    [
        ("On Monday, Armenia's ministry reported that 26 of its troops were killed.", 26, "2020-09-28"),
        # a date that opens a running total is not the date the total stands at
        ("The overall death toll has risen to 95 since violence broke out over the weekend.", 95, None),
        ("Shelling has killed 20 civilians since 2016, the ministry said.", 20, None),
    ],
)
def test_casualties_as_of_with_the_dates_component(annotate, text, low, as_of):
    c = only(annotate(text, published="2020-09-29"), low)
    assert (c.as_of.value if c.as_of else None) == as_of
