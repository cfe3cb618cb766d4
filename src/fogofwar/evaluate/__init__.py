"""Evaluation against gold files: run the pipeline on each gold file's article and score it section by section."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fogofwar.errors import GoldError
from fogofwar.evaluate.gold import Gold, load_gold
from fogofwar.evaluate.scorer import SECTIONS, Scores, combine, score
from fogofwar.pipeline import Annotator
from fogofwar.read import read_article


def evaluate_files(paths: Sequence[str | Path], annotator: Annotator | None = None) -> Scores:
    """Score the pipeline on every gold file's article; micro-averaged over all files."""
    golds = [load_gold(path) for path in paths]
    if not golds:
        raise GoldError("no gold files given")
    annotator = annotator or Annotator()
    articles = []
    for gold in golds:
        if gold.article_path is None:
            raise GoldError(
                f"{gold.path}: names no article file (a gold file on an evaluation corpus row, "
                f"fakes_unit_id {gold.article.fakes_unit_id}); score it with its evaluation script"
            )
        if not gold.article_path.is_file():
            raise GoldError(f"{gold.path}: its article {gold.article.file} is not at {gold.article_path}")
        articles.append(read_article(gold.article_path))
    records = annotator.annotate(articles)
    return combine(score(record, gold) for record, gold in zip(records, golds, strict=True))


def format_scores(scores: Scores) -> str:
    """A readable table of P/R/F per section, attribute accuracies, then every miss and false positive."""
    flat = scores.flat()
    lines = [f"{scores.articles} article(s)", f"{'section':<12}{'P':>7}{'R':>7}{'F':>7}"]
    for name in SECTIONS:
        lines.append(f"{name:<12}{flat[name + '_p']:>7.3f}{flat[name + '_r']:>7.3f}{flat[name + '_f']:>7.3f}")
    lines.append(f"{'article':<12}{'acc':>7}{flat['article_acc']:>7.3f}")
    accuracies = [(k, v) for k, v in flat.items() if k.endswith("_acc") and k != "article_acc"]
    if accuracies:
        lines.append("attribute accuracy (on items found at their anchor):")
        lines.extend(f"  {k:<28}{v:.3f}" for k, v in accuracies)
    detail = scores.to_dict()
    for heading, key in (("Misses", "misses"), ("False positives", "false_positives")):
        for section, items in detail[key].items():
            lines.append(f"{heading} - {section} ({len(items)}):")
            lines.extend(f"  {item}" for item in items)
    return "\n".join(lines)


__all__ = ["Gold", "Scores", "evaluate_files", "format_scores", "load_gold", "score"]
