"""Claims (attribution) on hand-annotated FA-KES articles (evaluation/claims/*.json, rows of ../shared/eval/fa-kes).

Each gold file names a row of fakes-dev.csv by ``article.fakes_unit_id``; the article given to the pipeline is the
row's title, a blank line, then its content (``fogofwar.read.parse_text``), published on the row's date (m/d/yy),
with the row's ``source`` as outlet, so that the outlet's own narration is recognised and left unjudged. The claims
section is scored with the shared scorer (``fogofwar.evaluate.scorer.score_claims``: anchor inside the content,
source country + kind (+ name), polarity, quote, denial link). Also reported, over the gold claims found at their
anchor:
- source accuracy (``claims_source_acc``): country, kind and, where the gold gives it, name agree;
- source-country accuracy: the country agrees (null = null for IGOs and NGOs), whatever the kind. As in the
  scorer's pairing, for each gold claim the anchored, unused prediction whose country agrees is preferred, and a
  prediction that agrees serves one gold claim only.
Annotation rules: evaluation/claims/GUIDELINES.md.

Four gold sets: ``dev`` (evaluation/claims/*.json, the articles the extractor was developed on), ``heldout``
(evaluation/claims/heldout/*.json, annotated afterwards by the same rules, held out until first measured, tuned on
since), ``heldout2`` (evaluation/claims/heldout2/*.json, annotated after that tuning, held out until measured twice,
tuned on since), ``heldout3`` (evaluation/claims/heldout3/*.json, annotated blind by another hand, measured blind
at 0.533, tuned on since 2026-11-25) and ``heldout4`` (evaluation/claims/heldout4/*.json, annotated blind by another
hand; its errors are not read, so it stays the measure of unseen text; see its README.md); ``all`` scores them
together. Writes evaluation/results/claims.json (dev), claims-heldout.json … claims-heldout4.json or claims-all.json.

Usage: PYTHONPATH=src python evaluation/claims.py [--set dev|heldout|heldout2|heldout3|heldout4|all]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

from fogofwar.errors import GoldError
from fogofwar.evaluate.gold import Gold, load_gold
from fogofwar.evaluate.scorer import Tally, inside, is_narration, score_claims, speakers
from fogofwar.pipeline import Annotator
from fogofwar.read import parse_text
from fogofwar.record import Article, ArticleRecord

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "fa-kes" / "fakes-dev.csv"
GOLD = ROOT / "evaluation" / "claims"
RESULTS = ROOT / "evaluation" / "results"

#: The gold sets: their directories and the result file each writes.
SETS: dict[str, tuple[tuple[Path, ...], Path]] = {
    "dev": ((GOLD,), RESULTS / "claims.json"),
    "heldout": ((GOLD / "heldout",), RESULTS / "claims-heldout.json"),
    "heldout2": ((GOLD / "heldout2",), RESULTS / "claims-heldout2.json"),
    "heldout3": ((GOLD / "heldout3",), RESULTS / "claims-heldout3.json"),
    "heldout4": ((GOLD / "heldout4",), RESULTS / "claims-heldout4.json"),
    "all": (
        (GOLD, GOLD / "heldout", GOLD / "heldout2", GOLD / "heldout3", GOLD / "heldout4"),
        RESULTS / "claims-all.json",
    ),
}

#: FA-KES article bodies run to tens of thousands of characters, above the csv module's default field limit.
CSV_FIELD_LIMIT = 10_000_000


def read_rows() -> dict[str, list[dict[str, str]]]:
    """The FA-KES development rows by unit_id (a few unit_ids occur more than once)."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    rows: dict[str, list[dict[str, str]]] = {}
    with DATA.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows.setdefault(row["unit_id"], []).append(row)
    return rows


def iso_date(value: str) -> str:
    """The CSV's m/d/yy date as ISO (all FA-KES articles are from 2011-2018)."""
    return dt.datetime.strptime(value.strip(), "%m/%d/%y").date().isoformat()


def article_for(gold: Gold, rows: dict[str, list[dict[str, str]]]) -> Article:
    """The Article for a gold file's FA-KES row: title + blank line + content, the row's date and outlet."""
    unit_id = gold.article.fakes_unit_id
    found = rows.get(unit_id or "", [])
    if unit_id is None or not found:
        raise GoldError(f"{gold.path}: no FA-KES row with unit_id {unit_id} in {DATA}")
    if len({(r["article_title"], r["article_content"]) for r in found}) > 1:
        raise GoldError(f"{gold.path}: unit_id {unit_id} names several different rows of {DATA}")
    row = found[0]
    published = iso_date(row["date"])
    if gold.article.published not in (None, published):
        raise GoldError(f"{gold.path}: published {gold.article.published}, but the row's date is {published}")
    text = f"{row['article_title'].strip()}\n\n{row['article_content'].strip()}"
    article = parse_text(text, path=f"{DATA.name}#{unit_id}", published=published)
    return dataclasses.replace(article, outlet=row["source"])


