"""The scorer on hand-made predicted/gold pairs: matches, partial matches, accepted alternatives, misses, extras."""

from __future__ import annotations

import json

import pytest

from fogofwar.errors import GoldError
from fogofwar.evaluate.gold import GoldSource, load_gold
from fogofwar.evaluate.scorer import km_between, same_name, score, source_matches
from fogofwar.record import (
    Actor,
    Article,
    ArticleRecord,
    Casualty,
    Claim,
    Event,
    Framing,
    FramingMarker,
    Place,
    Span,
    When,
    article_id,
)

TEXT = (
    "The army said rebels shelled Kadugli on Monday, killing 7 soldiers. "
    "The rebels denied the shelling. Fighting near Dilling went on. "
    "UN envoy Ana Ruiz said talks would resume. The regime's forces pushed on in Kordofan."
)


def at(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase))


def gold_file(tmp_path, **sections):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold").mkdir(exist_ok=True)
    data = {"article": {"file": "corpus/a.txt", "published": "2024-03-05", "outlet": "Wire", "headline_anchor": None}}
    data.update(sections)
    path = tmp_path / "gold" / "a.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return load_gold(path)


ACTORS = (
    Actor(text="The army", name="Sudanese Armed Forces", kind="military", evidence=(at("The army"),), country="SDN"),
    Actor(text="rebels", name="SPLM-N", kind="armed_group", evidence=(at("rebels"),), country="SDN"),
    Actor(text="UN", name="United Nations", kind="igo", evidence=(at("UN"),)),
    Actor(text="Ana Ruiz", name="Ana Ruiz", kind="person", evidence=(at("Ana Ruiz"),), affiliation=2),
    Actor(text="Wire", name="Wire", kind="media", evidence=()),
)
CLAIMS = (
    Claim(
        source=0,
        cue="said",
        polarity="assert",
        content=at("rebels shelled Kadugli on Monday, killing 7 soldiers"),
        evidence=at("The army said"),
    ),
    Claim(
        source=1, cue="denied", polarity="deny", content=at("the shelling"), evidence=at("The rebels denied"), denies=0
    ),
    Claim(source=3, cue="said", polarity="assert", content=at("talks would resume"), evidence=at("Ana Ruiz said")),
    Claim(source=4, cue="", polarity="assert", content=at("Fighting near Dilling went on"), evidence=at("Fighting")),
)


def record(**fields) -> ArticleRecord:
    article = Article(id=article_id(TEXT), text=TEXT, published="2024-03-05", outlet="Wire")
    return ArticleRecord(article=article, actors=ACTORS, claims=CLAIMS, **fields)


def place(text, lat=None, lon=None, precision="point"):
    return Place(text=text, name=text, evidence=at(text), lat=lat, lon=lon, precision=precision)


def test_evaluate_scorer_places_alias_tolerance_unresolved_and_neutral(tmp_path):
    gold = gold_file(
        tmp_path,
        places=[
            {"text": "Kadugli", "lat": 11.01, "lon": 29.72, "tolerance_km": 25},
            {"text": "Dilling", "lat": 12.05, "lon": 29.65, "tolerance_km": 25, "unresolved_ok": True},
            {"text": "South Kordofan", "lat": 11.0, "lon": 30.0, "tolerance_km": 100, "aliases": ["Kordofan"]},
        ],
        places_neutral=["Khartoum"],
    )
    predicted = record(
        places=(
            place("Kadugli", 11.0, 29.7),
            place("Kadugli", 11.0, 29.7),  # a second mention: one group
            place("Dilling", precision="unresolved"),
            Place(text="Sudan", name="Sudan", evidence=at("UN"), precision="country", feature="country"),  # not judged
            Place(text="Khartoum", name="Khartoum", evidence=at("UN"), lat=15.5, lon=32.5),  # neutral
            place("Kordofan", 35.0, 30.0),  # alias right, but 2,600 km off
        )
    )
    tally = score(predicted, gold).sections["places"]
    assert (tally.gold_ok, tally.gold, tally.pred_ok, tally.pred) == (2, 3, 2, 3)
    assert tally.false_positives == ["Kordofan -> Kordofan None (point)"]
    assert tally.misses[0].startswith("South Kordofan")


def test_evaluate_scorer_dates_prefer_exact_text(tmp_path):
    gold = gold_file(
        tmp_path,
        dates=[{"text": "on Monday", "value": "2024-03-04"}, {"text": "later on Monday", "value": "2024-03-04"}],
    )
    predicted = record(
        dates=(
            When(text="later on Monday", value="2024-03-04", precision="day", evidence=at("on Monday")),
            When(text="on Monday", value="2024-03-04", precision="day", evidence=at("on Monday")),
            When(text="on Monday", value="2024-03-04", precision="day", evidence=at("on Monday")),  # duplicate
            When(text="three days", value="P3D", precision=None, evidence=at("on Monday"), type="duration"),
        )
    )
    flat = score(predicted, gold).flat()
    assert (flat["dates_p"], flat["dates_r"]) == (1.0, 1.0)


