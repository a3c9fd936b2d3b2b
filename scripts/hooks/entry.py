"""The course's one MkDocs hook: builds the Course once per build (course/model.py) and hands
each MkDocs event to the features in the order FEATURES declares. A feature (a module beside
this one) implements some of on_files, on_pre_page, on_page_markdown and on_page_content with
MkDocs' arguments plus the course, and keeps no state. A mistake in the course becomes MkDocs'
error here only: every one at once, no traceback. A failed build leaves no site that looks
fine (strict MkDocs writes every page before it stops): the output folder is emptied.
"""
from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.cache import CACHE_DIR
from course.errors import CourseError
from course.model import Course, build_course, save
from hooks import (citations, figures, glossary, instructor_notes, lesson_refs, pages, placeholders, quizzes,
                   syllabus, tables, timeline, tooltips)

# The order of the features, for every event. First, the student edition loses its instructor
# notes, so that no other feature sees them (the instructor edition gathers them). Every page is then checked for UTF-8 and
# scaffold text; figures (maps, the leaders table) go in before citations are read, so that
# the data's citations are rendered like the page's own; citations then read the Markdown
# (no generated HTML is read as a citation); a quiz marker becomes a placeholder comment,
# which nothing after reads (its HTML goes in after Markdown); the glossary links what is
# left as prose; the syllabus and the timeline put in their lists and tables; in the HTML,
# every table becomes a scrollable region (a quiz holds none), and tooltips make every
# title of the finished page plain text. Last, lesson numbers and course facts replace their
# markers in whatever the others wrote (and in the whole page, on_post_page). Generated
# pages are added in this order too (the search index follows it).
FEATURES = (instructor_notes, pages, placeholders, figures, citations, quizzes, glossary, syllabus, timeline, tables,
            tooltips, lesson_refs)


@dataclass
class Build:  # the running build's course, and where it writes (on_build_error gets no config)
    course: Course | None = None
    site_dir: Path | None = None
    docs_dir: Path | None = None


build = Build()  # the only state: reset by on_config for every build
log = logging.getLogger("mkdocs.plugins.course")

# Hooks


def on_config(config: MkDocsConfig) -> None:
    build.course, build.site_dir, build.docs_dir = None, Path(config.site_dir), Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    with course_errors():
        editions = config.extra.get("site_languages") or ()  # set by the languages hook, which runs first
        build.course = build_course(Path(config.config_file_path), Path(config.docs_dir), config.nav,
                                    config.theme.get("language") or "en", root / CACHE_DIR, config.extra.get("course"),
                                    config.extra.get("messages"), editions[0].lang if editions else None)
        for warning in build.course.warnings:
            log.warning(warning)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _chain("on_files", files, config)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    return _chain("on_pre_page", page, config, files)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _chain("on_page_markdown", markdown, page, config, files)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _chain("on_page_content", html, page, config, files)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _chain("on_post_page", output, page, config)


def on_post_build(config: MkDocsConfig) -> None:
    save(build.course)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """`mkdocs serve` rebuilds when a data file changes, as it does for a lesson."""
    server.watch(str(Path(config.config_file_path).parent / "data"))
    return server


def on_build_error(error: Exception) -> None:
    site, docs = build.site_dir, build.docs_dir
    if site is None or docs is None or not site.is_dir() or docs.is_relative_to(site) or site.is_relative_to(docs):
        return  # never near the author's files (MkDocs refuses these layouts anyway)
    for child in site.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()


@contextmanager
def course_errors() -> Iterator[None]:
    """The one place a mistake in the course becomes MkDocs' error: one line each, no traceback."""
    try:
        yield
    except CourseError as error:  # and CourseErrors, several at once: one logged line each
        for warning in getattr(error, "warnings", ()):
            log.warning(warning)
        *before, last = getattr(error, "errors", None) or [error]
        for each in before:
            log.error(CourseError.__str__(each))
        raise PluginError(CourseError.__str__(last)) from None


# Helper functions


def _chain(event: str, value: Any, *args: Any) -> Any:
    """Each feature that handles the event, in FEATURES order, given what the one before returned."""
    assert build.course is not None
    with course_errors():
        for feature in FEATURES:
            handler = getattr(feature, event, None)
            if handler is not None:
                value = handler(value, *args, build.course)
    return value
