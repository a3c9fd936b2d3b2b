"""A map drawn at build time: boundary data (GeoJSON in degrees) and a map file in, SVG out.

The map file (data/map.yml) holds every word and every choice: the title, the text
alternative, which countries are the focus, the labels and where they sit, the layers. The
geometry is a small extract of Natural Earth committed once (data/map/PROVENANCE.md).
The projection is equirectangular with the longitude scaled at the middle latitude: at this
size and latitude it is within a pixel or two of a conic projection, and simple to check.

A layer (say, the members of one organisation in one year) is drawn as a second SVG from the same geometry with
its own title, alternative and highlighted countries.
"""
from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errorlist import CourseErrors
from .errors import CourseError
from .figure_markup import figure_markdown
from .sources import line_of, load_yaml, read_text

# Colours on the map's own light panel (the page's dark mode shows it as a light card, like
# the course's other figures); every text colour keeps at least 4.5:1 on every fill it sits on.
COLOURS = {
    "water": "#bcd7ea", "land": "#ecebe6", "highlight": "#b9dca0",
    "border": "#6d6d6d", "river": "#1f5f9e", "frame": "#4d4d4d",
    "text-focus": "#1a1a1a", "text-neighbour": "#3d3d3d", "text-water": "#0b3f73", "text-area": "#5a2d00",
}
# The focus states, in the order the map file lists them: pale fills that tell neighbours apart.
FOCUS_FILLS = ("#f6dfa4", "#f5c9a3", "#d9e8c4", "#f3cdd8", "#dcd3ef")
LABEL_KINDS = {"focus", "neighbour", "water", "area"}
LINE_HEIGHT = 1.1  # of a label of several lines, in font sizes
MIN_FONT = 13  # viewBox units; at the map's width of 360 that is 13 CSS px on a 390 px phone


@dataclass(frozen=True)
class Label:
    text: str  # "\n" breaks it into lines
    lon: float
    lat: float
    kind: str
    anchor: str = "middle"
    rotate: float = 0.0
    pointer: tuple[float, float] | None = None  # [lon, lat] a thin line leads to


@dataclass(frozen=True)
class Area:
    """An outlined region that is no country (the Fergana Valley): an ellipse in degrees."""

    lon: float
    lat: float
    radius_lon: float
    radius_lat: float
    rotate: float = 0.0


@dataclass(frozen=True)
class MapLayer:
    """One SVG drawn from the map: its file, words and the countries it highlights."""

    slug: str
    file: str  # where the built site has it, e.g. assets/figures/central-asia-map.svg
    title: str
    alt: str
    description: str
    caption: str
    highlight: tuple[str, ...] = ()


@dataclass(frozen=True)
class CourseMap:
    width: int
    focus: tuple[str, ...]
    labels: tuple[Label, ...]
    areas: tuple[Area, ...]
    layers: dict[str, MapLayer]
    words: dict[str, str]  # the figure's own words: the enlarge link, the heading of the text version
    geometry: dict[str, Any] = field(repr=False)
    country_titles: dict[str, str] = field(default_factory=dict)  # geometry name -> the name a reader sees


