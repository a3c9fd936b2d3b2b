"""Lesson numbers and course facts from the nav, a feature of the course hook (entry.py);
course/lesson_refs.py says what authors write and checks it.

The course model checks every page and data file once per build (Course.warnings, logged by
entry.py, even beside the course's errors): a lesson number or count typed by hand, a marker
naming no lesson, and, for each lesson that left the nav, one message listing everything that
still refers to it. Here the markers are replaced in
each page's Markdown (last of the features: quizzes, key terms and timelines are in by then),
and once more in the finished HTML for text that other features insert later (tooltips, quiz
feedback) and in the whole page (its title).
"""
from __future__ import annotations

import os
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.lesson_refs import resolve, timing_rows
from course.model import Course

# On a line of its own (under a table's header): in a code span (adapt.md shows it) it is text.
TIMINGS_LINE = re.compile(r"^<!-- lesson-timings -->[ \t]*$", re.MULTILINE)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    here = os.path.dirname(page.file.src_uri) or "."
    rows = [(os.path.relpath(uri, here), *rest) for uri, *rest in course.facts.timings]
    return _resolve(TIMINGS_LINE.sub(lambda _: timing_rows(rows), markdown), course)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    return _resolve(html, course)


def on_post_page(output: str, page: Page, config: MkDocsConfig, course: Course) -> str:
    return _resolve(output, course)


def _resolve(text: str, course: Course) -> str:
    facts = course.facts
    return resolve(text, facts.numbers, facts.values, facts.sessions, course.words("lesson"))
