"""Timeline and membership: three generated pages and two lesson markers, from
data/organisations.yml and data/timeline.yml.

Pages: timeline.md, organisations.md, comparison.md (added in on_files; a hand-written file
at the same path is refused). Markers, in any page: `<!-- membership 2002 -->` (who belonged
to what in that year) and `<!-- comparison -->` (the comparison table; the comparison page
links to the lesson that holds it).
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from course.assets import bundle
from course.errors import CourseError
from course.model import ORGANISATIONS_FILE, TIMELINE_FILE, Course
from course.sources import line_in
from course.timeline import (
    linked_citation, render_comparison_page, render_comparison_table, render_organisations_page, render_timeline_page,
    render_year_grid,
)

BIBLIOGRAPHY_PAGE = "bibliography.md"
CHART_STYLE = "assets/css/chart.css"  # the chart's styles, in docs/
PAGES = {"timeline": "timeline.md", "organisations": "organisations.md", "comparison": "comparison.md"}
MARKER = re.compile(r"<!--\s*(?P<kind>membership|comparison)(?:\s+(?P<arg>\S+))?\s*-->")
COMPARISON_MARKER = "<!-- comparison -->"

# Hooks


def on_files(files: Files, config: MkDocsConfig, course: Course) -> Files:
    history = course.history
    if history is None:
        return files
    for path in PAGES.values():
        existing = files.get_file_from_path(path)
        if existing is not None and not existing.generated_by:
            raise CourseError(course.path(path), None, f"is generated from {ORGANISATIONS_FILE} and {TIMELINE_FILE}. "
                              "Delete the hand-written file and edit the data instead.")
    timeline, organisations, comparison = (File.generated(config, PAGES[name], content="")
                                           for name in ("timeline", "organisations", "comparison"))

    def lesson_link(slug: str) -> tuple[str, str]:
        lesson, file = course.lesson_by_slug(slug), files.get_file_from_path(f"lessons/{slug}.md")
        url = file.url_relative_to(timeline) if file else f"../lessons/{slug}/"
        return url, f"{course.label(lesson)}: {lesson.title}" if lesson and file else slug

    templates = course.templates
    timeline.content_string = render_timeline_page(history, lesson_link, organisations.url_relative_to(timeline),
                                                   templates, course.words)
    organisations.content_string = render_organisations_page(history, templates, course.words,
                                                             chart_style=_chart_style(files))
    holder = next((lesson.src_uri for lesson in course.lessons if COMPARISON_MARKER in lesson.body), None)
    comparison.content_string = render_comparison_page(history, holder, templates, course.words)
    for file in (timeline, organisations, comparison):
        files.append(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    if course.history is None or "<!--" not in markdown or not MARKER.search(markdown):
        return markdown
    history, references = course.history, course.bibliography.references
    labels = {key: (ref.label, ref.text) for key, ref in references.items()}
    bibliography_file = files.get_file_from_path(BIBLIOGRAPHY_PAGE)
    bibliography_url = bibliography_file.url_relative_to(page.file) if bibliography_file else ""

    def replace(match: re.Match[str]) -> str:
        if match["kind"] == "comparison":
            return render_comparison_table(history, course.words)
        year = match["arg"] or ""
        first, last = history.years
        if not year.isdigit() or not first <= int(year) <= last:
            raise CourseError(course.path(page.file.src_uri), line_in(page.file.abs_src_path, match[0]),
                              f"marker '{match[0]}' needs a year from {first} to {last}, e.g. <!-- membership {last} -->.")
        return render_year_grid(history, int(year), lambda keys: linked_citation(keys, labels, bibliography_url),
                                course.words)

    return MARKER.sub(replace, markdown)


# Helper functions


def _chart_style(files: Files) -> str:
    """The chart's CSS, minified for the SVG's own <style>; the file itself is kept out of the site."""
    source = files.get_file_from_path(CHART_STYLE)
    if source is None:
        return ""
    files.remove(source)
    return bundle([(CHART_STYLE, source.content_string)], "css").strip()
