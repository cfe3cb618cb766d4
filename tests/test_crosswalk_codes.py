"""The PLOVER crosswalk: CAMEO root codes and QuadClass for GDELT-style export, and older PLOVER names."""

from __future__ import annotations

import pytest

from fogofwar.crosswalk import cameo_root, plover_type, quad_class
from fogofwar.record import EventType

EVENT_TYPES = EventType.__args__  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("event_type", "mode", "root"),
    [
        ("ASSAULT", "heavy-weapons", "19"),
        ("ASSAULT", "torture", "18"),
        ("ASSAULT", None, "18"),
        ("REQUEST", None, "02"),
        ("SANCTION", None, "16"),
        ("AGREE", None, "03"),
    ],
)
def test_crosswalk_cameo_root(event_type, mode, root):
    assert cameo_root(event_type, mode) == root


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_crosswalk_covers_every_type(event_type):
    assert cameo_root(event_type) in {f"{i:02d}" for i in range(1, 21)}
    assert quad_class(event_type) in (1, 2, 3, 4)


@pytest.mark.parametrize(("name", "expected"), [("DEMAND", "REQUEST"), ("FIGHT", "ASSAULT"), ("AGREE", "AGREE")])
def test_crosswalk_legacy_names(name, expected):
    assert plover_type(name) == expected