def country_tally(record: ArticleRecord, gold: Gold) -> tuple[int, int]:
    """(right, judged): gold claims found at their anchor whose paired prediction's speaker has the gold country."""
    preds = [c for c in record.claims if not is_narration(c, record)]
    text = record.article.text
    used: set[int] = set()
    right = judged = 0
    for g in gold.claims:
        anchored = [i for i, p in enumerate(preds) if i not in used and inside(g.anchor, p.content.text(text))]
        if not anchored:
            continue

        def agrees(i: int, country: str | None = g.source.country) -> bool:
            return any(a.country == country for a in speakers(preds[i].source, record.actors))

        best = max(anchored, key=agrees)
        judged += 1
        if agrees(best):  # as in the scorer's pairing, only a prediction that agrees is used up
            used.add(best)
            right += 1
    return right, judged


def ratio(right: int, judged: int) -> float:
    return right / judged if judged else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="dev", help="gold set to score (default: dev)")
    args = parser.parse_args(argv)
    folders, result_path = SETS[args.set]
    paths = [path for folder in folders for path in sorted(folder.glob("fakes-*.json"))]
    if not paths:
        print(f"no gold files in {', '.join(str(f) for f in folders)}", file=sys.stderr)
        return 1
    golds = [load_gold(path) for path in paths]
    rows = read_rows()
    articles = [article_for(gold, rows) for gold in golds]
    total, country = Tally(), [0, 0]
    per_article = []
    print(f"{'unit_id':<12}{'outlet':<15}{'gold':>5}{'pred':>5}{'P':>7}{'R':>7}{'F1':>7}{'src':>7}{'ctry':>7}")
    for gold, record in zip(golds, Annotator().annotate(articles), strict=True):
        tally = score_claims(record, gold)
        right, judged = country_tally(record, gold)
        total.add(tally)
        country[0] += right
        country[1] += judged
        source = tally.attributes.get("source", [0, 0])
        entry = {
            "unit_id": gold.article.fakes_unit_id,
            "outlet": record.article.outlet,
            "gold": tally.gold,
            "predicted": tally.pred,
            "p": round(tally.p, 4),
            "r": round(tally.r, 4),
            "f": round(tally.f, 4),
            "source_acc": round(ratio(*source), 4),
            "source_country_acc": round(ratio(right, judged), 4),
            "found_at_anchor": judged,
            "misses": tally.misses,
            "false_positives": tally.false_positives,
        }
        per_article.append(entry)
        print(
            f"{entry['unit_id']:<12}{entry['outlet']:<15}{tally.gold:>5}{tally.pred:>5}{tally.p:>7.3f}{tally.r:>7.3f}"
            f"{tally.f:>7.3f}{entry['source_acc']:>7.3f}{entry['source_country_acc']:>7.3f}"
        )
    scores = {
        "claims_p": round(total.p, 4),
        "claims_r": round(total.r, 4),
        "claims_f": round(total.f, 4),
        **{f"claims_{name}_acc": round(ratio(*counts), 4) for name, counts in sorted(total.attributes.items())},
        "claims_source_country_acc": round(ratio(*country), 4),
    }
    result = {
        "set": args.set,
        "articles": len(golds),
        "gold_claims": total.gold,
        "gold_denials": sum(c.polarity == "deny" for g in golds for c in g.claims),
        "predicted_claims": total.pred,
        "found_at_anchor": country[1],
        "scores": scores,
        "per_article": per_article,
    }
    result_path.parent.mkdir(parents=True, exist_ok=True)
    result_path.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{args.set} set, micro over {len(golds)} articles: P {total.p:.3f} R {total.r:.3f} F1 {total.f:.3f}; "
        f"{total.gold} gold claims, {total.pred} predicted, {country[1]} found at their anchor"
    )
    print(
        f"source accuracy {scores.get('claims_source_acc', 0.0):.3f}, "
        f"source-country accuracy {scores['claims_source_country_acc']:.3f} (on claims found at their anchor)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
