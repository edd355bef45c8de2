"""The map drawn on the server: an SVG of the land, borders, towns and events around some points.

Every page with a map must work without JavaScript, so the server draws it: the vendored Natural Earth
countries at 1:50m (the same file the browser's map reads), projected for the area the events cover, with
the gazetteer's largest towns there as labelled points and the events as circles sized by their count,
each linking to its place. The script replaces it with the interactive map where scripts run.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import Markup, escape

VENDOR = Path(__file__).parent / "static" / "vendor"
COUNTRIES = VENDOR / "world-atlas" / "countries-50m.json"
ADMIN1 = VENDOR / "admin1"  # a TopoJSON of first-level regions per country, and index.json of their boxes
WIDTH, HEIGHT = 960, 420
MIN_SPAN = 1.6  # degrees of latitude shown at least: one town's events show the towns around it
PADDING = 0.25  # share of the events' extent added on each side
TOWNS = 14  # labelled towns at most (of the 3 × as many most populous asked for, the first that fit)
REGIONS = 6  # labelled first-level regions at most ...
REGION_MAX_SPAN = 10.0  # ... on a map at most this many degrees of latitude high (a continent's are noise)
MIN_STEP = 0.8  # px: a coastline's points closer than this to the last one drawn are left out

Box = tuple[float, float, float, float]  # west, south, east, north
Ring = tuple[Box, tuple[tuple[float, float], ...]]  # (bbox, lon/lat points): a closed ring or an open line


@dataclass(frozen=True)
class MapPoint:
    """Reports (events, control claims) at one place: where, what to call it, how many, and its page."""

    lat: float
    lon: float
    label: str
    count: int = 1
    href: str | None = None


@dataclass(frozen=True)
class Town:
    """A named place drawn for orientation: a town (a dot and its name) or a first-level region (its name)."""

    name: str
    lat: float
    lon: float
    kind: str = "town"  # or "region"


@dataclass(frozen=True)
class View:
    """The area drawn, and the projection onto the picture (equirectangular, scaled for its latitude)."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Sequence[MapPoint]) -> View:
        lats, lons = [p.lat for p in points], [p.lon for p in points]
        south, north, west, east = min(lats), max(lats), min(lons), max(lons)
        lat_span = max(north - south, MIN_SPAN) * (1 + 2 * PADDING)
        middle_lat, middle_lon = (south + north) / 2, (west + east) / 2
        stretch = max(math.cos(math.radians(middle_lat)), 0.2)
        lon_span = max((east - west) * (1 + 2 * PADDING), lat_span * WIDTH / HEIGHT / stretch)
        lat_span = max(lat_span, lon_span * stretch * HEIGHT / WIDTH)  # the picture's shape
        south, north = max(middle_lat - lat_span / 2, -85.0), min(middle_lat + lat_span / 2, 85.0)
        return cls(south, middle_lon - lon_span / 2, north, middle_lon + lon_span / 2)

    @property
    def shows_regions(self) -> bool:
        """Whether the map is of a region's scale, where first-level regions are worth naming."""
        return self.north - self.south <= REGION_MAX_SPAN

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            (lon - self.west) / (self.east - self.west) * WIDTH,
            (self.north - lat) / (self.north - self.south) * HEIGHT,
        )

    def touches(self, bbox: Box) -> bool:
        west, south, east, north = bbox
        return west <= self.east and east >= self.west and south <= self.north and north >= self.south


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """A TopoJSON's arcs as lon/lat points (they are stored delta-encoded and quantized)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """A geometry's polygons, each a list of rings, each a list of arc indexes (~i: arc i reversed)."""
    arcs = geometry.get("arcs", [])
    polygons: list[list[list[int]]] = {"Polygon": [arcs], "MultiPolygon": arcs}.get(geometry.get("type", ""), [])
    return polygons


def _ring(points: Sequence[tuple[float, float]]) -> Ring:
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return (min(lons), min(lats), max(lons), max(lats)), tuple(points)


@lru_cache(maxsize=1)
def country_rings() -> tuple[Ring, ...]:
    """Every ring of every country, decoded from the TopoJSON once per process."""
    topology = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    rings: list[Ring] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        for polygon in _polygons(geometry):
            for indexes in polygon:
                points: list[tuple[float, float]] = []
                for index in indexes:
                    arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                    points.extend(arc if not points else arc[1:])
                if len(points) > 2:
                    rings.append(_ring(points))
    return tuple(rings)


@lru_cache(maxsize=1)
def _admin1_boxes() -> dict[str, Box]:
    """Each country's bounding box by its ISO alpha-3 code: which countries' regions a map must load."""
    index = json.loads((ADMIN1 / "index.json").read_text(encoding="utf-8"))
    return {code: (box[0], box[1], box[2], box[3]) for code, box in index.items()}


