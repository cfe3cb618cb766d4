"""The article record: typed, frozen records shared by every stage (DESIGN.md, "The record").

Every record is a ``dataclass(frozen=True, slots=True)`` with ``to_dict``/``from_dict``. Records refer to each
other by index into the article record's lists (a Claim's ``source`` indexes ``actors``), so the JSON shape is flat
and stable; ``SCHEMA_VERSION`` names the shape and ``fogofwar/schema/article-record.v{N}.json`` describes it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import unicodedata
from typing import Any, ClassVar, Literal, Self, Union, get_args, get_origin, get_type_hints

from fogofwar.errors import RecordError

#: Version of the article record's JSON shape. Bump it (and ship a new schema file) on any incompatible change.
SCHEMA_VERSION = 1

#: Length of the hexadecimal article id taken from the sha256 of the normalised text: 64 bits is ample to keep
#: a collision improbable below billions of articles, and short enough to read in a log line.
ARTICLE_ID_HEX = 16

ParagraphKind = Literal["headline", "caption", "heading", "body"]
Precision = Literal["day", "week", "month", "year", "decade"]
PlacePrecision = Literal["point", "admin2", "admin1", "region", "country", "unresolved"]
PlaceRole = Literal["event", "statement", "mentioned", "metonym"]
ActorKind = Literal[
    "state", "government", "military", "armed_group", "civilians", "igo", "ngo", "media", "person", "organisation"
]
Polarity = Literal["assert", "deny"]

#: The cue of a claim whose source is the outlet itself: a sentence nobody is said to have said (DESIGN.md, Claim).
NARRATION_CUE = "narration"
Outcome = Literal["killed", "wounded", "killed_or_wounded", "missing", "captured", "displaced"]
Population = Literal["military", "civilian", "any"]
Scope = Literal["incident", "cumulative"]
EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
EventStatus = Literal["reported", "claimed", "denied", "disputed"]
Modality = Literal["asserted", "negated", "future", "hypothetical", "historical"]
TimeType = Literal["date", "duration"]


class Record:
    """Mixin giving a frozen dataclass a JSON-friendly ``to_dict`` and a checked ``from_dict``."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-ready data (nested records become dicts, tuples become lists)."""
        return {name: _dump(getattr(self, name)) for name in _field_names(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record from ``to_dict`` output; raise RecordError naming the field that does not fit."""
        return _from_dict(cls, data)  # type: ignore[no-any-return]


def _from_dict(cls: type[Any], data: Any) -> Any:
    if not isinstance(data, dict):
        raise RecordError(f"{cls.__name__}: expected an object, got {type(data).__name__}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            try:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
            except (TypeError, ValueError) as exc:
                raise RecordError(f"{cls.__name__}.{f.name}: {exc}") from exc
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise RecordError(f"{cls.__name__}: missing field {f.name!r}")
    return cls(**kwargs)


_HINTS: dict[type, dict[str, Any]] = {}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """A record class's field names, read once (``dataclasses.fields`` rebuilds its tuple on every call)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return _FIELDS[cls]


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    return value


def _load(hint: Any, value: Any) -> Any:  # noqa: PLR0911 - one branch per kind of type hint
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        if value is None:
            if type(None) in get_args(hint):
                return None
            raise ValueError("null is not allowed")
        options = [a for a in get_args(hint) if a is not type(None)]
        return _load(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise ValueError(f"expected a list, got {type(value).__name__}")
        (item,) = get_args(hint)[:1]
        return tuple(_load(item, v) for v in value)
    if origin is Literal:
        if value not in get_args(hint):
            raise ValueError(f"{value!r} is not one of {', '.join(map(str, get_args(hint)))}")
        return value
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (int, float, str, bool) and not isinstance(value, hint):
        raise ValueError(f"expected {hint.__name__}, got {type(value).__name__}")
    return value


@dataclasses.dataclass(frozen=True, slots=True)
class Span(Record):
    """Character offsets ``[start, end)`` into ``Article.text``: the evidence for an extracted item."""

    start: int
    end: int

    def text(self, article_text: str) -> str:
        """The characters this span covers."""
        return article_text[self.start : self.end]


@dataclasses.dataclass(frozen=True, slots=True)
class Paragraph(Record):
    """A block of the article (headline, photo caption, subheading or body paragraph) and where it lies in the text."""

    kind: ParagraphKind
    start: int
    end: int


@dataclasses.dataclass(frozen=True, slots=True)
class Article(Record):
    """One article as read from its source, before any annotation."""

    id: str
    text: str
    published: str | None = None
    outlet: str | None = None
    section: str | None = None
    headline: str | None = None
    url: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    source_path: str | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class Entity(Record):
    """A named entity as the spaCy model labelled it (kept while the extractors that refine it are being built)."""

    text: str
    label: str
    evidence: Span


@dataclasses.dataclass(frozen=True, slots=True)
class When(Record):
    """A time expression resolved against the publication date (``type='duration'`` for "for three days")."""

    text: str
    value: str | None
    precision: Precision | None
    evidence: Span
    confidence: float = 1.0
    type: TimeType = "date"


@dataclasses.dataclass(frozen=True, slots=True)
class Place(Record):
    """A toponym resolved to the gazetteer (or left ``unresolved``), with the part it plays in the sentence."""

    text: str
    name: str | None
    evidence: Span
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    precision: PlacePrecision = "unresolved"
    role: PlaceRole = "mentioned"
    confidence: float = 1.0


@dataclasses.dataclass(frozen=True, slots=True)
class Actor(Record):
    """A canonical actor: a state, an organ of it, an armed group, an IGO, a person (``affiliation`` indexes actors)."""

    text: str
    name: str
    kind: ActorKind
    evidence: tuple[Span, ...]
    country: str | None = None
    affiliation: int | None = None
    confidence: float = 1.0


@dataclasses.dataclass(frozen=True, slots=True)
class Claim(Record):
    """A statement attributed to a source: who says it, how (cue), asserting or denying, and the span claimed."""

    source: int
    cue: str
    polarity: Polarity
    content: Span
    evidence: Span
    quote: bool = False
    denies: int | None = None
    channel: str | None = None
    confidence: float = 1.0


@dataclasses.dataclass(frozen=True, slots=True)
class Casualty(Record):
    """A human toll: a figure range, what happened to whom, whose side, and who states it (``claim`` indexes claims)."""

    low: int | None
    high: int | None
    outcome: Outcome
    population: Population
    evidence: Span
    side: str | None = None
    scope: Scope = "incident"
    as_of: When | None = None
    claim: int | None = None
    historical: bool = False
    confidence: float = 1.0


@dataclasses.dataclass(frozen=True, slots=True)
class Loss(Record):
    """Materiel claimed destroyed or captured."""

    item: str
    low: int | None
    high: int | None
    evidence: Span
    side: str | None = None
    outcome: Literal["destroyed", "captured", "damaged"] = "destroyed"
    claim: int | None = None
    confidence: float = 1.0


@dataclasses.dataclass(frozen=True, slots=True)
class Event(Record):
    """A happening of one of the 16 PLOVER types, with its participants and the claims that assert or deny it."""

    type: EventType
    evidence: tuple[Span, ...]
    mode: str | None = None
    actor: int | None = None
    recipient: tuple[int, ...] = ()
    places: tuple[int, ...] = ()
    when: When | None = None
    casualties: tuple[int, ...] = ()
    losses: tuple[int, ...] = ()
    claims: tuple[int, ...] = ()
    status: EventStatus = "reported"
    modality: Modality = "asserted"
    confidence: float = 1.0


@dataclasses.dataclass(frozen=True, slots=True)
class FramingMarker(Record):
    """A loaded word in the outlet's own narration and the side it favours."""

    text: str
    favours: str | None
    evidence: Span
    voice: Literal["narration", "quoted", "reported"] = "narration"


@dataclasses.dataclass(frozen=True, slots=True)
class Framing(Record):
    """The outlet's framing: its markers and the side its narration leans to (``neutral`` when none)."""

    markers: tuple[FramingMarker, ...] = ()
    lean: str = "neutral"
    score: float = 0.0


@dataclasses.dataclass(frozen=True, slots=True)
class ArticleRecord(Record):
    """Everything fogofwar extracts from one article: the JSON object ``fogofwar read --json`` prints."""

    article: Article
    schema: int = SCHEMA_VERSION
    entities: tuple[Entity, ...] = ()
    dates: tuple[When, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    losses: tuple[Loss, ...] = ()
    events: tuple[Event, ...] = ()
    framing: Framing = dataclasses.field(default_factory=Framing)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build the record; refuse a record written under another schema version."""
        if isinstance(data, dict) and data.get("schema", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise RecordError(
                f"article record has schema {data.get('schema')!r}, this fogofwar reads schema {SCHEMA_VERSION}: "
                "re-run `fogofwar read` with this version to rebuild it"
            )
        return _from_dict(cls, data)  # type: ignore[no-any-return]


def normalise_text(text: str) -> str:
    """The canonical form an article's id is computed on: NFC, whitespace runs collapsed, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(text: str) -> str:
    """The article id: the first ``ARTICLE_ID_HEX`` hex digits of the sha256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:ARTICLE_ID_HEX]


__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "ArticleRecord",
    "Casualty",
    "Claim",
    "Entity",
    "Event",
    "Framing",
    "FramingMarker",
    "Loss",
    "Paragraph",
    "Place",
    "Span",
    "When",
    "article_id",
    "normalise_text",
]