def load_map(path: Path, display: str, root: Path, cache_dir: Path | None = None) -> CourseMap:
    """Read and check the map file and the geometry it names (relative to root)."""
    data = load_yaml(path, display, cache_dir)
    errors: list[CourseError] = []

    def need(node: Any, key: str, kind: type | tuple[type, ...], what: str) -> Any:
        value = node.get(key) if isinstance(node, dict) else None
        if not isinstance(value, kind) or isinstance(value, bool):
            errors.append(CourseError(display, line_of(node, line_of(data)),
                                      f"'{key}' is missing or not {what}. Give {what}."))
            return None
        return value

    geometry_name = need(data, "geometry", str, "a path to a GeoJSON file")
    geometry: dict[str, Any] = {"features": []}
    if geometry_name:
        try:
            geometry = json.loads(read_text(root / geometry_name, geometry_name))
        except json.JSONDecodeError as error:
            errors.append(CourseError(geometry_name, error.lineno, f"is not valid JSON ({error.msg}). "
                                      "Write it again with scripts/extract_map.py."))
        except CourseError as error:
            errors.append(CourseError(display, line_of(data), f"geometry '{geometry_name}': {error.message}"))
    countries = {feature["properties"].get("name") for feature in geometry.get("features", [])
                 if feature.get("properties", {}).get("kind") == "country"}

    def country_names(node: Any, key: str) -> tuple[str, ...]:
        names = need(node, key, list, "a list of country names")
        for name in names or []:
            if name not in countries:
                errors.append(CourseError(display, line_of(names, line_of(node)),
                                          f"'{name}' in '{key}' is not a country of {geometry_name}. "
                                          f"Use one of: {', '.join(sorted(c for c in countries if c))}."))
        return tuple(names or ())

    width = need(data, "width", int, "a whole number of units (the SVG's width)")
    focus = country_names(data, "focus")
    country_titles = {}
    for node in data.get("countries", []) or []:
        name, text = need(node, "name", str, "a country's name"), need(node, "text", str, "the name a reader sees")
        if name and name not in countries:
            known = ", ".join(sorted(c for c in countries if c))
            errors.append(CourseError(display, line_of(node, line_of(data)), f"'{name}' in 'countries' is not a "
                                      f"country of {geometry_name}. Use one of: {known}."))
        elif name and text:
            country_titles[name] = text
    labels = []
    for node in need(data, "labels", list, "a list of labels") or []:
        text, at = need(node, "text", str, "the label's text"), need(node, "at", list, "[longitude, latitude]")
        kind = need(node, "kind", str, f"one of {', '.join(sorted(LABEL_KINDS))}")
        if kind and kind not in LABEL_KINDS:
            errors.append(CourseError(display, line_of(node), f"label kind '{kind}' is unknown. "
                                      f"Use one of: {', '.join(sorted(LABEL_KINDS))}."))
        pointer = node.get("pointer") if isinstance(node, dict) else None
        if pointer is not None and not _is_point(pointer):
            errors.append(CourseError(display, line_of(node), "'pointer' is not [longitude, latitude]. "
                                      "Give two numbers, or leave it out."))
            pointer = None
        if text and _is_point(at) and kind in LABEL_KINDS:
            labels.append(Label(text, float(at[0]), float(at[1]), kind, str(node.get("anchor", "middle")),
                                float(node.get("rotate", 0)), tuple(pointer) if pointer else None))
    areas = []
    for node in data.get("areas", []) or []:
        at, radius = need(node, "at", list, "[longitude, latitude]"), need(node, "radius", list, "[degrees, degrees]")
        if _is_point(at) and _is_point(radius):
            areas.append(Area(float(at[0]), float(at[1]), float(radius[0]), float(radius[1]),
                              float(node.get("rotate", 0))))
    layers = {}
    for slug, node in (need(data, "layers", dict, "a mapping of layers") or {}).items():
        words = [need(node, key, str, "text") for key in ("file", "title", "alt", "description", "caption")]
        highlight = country_names(node, "highlight") if "highlight" in node else ()
        if all(words):
            layers[slug] = MapLayer(slug, *words, highlight=highlight)
    words = {key: need(data, key, str, "text") or "" for key in ("enlarge", "text_heading")}
    if errors:
        raise CourseErrors(errors)
    return CourseMap(width, focus, tuple(labels), tuple(areas), layers, words, geometry, country_titles)