def test_evaluate_scorer_dates_wrong_value_is_miss_and_false_positive(tmp_path):
    gold = gold_file(tmp_path, dates=[{"text": "on Monday", "value": "2024-03-04"}])
    predicted = record(dates=(When(text="on Monday", value="2024-02-26", precision="day", evidence=at("on Monday")),))
    tally = score(predicted, gold).sections["dates"]
    assert (tally.p, tally.r) == (0.0, 0.0)
    assert "wrong value" in tally.misses[0] and tally.false_positives == ["'on Monday' = 2024-02-26"]


def test_evaluate_scorer_claims_strict_with_denial_affiliation_and_narration(tmp_path):
    gold = gold_file(
        tmp_path,
        claims=[
            {"source": {"country": "SDN", "kind": "military"}, "polarity": "assert", "anchor": "shelled Kadugli"},
            {
                "source": {"country": "SDN", "kind": "armed_group"},
                "polarity": "deny",
                "anchor": "the shelling",
                "denies_anchor": "shelled Kadugli",
            },
            {
                "source": {"country": None, "kind": "igo", "name": "UN"},
                "polarity": "assert",
                "anchor": "talks would",
                "quote": True,
            },
        ],
    )
    tally = score(record(), gold).sections["claims"]
    # Narration (source = the outlet) is not judged; the UN claim misses only on quote.
    assert (tally.gold_ok, tally.gold, tally.pred_ok, tally.pred) == (2, 3, 2, 3)
    assert "wrong quote" in tally.misses[0]
    assert tally.attributes["source"] == [3, 3] and tally.attributes["quote"] == [2, 3]


def test_evaluate_scorer_claims_wrong_denial_link(tmp_path):
    gold = gold_file(
        tmp_path,
        claims=[
            {
                "source": {"country": "SDN", "kind": "armed_group"},
                "polarity": "deny",
                "anchor": "the shelling",
                "denies_anchor": "talks would resume",
            }
        ],
    )
    assert score(record(), gold).sections["claims"].gold_ok == 0


@pytest.mark.parametrize(
    ("outcome", "expected_ok"),
    [(["killed", "killed_or_wounded"], 1), ("killed_or_wounded", 1), ("killed", 0)],
)
def test_evaluate_scorer_casualties_accepted_outcomes(tmp_path, outcome, expected_ok):
    gold = gold_file(
        tmp_path,
        casualties=[
            {
                "anchor": "7 soldiers",
                "low": 7,
                "high": 7,
                "outcome": outcome,
                "population": "military",
                "side": "SDN",
                "scope": "incident",
                "source": {"country": "SDN", "kind": "military"},
            }
        ],
    )
    predicted = record(
        casualties=(
            Casualty(
                low=7,
                high=7,
                outcome="killed_or_wounded",
                population="military",
                evidence=at("killing 7 soldiers"),
                side="SDN",
                claim=0,
            ),
        )
    )
    assert score(predicted, gold).sections["casualties"].gold_ok == expected_ok


def test_evaluate_scorer_casualties_narration_source_and_as_of(tmp_path):
    gold = gold_file(
        tmp_path,
        casualties=[
            {
                "anchor": "7 soldiers",
                "low": 7,
                "high": None,
                "outcome": "killed",
                "population": "military",
                "side": "SDN",
                "scope": "incident",
                "source": None,
                "as_of": "2024-03-04",
            }
        ],
    )
    monday = When(text="on Monday", value="2024-03-04", precision="day", evidence=at("on Monday"))
    right = Casualty(
        low=7,
        high=None,
        outcome="killed",
        population="military",
        evidence=at("7 soldiers"),
        side="SDN",
        as_of=monday,
        claim=3,
    )
    assert score(record(casualties=(right,)), gold).sections["casualties"].gold_ok == 1
    attributed = Casualty(
        low=7,
        high=None,
        outcome="killed",
        population="military",
        evidence=at("7 soldiers"),
        side="SDN",
        as_of=monday,
        claim=0,
    )
    tally = score(record(casualties=(attributed,)), gold).sections["casualties"]
    assert tally.gold_ok == 0 and "wrong source" in tally.misses[0]


