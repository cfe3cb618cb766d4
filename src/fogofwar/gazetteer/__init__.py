"""The offline gazetteer: GeoNames cities500, countries, ISO subdivisions and fogofwar's regions table in SQLite.

``Gazetteer().candidates(name)`` lists every place a name can denote; the index is built once, at first use, into the
user's cache folder (``$FOGOFWAR_CACHE`` overrides it). See ``build`` for what is in it and ``lookup`` for queries.
"""

from __future__ import annotations

from fogofwar.gazetteer.build import CACHE_ENV, INDEX_VERSION, cache_dir, ensure_index, index_path
from fogofwar.gazetteer.fold import fold
from fogofwar.gazetteer.lookup import Candidate, Gazetteer, default_gazetteer

__all__ = [
    "CACHE_ENV",
    "INDEX_VERSION",
    "Candidate",
    "Gazetteer",
    "cache_dir",
    "default_gazetteer",
    "ensure_index",
    "fold",
    "index_path",
]
