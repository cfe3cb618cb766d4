"""Places: the part a toponym plays in its sentence (event, statement, metonym, mentioned)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fogofwar.record import ArticleRecord

Annotate = Callable[..., ArticleRecord]


@pytest.mark.parametrize(
    ("text", "toponym", "role"),
    [
        # Metonymy: a capital or country as the subject of a speech or stance verb is its government speaking
        ("Baku welcomed Erdogan's remarks on Tuesday.", "Baku", "metonym"),
        ("Yerevan denied the shelling of the border villages.", "Yerevan", "metonym"),
        ("Moscow warned that any deliveries of long-range missiles would be a provocation.", "Moscow", "metonym"),
        ("Armenia denied the shelling, but reported fighting throughout the night.", "Armenia", "metonym"),
        ("Kyiv said its forces had repelled the assault.", "Kyiv", "metonym"),
        (
            "Regime forces, accused by Washington of using starvation as a weapon, held the city.",
            "Washington",
            "metonym",
        ),
        # Where a statement was made
        ("The spokesman said in Brussels that the EU was deeply concerned.", "Brussels", "statement"),
        (
            "Erdogan said during a symposium at the Dolmabahce Office in Istanbul that Turkey stood with Baku.",
            "Istanbul",
            "statement",
        ),
        ("Lavrov told reporters in Moscow that talks would continue.", "Moscow", "statement"),
        # Where something happened
        ("Armenian troops were shelling the Dashkesan region, the ministry said.", "Dashkesan", "event"),
        ("Jets destroyed a convoy of armoured vehicles setting off from the Madagiz village.", "Madagiz", "event"),
        ("Russian jets struck rebel positions around Aleppo on Sunday.", "Aleppo", "event"),
        ("Fighting raged across the Donbas region on Sunday.", "Donbas", "event"),
        ("An Israeli air strike killed five people in Khan Younis, medics said.", "Khan Younis", "event"),
        ("Shelling was reported in Idlib province, activists said.", "Idlib", "event"),
        ("Ukrainian forces recaptured Kherson after months of occupation.", "Kherson", "event"),
        ("Syrian army units recaptured Khan Shaykhun in southern Idlib on Friday.", "Khan Shaykhun", "event"),
        ("RSF paramilitaries attacked El Fasher in North Darfur, killing dozens.", "El Fasher", "event"),
        ("Stepanakert was shelled again overnight, local officials said.", "Stepanakert", "event"),
        # A dateline says where the report was filed, not where the event was
        ("KYIV, Ukraine (AP) — Russian forces shelled Kharkiv overnight.", "KYIV", "mentioned"),
        ("KYIV, Ukraine (AP) — Russian forces shelled Kharkiv overnight.", "Kharkiv", "event"),
        # Merely mentioned
        ("The delegation will travel to Geneva next month for talks.", "Geneva", "mentioned"),
        ("Aliyev, who was born in Baku, has ruled since 2003.", "Baku", "mentioned"),
    ],
)
def test_role(annotate: Annotate, text: str, toponym: str, role: str) -> None:
    record = annotate(text)
    place = next((p for p in record.places if p.text == toponym), None)
    assert place is not None, f"{toponym} not found in {[p.text for p in record.places]}"
    assert place.role == role


def test_event_places_reach_the_events(annotate: Annotate) -> None:
    # The events component takes event places (not statement places, not metonyms) for the event they belong to.
    record = annotate(
        "Azerbaijan's ministry said Armenian forces were shelling the Dashkesan region. "
        "Yerevan denied the shelling, a spokesman said in Yerevan."
    )
    assault = next(e for e in record.events if e.type == "ASSAULT")
    assert [record.places[i].text for i in assault.places] == ["Dashkesan"]
    for event in record.events:
        assert all(record.places[i].role not in ("statement", "metonym") for i in event.places)
