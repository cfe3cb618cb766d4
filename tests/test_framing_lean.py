"""Framing: loaded words of the outlet's own narration, the side each favours, and the article's lean."""

from __future__ import annotations

import pytest

from fogofwar.pipeline.framing import quoted_ranges


@pytest.mark.parametrize(
    ("text", "lean"),
    [
        # Syria, pro-government wording
        (
            "Army units liberate town\n\nUnits of the Syrian Arab Army liberated the town of Khan Shaykhun in Idlib "
            "countryside after killing dozens of terrorists, and chased the remnants of the armed terrorist groups.",
            "SYR",
        ),
        # Syria, opposition wording
        (
            "Regime jets pound Douma\n\nAssad regime forces shelled Douma on Friday, killing 12 civilians, while "
            "regime warplanes struck rebel-held towns in Idlib, the rebels said.",
            "Syrian opposition",
        ),
        # Ukraine, Russian state wording
        (
            "Strikes continue\n\nDuring the special military operation, Russian forces struck positions of the Kiev "
            "regime near Avdiivka, and units of the Donetsk People's Republic advanced.",
            "RUS",
        ),
        # Ukraine, Ukrainian wording
        (
            "Kherson shelled again\n\nSince the start of Russia's full-scale invasion of Ukraine, the occupiers have "
            "shelled Kherson almost every day from the temporarily occupied left bank, Kyiv said.",
            "UKR",
        ),
        # Israel-Palestine, Palestinian wording
        (
            "Raid on Jenin\n\nOccupation forces stormed the Jenin camp in the occupied West Bank at dawn, and three "
            "martyrs fell in the clashes with Israel's troops, Gaza officials said.",
            "PSE",
        ),
        # Neutral wire copy: parties named plainly, loaded words only in attributed quotes
        (
            "Fighting in Jenin\n\nIsraeli troops and Palestinian gunmen exchanged fire in Jenin on Monday, the Israeli "
            'military and Palestinian health officials said. An Israeli spokesman said "terrorists" had opened fire.',
            "neutral",
        ),
        # Karabakh, Armenian wording
        (
            "Shelling of Stepanakert\n\nThe Azerbaijani aggression against Artsakh continued overnight as Azerbaijani "
            "forces shelled Stepanakert, officials in Yerevan said.",
            "ARM",
        ),
    ],
)
def test_framing_lean_across_conflicts(annotate, text, lean):
    framing = annotate(text).framing
    assert framing.lean == lean, [(m.text, m.favours, m.voice) for m in framing.markers]


def test_framing_quoted_words_are_not_narration(annotate):
    record = annotate(
        "Minister speaks\n\nArmenia's foreign minister spoke in Yerevan on Monday. "
        '"The Azerbaijani aggression must stop," he said. Azerbaijan said its forces had only returned fire.'
    )
    voices = {m.text: m.voice for m in record.framing.markers}
    assert voices == {"Azerbaijani aggression": "quoted"}
    assert record.framing.lean == "neutral"


def test_framing_party_after_of_is_the_victim_not_the_culprit(annotate):
    record = annotate(
        "Occupation\n\nAzerbaijan and Armenia fought again. The occupation of Azerbaijani territories by Armenia "
        "has lasted since 1993, Baku said."
    )
    (marker,) = [m for m in record.framing.markers if m.text.startswith("occupation")]
    assert marker.favours == "AZE"


def test_framing_no_conflict_no_markers(annotate):
    record = annotate("Floods in Bavaria\n\nHeavy rain flooded towns in Bavaria, officials said.")
    assert record.framing.markers == () and record.framing.lean == "neutral"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('He said "stop the war" today.', ['"stop the war"']),
        ("“One” and “two”", ["“One”", "“two”"]),
        ('Unclosed "quote runs\n\nNext paragraph', ['"quote runs']),
    ],
)
def test_framing_quoted_ranges(text, spans):
    assert [text[s:e] for s, e in quoted_ranges(text)] == spans
