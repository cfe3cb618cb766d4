"""The map drawn as SVG with no tile server: country outlines from ``countryinfo``'s bundled GeoJSON, events as points.

The projection is equirectangular around the events' middle latitude (longitudes shrunk by its cosine), fitted to
the frame; countries whose outline box meets the view are drawn. Points are sized by the event's best death toll
(area proportional to the figure) and classed by status so that the page's style sheet colours them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

#: The SVG frame of the map, in pixels.
MAP_WIDTH, MAP_HEIGHT = 960, 520

#: Degrees added around the events' box, and the smallest span shown (a single event still shows its region).
MARGIN_DEG = 2.0
MIN_SPAN_DEG = 10.0

#: Point radius: the radius of an event without figures, the growth per square root of a death, the cap.
POINT_MIN_R, POINT_SCALE, POINT_MAX_R = 4.0, 1.6, 28.0

#: Outline vertices closer than this to the previous one (in pixels) are dropped: the map stays small.
SIMPLIFY_PX = 0.6

#: The whole world, when no event has coordinates.
WORLD = (-180.0, -60.0, 180.0, 80.0)

Ring = list[tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Outline:
    """One country's outline: its ISO alpha-2 code, name, rings (lon, lat) and bounding box."""

    iso2: str
    name: str
    rings: tuple[Ring, ...]
    box: tuple[float, float, float, float]


@cache
def outlines() -> tuple[Outline, ...]:
    """Every country outline that ``countryinfo`` ships (read once)."""
    import countryinfo

    out = []
    for country in countryinfo.all_countries():
        try:
            data = country.geo_json()
            code = country.iso(2)
            name = country.name()
        except Exception:  # a country without an outline or code is not drawn
            continue
        rings: list[Ring] = []
        for feature in (data or {}).get("features", []):
            rings += _rings(feature.get("geometry") or {})
        if not rings or not code:
            continue
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        out.append(Outline(str(code), str(name).title(), tuple(rings), (min(lons), min(lats), max(lons), max(lats))))
    return tuple(out)


def _rings(geometry: dict[str, Any]) -> list[Ring]:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    return [[(float(p[0]), float(p[1])) for p in ring] for polygon in polygons for ring in polygon[:1]]


@dataclass(frozen=True, slots=True)
class Projection:
    """Equirectangular projection of a lon/lat box onto the map frame."""

    west: float
    south: float
    east: float
    north: float
    width: int = MAP_WIDTH
    height: int = MAP_HEIGHT

    @property
    def _k(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def _scale(self) -> float:
        return min(self.width / ((self.east - self.west) * self._k), self.height / (self.north - self.south))

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        s = self._scale
        x_off = (self.width - (self.east - self.west) * self._k * s) / 2
        y_off = (self.height - (self.north - self.south) * s) / 2
        return x_off + (lon - self.west) * self._k * s, y_off + (self.north - lat) * s


def view(points: list[tuple[float, float]]) -> Projection:
    """The projection showing every (lon, lat) point with a margin."""
    if not points:
        return Projection(*WORLD)
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    if east - west < MIN_SPAN_DEG:
        mid = (east + west) / 2
        west, east = mid - MIN_SPAN_DEG / 2, mid + MIN_SPAN_DEG / 2
    if north - south < MIN_SPAN_DEG / 2:
        mid = (north + south) / 2
        south, north = mid - MIN_SPAN_DEG / 4, mid + MIN_SPAN_DEG / 4
    return Projection(
        max(-180.0, west - MARGIN_DEG),
        max(-85.0, south - MARGIN_DEG),
        min(180.0, east + MARGIN_DEG),
        min(85.0, north + MARGIN_DEG),
    )


def _path(rings: tuple[Ring, ...], project: Projection) -> str:
    parts = []
    for ring in rings:
        last: tuple[float, float] | None = None
        coords = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            if last is not None and abs(x - last[0]) < SIMPLIFY_PX and abs(y - last[1]) < SIMPLIFY_PX:
                continue
            last = (x, y)
            coords.append(f"{x:.1f},{y:.1f}")
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def radius(deaths: int | None) -> float:
    """A point's radius: its area grows with the death toll, up to a cap."""
    return round(min(POINT_MAX_R, POINT_MIN_R + POINT_SCALE * math.sqrt(max(0, deaths or 0))), 1)


def map_data(events: list[dict[str, Any]]) -> dict[str, Any]:
    """What the map template draws: the frame, country paths, and one point per located event."""
    located = [e for e in events if e["lat"] is not None and e["lon"] is not None]
    project = view([(e["lon"], e["lat"]) for e in located])
    countries = []
    for o in outlines():
        west, south, east, north = o.box
        if east < project.west or west > project.east or north < project.south or south > project.north:
            continue
        if d := _path(o.rings, project):
            countries.append({"iso2": o.iso2, "name": o.name, "d": d})
    points = []
    for e in sorted(located, key=lambda e: -(e["fatalities"]["best"] or 0)):  # small points drawn over big ones
        x, y = project(e["lon"], e["lat"])
        points.append({"event": e, "x": round(x, 1), "y": round(y, 1), "r": radius(e["fatalities"]["best"])})
    return {"width": project.width, "height": project.height, "countries": countries, "points": points}
