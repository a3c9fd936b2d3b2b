"""Editions: the student edition leaves out the instructor pages and the inline instructor
notes; the instructor edition shows them, gathers each lesson's notes into the lesson
notes page and marks every page. The rules are in course/editions.py.
"""
from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path

from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.editions import (EDITIONS, INSTRUCTOR_FOLDER, Note, check_edition, gather_notes, split_notes,
                             student_nav, unlink_pages)
from course.sources import read_text

LESSON = re.compile(r"^lessons/(?P<slug>\d+[\w-]*)\.md$")
H1 = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t#]*$", re.MULTILINE)
NOTES_PAGE = INSTRUCTOR_FOLDER + "lesson-notes.md"
NOTES_CSS = "assets/css/instructor.css"

edition = "student"
notes: dict[str, list[Note]] = {}
lesson_titles: dict[str, str] = {}


# Hooks


@event_priority(100)  # first: every other hook sees the nav of the edition being built
def on_config(config: MkDocsConfig) -> None:
    global edition, notes, lesson_titles
    course = config.extra.setdefault("course", {})
    chosen = os.environ.get("COURSE_EDITION") or course.get("edition") or "student"
    if check_edition(chosen) is None:
        source = "COURSE_EDITION" if os.environ.get("COURSE_EDITION") else "mkdocs.yml: extra.course.edition"
        raise PluginError(f"{source} is '{chosen}'. Use one of: {', '.join(EDITIONS)}.")
    edition, notes, lesson_titles = chosen, {}, {}
    course["edition"] = edition  # what templates and the other hooks read
    if edition == "instructor":
        config.extra_css.append(NOTES_CSS)  # bundled with ours by the assets hook
    elif config.nav:
        config.nav = student_nav(config.nav)


@event_priority(-100)  # last: after the quiz hook has added the answer key
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if edition == "student":
        for file in [f for f in files if f.src_uri.startswith(INSTRUCTOR_FOLDER) or f.src_uri == NOTES_CSS]:
            files.remove(file)
        return files
    for file in files.documentation_pages():
        match = LESSON.match(file.src_uri)
        if match and file.abs_src_path:
            text = read_text(Path(file.abs_src_path), file.src_uri)
            notes[match.group("slug")] = split_notes(text)[1]
            heading = H1.search(text)
            lesson_titles[match.group("slug")] = heading.group("title") if heading else match.group("slug")
    return files


@event_priority(100)  # first: no other hook sees a note the edition leaves out
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if edition == "student":
        return unlink_pages(split_notes(markdown)[0], page.file.src_uri)
    if page.file.src_uri == NOTES_PAGE:
        links = {slug: (f"../lessons/{slug}.md", title) for slug, title in lesson_titles.items()}
        return gather_notes(markdown, notes, links, slugify)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if edition != "instructor":
        return html
    mark = config.extra["course"].get("instructor_mark") or config.extra["messages"]["instructor_edition"]
    return f"<p class=\"course-edition\"><strong>{escape(mark)}</strong></p>\n{html}"
