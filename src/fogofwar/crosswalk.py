"""PLOVER crosswalks (``data/plover.json``): CAMEO root codes and GDELT QuadClass for export, older type names."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Crosswalk:
    """The crosswalk tables: PLOVER type -> CAMEO root, modes that make an ASSAULT a CAMEO "fight", legacy names."""

    cameo_root: dict[str, str]
    fight_modes: frozenset[str]
    legacy: dict[str, str]
    quad_class: dict[str, int]


@cache
def crosswalk() -> Crosswalk:
    """Read ``data/plover.json`` once."""
    data = json.loads(resources.files("fogofwar").joinpath("data/plover.json").read_text(encoding="utf-8"))
    return Crosswalk(
        cameo_root=dict(data["cameo_root"]),
        fight_modes=frozenset(data["cameo_fight_modes"]),
        legacy=dict(data["legacy"]),
        quad_class={k: int(v) for k, v in data["quad_class"].items()},
    )


def cameo_root(event_type: str, mode: str | None = None) -> str:
    """The CAMEO root code of a PLOVER event: "ASSAULT" with mode "heavy-weapons" -> "19", "REQUEST" -> "02"."""
    table = crosswalk()
    if event_type == "ASSAULT" and mode in table.fight_modes:
        return "19"
    return table.cameo_root[event_type]


def quad_class(event_type: str) -> int:
    """GDELT's QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    return crosswalk().quad_class[event_type]


def plover_type(name: str) -> str:
    """The current PLOVER type of a type name, mapping older names (DEMAND -> REQUEST, FIGHT -> ASSAULT)."""
    return crosswalk().legacy.get(name, name)
