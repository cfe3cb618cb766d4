"""Gold files on evaluation corpus rows (``article.fakes_unit_id`` instead of ``article.file``): loading, the error
when neither is given or when the CLI is asked to read one, and scoring claims on an article the caller supplies."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from fogofwar.errors import GoldError
from fogofwar.evaluate import evaluate_files
from fogofwar.evaluate.gold import load_gold
from fogofwar.evaluate.scorer import score_claims
from fogofwar.read import parse_text
from fogofwar.record import Actor, ArticleRecord, Claim, Span

from .conftest import SHARED

PASSAGE = (
    "Rebels deny shelling Homs\n\n"
    "Syria's army said rebels shelled a market in Homs on Monday, killing 9 civilians. "
    "The Free Syrian Army denied the shelling. "
    '"We have no positions near the market," rebel spokesman Abu Omar told Reuters.'
)


def write_gold(tmp_path, article, claims=()):
    (tmp_path / "gold").mkdir(exist_ok=True)
    path = tmp_path / "gold" / "g.json"
    path.write_text(json.dumps({"article": article, "claims": list(claims)}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("article", "unit_id", "file"),
    [
        ({"fakes_unit_id": "1914947530", "published": "2017-04-05", "outlet": "nna"}, "1914947530", None),
        ({"fakes_unit_id": 1926479259, "outlet": "sana"}, "1926479259", None),  # a number in the JSON: kept as text
        ({"file": "corpus/a.txt", "published": "2020-09-29"}, None, "corpus/a.txt"),
    ],
)
def test_evaluate_gold_fakes_article_by_row_or_file(tmp_path, article, unit_id, file):
    gold = load_gold(write_gold(tmp_path, article))
    assert gold.article.fakes_unit_id == unit_id
    assert gold.article.file == file
    if file is None:
        assert gold.article_path is None
    else:
        assert gold.article_path == (tmp_path / file).resolve()


@pytest.mark.parametrize("article", [{"published": "2017-04-05"}, {"outlet": "sana", "fakes_unit_id": None}])
def test_evaluate_gold_fakes_needs_file_or_row(tmp_path, article):
    with pytest.raises(GoldError, match="malformed gold"):
        load_gold(write_gold(tmp_path, article))


def test_evaluate_gold_fakes_not_read_by_evaluate_files(tmp_path):
    path = write_gold(tmp_path, {"fakes_unit_id": "1914947530"})
    with pytest.raises(GoldError, match=r"names no article file.*1914947530"):
        evaluate_files([path], annotator=object())  # type: ignore[arg-type]


def at(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


@pytest.mark.parametrize(
    ("gold_claims", "expected"),
    [
        (
            [
                {"source": {"country": "SYR", "kind": "military"}, "polarity": "assert", "anchor": "shelled a market"},
                {
                    "source": {"country": "SYR", "kind": "armed_group"},
                    "polarity": "deny",
                    "anchor": "the shelling",
                    "denies_anchor": "shelled a market",
                },
                {
                    "source": {"country": "SYR", "kind": "armed_group", "name": "Abu Omar"},
                    "polarity": "assert",
                    "quote": True,
                    "anchor": "no positions near the market",
                },
            ],
            (3, 3, 3, 3),
        ),
        (  # the rebels' denial given to the army, and the spokesman's quote not flagged as a quotation
            [
                {"source": {"country": "SYR", "kind": "military"}, "polarity": "deny", "anchor": "the shelling"},
                {"source": {"country": "SYR", "kind": "armed_group"}, "polarity": "assert", "anchor": "no positions"},
                {
                    "source": {"country": "SYR", "kind": "armed_group"},
                    "polarity": "assert",
                    "quote": False,
                    "anchor": "near the market",
                },
            ],
            (1, 3, 1, 3),
        ),
    ],
)
def test_evaluate_gold_fakes_scores_claims_on_supplied_article(tmp_path, gold_claims, expected):
    gold = load_gold(write_gold(tmp_path, {"fakes_unit_id": "1", "outlet": "wire"}, gold_claims))
    article = parse_text(PASSAGE, path="fakes-dev.csv#1", published="2016-05-02")
    text = article.text
    actors = (
        Actor(
            text="Syria's army", name="Syrian Arab Army", kind="military", evidence=(at(text, "army"),), country="SYR"
        ),
        Actor(text="The Free Syrian Army", name="Free Syrian Army", kind="armed_group", evidence=(), country="SYR"),
        Actor(text="Abu Omar", name="Abu Omar", kind="person", evidence=(at(text, "Abu Omar"),), affiliation=1),
    )
    claims = (
        Claim(
            source=0,
            cue="said",
            polarity="assert",
            content=at(text, "rebels shelled a market"),
            evidence=at(text, "said"),
        ),
        Claim(
            source=1,
            cue="denied",
            polarity="deny",
            content=at(text, "the shelling"),
            evidence=at(text, "denied"),
            denies=0,
        ),
        Claim(
            source=2,
            cue="told",
            polarity="assert",
            content=at(text, "We have no positions near the market,"),
            evidence=at(text, "told"),
            quote=True,
            channel="Reuters",
        ),
    )
    tally = score_claims(ArticleRecord(article=article, actors=actors, claims=claims), gold)
    assert (tally.gold_ok, tally.gold, tally.pred_ok, tally.pred) == expected


CLAIMS_GOLD = Path(__file__).resolve().parents[1] / "evaluation" / "claims"
FAKES = SHARED / "eval" / "fa-kes" / "fakes-dev.csv"


def fakes_contents() -> dict[str, str]:
    csv.field_size_limit(10_000_000)  # FA-KES bodies run past the csv module's default field limit
    with FAKES.open(encoding="utf-8", newline="") as handle:
        return {row["unit_id"]: row["article_content"] for row in csv.DictReader(handle)}


@pytest.mark.skipif(not FAKES.exists(), reason="../shared/eval/fa-kes is not beside the repository")
def test_evaluate_gold_fakes_every_claims_file_loads_and_its_anchors_are_in_its_row() -> None:
    contents = fakes_contents()
    paths = sorted(CLAIMS_GOLD.glob("**/fakes-*.json"))
    assert len(paths) >= 44  # dev 14, heldout 10, heldout2 10, heldout3 10
    for path in paths:
        gold = load_gold(path)
        content = contents[gold.article.fakes_unit_id or ""]
        for claim in gold.claims:
            assert claim.anchor in content, (path.name, claim.anchor)
            assert claim.denies_anchor is None or claim.denies_anchor in content, (path.name, claim.denies_anchor)
