"""Figures drawn from data at build time: the map of the region (data/map.yml), the table of
heads of state (data/leaders.yml) and the ladder of integration (data/ladder.yml).

Each map layer, and the ladder, becomes an SVG file in the site (added in on_files). A
lesson shows one with a marker on a line of its own: `<!-- map -->` (the first layer) or
`<!-- map <layer id> -->`, with an optional caption label: `<!-- map states "Figure 2" -->`;
`<!-- leaders -->` puts the leaders table there, `<!-- ladder "Figure 1" -->` the ladder.
Markers are replaced before citations are read (the feature comes before them in FEATURES),
so the citations in the data are rendered and listed like the page's own.
"""
from __future__ import annotations

import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from course.errors import Collector, CourseError
from course.geomap import render_map_figure, render_map_svg
from course.ladder import render_ladder_figure, render_ladder_svg
from course.leaders import render_leaders
from course.model import LADDER_FILE, LEADERS_FILE, MAP_FILE, Course
from course.sources import occurrence_line

MARKER = re.compile(r'^<!--\s*(?P<kind>map|leaders|ladder)(?:\s+(?P<layer>[\w-]+))?(?:\s+"(?P<label>[^"]*)")?\s*-->[ \t]*$',
                    re.MULTILINE)

# Hooks


def on_files(files: Files, config: MkDocsConfig, course: Course) -> Files:
    drawn: list[tuple[str, str, str]] = []  # (site path, data file, SVG)
    if course.map is not None:
        drawn += [(layer.file, MAP_FILE, render_map_svg(course.map, layer)) for layer in course.map.layers.values()]
    if course.ladder is not None:
        drawn.append((course.ladder.file, LADDER_FILE, render_ladder_svg(course.ladder)))
    for path, data_file, svg in drawn:
        if files.get_file_from_path(path) is not None:
            raise CourseError(course.path(path), None, f"is drawn from {data_file}. Delete the hand-made file, "
                              "or give the figure another 'file'.")
        files.append(File.generated(config, path, content=svg))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    if not any(f"<!-- {kind}" in markdown for kind in ("map", "leaders", "ladder")):
        return markdown
    source, errors = course.path(page.file.src_uri), Collector()

    def figure(match: re.Match[str]) -> str:
        with errors.check():
            line = occurrence_line(page.file.abs_src_path, markdown, match)
            return _figure(match["kind"], match["layer"], match["label"] or "", page, course, source, line)
        return ""

    markdown = MARKER.sub(figure, markdown)
    errors.raise_any()
    return markdown


# Helper functions


def _figure(kind: str, layer_id: str | None, label: str, page: Page, course: Course, source: str, line: int) -> str:
    data_file = {"leaders": LEADERS_FILE, "ladder": LADDER_FILE, "map": MAP_FILE}[kind]
    data = {"leaders": course.leaders, "ladder": course.ladder, "map": course.map}[kind]
    if data is None:
        raise CourseError(source, line, f"a {kind} marker, but there is no {data_file}. Add the file or remove the marker.")
    if kind == "leaders":
        return render_leaders(course.leaders)
    if kind == "ladder":
        return render_ladder_figure(course.ladder, _relative(course.ladder.file, page), label)
    slug = layer_id or next(iter(course.map.layers))
    if slug not in course.map.layers:
        raise CourseError(source, line, f"map layer '{slug}' is not in {MAP_FILE}. "
                          f"Use one of: {', '.join(course.map.layers)}.")
    layer = course.map.layers[slug]
    return render_map_figure(course.map, layer, _relative(layer.file, page), label)


def _relative(site_path: str, page: Page) -> str:
    """The address of a generated file as a link from the page's Markdown source."""
    return posixpath.relpath(site_path, posixpath.dirname(page.file.src_uri) or ".")
