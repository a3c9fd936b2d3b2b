"""Timeline and membership: three generated pages and two lesson markers, from
data/organisations.yml and data/timeline.yml.

Pages: timeline.md, organisations.md, comparison.md (added in on_files; a hand-written file
at the same path is refused). Markers, in any page: `<!-- membership 2002 -->` (who belonged
to what in that year) and `<!-- comparison -->` (the comparison table of lesson 6).
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from course import markup
from course.assets import bundle
from course.cache import CACHE_DIR
from course.citations import Bibliography, load_bibliography
from course.errors import CourseError
from course.nav import nav_paths
from course.sources import display_path
from course.timeline import (
    FIRST_YEAR, LAST_YEAR, History, linked_citation, load_history, render_comparison_page,
    render_comparison_table, render_organisations_page, render_timeline_page, render_year_grid,
)

log = logging.getLogger("mkdocs.plugins.course.timeline")

ORGANISATIONS_FILE = "data/organisations.yml"
TIMELINE_FILE = "data/timeline.yml"
BIBLIOGRAPHY_FILE = "data/references.bib"
BIBLIOGRAPHY_PAGE = "bibliography.md"
CHART_STYLE = "assets/css/chart.css"  # the chart's styles, in docs/
PAGES = {"timeline": "timeline.md", "organisations": "organisations.md", "comparison": "comparison.md"}
COMPARISON_LESSON = "lessons/06-comparing-regions.md"
MARKER = re.compile(r"<!--\s*(?P<kind>membership|comparison)(?:\s+(?P<arg>\S+))?\s*-->")
LESSON = re.compile(r"^lessons/(?P<slug>\d\d-[^/]+)\.md$")

history: History | None = None
bibliography: Bibliography | None = None
lesson_titles: dict[str, str] = {}  # lessons/03-....md -> "Lesson 3: Experiments in hard institutionalism, 1991–2004"

# Hooks


def on_config(config: MkDocsConfig) -> None:
    global history, bibliography, lesson_titles
    history, bibliography, lesson_titles = None, None, {}  # module state survives between builds
    root = Path(config.config_file_path).parent
    markup.use_cache(root / CACHE_DIR)  # before the first render of an event
    lessons = [LESSON.match(uri)["slug"] for uri in nav_paths(config.nav) if LESSON.match(uri)]
    try:
        bibliography = load_bibliography(root / BIBLIOGRAPHY_FILE, BIBLIOGRAPHY_FILE, root / CACHE_DIR)
        history = load_history(root / ORGANISATIONS_FILE, root / TIMELINE_FILE, bibliography.references, lessons,
                               ORGANISATIONS_FILE, TIMELINE_FILE, root / CACHE_DIR)
    except CourseError as error:
        raise PluginError(str(error)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert history is not None
    for path in PAGES.values():
        existing = files.get_file_from_path(path)
        if existing is not None and not existing.generated_by:
            raise PluginError(str(CourseError(
                display_path(Path(config.docs_dir) / path, Path(config.config_file_path).parent), None,
                f"is generated from {ORGANISATIONS_FILE} and {TIMELINE_FILE}. "
                "Delete the hand-written file and edit the data instead.")))
    lesson_uris = [uri for uri in nav_paths(config.nav) if LESSON.match(uri)]
    for number, uri in enumerate(lesson_uris, start=1):
        file = files.get_file_from_path(uri)
        if file is not None:
            lesson_titles[uri] = f"Lesson {number}: {_title(file)}"
    timeline = File.generated(config, PAGES["timeline"], content="")
    organisations = File.generated(config, PAGES["organisations"], content="")
    comparison = File.generated(config, PAGES["comparison"], content="")

    def lesson_link(slug: str) -> tuple[str, str]:
        uri = f"lessons/{slug}.md"
        lesson = files.get_file_from_path(uri)  # a nav entry without its file: MkDocs itself reports it
        url = lesson.url_relative_to(timeline) if lesson else f"../lessons/{slug}/"
        return url, lesson_titles.get(uri, slug)

    timeline.content_string = render_timeline_page(history, lesson_link, organisations.url_relative_to(timeline))
    organisations.content_string = render_organisations_page(history, chart_style=_chart_style(files))
    comparison.content_string = render_comparison_page(history, COMPARISON_LESSON)
    for file in (timeline, organisations, comparison):
        files.append(file)
    return files


# After citations (100) and the glossary (50): the tables are raw HTML that neither should read.
@event_priority(30)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in markdown or not MARKER.search(markdown):
        return markdown
    assert history is not None and bibliography is not None
    labels = {key: (ref.label, ref.text) for key, ref in bibliography.references.items()}
    bibliography_file = files.get_file_from_path(BIBLIOGRAPHY_PAGE)
    bibliography_url = bibliography_file.url_relative_to(page.file) if bibliography_file else ""

    def replace(match: re.Match[str]) -> str:
        if match["kind"] == "comparison":
            return render_comparison_table(history)
        year = match["arg"] or ""
        if not year.isdigit() or not FIRST_YEAR <= int(year) <= LAST_YEAR:
            line = _line_in_source(page, match[0])
            raise PluginError(str(CourseError(
                display_path(Path(config.docs_dir) / page.file.src_uri, Path(config.config_file_path).parent), line,
                f"marker '{match[0]}' needs a year from {FIRST_YEAR} to {LAST_YEAR}, e.g. <!-- membership 2002 -->.")))
        return render_year_grid(history, int(year), lambda keys: linked_citation(keys, labels, bibliography_url))

    return MARKER.sub(replace, markdown)


def on_post_build(config: MkDocsConfig) -> None:
    markup.save_cache()  # the Markdown renders of data text, for the next build


# Helper functions


def _chart_style(files: Files) -> str:
    """The chart's CSS, minified for the SVG's own <style>; the file itself is kept out of the site."""
    source = files.get_file_from_path(CHART_STYLE)
    if source is None:
        return ""
    files.remove(source)
    return bundle([(CHART_STYLE, source.content_string)], "css").strip()


def _title(file: File) -> str:
    """The lesson's H1, for link labels."""
    match = re.search(r"^# +(.+?)\s*$", file.content_string, re.MULTILINE)
    return match.group(1) if match else file.src_uri


def _line_in_source(page: Page, text: str) -> int | None:
    """The line of text in the author's file (earlier hooks may have added lines to the Markdown)."""
    source = page.file.abs_src_path
    if not source or not Path(source).is_file():
        return None
    content = Path(source).read_text(encoding="utf-8-sig")
    return content.count("\n", 0, content.index(text)) + 1 if text in content else None