@lru_cache(maxsize=64)
def region_borders(country: str) -> tuple[Ring, ...]:
    """The borders between one country's first-level regions: the arcs two of its regions share (the
    country's own border and coast are the countries' layer)."""
    topology = json.loads((ADMIN1 / f"{country}.topo.json").read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    regions_of_arc: dict[int, set[int]] = {}
    (regions,) = topology["objects"].values()  # one collection, named after the country
    for number, geometry in enumerate(regions["geometries"]):
        for polygon in _polygons(geometry):
            for indexes in polygon:
                for index in indexes:
                    regions_of_arc.setdefault(index if index >= 0 else ~index, set()).add(number)
    return tuple(_ring(arcs[i]) for i, shared in sorted(regions_of_arc.items()) if len(shared) > 1)


def regions_drawn(view: View) -> list[Ring]:
    """The borders between first-level regions inside ``view`` (none on a map larger than a region's)."""
    if not view.shows_regions:
        return []
    return [
        line
        for country, box in _admin1_boxes().items()
        if view.touches(box)
        for line in region_borders(country)
        if view.touches(line[0])
    ]


def _path(view: View, points: Sequence[tuple[float, float]], closed: bool = True) -> str:
    drawn: list[str] = []
    last: tuple[float, float] | None = None
    for lon, lat in points:
        x, y = view.xy(lon, lat)
        if last is not None and abs(x - last[0]) + abs(y - last[1]) < MIN_STEP:
            continue
        drawn.append(f"{x:.1f} {y:.1f}")
        last = (x, y)
    if len(drawn) < (3 if closed else 2):
        return ""
    return "M" + "L".join(drawn) + ("Z" if closed else "")


class DrawnMap(NamedTuple):
    svg: Markup  # empty without points
    towns: list[Town]  # the towns and regions it labels: the most populous whose names do not overlap


def svg_map(
    points: Sequence[MapPoint], towns: Sequence[Town] = (), label: str = "Map", regions: Sequence[Town] = ()
) -> DrawnMap:
    """The SVG of ``points`` on the land around them, with the first of ``towns`` that fit labelled, then the
    names of the first-level ``regions`` (oblasts, provinces, states) where room is left."""
    if not points:
        return DrawnMap(Markup(""), [])
    view = View.around(points)
    land = " ".join(path for bbox, ring in country_rings() if view.touches(bbox) and (path := _path(view, ring)))
    parts = [
        # "slice": the picture fills its box, cut at the edges, so a phone's narrow map keeps readable names
        f'<svg class="basemap" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="xMidYMid slice" role="img" '
        f'aria-label="{escape(label)}">',
        f'<rect class="sea" width="{WIDTH}" height="{HEIGHT}"/>',
        f'<path class="land" fill-rule="evenodd" d="{land}"/>' if land else "",
    ]
    borders = " ".join(path for _, line in regions_drawn(view) if (path := _path(view, line, closed=False)))
    if borders:
        parts.append(f'<path class="region-borders" d="{borders}"/>')
    labels = _Labels()
    circles = []
    for point in sorted(points, key=lambda p: -p.count):  # the small ones on top, where they can be clicked
        x, y = view.xy(point.lon, point.lat)
        radius = min(5 + 3 * math.sqrt(point.count - 1), 28)
        title = f"{point.count} report{'s' if point.count > 1 else ''} at {point.label}"
        circle = (
            f'<circle class="events" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"><title>{escape(title)}</title></circle>'
        )
        circles.append(f'<a href="{escape(point.href)}">{circle}</a>' if point.href else circle)
        labels.place(point.label, x + radius + 2, y, "event-label")
    placed: list[Town] = []
    for town in towns:  # the most populous first: a smaller town whose name would overlap is left out
        x, y = view.xy(town.lon, town.lat)
        inside = 0 <= x <= WIDTH and 0 <= y <= HEIGHT
        if len(placed) < TOWNS and inside and labels.place(town.name, x + 5, y, "town-label"):
            parts.append(f'<circle class="town" cx="{x:.1f}" cy="{y:.1f}" r="2.5"/>')
            placed.append(town)
    named = 0
    for region in regions if view.shows_regions else ():  # in the room the towns left
        x, y = view.xy(region.lon, region.lat)
        half = _Labels.CHAR_WIDTH * len(region.name) / 2
        inside = half <= x <= WIDTH - half and 0 <= y <= HEIGHT
        if named < REGIONS and inside and labels.place(region.name, x - half, y, "region-label"):
            placed.append(region)
            named += 1
    parts += circles + labels.texts
    parts.append("</svg>")
    return DrawnMap(Markup("".join(parts)), placed)


class _Labels:
    """Names placed on the map without overlapping each other (a name's box estimated from its length)."""

    CHAR_WIDTH, HEIGHT = 7.4, 14.0

    def __init__(self) -> None:
        self.boxes: list[tuple[float, float, float, float]] = []
        self.texts: list[str] = []

    def place(self, name: str, x: float, y: float, kind: str) -> bool:
        box = (x, y - self.HEIGHT / 2, x + self.CHAR_WIDTH * len(name), y + self.HEIGHT / 2)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in self.boxes):
            return False
        self.boxes.append(box)
        self.texts.append(f'<text class="{kind}" x="{x:.1f}" y="{y + 4:.1f}">{escape(name)}</text>')
        return True


def view_of(points: Sequence[MapPoint]) -> View | None:
    """The area :func:`svg_map` draws for ``points`` (None without points): where to look for towns."""
    return View.around(points) if points else None