def render_map_svg(course_map: CourseMap, layer: MapLayer) -> str:
    """The SVG of one layer: countries, lakes, rivers, areas, labels, under a title and desc."""
    projection = _Projection(course_map.geometry["bbox"], course_map.width)
    width, height = course_map.width, projection.height
    prefix = f"map-{layer.slug}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">',
        f'<title id="{prefix}-title">{_escape(layer.title)}</title>',
        f'<desc id="{prefix}-desc">{_escape(layer.description)}</desc>',
        f'<rect width="{width}" height="{height}" fill="{COLOURS["water"]}"/>',
    ]
    for feature in course_map.geometry["features"]:
        properties = feature["properties"]
        kind, name = properties["kind"], properties.get("name")
        path = projection.path(feature["geometry"])
        if kind == "country":
            fill = _fill(name, course_map, layer)
            title = course_map.country_titles.get(name or "")
            parts.append(f'<path d="{path}" fill="{fill}" stroke="{COLOURS["border"]}" stroke-width="0.7" '
                         'stroke-linejoin="round"' + (f"><title>{_escape(title)}</title></path>" if title else "/>"))
    for feature in course_map.geometry["features"]:
        kind = feature["properties"]["kind"]
        path = projection.path(feature["geometry"])
        if kind == "lake":
            parts.append(f'<path d="{path}" fill="{COLOURS["water"]}" stroke="{COLOURS["river"]}" '
                         'stroke-width="0.6"/>')
        elif kind == "river":
            parts.append(f'<path d="{path}" fill="none" stroke="{COLOURS["river"]}" stroke-width="1.3" '
                         'stroke-linecap="round" stroke-linejoin="round"/>')
    for area in course_map.areas:
        x, y = projection.point(area.lon, area.lat)
        parts.append(f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{area.radius_lon * projection.x_scale:.1f}" '
                     f'ry="{area.radius_lat * projection.y_scale:.1f}" transform="rotate({area.rotate:g} '
                     f'{x:.1f} {y:.1f})" fill="none" stroke="{COLOURS["text-area"]}" stroke-width="1.4" '
                     'stroke-dasharray="3 2"/>')
    for label in course_map.labels:
        if label.pointer:
            (x1, y1), (x2, y2) = projection.point(label.lon, label.lat), projection.point(*label.pointer)
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                         f'stroke="{COLOURS["text-" + label.kind]}" stroke-width="1"/>')
    for label in course_map.labels:
        parts.append(_label(label, projection))
    parts.append(f'<rect width="{width}" height="{height}" fill="none" stroke="{COLOURS["frame"]}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def render_map_figure(course_map: CourseMap, layer: MapLayer, url: str, label: str = "") -> str:
    """Markdown for a lesson: the map (a link to its full-size view), a caption, the text version.

    url is the SVG's address relative to the page; label ("Figure 2") starts the caption.
    """
    height = _Projection(course_map.geometry["bbox"], course_map.width).height
    return figure_markdown(alt=layer.alt, url=url, width=course_map.width, height=height, caption=layer.caption,
                           label=label, enlarge=course_map.words["enlarge"],
                           text_heading=course_map.words["text_heading"], text=layer.description)


# Helper functions


class _Projection:
    def __init__(self, bbox: list[float], width: int) -> None:
        self.west, self.south, self.east, self.north = bbox
        middle = math.radians((self.south + self.north) / 2)
        self.x_scale = width / (self.east - self.west)  # units per degree of longitude
        self.y_scale = self.x_scale / math.cos(middle)  # a degree of latitude is longer
        self.height = round((self.north - self.south) * self.y_scale)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.x_scale, (self.north - lat) * self.y_scale

    def path(self, geometry: dict[str, Any]) -> str:
        kind, coordinates = geometry["type"], geometry["coordinates"]
        if kind == "MultiPolygon":
            return "".join(self._line(ring) + "Z" for polygon in coordinates for ring in polygon)
        if kind == "MultiLineString":
            return "".join(self._line(line) for line in coordinates)
        raise ValueError(f"unsupported geometry {kind}")

    def _line(self, points: list[list[float]]) -> str:
        """The line in half units, each point relative to the one before ("l"): a third fewer
        bytes than absolute points, and the steps, being small, repeat and compress well. A unit
        is about a CSS pixel on a phone, so half a unit is finer than the border drawn (0.7);
        tenths cost the Russian lesson 2 1.8 KB more gzipped for nothing a reader sees. The steps
        are taken between rounded points, so rounding never adds up along a border, and a point
        that rounds onto the one before is dropped."""
        tenths: list[tuple[int, int]] = []  # half units, written in tenths as _numbers takes them
        for x, y in (self.point(lon, lat) for lon, lat in points):
            point = (round(x * 2) * 5, round(y * 2) * 5)
            if not tenths or point != tenths[-1]:
                tenths.append(point)
        steps = [(x - px, y - py) for (px, py), (x, y) in zip(tenths, tenths[1:])]
        start = _numbers(tenths[0])
        return f"M{start}l{_numbers(*steps)}" if steps else f"M{start}"


def _numbers(*pairs: tuple[int, int]) -> str:
    """Numbers given in tenths, as SVG paths write them shortest: "-.3" for -0.3, no space
    before a minus sign or before a "." that must start a new number."""
    out = ""
    for tenths in (value for pair in pairs for value in pair):
        number = f"{tenths / 10:.1f}".removesuffix(".0")
        number = number[1:] if number.startswith("0.") else "-" + number[2:] if number.startswith("-0.") else number
        if out and not number.startswith("-") and not (number.startswith(".") and "." in _last_number(out)):
            out += " "
        out += number
    return out


def _last_number(text: str) -> str:
    return text[max(text.rfind(" "), text.rfind("-")) + 1:]


def _fill(name: str | None, course_map: CourseMap, layer: MapLayer) -> str:
    """A layer that highlights some countries shows only those; the plain map tells the focus apart."""
    if layer.highlight:
        return COLOURS["highlight"] if name in layer.highlight else COLOURS["land"]
    if name in course_map.focus:
        return FOCUS_FILLS[course_map.focus.index(name) % len(FOCUS_FILLS)]
    return COLOURS["land"]


def _label(label: Label, projection: _Projection) -> str:
    x, y = projection.point(label.lon, label.lat)
    style = {
        "focus": f'font-size="{MIN_FONT + 1}" font-weight="700" letter-spacing="0.5" fill="{COLOURS["text-focus"]}"',
        "neighbour": f'font-size="{MIN_FONT}" fill="{COLOURS["text-neighbour"]}"',
        "water": f'font-size="{MIN_FONT}" font-style="italic" fill="{COLOURS["text-water"]}"',
        "area": f'font-size="{MIN_FONT}" font-weight="600" fill="{COLOURS["text-area"]}"',
    }[label.kind]
    lines = label.text.split("\n")
    rotate = f' transform="rotate({label.rotate:g} {x:.1f} {y:.1f})"' if label.rotate else ""
    # The block of lines centred on the point: the first baseline sits half the block above it.
    first = y - (len(lines) - 1) * LINE_HEIGHT * MIN_FONT / 2 + 0.35 * MIN_FONT
    spans = "".join(f'<tspan x="{x:.1f}" y="{first + index * LINE_HEIGHT * MIN_FONT:.1f}">{_escape(line)}</tspan>'
                    for index, line in enumerate(lines))
    return (f'<text text-anchor="{label.anchor}" {style} stroke="#ffffff" stroke-width="3" '
            f'stroke-opacity="0.85" stroke-linejoin="round" paint-order="stroke"{rotate}>{spans}</text>')


def _is_point(value: Any) -> bool:
    return (isinstance(value, list) and len(value) == 2
            and all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in value))


def _escape(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)
