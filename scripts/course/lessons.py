"""A lesson as the course knows it: the one rule for what a lesson is, and what its file says.

A lesson is a Markdown page of the nav under `lessons/`, other than the section's own
`lessons/index.md`; its number is its place among the lessons in the nav (1, 2, ...). Every
page that says "Lesson 3" (syllabus, glossary, review quiz, answer key, timeline, PDFs) takes
the number from here. A lesson's file is read once per build (course/model.py does it).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml
from markdown.extensions.toc import slugify, unique

from .errors import CourseError
from .quizzes import objective_lines
from .sources import check_front_matter, lined_loader

if TYPE_CHECKING:
    from .quizzes import Quiz

LESSONS_DIR = "lessons/"
SECTION_INDEX = "lessons/index.md"
QUIZ_HEADING = "## Check your understanding"
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)[ \t#]*$", re.MULTILINE)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
FRONT_MATTER = re.compile(r"---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*\n", re.DOTALL)
# What students do in class, found in the lesson itself: `!!! example "..."` boxes, the
# sections whose heading starts with one of the course's activity words (extra.course
# `activity_headings`), and discussion boxes.
BOX = re.compile(r'^(?:[!?]{3}\+? *example +"(?P<box>[^"]+)"|(?P<discussion>[!?]{3}\+? *discussion\b)(?: +"(?P<title>[^"]*)")?.*)$',
                 re.MULTILINE | re.IGNORECASE)
# "(15 minutes)", "(15 мин)": a time the author wrote in the title (the syllabus gives its own);
# and a heading's attribute list ({#role-play}), which is not part of its text.
ACTIVITY_MINUTES = re.compile(r"\s*\(\d+\s*\w+\.?\)$|\s*\{[^}]*\}$")


def is_lesson(src_uri: str) -> bool:
    """The one rule: a Markdown file directly in lessons/, but not the section's index.md."""
    return (src_uri.startswith(LESSONS_DIR) and src_uri.endswith(".md") and src_uri != SECTION_INDEX
            and "/" not in src_uri[len(LESSONS_DIR):])


@dataclass(frozen=True)
class Lesson:
    number: int
    src_uri: str          # e.g. lessons/01-concepts.md, as in the nav
    title: str            # its H1, as written
    teaching: int
    exercises: int
    readings: tuple[str, ...]
    activities: tuple[str, ...] = ()  # Markdown: `activity:` from the front matter, or found in the text
    path: str = ""        # as the author sees it, e.g. docs/lessons/01-concepts.md
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    headings: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)  # anchor -> text
    quiz: "Quiz | None" = field(default=None, compare=False, repr=False)
    text: str = field(default="", compare=False, repr=False)  # the whole file, as written
    body: str = field(default="", compare=False, repr=False)  # the Markdown after the front matter
    objectives: tuple[int, ...] = ()  # the line of each item of its `!!! objectives` box, in the file
    has_quiz_heading: bool = False

    @property
    def slug(self) -> str:
        return self.src_uri[len(LESSONS_DIR):-len(".md")]

    @property
    def minutes(self) -> int:
        return self.teaching + self.exercises

    @property
    def quiz_questions(self) -> int:
        return len(self.quiz.questions) if self.quiz else 0


def parse_lesson(text: str, path: str, src_uri: str, number: int, quiz: "Quiz | None" = None,
                 known_keys: Collection[str] | None = None, activity_headings: Collection[str] = (),
                 discussion: str = "") -> Lesson:
    """A lesson from its file's text: front matter (minutes, readings), title, headings, activities.
    discussion: how the syllabus names a discussion box's activity (data/messages `syllabus.discussion`);
    empty, the box's own title."""
    meta, body = front_matter(text, path)
    plain = FENCE.sub("", body)
    title = next((m.group("text") for m in HEADING.finditer(plain) if len(m.group("level")) == 1), None)
    if not title:
        raise CourseError(path, None, "has no title: the lesson needs a `# Title` line after its front matter.")
    minutes = {}
    for key in ("teaching", "exercises"):
        value = meta.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise CourseError(path, 1, f"front matter needs `{key}:` as whole minutes (e.g. `{key}: 30`), "
                              f"found {value!r}. The syllabus adds these up.")
        minutes[key] = value
    readings = meta.get("readings") or []
    if isinstance(readings, str):
        readings = [readings]
    if not isinstance(readings, list) or not all(isinstance(key, str) for key in readings):
        raise CourseError(path, 1, "front matter `readings:` must be a list of bibliography keys, "
                          "e.g. `readings: [smith2004, jones2010]`.")
    for key in readings:
        if known_keys is not None and key not in known_keys:
            raise CourseError(path, 1, f"front matter `readings:` names '{key}', which is not in "
                              "data/references.bib. Add the work there or fix the key.")
    activity = meta.get("activity")
    activities = (str(activity),) if activity else activities_in(body, activity_headings, discussion)
    return Lesson(number=number, src_uri=src_uri, title=title, readings=tuple(readings), activities=activities,
                  path=path, meta=meta, headings=heading_titles(plain), quiz=quiz, text=text, body=body,
                  objectives=tuple(objective_lines(text)),
                  has_quiz_heading=QUIZ_HEADING in body, **minutes)


def front_matter(text: str, path: str) -> tuple[Mapping, str]:
    """(front matter, the rest); a lesson without front matter is an error."""
    check_front_matter(text, path)  # opened but never closed, or not YAML: said as for any page
    match = FRONT_MATTER.match(text)
    if not match:
        raise CourseError(path, 1, "a lesson starts with front matter between two `---` lines "
                          "(teaching:, exercises:, readings:). See docs/lessons/01-concepts.md.")
    try:
        meta = yaml.load(match.group("yaml"), Loader=lined_loader(path)) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise CourseError(path, mark.line + 2 if mark else 1,
                          f"front matter is not valid YAML: {error.problem}.") from None
    if not isinstance(meta, Mapping):
        raise CourseError(path, 2, "front matter must be `key: value` lines.")
    return meta, text[match.end():]


def heading_titles(text: str) -> dict[str, str]:
    """anchor -> heading text, for links into the lesson ("revisit: ...").

    The same slugs as the toc extension makes (its slugify and de-duplication); only link
    texts depend on this: the anchors themselves are checked against the page's real toc.
    """
    titles: dict[str, str] = {}
    seen: set[str] = set()
    for match in HEADING.finditer(text):
        title = re.sub(r"\s*\[@[^\]]*\]|[*_`]|\{[^}]*\}\s*$", "", match.group("text")).strip()
        titles[unique(slugify(title, "-"), seen)] = title
    return titles


def activities_in(body: str, activity_headings: Collection[str], discussion: str = "") -> tuple[str, ...]:
    """What students do in class, in the order the lesson has it."""
    words = "|".join(re.escape(word) for word in activity_headings)
    section = re.compile(rf"^## +(?P<section>(?:{words})\b.*?)\s*$", re.MULTILINE | re.IGNORECASE) if words else None
    found: list[tuple[int, str]] = []
    for match in BOX.finditer(body):
        name = (discussion or match.group("title") or "") if match.group("discussion") else match.group("box")
        found.append((match.start(), name))
    if section:
        found += [(match.start(), match.group("section")) for match in section.finditer(body)]
    texts = (ACTIVITY_MINUTES.sub("", text).strip() for _, text in sorted(found))
    return tuple(dict.fromkeys(text for text in texts if text))
