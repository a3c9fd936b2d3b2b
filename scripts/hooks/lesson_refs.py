"""Lesson numbers and course facts from the nav (course/lesson_refs.py says what authors write).

on_config checks every page under docs/ and every data file, before any page is rendered, and
reports all at once: a lesson number or count typed by hand, a marker naming no lesson, and,
for each lesson that left the nav, one message listing everything that still refers to it.
The markers are then replaced in each page's Markdown (after the other hooks have put quizzes,
key terms and timelines in), and once more in the finished HTML for text that other hooks
insert later (tooltips, quiz feedback).
"""
from __future__ import annotations

import logging
import math
import os
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from course.errors import CourseError
from course.lesson_refs import (
    LABEL, LESSON_MARKER, LINK, check_source, lesson_numbers, references_to, resolve, timing_rows,
)
from course.nav import nav_paths
from course.sources import display_path
from course.lessons import parse_lesson

log = logging.getLogger("mkdocs.plugins.course.lesson_refs")

LESSONS_DIR = "lessons/"
DROP_COMMAND = "make drop-lesson LESSON={slug}"
DATA_LESSON = re.compile(r"^\s*-?\s*(?:lesson|introduced)\s*:\s*['\"]?(\d+-[a-z0-9-]+)['\"]?\s*$", re.MULTILINE)

TIMINGS_MARKER = "<!-- lesson-timings -->"
# On a line of its own (under a table's header): in a code span (adapt.md shows it) it is text.
TIMINGS_LINE = re.compile(r"^<!-- lesson-timings -->[ \t]*$", re.MULTILINE)

numbers: dict[str, int] = {}   # slug -> lesson number, from the nav
sessions: dict[str, int] = {}  # slug -> the lesson's first session
facts: dict[str, str] = {}     # what [[course.*]] names
timings: list[tuple[str, str, int, int, str]] = []  # (src_uri, title, teaching, exercises, activity)

# Hooks


# First of all hooks (their own checks may stop the build): the author sees these messages
# even when another hook then stops on one of the same mistakes.
@event_priority(100)
def on_config(config: MkDocsConfig) -> None:
    global numbers, sessions, facts, timings  # reset at every build (mkdocs serve, tests)
    root, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    pages = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    uris = [uri for uri in (nav_paths(config.nav) if config.nav else pages) if _is_lesson(uri)]
    numbers = lesson_numbers(uris)
    facts, sessions, timings = _facts(config, root, docs, uris)
    sources = [(docs / page, False) for page in pages] + [(path, True) for path in sorted((root / "data").rglob("*.y*ml"))]
    dropped = frozenset(_dropped(sources, root, docs))
    found: list[CourseError] = []
    for path, data in sources:
        found += check_source(path.read_text(encoding="utf-8-sig", errors="replace"), display_path(path, root),
                              numbers, facts, data=data, dropped=dropped, sessions=sessions,
                              lesson_words=(config.extra.get("messages") or {}).get("lesson_words") or ())
    for slug in sorted(dropped):
        places = references_to(slug, root, docs)
        listed = "\n".join(f"  {place}" for place in places)
        log.warning(f"{LESSONS_DIR}{slug}.md is not a lesson in the nav of mkdocs.yml, but {len(places)} "
                    f"place(s) still refer to it. Run `{DROP_COMMAND.format(slug=slug)}` to remove them (it "
                    f"lists what it cannot remove), or put the lesson back in the nav:\n{listed}")
    for error in found:
        log.warning(str(error))


@event_priority(-100)  # after the hooks that insert quizzes, key terms and tables into the page
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    if TIMINGS_MARKER in markdown:
        here = os.path.dirname(page.file.src_uri)
        rows = [(os.path.relpath(uri, here or "."), title, teaching, exercises, activity)
                for uri, title, teaching, exercises, activity in timings]
        markdown = TIMINGS_LINE.sub(lambda _: timing_rows(rows), markdown)
    return resolve(markdown, numbers, facts, sessions, _label(config))


@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    return resolve(html, numbers, facts, sessions, _label(config))


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    return resolve(output, numbers, facts, sessions, _label(config))


# Helper functions


def _label(config: MkDocsConfig) -> str:
    """How this edition names a lesson (data/messages/<lang>.yml `lesson:`, read by the languages hook)."""
    return str((config.extra.get("messages") or {}).get("lesson") or LABEL)


def _is_lesson(uri: str) -> bool:
    return uri.startswith(LESSONS_DIR) and uri.endswith(".md") and uri != f"{LESSONS_DIR}index.md" \
        and uri.count("/") == 1


def _facts(config: MkDocsConfig, root: Path, docs: Path, uris: list[str]) -> tuple[
        dict[str, str], dict[str, int], list[tuple[str, str, int, int, str]]]:
    """What [[course.*]] names (the title from extra.course, counts and minutes from the lessons),
    each lesson's first session (a lesson longer than session_minutes takes more than one, as
    in the syllabus), and the rows of the timing table."""
    course = config.extra.get("course") or {}
    schedule = course.get("schedule") if isinstance(course, dict) else None
    session_minutes = (schedule.get("session_minutes") or 90) if isinstance(schedule, dict) else 90  # as the syllabus
    first_sessions, rows, total_sessions = {}, [], 0
    for number, uri in enumerate(uris, start=1):
        try:
            headings = course.get("activity_headings") or () if isinstance(course, dict) else ()
            lesson = parse_lesson((docs / uri).read_text(encoding="utf-8-sig"), display_path(docs / uri, root), uri,
                                  number, activity_headings=tuple(headings),
                                  discussion=str(((config.extra.get("messages") or {}).get("syllabus") or {}).get("discussion") or ""))
        except (CourseError, OSError, UnicodeDecodeError):
            continue  # the course model reports a lesson it cannot read
        first_sessions[Path(uri).stem] = total_sessions + 1
        total_sessions += max(1, math.ceil(lesson.minutes / session_minutes))
        rows.append((uri, lesson.title, lesson.teaching, lesson.exercises, "; ".join(lesson.activities)))
    teaching, exercises = sum(row[2] for row in rows), sum(row[3] for row in rows)
    facts = {
        "title": str(course.get("title") or config.site_name), "subtitle": str(course.get("subtitle") or ""),
        "lessons": str(len(uris)), "teaching": str(teaching), "exercises": str(exercises),
        "minutes": str(teaching + exercises), "sessions": str(total_sessions),
    }
    return facts, first_sessions, rows


def _dropped(sources: list[tuple[Path, bool]], root: Path, docs: Path) -> set[str]:
    """Lessons that something names (a lesson file, a quiz file, a marker, a link) but the nav does not."""
    named = {path.stem for path in (docs / "lessons").glob("[0-9]*.md")}
    named |= {path.stem for path in (root / "data" / "quizzes").glob("*.yml")}
    for path, data in sources:
        text = path.read_text(encoding="utf-8-sig", errors="replace")  # pages.py reports a bad byte
        named |= {match.group("slug") for match in LESSON_MARKER.finditer(text)}
        if data:  # timeline events' `lesson:`, glossary terms' `introduced:`
            named |= set(DATA_LESSON.findall(text))
        else:
            named |= {match.group("slug") for match in LINK.finditer(text)}
    return {slug for slug in named if slug not in numbers}
