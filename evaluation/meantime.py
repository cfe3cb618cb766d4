"""Time expressions (TIMEX3 of type DATE) on the MEANTIME English corpus (../shared/eval/meantime-en).

MEANTIME gives each Wikinews article as tokens with sentence numbers and TIMEX3 mentions anchored on tokens, with a
normalised value and one creation-time TIMEX3 (the dateline) per document. We rebuild each article's text from its
tokens (headline, dateline, one paragraph per sentence), annotate it with the publication date set to the creation
time's value, and compare our ``When`` records of type ``date`` with the gold DATE mentions.

How it counts:
- Gold: TIMEX3 with ``type="DATE"`` anchored on tokens, except the creation time itself (our publication date).
  MEANTIME annotates only the first sentences of each article (headline, dateline and about four more), so only
  predictions up to the end of the last sentence holding any annotation are judged (the whole text is annotated, so
  later sentences still serve as context). Predictions on the dateline and those lying on a gold TIME/DURATION/SET
  mention and on no DATE mention (judged by another type) are neither right nor wrong here.
- Detection, lenient: a prediction and a gold mention overlap; strict: same extent, after dropping the prepositions
  we take into an expression ("on Tuesday" is TimeML's "Tuesday"). One prediction per gold mention.
- Value: our value written the TimeML way where the two differ (a Saturday/Sunday range is ``YYYY-Www-WE``, a range of
  three or six months from a quarter's or half's first month is ``YYYY-Qn``/``YYYY-Hn``, a range written with two
  ends, "between 2014 and 2016", is one mention per end as TimeML marks it; an open range up to or from
  publication is PAST_REF or FUTURE_REF, the publication day with no precision ("now") is PRESENT_REF,
  an ISO 8601-2 season ``2009-21`` is ``2009-SP``); a gold value that is unknown
  (``XXXX-XX-XX``) is matched by our ``None``. Our durations are judged only where they overlap a gold DATE (MEANTIME
  types a few, "over six years" = P6Y, as DATE). Value accuracy = values right / mentions detected; value F1
  counts a prediction right when it is detected and its value is right.

Usage: PYTHONPATH=src python evaluation/meantime.py [--errors N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from fogofwar.pipeline import Annotator
from fogofwar.pipeline.dates import Lexicon
from fogofwar.read.text import build_article
from fogofwar.record import When

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "meantime-en" / "intra-doc_annotation"
RESULT = ROOT / "evaluation" / "results" / "meantime.json"

#: Tokens written without a space before them, and after them.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'", "’s", "”", "'re", "'ve"})
NO_SPACE_AFTER = frozenset({"(", "[", "$", "“", "US$", "#"})


@dataclass
class Mention:
    """A gold TIMEX3 or one of our dates, as character offsets into the rebuilt text."""

    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"


@dataclass
class Document:
    """One rebuilt MEANTIME article."""

    name: str
    text: str
    paragraphs: list[str]
    published: str
    dateline: tuple[int, int]
    annotated_end: int  # end of the last sentence holding any annotation: MEANTIME annotates the first sentences only
    gold: list[Mention] = field(default_factory=list)
    other: list[Mention] = field(default_factory=list)  # gold TIME, DURATION and SET mentions


def load(path: Path) -> Document | None:  # noqa: PLR0912 - tokens, mentions, then the creation time
    """Rebuild a document's text from its tokens and read its TIMEX3 mentions; None without a creation time."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append((token.get("t_id", ""), token.text or ""))
    paragraphs, offsets, sentence_of, sentence_end = [], {}, {}, {}
    position = 0
    for number in sorted(sentences):
        parts: list[str] = []
        length = 0
        previous = ""
        for t_id, word in sentences[number]:
            space = bool(parts) and word not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER
            if space:
                parts.append(" ")
                length += 1
            offsets[t_id] = (position + length, position + length + len(word))
            sentence_of[t_id] = number
            parts.append(word)
            length += len(word)
            previous = word
        paragraphs.append("".join(parts))
        sentence_end[number] = position + length
        position += length + 2  # paragraphs are joined by a blank line
    text = "\n\n".join(paragraphs)
    published, dateline = None, (0, 0)
    gold, other = [], []
    for timex in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        mention = Mention(start, end, text[start:end], timex.get("value"), timex.get("type", ""))
        if timex.get("functionInDocument") == "CREATION_TIME":
            published, dateline = timex.get("value"), (start, end)
        elif mention.type == "DATE":
            gold.append(mention)
        else:
            other.append(mention)
    if published is None:  # two documents leave the dateline (sentence 1) unmarked as the creation time
        dated = [g for g in gold if 1 in {sentence_of.get(t) for t in token_ids(g, offsets)}]
        if dated:
            published, dateline = dated[0].value, (dated[0].start, dated[0].end)
            gold.remove(dated[0])
    if published and (m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", published)):
        published = f"{m[3]}-{m[2]}-{m[1]}"  # one creation time is written DD-MM-YYYY (its dateline: February 03)
    if not published or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        return None
    marked = [sentence_of[a.get("t_id", "")] for a in root.iter("token_anchor") if a.get("t_id") in sentence_of]
    annotated_end = sentence_end[max(marked)] if marked else 0
    return Document(path.stem, text, paragraphs, published, dateline, annotated_end, gold, other)


def token_ids(mention: Mention, offsets: dict[str, tuple[int, int]]) -> list[str]:
    """The ids of the tokens a mention covers."""
    return [t for t, (start, end) in offsets.items() if mention.start <= start and end <= mention.end]


def timeml(value: str | None, precision: str | None = "day") -> str | None:  # noqa: PLR0911 - one per form
    """Our value written as TimeML writes it, where the two differ (weekends, quarters, halves, vague references);
    others unchanged."""
    if value is not None and precision is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "PRESENT_REF"  # "now", "currently": the publication day, of vague extent
    if value is not None and (m := re.fullmatch(r"(\d{4})-(2[1-4])", value)):
        return f"{m[1]}-{ {'21': 'SP', '22': 'SU', '23': 'FA', '24': 'WI'}[m[2]] }"
    if value is None or "/" not in value:
        return value
    if value.startswith("../"):
        return "PAST_REF"
    if value.endswith("/.."):
        return "FUTURE_REF"
    start, _, end = value.partition("/")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", start) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end):
        a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        if a.weekday() == 5 and (b - a).days == 1:
            year, week, _ = a.isocalendar()
            return f"{year}-W{week:02d}-WE"
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", value)
    if m and m[1] == m[3]:
        first, last = int(m[2]), int(m[4])
        if last - first == 2 and first % 3 == 1:
            return f"{m[1]}-Q{first // 3 + 1}"
        if last - first == 5 and first in (1, 7):
            return f"{m[1]}-H{first // 6 + 1}"
    return value


def same_value(gold: str | None, predicted: str | None) -> bool:
    """Whether our value (TimeML-written) equals the gold one; an unknown gold value is matched by our None."""
    if predicted is None:
        return gold is not None and re.fullmatch(r"[X\-]+", gold) is not None
    return gold == predicted


#: Words joining the two ends of one of our ranges, where TimeML annotates each end on its own.
CONNECTOR = re.compile(r"\s+(?:and|to|until|till|through)\s+|\s*[-–]\s*")


def pieces(when: When, text: str) -> list[Mention]:
    """Our expression as TimeML would mark it: a range written with two ends ("between 2014 and 2016") is two
    mentions, one per end, each with its end's value; anything else is one mention with its value TimeML-written."""
    start, end = when.evidence.start, when.evidence.end
    value = when.value
    connector = CONNECTOR.search(text, start, end)
    if (
        value
        and "/" in value
        and ".." not in value
        and connector is not None
        and (timeml(value) == value or connector[0].strip().isalpha())
    ):
        first, _, last = value.partition("/")
        return [
            Mention(start, connector.start(), text[start : connector.start()], first),
            Mention(connector.end(), end, text[connector.end() : end], last),
        ]
    return [Mention(start, end, text[start:end], timeml(value, when.precision))]


def core_extent(mention: Mention, text: str, prepositions: frozenset[str]) -> tuple[int, int]:
    """Our expression's extent without the prepositions we take in before it (TimeML leaves them out)."""
    start, end = mention.start, mention.end
    while True:
        m = re.match(r"(\w+)\s+", text[start:end])
        if m is None or m[1].lower() not in prepositions:
            return start, end
        start += m.end()


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main() -> int:  # noqa: PLR0912, PLR0915 - one pass over the corpus, then the table
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of each kind")
    args = parser.parse_args()
    lex = Lexicon.load()
    prepositions = lex.leads - lex.modifiers
    documents = [d for p in sorted(DATA.glob("*/*.xml")) if (d := load(p)) is not None]
    annotator = Annotator()
    articles = [
        build_article(
            [("headline", d.paragraphs[0]), *(("body", p) for p in d.paragraphs[1:])],
            published=d.published,
            source_path=d.name,
        )
        for d in documents
    ]
    n_gold = n_pred = strict_hits = lenient_hits = strict_values = lenient_values = 0
    misses, false_positives, wrong_values = [], [], []
    for document, (article, doc) in zip(documents, annotator.docs(articles), strict=True):
        assert article.text == document.text
        predicted = []
        for when in doc._.dates or ():
            for piece in pieces(when, document.text):
                extent = (piece.start, piece.end)
                if extent[0] >= document.annotated_end or overlaps(extent, document.dateline):
                    continue
                on_date = any(overlaps(extent, (g.start, g.end)) for g in document.gold)
                if not on_date and any(overlaps(extent, (o.start, o.end)) for o in document.other):
                    continue  # lies on a TIME, DURATION or SET mention only: judged by another type
                if when.type == "duration" and not on_date:
                    continue  # a duration is only judged where the gold marks a DATE (MEANTIME types some "P6Y")
                predicted.append((piece, core_extent(piece, document.text, prepositions)))
        n_gold += len(document.gold)
        n_pred += len(predicted)
        used: set[int] = set()
        for gold in document.gold:
            span = (gold.start, gold.end)
            candidates = [i for i, (m, _) in enumerate(predicted) if i not in used and overlaps(span, (m.start, m.end))]
            if not candidates:
                misses.append(f"{document.name}: {gold.text!r} = {gold.value}")
                continue
            best = max(
                candidates, key=lambda i: (predicted[i][1] == span, same_value(gold.value, predicted[i][0].value))
            )
            used.add(best)
            ours, core = predicted[best]
            strict = core == span
            right = same_value(gold.value, ours.value)
            lenient_hits += 1
            strict_hits += strict
            lenient_values += right
            strict_values += strict and right
            if not right:
                wrong_values.append(
                    f"{document.name}: {gold.text!r} = {gold.value}; ours {ours.text!r} = {ours.value} "
                    f"[{document.published}]"
                )
        false_positives += [
            f"{document.name}: {m.text!r} = {m.value}" for i, (m, _) in enumerate(predicted) if i not in used
        ]

    def prf(hits: int) -> dict[str, float]:
        p = hits / n_pred if n_pred else 0.0
        r = hits / n_gold if n_gold else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f": round(2 * p * r / (p + r) if p + r else 0.0, 3)}

    result = {
        "documents": len(documents),
        "gold_dates": n_gold,
        "predicted_dates": n_pred,
        "detection_lenient": prf(lenient_hits),
        "detection_strict": prf(strict_hits),
        "value_accuracy_lenient": round(lenient_values / lenient_hits, 3) if lenient_hits else 0.0,
        "value_accuracy_strict": round(strict_values / strict_hits, 3) if strict_hits else 0.0,
        "value_lenient": prf(lenient_values),
        "value_strict": prf(strict_values),
        "misses": misses,
        "false_positives": false_positives,
        "wrong_values": wrong_values,
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print("command: PYTHONPATH=src python evaluation/meantime.py [--errors N]")
    print(f"MEANTIME English: {len(documents)} documents, {n_gold} gold DATE mentions, {n_pred} predicted dates")
    print(f"{'':<24}{'P':>7}{'R':>7}{'F1':>7}   value acc")
    for kind in ("lenient", "strict"):
        for name, row in (("detection", result[f"detection_{kind}"]), ("value", result[f"value_{kind}"])):
            acc = f"   {result[f'value_accuracy_{kind}']:.3f}" if name == "value" else ""
            print(f"{name + ' (' + kind + ')':<24}{row['p']:>7.3f}{row['r']:>7.3f}{row['f']:>7.3f}{acc}")
    if args.errors:
        for title, rows in (("missed", misses), ("false positives", false_positives), ("wrong values", wrong_values)):
            print(f"\n{title} ({len(rows)}):")
            for row in rows[: args.errors]:
                print("  " + row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
