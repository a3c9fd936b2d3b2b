"""Syllabus: a generated page (syllabus.md) with the course's identity and schedule, from
mkdocs.yml's `extra.course` and the lessons in the nav; and the numbered lesson list that
replaces `<!-- lesson-list -->` (lessons/index.md), so reordering lessons means editing the nav only.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from course.cache import CACHE_DIR
from course.citations import load_bibliography
from course.errors import CourseError
from course.nav import nav_paths
from course.sources import _lined_loader, display_path, read_text
from course.syllabus import (
    Course, Lesson, load_course, plan_sessions, read_lesson, render_lesson_list, render_syllabus_page,
)

log = logging.getLogger("mkdocs.plugins.course.syllabus")

SYLLABUS_PAGE = "syllabus.md"
LESSON_LIST_MARKER = "<!-- lesson-list -->"
LESSONS_DIR = "lessons/"
QUIZ_DIR = "data/quizzes"
BIBLIOGRAPHY_FILE = "data/references.bib"

course: Course | None = None
lessons: list[Lesson] = []

# Hooks


def on_config(config: MkDocsConfig) -> None:
    global course, lessons
    lessons = []  # module state survives between builds in `mkdocs serve` and in tests
    display_path, block = _course_block(config)
    try:
        course = load_course(block, display_path)
    except CourseError as error:
        raise PluginError(str(error)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global lessons
    assert course is not None
    root = Path(config.config_file_path).parent
    try:
        if files.get_file_from_path(SYLLABUS_PAGE) is not None:
            raise CourseError(display_path(Path(config.docs_dir) / SYLLABUS_PAGE, root), None, "is generated from mkdocs.yml's extra.course and "
                              "the nav. Delete the hand-written file; change extra.course instead.")
        keys = set(load_bibliography(root / BIBLIOGRAPHY_FILE, BIBLIOGRAPHY_FILE, root / CACHE_DIR).references)
        docs = Path(config.docs_dir)
        lessons = [
            read_lesson(docs / src_uri, display_path(docs / src_uri, root), src_uri, number,
                        root / QUIZ_DIR / (Path(src_uri).stem + ".yml"), keys, root / CACHE_DIR)
            for number, src_uri in enumerate(_lessons_in_nav(config, files), start=1)
        ]
        sessions = plan_sessions(lessons, course.schedule)
    except CourseError as error:
        raise PluginError(str(error)) from None
    files.append(File.generated(config, SYLLABUS_PAGE, content=render_syllabus_page(course, sessions)))
    return files


# After the glossary (50) so lesson titles in the list are not taken for first uses of a term.
@event_priority(20)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if LESSON_LIST_MARKER not in markdown:
        return markdown
    from_dir = Path(page.file.src_uri).parent.as_posix()
    return markdown.replace(LESSON_LIST_MARKER, render_lesson_list(lessons, "" if from_dir == "." else from_dir))


# Helper functions


def _course_block(config: MkDocsConfig) -> tuple[str, Any]:
    """extra.course as written, with line numbers, from the config file (or the one it INHERITs)."""
    path = Path(config.config_file_path)
    for _ in range(5):  # a short INHERIT chain: mkdocs-offline.yml -> mkdocs.yml
        try:
            data = yaml.load(read_text(path, path.name), Loader=_config_loader(path.name))
        except (CourseError, yaml.YAMLError, ValueError):
            break  # MkDocs read it, so this cannot happen in a build; fall back to MkDocs' own reading
        block = (data.get("extra") or {}).get("course") if isinstance(data, dict) else None
        if block is not None:
            return path.name, block
        if not isinstance(data, dict) or "INHERIT" not in data:
            break
        path = path.parent / str(data["INHERIT"])
    return Path(config.config_file_path).name, config.extra.get("course") or {}


def _config_loader(display_path: str) -> type[yaml.SafeLoader]:
    """Our line-keeping YAML loader, reading MkDocs tags such as `!ENV [SITE_URL, ...]` as null."""
    loader = _lined_loader(display_path)
    loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return loader


def _lessons_in_nav(config: MkDocsConfig, files: Files) -> list[str]:
    """The lesson pages (lessons/*.md but the section index) in nav order."""
    nav = config.nav or [file.src_uri for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri)]
    return [uri for uri in nav_paths(nav)
            if uri.startswith(LESSONS_DIR) and not uri.endswith("index.md") and uri.endswith(".md")]
