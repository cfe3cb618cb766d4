"""The claims gate: claim F1 on the hand-annotated FA-KES sets (evaluation/claims/) may not fall below the floors
in eval-floors.json ("claims_sets"), measured as ``evaluation/claims.py`` measures them."""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType

import pytest

from fogofwar.evaluate.gold import load_gold
from fogofwar.evaluate.scorer import Tally, score_claims

from .conftest import ROOT, SHARED

FLOORS: dict[str, float] = json.loads((ROOT / "eval-floors.json").read_text(encoding="utf-8"))["claims_sets"]

#: Slack for floating-point noise when a score sits exactly on its floor.
EPSILON = 1e-9


def claims_evaluation() -> ModuleType:
    """``evaluation/claims.py``, loaded from its path (the evaluation folder is not a package)."""
    spec = importlib.util.spec_from_file_location("claims_evaluation", ROOT / "evaluation" / "claims.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def set_scores(annotator) -> dict[str, Tally]:
    if not (SHARED / "eval" / "fa-kes").is_dir():
        pytest.fail(f"no FA-KES rows in {SHARED / 'eval' / 'fa-kes'}: the shared folder must sit beside the clone")
    evaluation = claims_evaluation()
    rows = evaluation.read_rows()
    scores: dict[str, Tally] = {}
    for name in FLOORS:
        folders, _ = evaluation.SETS[name]
        golds = [load_gold(path) for folder in folders for path in sorted(folder.glob("fakes-*.json"))]
        articles = [evaluation.article_for(gold, rows) for gold in golds]
        total = Tally()
        for gold, record in zip(golds, annotator.annotate(articles), strict=True):
            total.add(score_claims(record, gold))
        scores[name] = total
    return scores


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_evaluate_claims_sets_floor(set_scores: dict[str, Tally], name: str) -> None:
    tally = set_scores[name]
    assert tally.gold > 0, f"the claims set {name!r} has no gold claims"
    assert tally.f >= FLOORS[name] - EPSILON, (
        f"claims F1 on {name} = {tally.f:.3f} fell below its floor {FLOORS[name]}; misses: {tally.misses[:10]}"
    )
