"""The evaluation gate: scores on every gold file in ../shared/gold may not fall below the floors in eval-floors.json."""

from __future__ import annotations

import json

import pytest

from fogofwar.evaluate import evaluate_files, format_scores

from .conftest import ROOT, SHARED

FLOORS = json.loads((ROOT / "eval-floors.json").read_text(encoding="utf-8"))["floors"]

#: Slack for floating-point noise when a score sits exactly on its floor.
EPSILON = 1e-9


@pytest.fixture(scope="module")
def gate_scores(annotator):
    gold_files = sorted((SHARED / "gold").glob("*.json"))
    if not gold_files:
        pytest.fail(f"no gold files in {SHARED / 'gold'}: the shared folder must sit beside the repository (../shared)")
    return evaluate_files(gold_files, annotator=annotator)


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_evaluate_gate_floor(gate_scores, key):
    flat = gate_scores.flat()
    assert key in flat, f"eval-floors.json names {key!r}, which the scorer does not report"
    assert flat[key] >= FLOORS[key] - EPSILON, (
        f"{key} = {flat[key]:.3f} fell below its floor {FLOORS[key]}\n" + format_scores(gate_scores)
    )
