"""Gold files (DESIGN.md, "Gold files"): reference annotations by value, loaded into typed records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fogofwar.errors import GoldError


def _as_tuple(value: Any) -> tuple[Any, ...]:
    """A gold field that may be one value, a list of accepted values, or null, as a tuple."""
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


@dataclass(frozen=True, slots=True)
class GoldSource:
    """Who makes a claim: matched by country + kind (and name where given)."""

    country: str | None
    kind: str
    name: str | None = None

    @classmethod
    def parse(cls, data: dict[str, Any]) -> GoldSource:
        return cls(country=data.get("country"), kind=data["kind"], name=data.get("name"))

    def __str__(self) -> str:
        return "/".join(str(v) for v in (self.country, self.kind, self.name) if v)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """The annotated article: a corpus ``file`` (shared/corpus), or a row of an evaluation corpus named by its id
    (``fakes_unit_id``: a row of shared/eval/fa-kes/fakes-dev.csv, which the evaluation script looks up)."""

    file: str | None
    published: str | None
    section: str | None
    outlet: str | None
    headline_anchor: str | None
    fakes_unit_id: str | None = None


@dataclass(frozen=True, slots=True)
class GoldPlace:
    text: str
    lat: float | None
    lon: float | None
    country: str | None
    tolerance_km: float
    aliases: tuple[str, ...] = ()
    unresolved_ok: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.text, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldDate:
    text: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldClaim:
    source: GoldSource
    polarity: str
    anchor: str
    quote: bool | None = None
    denies_anchor: str | None = None


@dataclass(frozen=True, slots=True)
class GoldCasualty:
    anchor: str
    low: int | None
    high: int | None
    outcomes: tuple[str, ...]
    population: str
    side: str | None
    scope: str
    source: GoldSource | None
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    types: tuple[str, ...]
    anchor: str
    actor: str | None
    recipients: tuple[str, ...]
    places: tuple[str, ...]
    date: str | None
    status: str
    modality: str
    reported_by: GoldSource | None


@dataclass(frozen=True, slots=True)
class GoldFraming:
    lean: str | None
    markers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold file: the article it annotates (``article_path`` resolved, or None for a gold file on an evaluation
    corpus row, see GoldArticle) and each section's reference items."""

    path: str
    article_path: Path | None
    article: GoldArticle
    places: tuple[GoldPlace, ...]
    dates: tuple[GoldDate, ...]
    claims: tuple[GoldClaim, ...]
    casualties: tuple[GoldCasualty, ...]
    events: tuple[GoldEvent, ...]
    framing: GoldFraming | None
    places_neutral: tuple[str, ...]


def load_gold(path: str | Path) -> Gold:
    """Read a gold file; its ``article.file`` is resolved against the shared folder (the gold folder's parent).

    A gold file may instead name a row of an evaluation corpus (``article.fakes_unit_id``); its ``article_path`` is
    then None and the caller supplies the article (evaluation/claims.py). One of the two is required.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read it ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: not a JSON gold file ({exc})") from exc
    try:
        return _parse(path, data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise GoldError(
            f"{path}: malformed gold file ({type(exc).__name__}: {exc}); see DESIGN.md 'Gold files'"
        ) from exc


def _parse(path: Path, data: dict[str, Any]) -> Gold:
    art = data["article"]
    unit_id = art.get("fakes_unit_id")
    article = GoldArticle(
        file=art["file"] if unit_id is None else art.get("file"),
        published=art.get("published"),
        section=art.get("section"),
        outlet=art.get("outlet"),
        headline_anchor=art.get("headline_anchor"),
        fakes_unit_id=None if unit_id is None else str(unit_id),
    )
    article_path = (path.resolve().parent.parent / article.file).resolve() if article.file is not None else None
    places = tuple(
        GoldPlace(
            text=p["text"],
            lat=p.get("lat"),
            lon=p.get("lon"),
            country=p.get("country"),
            tolerance_km=float(p.get("tolerance_km", 25)),
            aliases=tuple(p.get("aliases", ())),
            unresolved_ok=bool(p.get("unresolved_ok", False)),
        )
        for p in data.get("places", ())
    )
    dates = tuple(GoldDate(text=d["text"], value=d["value"]) for d in data.get("dates", ()))
    claims = tuple(
        GoldClaim(
            source=GoldSource.parse(c["source"]),
            polarity=c["polarity"],
            anchor=c["anchor"],
            quote=c.get("quote"),
            denies_anchor=c.get("denies_anchor"),
        )
        for c in data.get("claims", ())
    )
    casualties = tuple(
        GoldCasualty(
            anchor=c["anchor"],
            low=c["low"],
            high=c["high"],
            outcomes=_as_tuple(c["outcome"]),
            population=c["population"],
            side=c["side"],
            scope=c["scope"],
            source=GoldSource.parse(c["source"]) if c.get("source") else None,
            as_of=c.get("as_of"),
        )
        for c in data.get("casualties", ())
    )
    events = tuple(
        GoldEvent(
            types=_as_tuple(e["type"]),
            anchor=e["anchor"],
            actor=e.get("actor"),
            recipients=_as_tuple(e.get("recipient")),
            places=tuple(e.get("places", ())),
            date=e.get("date"),
            status=e.get("status", "reported"),
            modality=e.get("modality", "asserted"),
            reported_by=GoldSource.parse(e["reported_by"]) if e.get("reported_by") else None,
        )
        for e in data.get("events", ())
    )
    framing_data = data.get("framing")
    framing = (
        GoldFraming(lean=framing_data.get("leans"), markers=tuple(framing_data.get("markers", ())))
        if framing_data
        else None
    )
    return Gold(
        path=str(path),
        article_path=article_path,
        article=article,
        places=places,
        dates=dates,
        claims=claims,
        casualties=casualties,
        events=events,
        framing=framing,
        places_neutral=tuple(data.get("places_neutral", ())),
    )
