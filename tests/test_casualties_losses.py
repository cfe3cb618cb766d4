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
        (
            "Armenia's Defence Ministry said 137 Azerbaijani tanks, 72 drones and 7 helicopters had been destroyed.",
            [
                ("drone", 72, 72, "AZE", "destroyed"),
                ("helicopter", 7, 7, "AZE", "destroyed"),
                ("tank", 137, 137, "AZE", "destroyed"),
            ],
        ),
        ("Two Russian Su-25 jets were shot down over Donetsk.", [("jet", 2, 2, "RUS", "destroyed")]),
        (
            "Ukrainian artillery destroyed 7 Russian armoured personnel carriers near Vuhledar.",
            [("armoured personnel carrier", 7, 7, "RUS", "destroyed")],
        ),
        (
            "Russian troops attacked Ukrainian forces near Avdiivka. Ukraine's army said it destroyed 12 enemy tanks.",
            [("tank", 12, 12, "RUS", "destroyed")],
        ),
        # the attackers' own aircraft are not a loss
        ("Israeli jets struck 20 targets in Gaza.", []),
        ("Ukraine deployed 30 tanks to the front.", []),
    ],
)
def test_casualties_losses(annotate, text, expected):
    assert losses(annotate(text)) == expected


def test_casualties_loss_evidence_and_claim(annotate_doc, annotator):
    """The evidence holds the verb and the item; the claim whose content holds it is the claimant."""
    from fogofwar.pipeline.casualties import CasualtiesComponent
    from fogofwar.record import Actor, Claim, Span

    text = "Two Russian Su-25 jets were shot down over Donetsk, Ukraine's air force said."
    doc = annotate_doc(text)
    content = Span(0, text.index(", Ukraine"))
    doc._.actors = [Actor("Ukraine's air force", "Ukrainian Air Force", "military", (Span(53, 72),), country="UKR")]
    doc._.claims = [Claim(source=0, cue="said", polarity="assert", content=content, evidence=Span(0, len(text)))]
    doc = CasualtiesComponent(annotator.nlp)(doc)
    (loss,) = doc._.losses
    assert text[loss.evidence.start : loss.evidence.end] == "Two Russian Su-25 jets were shot down"
    assert loss.claim == 0


def test_casualties_materiel_is_not_a_casualty(annotate):
    record = annotate("Ukrainian forces destroyed 12 Russian tanks and killed 40 soldiers near Bakhmut.")
    assert [(c.low, c.population) for c in record.casualties] == [(40, "military")]
    assert [(loss.item, loss.low) for loss in record.losses] == [("tank", 12)]
