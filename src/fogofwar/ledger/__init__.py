"""The ledger: articles stored once, event mentions merged across articles, rival figures, contradictions.

``Ledger`` is the Python API (queries return pandas DataFrames); ``fogofwar ingest|events|claims|tally|article`` is
the command line over the same functions. The pipeline never imports this package; this package reads and annotates
through ``fogofwar.read`` and ``fogofwar.pipeline``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from fogofwar.ledger import queries
from fogofwar.ledger.ingest import IngestReport, Progress, ingest, store_records
from fogofwar.ledger.queries import Near
from fogofwar.ledger.store import DB_ENV, DEFAULT_DB, Store
from fogofwar.record import ArticleRecord

if TYPE_CHECKING:
    import pandas as pd

    from fogofwar.pipeline import Annotator


class Ledger:
    """A ledger opened from a SQLite path or a ``postgresql://`` URL (default ``$FOGOFWAR_DB`` or ``./fogofwar.db``)."""

    def __init__(self, path_or_url: str | Path | None = None) -> None:
        self.store = Store(path_or_url)

    def close(self) -> None:
        """Close the connection."""
        self.store.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        *paths: str | Path,
        annotator: Annotator | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> IngestReport:
        """Read, annotate and store every article under ``paths`` (already-stored articles are skipped)."""
        return ingest(self.store, paths, annotator=annotator, progress=progress)

    def add(self, records: Iterable[ArticleRecord]) -> IngestReport:
        """Store already-annotated records, then merge and tally."""
        return store_records(self.store, records)

    def events(self, **filters: Any) -> pd.DataFrame:
        """Event clusters (filters: since, until, country, type, near, text, limit)."""
        return _frame(queries.events(self.store, **filters))

    def claims(self, event: str | None = None, contested: bool = False, limit: int | None = None) -> pd.DataFrame:
        """Claims, optionally about one event cluster or only the contested ones."""
        return _frame(queries.claims(self.store, event=event, contested=contested, limit=limit))

    def tally(self, side: str | None = None, by: Literal["day", "week"] | None = None) -> pd.DataFrame:
        """Low / best / high estimates, or with ``by`` each claimant's figures per day or week."""
        return _frame(queries.tally(self.store, side=side, by=by))

    def article(self, article_id: str) -> dict[str, Any]:
        """One stored article: its row, record and clusters."""
        return queries.article(self.store, article_id)

    def summary(self) -> dict[str, int]:
        """Counts of what the ledger holds."""
        return queries.summary(self.store)


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(rows)


__all__ = ["DB_ENV", "DEFAULT_DB", "IngestReport", "Ledger", "Near", "Progress", "Store", "ingest", "store_records"]
