"""The record: every type survives to_dict/JSON/from_dict, validates against the shipped schema, and refuses misfits."""

from __future__ import annotations

import json

import jsonschema
import pytest

from fogofwar.errors import RecordError
from fogofwar.record import (
    Actor,
    Article,
    ArticleRecord,
    Casualty,
    Claim,
    Entity,
    Event,
    Framing,
    FramingMarker,
    Loss,
    Paragraph,
    Place,
    Span,
    When,
    article_id,
)
from fogofwar.schema import build_schema, load_schema

TEXT = "Rebels shelled Marib, killing 12 soldiers, the army said.\n\nThe rebels denied it."


def full_record() -> ArticleRecord:
    when = When(text="on Monday", value="2021-02-08", precision="day", evidence=Span(0, 6), confidence=0.9)
    return ArticleRecord(
        article=Article(
            id=article_id(TEXT),
            text=TEXT,
            published="2021-02-09",
            outlet="Wire",
            section="World",
            headline=None,
            url="https://example.org/x",
            paragraphs=(Paragraph("body", 0, 57), Paragraph("body", 59, len(TEXT))),
        ),
        entities=(Entity(text="Marib", label="GPE", evidence=Span(15, 20)),),
        dates=(when,),
        places=(
            Place(
                text="Marib",
                name="Marib",
                evidence=Span(15, 20),
                geonameid=76184,
                lat=15.46,
                lon=45.32,
                country="YE",
                admin1="Marib",
                feature="city",
                precision="point",
                role="event",
            ),
        ),
        actors=(
            Actor(text="the army", name="Yemeni Army", kind="military", evidence=(Span(43, 51),), country="YEM"),
            Actor(
                text="Rebels", name="Houthis", kind="armed_group", evidence=(Span(0, 6), Span(63, 73)), country="YEM"
            ),
        ),
        claims=(
            Claim(source=0, cue="said", polarity="assert", content=Span(0, 41), evidence=Span(0, 57)),
            Claim(source=1, cue="denied", polarity="deny", content=Span(81, 83), evidence=Span(59, 84), denies=0),
        ),
        casualties=(
            Casualty(
                low=12,
                high=12,
                outcome="killed",
                population="military",
                evidence=Span(29, 41),
                side="YEM",
                scope="incident",
                as_of=when,
                claim=0,
            ),
        ),
        losses=(Loss(item="tank", low=2, high=None, evidence=Span(0, 6), side="YEM", claim=0),),
        events=(
            Event(
                type="ASSAULT",
                evidence=(Span(7, 20),),
                mode="heavy-weapons",
                actor=1,
                recipient=(0,),
                places=(0,),
                when=when,
                casualties=(0,),
                claims=(0, 1),
                status="disputed",
            ),
        ),
        framing=Framing(
            markers=(FramingMarker(text="Rebels", favours="YEM", evidence=Span(0, 6)),), lean="YEM", score=0.4
        ),
    )


def test_record_roundtrip_through_json():
    record = full_record()
    data = json.loads(json.dumps(record.to_dict()))
    assert ArticleRecord.from_dict(data) == record


def test_record_validates_against_shipped_schema():
    jsonschema.validate(full_record().to_dict(), load_schema())


def test_record_shipped_schema_is_up_to_date():
    assert load_schema() == build_schema(), (
        "regenerate: python -m fogofwar.schema > src/fogofwar/schema/article-record.v1.json"
    )


def test_record_is_frozen_and_slotted():
    span = Span(1, 2)
    with pytest.raises(AttributeError):
        span.start = 3  # type: ignore[misc]
    assert not hasattr(span, "__dict__")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema=99), "schema 99"),
        (lambda d: d["claims"][0].update(polarity="maybe"), "Claim.polarity: 'maybe' is not one of assert, deny"),
        (lambda d: d["casualties"][0].update(low="twelve"), "Casualty.low: expected int"),
        (lambda d: d["article"].pop("text"), "Article: missing field 'text'"),
        (lambda d: d["events"][0].update(recipient=3), "Event.recipient: expected a list"),
    ],
)
def test_record_from_dict_rejects_misfits(mutate, message):
    data = full_record().to_dict()
    mutate(data)
    with pytest.raises(RecordError, match=message.replace("(", r"\(")):
        ArticleRecord.from_dict(data)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Two  killed\nin Homs", "Two killed in Homs"), ("Cafe\u0301 hit", "Café hit"), ("  x ", "x")],
)
def test_record_article_id_uses_normalised_text(a, b):
    assert article_id(a) == article_id(b)
