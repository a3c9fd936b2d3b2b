"""The map core (course.geomap): a map file and GeoJSON in, SVG and Markdown out; bad input
reported all at once, each mistake with its file and line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from course.errors import CourseError
from course.geomap import load_map, render_map_figure, render_map_svg

SQUARE = [[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]]
GEOMETRY = {"type": "FeatureCollection", "bbox": [0, 0, 10, 10], "features": [
    {"type": "Feature", "properties": {"kind": "country", "name": "Alpha"},
     "geometry": {"type": "MultiPolygon", "coordinates": SQUARE}},
    {"type": "Feature", "properties": {"kind": "country", "name": "Beta"},
     "geometry": {"type": "MultiPolygon", "coordinates": [[[[5, 5], [9, 5], [9, 9], [5, 5]]]]}},
    {"type": "Feature", "properties": {"kind": "river"},
     "geometry": {"type": "MultiLineString", "coordinates": [[[1, 9], [8, 1]]]}},
]}
MAP = """\
geometry: geo.json
width: 200
enlarge: Bigger.
text_heading: In words
focus: [Alpha]
countries:
  - {name: Alpha, text: Alpha}
  - {name: Beta, text: Beta}
labels:
  - {text: ALPHA, at: [2, 2], kind: focus}
  - {text: "Long\\nriver", at: [5, 5], kind: water, rotate: -30, pointer: [6, 4]}
areas:
  - {at: [7, 7], radius: [1, 0.5]}
layers:
  plain:
    file: assets/figures/test-map.svg
    title: A test map & more
    alt: Alpha and Beta.
    caption: Two countries.
    description: |
      Alpha is south-west of Beta.

      A river runs between them.
  union:
    file: assets/figures/test-map-union.svg
    title: Union
    alt: Beta is shaded.
    caption: The union.
    description: Beta only.
    highlight: [Beta]
