"""Ledger query results as text: a readable table, CSV or JSON lines; the ingest progress line and final report.

Functions here return strings; the command line prints them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from fogofwar.ledger.ingest import IngestReport, Progress

#: Widest a table cell gets before it is cut with an ellipsis (the full text is in --json / --csv).
MAX_CELL = 60

#: The columns a readable table shows per listing (the rest is in --json / --csv).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": (
        "id", "type", "date_start", "date_end", "place", "countries", "status", "num_mentions", "num_sources",
        "num_articles", "summary",
    ),
    "claims": ("article_id", "claim", "published", "claimant", "cue", "polarity", "content", "contradiction"),
    "tally": ("scope", "cluster_id", "side", "outcome", "population", "low", "best", "high", "claimants", "as_of"),
    "tally_by": ("period", "side", "outcome", "population", "claimant", "low", "high"),
}  # fmt: skip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    """Rows as an aligned plain-text table (``(no rows)`` when empty)."""
    if not rows:
        return "(no rows)"
    cols = [c for c in (columns or list(rows[0])) if any(c in r for r in rows)]
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def as_csv(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as CSV with a header (every column)."""
    if not rows:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().rstrip("\n")


def as_json_lines(rows: Sequence[dict[str, Any]]) -> str:
    """Rows as JSON lines (every column)."""
    return "\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in rows)


def rows_text(rows: Sequence[dict[str, Any]], kind: str, fmt: str) -> str:
    """Rows in the format asked for (``table``, ``csv`` or ``json``)."""
    if fmt == "json":
        return as_json_lines(rows)
    if fmt == "csv":
        return as_csv(rows)
    return table(rows, TABLE_COLUMNS.get(kind))


def duration(seconds: float | None) -> str:
    """Seconds as ``1h02m``, ``3m05s`` or ``12s``."""
    if seconds is None:
        return "?"
    s = round(seconds)
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    if s >= 60:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s}s"


def progress_line(p: Progress) -> str:
    """One progress line: articles handled (of the total), stored/present/skipped, rate and ETA."""
    of = f"/{p.total}" if p.total is not None else ""
    return (
        f"{p.done}{of} articles  stored {p.stored}  present {p.present}  skipped {p.skipped}  "
        f"{p.rate:.1f} articles/s  ETA {duration(p.eta)}"
    )


def ingest_report(report: IngestReport) -> str:
    """The final report of an ingest: counts, speed, and each skipped input with its reason."""
    lines = [
        f"stored {len(report.stored)}, already present {report.present}, skipped {len(report.skipped)} "
        f"in {duration(report.seconds)}"
        + (f" ({report.articles_per_second:.1f} articles/s annotated and stored)" if report.stored else "")
        + f"; {report.clusters} event clusters in the ledger"
    ]
    lines += [f"skipped {s.path}: {s.reason}" for s in report.skipped]
    return "\n".join(lines)


def summary_text(counts: dict[str, int]) -> str:
    """What the ledger holds, on a few lines."""
    return (
        f"{counts['articles']} articles, {counts['claims']} claims, {counts['events']} event mentions in "
        f"{counts['event_clusters']} clusters ({counts['merged_clusters']} reported by several articles), "
        f"{counts['casualties']} casualty figures, {counts['estimates']} estimates, "
        f"{counts['contradictions']} contradictions"
    )
