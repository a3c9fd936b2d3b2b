"""Figures drawn from data at build time: the map of Central Asia (data/map.yml), the table
of heads of state (data/leaders.yml) and the ladder of integration (data/ladder.yml).

Each map layer becomes an SVG file in the site (added in on_files). A lesson shows one with
a marker on a line of its own: `<!-- map -->` (the first layer) or `<!-- map eaeu-2018 -->`,
with an optional caption label: `<!-- map states "Figure 2" -->`. `<!-- leaders -->` puts
the leaders table there, `<!-- ladder "Figure 1" -->` the ladder. Markers are replaced before citations are read (priority 110), so
the citations in the data are rendered and listed like the page's own.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from course.cache import CACHE_DIR
from course.errors import CourseError
from course.geomap import CourseMap, load_map, render_map_figure, render_map_svg
from course.ladder import Ladder, load_ladder, render_ladder_figure, render_ladder_svg
from course.leaders import LeadersTable, load_leaders, render_leaders
from course.sources import display_path

MAP_FILE = "data/map.yml"
LEADERS_FILE = "data/leaders.yml"
LADDER_FILE = "data/ladder.yml"
MARKER = re.compile(r'^<!--\s*(?P<kind>map|leaders|ladder)(?:\s+(?P<layer>[\w-]+))?(?:\s+"(?P<label>[^"]*)")?\s*-->[ \t]*$',
                    re.MULTILINE)

course_map: CourseMap | None = None
leaders: LeadersTable | None = None
ladder: Ladder | None = None

# Hooks


def on_config(config: MkDocsConfig) -> None:
    global course_map, leaders, ladder
    course_map, leaders, ladder = None, None, None  # module state survives between builds
    root = Path(config.config_file_path).parent
    try:  # a fork may have neither file
        if (root / MAP_FILE).exists():
            course_map = load_map(root / MAP_FILE, MAP_FILE, root, root / CACHE_DIR)
        if (root / LEADERS_FILE).exists():
            leaders = load_leaders(root / LEADERS_FILE, LEADERS_FILE, root / CACHE_DIR)
        if (root / LADDER_FILE).exists():
            ladder = load_ladder(root / LADDER_FILE, LADDER_FILE, root / CACHE_DIR)
    except CourseError as error:
        raise PluginError(str(error)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    drawn: list[tuple[str, str, str]] = []  # (site path, data file, SVG)
    if course_map is not None:
        drawn += [(layer.file, MAP_FILE, render_map_svg(course_map, layer)) for layer in course_map.layers.values()]
    if ladder is not None:
        drawn.append((ladder.file, LADDER_FILE, render_ladder_svg(ladder)))
    for path, data_file, svg in drawn:
        if files.get_file_from_path(path) is not None:
            raise PluginError(str(CourseError(
                display_path(Path(config.docs_dir) / path, Path(config.config_file_path).parent), None,
                f"is drawn from {data_file}. Delete the hand-made file, or give the figure another 'file'.")))
        files.append(File.generated(config, path, content=svg))
    return files


@event_priority(110)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not any(f"<!-- {kind}" in markdown for kind in ("map", "leaders", "ladder")):
        return markdown
    source = display_path(Path(page.file.abs_src_path or page.file.src_uri), Path(config.config_file_path).parent)
    errors: list[str] = []

    def figure(match: re.Match[str]) -> str:
        line = _source_line(page, markdown, match)
        if match["kind"] == "leaders":
            if leaders is None:
                errors.append(f"{source}:{line}: a leaders marker, but there is no {LEADERS_FILE}. "
                              "Add the file or remove the marker.")
                return ""
            return render_leaders(leaders)
        if match["kind"] == "ladder":
            if ladder is None:
                errors.append(f"{source}:{line}: a ladder marker, but there is no {LADDER_FILE}. "
                              "Add the file or remove the marker.")
                return ""
            return render_ladder_figure(ladder, _relative(ladder.file, page), match["label"] or "")
        if course_map is None:
            errors.append(f"{source}:{line}: a map marker, but there is no {MAP_FILE}. "
                          "Add the map file or remove the marker.")
            return ""
        slug = match["layer"] or next(iter(course_map.layers))
        layer = course_map.layers.get(slug)
        if layer is None:
            errors.append(f"{source}:{line}: map layer '{slug}' is not in {MAP_FILE}. "
                          f"Use one of: {', '.join(course_map.layers)}.")
            return ""
        return render_map_figure(course_map, layer, _relative(layer.file, page), match["label"] or "")

    markdown = MARKER.sub(figure, markdown)
    if errors:
        raise PluginError("\n".join(errors))
    return markdown


# Helper functions


def _relative(site_path: str, page: Page) -> str:
    """The address of a generated file as a link from the page's Markdown source."""
    return posixpath.relpath(site_path, posixpath.dirname(page.file.src_uri) or ".")


def _source_line(page: Page, markdown: str, match: re.Match[str]) -> int:
    """The marker's line in the author's file (MkDocs has cut the front matter off `markdown`):
    the same occurrence of the same marker text, counted in the file as written."""
    nth = markdown.count(match.group(0), 0, match.start())
    path = Path(page.file.abs_src_path or "")
    written = path.read_text(encoding="utf-8-sig") if path.is_file() else markdown
    at = -1
    for _ in range(nth + 1):
        at = written.find(match.group(0), at + 1)
    return written.count("\n", 0, at) + 1 if at >= 0 else markdown.count("\n", 0, match.start()) + 1
