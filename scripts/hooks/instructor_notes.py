"""Instructor notes, a feature of the course hook (entry.py): the student edition's pages lose
their notes and their links to instructor pages; the instructor edition gathers each lesson's
notes into the lesson notes page and marks every page. The edition itself is chosen, and the
instructor pages left out, by editions.py; the rules are in course/editions.py.
"""
from __future__ import annotations

import os
from html import escape

from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.editions import INSTRUCTOR_FOLDER, gather_notes, split_notes, unlink_pages
from course.model import Course

NOTES_PAGE = INSTRUCTOR_FOLDER + "lesson-notes.md"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    if config.extra["course"]["edition"] == "student":
        return unlink_pages(split_notes(markdown)[0], page.file.src_uri)
    if page.file.src_uri != NOTES_PAGE:
        return markdown
    here = os.path.dirname(NOTES_PAGE)
    notes = {lesson.slug: split_notes(lesson.text)[1] for lesson in course.lessons}  # the nav's lessons only
    links = {lesson.slug: (os.path.relpath(lesson.src_uri, here), lesson.title) for lesson in course.lessons}
    return gather_notes(markdown, notes, links, slugify)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    if config.extra["course"]["edition"] != "instructor":
        return html
    mark = config.extra["course"].get("instructor_mark") or course.words("instructor_edition")
    return f"<p class=\"course-edition\"><strong>{escape(mark)}</strong></p>\n{html}"