"""


def write(tmp_path: Path, map_text: str = MAP) -> Path:
    (tmp_path / "geo.json").write_text(json.dumps(GEOMETRY), encoding="utf-8")
    (tmp_path / "map.yml").write_text(map_text, encoding="utf-8")
    return tmp_path / "map.yml"


def test_a_layer_becomes_an_svg_with_title_description_shapes_and_labels(tmp_path):
    course_map = load_map(write(tmp_path), "data/map.yml", tmp_path)
    svg = render_map_svg(course_map, course_map.layers["plain"])
    assert svg.startswith("<svg") and 'viewBox="0 0 200 ' in svg and 'role="img"' in svg
    assert "<title id=\"map-plain-title\">A test map &amp; more</title>" in svg
    assert "Alpha is south-west of Beta." in svg
    assert svg.count("<path") == 3 and "<ellipse" in svg and "<line" in svg
    assert ">ALPHA</tspan>" in svg and ">Long</tspan>" in svg and ">river</tspan>" in svg


def test_a_layer_that_highlights_countries_shades_only_those(tmp_path):
    course_map = load_map(write(tmp_path), "data/map.yml", tmp_path)
    plain = render_map_svg(course_map, course_map.layers["plain"])
    union = render_map_svg(course_map, course_map.layers["union"])
    assert plain != union
    beta_fill = union.split("<title>Beta</title>")[0].rsplit('fill="', 1)[1][:7]
    alpha_fill = union.split("<title>Alpha</title>")[0].rsplit('fill="', 1)[1][:7]
    assert beta_fill != alpha_fill


def test_the_figure_links_the_full_size_map_and_folds_the_text_version(tmp_path):
    course_map = load_map(write(tmp_path), "data/map.yml", tmp_path)
    figure = render_map_figure(course_map, course_map.layers["plain"], "../x.svg", "Map 1")
    assert figure.startswith("[![Alpha and Beta.](../x.svg)")
    assert "/// caption\nMap 1. Two countries. [Bigger.](../x.svg)\n///" in figure
    assert '??? info "In words"' in figure and "    A river runs between them." in figure


def test_every_mistake_in_the_map_file_is_reported_with_its_line(tmp_path):
    bad = (MAP.replace("focus: [Alpha]", "focus: [Alpha, Gamma]")
           .replace("kind: focus}", "kind: capital}")
           .replace("width: 200", "width: wide")
           .replace("    title: Union\n", ""))
    with pytest.raises(CourseError) as raised:
        load_map(write(tmp_path, bad), "data/map.yml", tmp_path)
    message = str(raised.value)
    assert "data/map.yml:5: 'Gamma' in 'focus' is not a country of geo.json" in message
    assert "label kind 'capital' is unknown" in message
    assert "'width' is missing or not a whole number" in message
    assert "'title' is missing" in message
    assert all(line.startswith("data/map.yml:") for line in message.splitlines())


def test_a_missing_geometry_file_is_named(tmp_path):
    path = write(tmp_path, MAP.replace("geo.json", "nowhere.json"))
    with pytest.raises(CourseError, match=r"data/map.yml:\d+: geometry 'nowhere.json': file not found"):
        load_map(path, "data/map.yml", tmp_path)


def test_a_translated_map_draws_its_words_and_keeps_the_geometrys_names(tmp_path):
    from course.translations import edition
    two = (MAP.replace("text: ALPHA,", "text: {en: ALPHA, ru: АЛЬФА},")
           .replace('text: "Long\\nriver",', 'text: {en: "Long\\nriver", ru: "Длинная\\nрека"},')
           .replace("title: A test map & more", "title: {en: A test map & more, ru: Карта & прочее}")
           .replace("    caption: The union.", "    caption: {en: The union., ru: Союз.}")
           .replace("    description: Beta only.", "    description: {en: Beta only., ru: Только Бета.}")
           .replace("text_heading: In words", "text_heading: {en: In words, ru: Словами}"))
    assert two.count("ru:") == 6
    with edition("ru", ("en", "ru")):
        course_map = load_map(write(tmp_path, two), "data/map.yml", tmp_path)
    assert course_map.focus == ("Alpha",) and course_map.layers["union"].highlight == ("Beta",)
    plain = render_map_svg(course_map, course_map.layers["plain"])
    assert ">АЛЬФА</tspan>" in plain and ">Длинная</tspan>" in plain and ">река</tspan>" in plain
    assert "ALPHA" not in plain and "<title id=\"map-plain-title\">Карта &amp; прочее</title>" in plain
    assert plain.split("<title>Alpha</title>")[0].rsplit('fill="', 1)[1][:7] == "#f6dfa4"  # the focus still shaded
    union = render_map_svg(course_map, course_map.layers["union"])
    beta_fill = union.split("<title>Beta</title>")[0].rsplit('fill="', 1)[1][:7]
    assert beta_fill == "#b9dca0" and "Только Бета." in union
    figure = render_map_figure(course_map, course_map.layers["union"], "../x.svg")
    assert "Союз." in figure and '??? info "Словами"' in figure
    with edition("en", ("en", "ru")):
        english = load_map(write(tmp_path, two), "data/map.yml", tmp_path)
    assert ">ALPHA</tspan>" in render_map_svg(english, english.layers["plain"])


def test_a_country_is_named_as_map_yml_names_it_and_an_unknown_one_is_an_error(tmp_path):
    from course.translations import edition
    named = MAP.replace("{name: Alpha, text: Alpha}", "{name: Alpha, text: {en: Alpha, ru: Альфа}}")
    with edition("ru", ("en", "ru")):
        course_map = load_map(write(tmp_path, named.replace("  - {name: Beta, text: Beta}\n", "")), "data/map.yml",
                              tmp_path)
    svg = render_map_svg(course_map, course_map.layers["plain"])
    assert "<title>Альфа</title>" in svg and "Alpha</title>" not in svg
    assert "<title>Beta</title>" not in svg  # not listed: no name, rather than the geometry's English one
    with pytest.raises(CourseError) as raised:
        load_map(write(tmp_path, MAP.replace("{name: Beta,", "{name: Betta,")), "data/map.yml", tmp_path)
    message = str(raised.value)
    assert "data/map.yml:" in message and "'Betta' in 'countries' is not a country of geo.json" in message