def test_evaluate_scorer_events_type_anchor_match_and_attribute_accuracy(tmp_path):
    gold = gold_file(
        tmp_path,
        places=[{"text": "Kadugli", "lat": 11.01, "lon": 29.72, "tolerance_km": 25}],
        events=[
            {
                "type": ["ASSAULT", "COERCE"],
                "anchor": "shelled Kadugli",
                "actor": "SDN",
                "recipient": "SDN",
                "places": ["Kadugli"],
                "date": "2024-03-04",
                "status": "denied",
                "reported_by": {"country": "SDN", "kind": "military"},
            },
            {
                "type": "CONSULT",
                "anchor": "talks would resume",
                "actor": "UN",
                "recipient": None,
                "places": [],
                "date": None,
                "status": "reported",
                "modality": "future",
            },
        ],
    )
    monday = When(text="on Monday", value="2024-03-04", precision="day", evidence=at("on Monday"))
    predicted = record(
        places=(place("Kadugli", 11.0, 29.7),),
        events=(
            Event(
                type="ASSAULT",
                evidence=(at("rebels shelled Kadugli"),),
                actor=1,
                recipient=(0,),
                places=(0,),
                when=monday,
                claims=(0, 1),
                status="disputed",
            ),
            Event(type="CONSULT", evidence=(at("talks would resume"),), actor=3, modality="future"),
            Event(type="ASSAULT", evidence=(at("pushed on"),)),
        ),
    )
    result = score(predicted, gold)
    flat = result.flat()
    assert (flat["events_p"], flat["events_r"]) == (pytest.approx(2 / 3), 1.0)
    assert flat["events_status_acc"] == 0.5 and flat["events_actor_acc"] == 1.0 and flat["events_places_acc"] == 1.0
    assert flat["events_reported_by_acc"] == 1.0 and flat["events_modality_acc"] == 1.0


def test_evaluate_scorer_framing_markers_and_lean(tmp_path):
    gold = gold_file(tmp_path, framing={"leans": "SDN", "markers": ["regime's forces", "rebels"]})
    predicted = record(
        framing=Framing(markers=(FramingMarker(text="regime", favours="SDN", evidence=at("regime")),), lean="neutral")
    )
    tally = score(predicted, gold).sections["framing"]
    assert (tally.gold_ok, tally.gold, tally.pred_ok, tally.pred) == (1, 2, 1, 1)
    assert tally.attributes["lean"] == [0, 1]


def test_evaluate_scorer_article_fields(tmp_path):
    gold = gold_file(tmp_path)
    assert score(record(), gold).flat()["article_acc"] == 1.0


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("OIC", "Organisation of Islamic Cooperation", True),
        ("EU", "European Union", True),
        ("UN Security Council", "United Nations Security Council", True),
        ("NATO", "OSCE", False),
        ("Recep Tayyip Erdogan", "recep tayyip erdoğan", True),
    ],
)
def test_evaluate_scorer_same_name(gold, predicted, expected):
    assert same_name(gold, predicted) is expected


def test_evaluate_scorer_distance():
    assert km_between(50.85, 4.352, 41.014, 28.95) == pytest.approx(2170, rel=0.02)  # Brussels - Istanbul


@pytest.mark.parametrize(("content", "message"), [("{", "not a JSON gold file"), ('{"places": []}', "malformed gold")])
def test_evaluate_gold_errors(tmp_path, content, message):
    path = tmp_path / "g.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        load_gold(path)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Rami Abdel Rahman", "Rami Abdulrahman", True),
        ("Rami Abdul-Rahman", "Rami Abdulrahman", True),
        ("UN", "United Nations", True),
        ("Rami Abdel Rahman", "Ryan Dillon", False),
        ("Doctors Without Borders", "Medecins Sans Frontieres", True),  # one organisation's spellings too
        ("Doctors Without Borders", "Syrian Observatory for Human Rights", False),
    ],
)
def test_scorer_same_name_knows_spellings_of_one_person(gold: str, predicted: str, expected: bool) -> None:
    assert same_name(gold, predicted) is expected


@pytest.mark.parametrize(
    ("actors", "gold", "expected"),
    [
        # a person who speaks for no body is scored as gold codes one: organisation, with the person's name
        (
            [Actor("Hamza Khatib", "Hamza Khatib", "person", (Span(0, 12),))],
            ("organisation", None, "Hamza Khatib"),
            True,
        ),
        # a person with a body is scored as that body
        (
            [
                Actor("Walid Muallem", "Walid Muallem", "person", (Span(0, 13),), "SYR", affiliation=1),
                Actor("Syria", "Syria", "government", (Span(20, 25),), "SYR"),
            ],
            ("government", "SYR", "Walid Muallem"),
            True,
        ),
        ([Actor("Hamza Khatib", "Hamza Khatib", "person", (Span(0, 12),))], ("government", None, None), False),
        # civilians who speak are scored as the guidelines code them: an unnamed organisation
        ([Actor("residents", "residents", "civilians", (Span(0, 9),))], ("organisation", None, None), True),
    ],
)
def test_scorer_source_kind_of_a_person(actors, gold, expected):
    kind, country, name = gold
    assert source_matches(GoldSource(country, kind, name), 0, actors) is expected
