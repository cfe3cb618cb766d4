"""Look names up in the offline gazetteer without loading it: each query is one indexed SQLite read.

>>> gazetteer = Gazetteer()                      # builds the index on first use (see ``build.ensure_index``)
>>> [c.name for c in gazetteer.candidates("Füzuli")][:1]
['Fuzuli']
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fogofwar.errors import GazetteerError
from fogofwar.gazetteer.build import Progress, ensure_index
from fogofwar.gazetteer.fold import fold

#: Folded names remembered per Gazetteer (each entry is a short list of candidates): a news corpus repeats its
#: toponyms, and a few thousand entries cost well under a megabyte.
CACHED_NAMES = 4096

#: Candidates returned per name at most, most populous first ("San Jose" has dozens of namesakes).
MAX_CANDIDATES = 60


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer place a name can denote; ``primary`` when the name is the place's main name, not an alias."""

    place_id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature: str
    precision: str
    population: int
    primary: bool


QUERY = """
SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature, p.precision, p.population, n.is_primary
FROM name n JOIN place p ON p.id = n.place
WHERE n.key = ?
ORDER BY p.population DESC
LIMIT ?
"""


class Gazetteer:
    """A read-only view of the gazetteer index (built on first use when ``path`` is not given)."""

    def __init__(self, path: Path | None = None, progress: Progress | None = None) -> None:
        self.path = path if path is not None else ensure_index(progress)
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.db.execute("SELECT 1 FROM meta LIMIT 1")
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open the gazetteer index {self.path}: {exc}") from exc
        self.lookup = lru_cache(maxsize=CACHED_NAMES)(self._lookup)
        self._borders: dict[str, frozenset[str]] | None = None

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place the name can denote (folded: case, diacritics, hyphens and apostrophes do not matter)."""
        key = fold(name)
        return self.lookup(key) if key else ()

    def _lookup(self, key: str) -> tuple[Candidate, ...]:
        rows = self.db.execute(QUERY, (key, MAX_CANDIDATES)).fetchall()
        return tuple(
            Candidate(
                place_id=r[0],
                geonameid=r[1],
                name=r[2],
                lat=r[3],
                lon=r[4],
                country=r[5],
                admin1=r[6],
                feature=r[7],
                precision=r[8],
                population=r[9],
                primary=bool(r[10]),
            )
            for r in rows
        )

    def neighbours(self, country: str) -> frozenset[str]:
        """ISO alpha-2 codes of a country's land neighbours."""
        return self._neighbours().get(country, frozenset())

    def _neighbours(self) -> dict[str, frozenset[str]]:
        if self._borders is None:
            rows = self.db.execute("SELECT iso2, neighbours FROM country").fetchall()
            self._borders = {k: frozenset(n for n in v.split(",") if n) for k, v in rows}
        return self._borders

    def counties(self, name: str) -> tuple[tuple[str, str], ...]:
        """(country, state) of the US counties of this name ("Clarke County" -> Georgia, Alabama...)."""
        key = fold(name)
        rows = self.db.execute("SELECT DISTINCT country, admin1 FROM county WHERE key = ?", (key,)).fetchall()
        return tuple((r[0], r[1]) for r in rows)

    def knows(self, name: str) -> bool:
        """True when some place goes by this name."""
        return bool(self.candidates(name))

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()


@lru_cache(maxsize=1)
def default_gazetteer(progress: Progress | None = None) -> Gazetteer:
    """One shared Gazetteer per process over the default index."""
    return Gazetteer(progress=progress)
