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


@pytest.mark.parametrize(
    ("text", "lean"),
    [
        # Syria: loaded words said of a third party (ISIS, al-Qaeda) favour neither side
        (
            "Blast in Hasakeh\n\nAn ISIS terrorist group claimed the bombing in Hasakeh, and the al-Qaeda terrorist "
            "organization said its fighters had attacked Syrian army posts near Aleppo, a monitor said.",
            "neutral",
        ),
        # Syria, pro-government wording: foreign-backed militants, terrorists with no party named
        (
            "Shells hit Aleppo\n\nForeign-backed militants fired rocket shells on Aleppo city, and terrorists "
            "targeted residential neighbourhoods in the foreign-backed insurgency's latest attack.",
            "SYR",
        ),
        # Syria: a country name is everyone's in a civil war ("Syria terrorists" are terrorists in Syria)
        (
            "Aleppo blast\n\nSyria terrorists shelled Aleppo on Monday, in an area once on the front line between "
            "terrorists and army forces.",
            "SYR",
        ),
        # Syria, opposition wording: autocrat, regime, liberated areas
        (
            "Raids on Idlib\n\nThe forces of the autocrat Bashar al-Assad and his regime pounded the liberated areas "
            "of Idlib on Sunday, the Syrian Coalition said.",
            "Syrian opposition",
        ),
        # Syria: unit names and technical uses of loaded words are no framing
        (
            "Brigades clash\n\nThe Idlib Martyrs Brigade clashed with rebels near Idlib, as the ceasefire regime "
            "agreed for Syria held elsewhere, monitors in Aleppo said.",
            "neutral",
        ),
        # Ukraine, Ukrainian wording: illegally annexed, sham referendums
        (
            "Annexation\n\nRussia illegally annexed four regions of Ukraine after sham referendums held under the "
            "guns of Russian troops, Kyiv said.",
            "UKR",
        ),
        # Ukraine, Russian state wording: Kiev junta, Kiev regime
        (
            "Shelling of Donetsk\n\nThe Kiev junta shelled Donetsk again, and the Kiev regime's troops hit a market, "
            "officials of the Donetsk People's Republic said.",
            "RUS",
        ),
        # Israel-Palestine, Israeli wording: terror attack(s)
        (
            "Attack in Jerusalem\n\nA terror attack in Jerusalem killed two, the latest in a wave of terror attacks "
            "by Hamas, the IDF said.",
            "ISR",
        ),
        # Israel-Palestine, Palestinian wording: resistance fighters, occupation forces
        (
            "Clashes in Nablus\n\nResistance fighters confronted the occupation forces in Nablus, as the Palestinian "
            "resistance vowed to respond to Israel's raids on Gaza.",
            "PSE",
        ),
        # Karabakh, Armenian wording: a generic term said of a named leader ("dictator Aliyev")
        (
            "Statement\n\nThe dictator Aliyev ordered new attacks on Artsakh, as Azerbaijan's aggression against "
            "Stepanakert went on.",
            "ARM",
        ),
    ],
)
def test_framing_lean_new_vocabulary(annotate, text, lean):
    framing = annotate(text).framing
    assert framing.lean == lean, [(m.text, m.favours, m.voice) for m in framing.markers]
