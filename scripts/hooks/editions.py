"""Editions: which one this build writes. The student edition leaves out the instructor pages
(here) and the inline instructor notes (instructor_notes.py, a feature of the course hook);
the instructor edition shows them and marks every page. The rules are in course/editions.py.
"""
from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from course.editions import EDITIONS, INSTRUCTOR_FOLDER, check_edition, student_nav

NOTES_CSS = "assets/css/instructor.css"


@event_priority(100)  # first: every other hook sees the nav of the edition being built
def on_config(config: MkDocsConfig) -> None:
    course = config.extra.setdefault("course", {})
    chosen = os.environ.get("COURSE_EDITION") or course.get("edition") or "student"
    if check_edition(chosen) is None:
        source = "COURSE_EDITION" if os.environ.get("COURSE_EDITION") else "mkdocs.yml: extra.course.edition"
        raise PluginError(f"{source} is '{chosen}'. Use one of: {', '.join(EDITIONS)}.")
    course["edition"] = chosen  # what templates and the other hooks read
    if chosen == "instructor":
        config.extra_css.append(NOTES_CSS)  # bundled with ours by the assets hook
    elif config.nav:
        config.nav = student_nav(config.nav)


@event_priority(-100)  # last: after the course hook has added the answer key
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if config.extra["course"]["edition"] == "student":
        for file in [f for f in files if f.src_uri.startswith(INSTRUCTOR_FOLDER) or f.src_uri == NOTES_CSS]:
            files.remove(file)
    return files
