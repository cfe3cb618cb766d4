"""Exports of the ledger in the formats analysts load: ACLED-, UCDP-GED- and GDELT-style tables, GeoJSON, JSON lines
and Parquet, each with fogofwar's own columns (claimant, status, denied_by, figures per claimant).

``export(store, fmt, path, **filters)`` gathers the event clusters matching the filters (``since``, ``until``,
``country``, ``type``) and writes them; ``fogofwar export --format FMT -o FILE`` is the command line over it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fogofwar.errors import ExportError
from fogofwar.export.formats import FORMATS, OWN_COLUMNS, acled_type, columns_of, geojson, write
from fogofwar.export.gather import gather
from fogofwar.ledger.store import Store


def export(store: Store, fmt: str, path: str | Path, **filters: Any) -> int:
    """Write the ledger's event clusters matching ``filters`` to ``path`` in ``fmt``; return how many."""
    if fmt not in FORMATS:
        raise ExportError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return write(gather(store, **filters), fmt, path)


__all__ = ["FORMATS", "OWN_COLUMNS", "acled_type", "columns_of", "export", "gather", "geojson", "write"]
