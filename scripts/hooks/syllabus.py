"""Syllabus: a generated page (syllabus.md) with the course's identity and schedule, from
mkdocs.yml's `extra.course` and the lessons in the nav; and the numbered lesson list that
replaces `<!-- lesson-list -->` (lessons/index.md), so reordering lessons means editing the nav only.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from course.errors import CourseError
from course.model import Course
from course.syllabus import plan_sessions, render_lesson_list, render_syllabus_page

SYLLABUS_PAGE = "syllabus.md"
LESSON_LIST_MARKER = "<!-- lesson-list -->"

# Hooks


def on_files(files: Files, config: MkDocsConfig, course: Course) -> Files:
    if files.get_file_from_path(SYLLABUS_PAGE) is not None:
        raise CourseError(course.path(SYLLABUS_PAGE), None, "is generated from mkdocs.yml's extra.course and "
                          "the nav. Delete the hand-written file; change extra.course instead.")
    sessions = plan_sessions(course.lessons, course.settings.schedule)
    files.append(File.generated(config, SYLLABUS_PAGE, content=render_syllabus_page(course.settings, sessions, course.words)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    if LESSON_LIST_MARKER not in markdown:
        return markdown
    from_dir = Path(page.file.src_uri).parent.as_posix()
    return markdown.replace(LESSON_LIST_MARKER, render_lesson_list(course.lessons, "" if from_dir == "." else from_dir))
