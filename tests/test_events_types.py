"""Events: PLOVER type and mode from triggers, frames, harm verbs, modality, intent, and one event per happening."""

from __future__ import annotations

import pytest

from fogofwar.record import Span, When


def events_of(record):
    text = record.article.text
    return [(e.type, e.mode, e.modality, [text[s.start : s.end] for s in e.evidence]) for e in record.events]


def types_of(record):
    return [e.type for e in record.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian jets bombed a market in Idlib on Monday.", ("ASSAULT", "aerial")),
        ("Houthi forces shelled government positions near Marib.", ("ASSAULT", "heavy-weapons")),
        ("A drone strike hit a convoy near Kherson.", ("ASSAULT", "drone")),
        ("Gunmen opened fire on a checkpoint in Darfur.", ("ASSAULT", "firearms")),
        ("Police arrested dozens of protesters in Khartoum.", ("COERCE", "arrest")),
        ("Thousands protested in Tel Aviv against the government.", ("PROTEST", "demo")),
        ("The European Union imposed sanctions on Belarus.", ("SANCTION", None)),
        ("Ukraine's foreign minister met his Turkish counterpart in Ankara.", ("CONSULT", "meet")),
        ("The two sides agreed to a ceasefire in Sudan.", ("AGREE", None)),
        ("Israel rejected the Egyptian proposal.", ("REJECT", None)),
        ("Armenia accused Azerbaijan of violating the truce.", ("ACCUSE", "accuse")),
        ("The UN called for an immediate halt to the fighting in Gaza.", ("REQUEST", None)),
        ("Ethiopian troops withdrew from Mekelle.", ("RETREAT", None)),
        ("Baku declared a state of war in several regions.", ("MOBILIZE", None)),
    ],
)
def test_events_type_and_mode(annotate, text, expected):
    record = annotate(text)
    assert (record.events[0].type, record.events[0].mode) == expected, events_of(record)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the attack is the content of the condemnation, not a second event
        ("Turkey condemned the attack on the convoy.", ["ACCUSE"]),
        ("The UN urged both sides to stop fighting.", ["REQUEST"]),
        ("Iran threatened to shell Kurdish positions in Iraq.", ["THREATEN"]),
        # harm without an agent is a casualty figure, not an event
        ("Twelve soldiers were killed, the ministry said.", []),
        ("An airstrike killed twelve soldiers near Raqqa.", ["ASSAULT"]),
        # a participle naming a state is not a happening
        ("Residents fled the occupied region.", []),
    ],
)
def test_events_frames_and_harm_verbs(annotate, text, expected):
    assert types_of(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "modality", "type_"),
    [
        ("The Security Council will hold a closed-door meeting on Tuesday.", "future", "CONSULT"),
        ("The army did not attack the village.", "negated", "ASSAULT"),
        ("Iran said it could shell Kurdish positions in Iraq.", "hypothetical", "THREATEN"),
        ("Russia said it will withdraw its troops from Kherson.", "future", "AGREE"),
    ],
)
def test_events_modality_and_intent(annotate, text, modality, type_):
    events = [e for e in annotate(text).events if e.modality == modality]
    assert events and events[0].type == type_, events_of(annotate(text))


def test_events_same_happening_told_twice_is_one_event(annotate):
    record = annotate(
        "Rebels launch counteroffensive near Marib\n\nHouthi rebels launched a counteroffensive near Marib on Sunday, "
        "the coalition said.\n\nThe counteroffensive was repelled, the coalition added."
    )
    text = record.article.text
    launched = [e for e in record.events if any("launch" in text[s.start : s.end] for s in e.evidence)]
    assert len(launched) == 1 and len(launched[0].evidence) == 2, events_of(record)


def test_events_historical_from_date(annotate_doc):
    from fogofwar.pipeline.events import modality

    doc = annotate_doc("Armenian forces occupied the region in 1993.", published="2020-09-29")
    head = next(t for t in doc if t.lower_ == "occupied")
    when = When(text="in 1993", value="1993", precision="year", evidence=Span(0, 1))
    assert modality(head, when, "2020-09-29", frozenset()) == "historical"
    assert modality(head, None, "2020-09-29", frozenset()) == "asserted"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels violated the ceasefire near Marib on Sunday, the coalition said.", "ASSAULT"),
        ("Both sides agreed a ceasefire on Sunday.", "AGREE"),
    ],
)
def test_events_violating_an_agreement_is_an_attack(annotate, text, expected):
    record = annotate(text)
    assert [e.type for e in record.events] == [expected]


def test_events_rival_figures_make_an_event_disputed(annotate):
    record = annotate(
        "Blast at Gaza hospital\n\nThe Gaza health ministry said 471 people were killed in the blast at al-Ahli hospital "
        "on Tuesday. Israel's military said the blast killed between 10 and 50 people at most.",
        published="2023-10-18",
    )
    blasts = [e for e in record.events if e.type == "ASSAULT"]
    assert len(blasts) == 1 and blasts[0].status == "disputed"


def test_events_agreeing_figures_are_not_disputed(annotate):
    record = annotate(
        "Blast at market\n\nThe ministry said 12 people were killed in the blast on Monday. Monitors said the blast "
        "killed 12 people.",
        published="2023-10-18",
    )
    assert all(e.status != "disputed" for e in record.events)


@pytest.mark.parametrize(
    "text",
    [
        "Ethnic Albanians have sworn to fight until they gain control of the villages.",
        "The army prepared to resume shelling the rebel-held town.",
    ],
)
def test_events_intent_to_attack_is_not_an_attack(annotate, text):
    record = annotate(text)
    assert record.events and all(e.type != "ASSAULT" or e.modality != "asserted" for e in record.events)


def test_events_mentions_of_the_fighting_as_a_whole_are_one_event(annotate):
    record = annotate(
        "Karabakh\n\nThe death toll rose in the latest fighting over the Karabakh region. Border clashes broke out "
        "early on Sunday. Parliament declared a state of war following attacks in the occupied region.\n\n"
        "Separately, Azerbaijani jets destroyed a convoy near Madagiz on Tuesday.",
        published="2020-09-29",
    )
    assaults = [e for e in record.events if e.type == "ASSAULT"]
    text = record.article.text
    whole = [e for e in assaults if any("broke out" in text[s.start : s.end] for s in e.evidence)]
    assert len(whole) == 1 and len(whole[0].evidence) >= 3
    assert whole[0].when is not None and whole[0].when.value == "2020-09-27"
    convoy = [e for e in assaults if any("convoy" in text[s.start : s.end] for s in e.evidence)]
    assert len(convoy) == 1 and convoy[0] is not whole[0]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Norway said it will send military aid to war-torn Mozambique.", "NOR", "MOZ"),
        ("The United States gave Jordan new military aid on Monday.", "USA", "JOR"),
        ("Iraqi President Saddam Hussein arrived in Amman on a previously unannounced visit.", "IRQ", None),
    ],
)
def test_events_participants_named_only_by_a_country_or_a_visit(annotate, text, actor, recipient):
    record = annotate("World\n\n" + text)
    countries = [
        (
            record.actors[e.actor].country if e.actor is not None else None,
            {record.actors[i].country for i in e.recipient},
        )
        for e in record.events
    ]
    assert any((actor is None or a == actor) and (recipient is None or recipient in r) for a, r in countries)
