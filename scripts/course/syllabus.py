"""The syllabus: who teaches what, when, derived from mkdocs.yml's `extra.course` and the nav.

The nav gives the lessons and their order; each lesson's front matter gives its minutes
(`teaching`, `exercises`) and required `readings`; `extra.course.schedule` gives the dates.
A lesson longer than one session takes as many sessions as it needs. Change the start date,
the weekdays or the nav, and the schedule follows.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import CourseError
from .markup import render_markdown
from .sources import _lined_loader, line_of, load_yaml, read_text

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
COURSE_KEYS = {"title", "subtitle", "institution", "term", "instructors", "contact", "schedule", "location",
               "edition", "instructor_mark", "worksheet"}  # the last three: course/editions.py, worksheets.py
SCHEDULE_KEYS = {"start", "weekdays", "dates", "skip", "session_minutes"}
QUIZ_HEADING = "## Check your understanding"
QUIZ_ANCHOR = "check-your-understanding"
H1 = re.compile(r"^# +(?P<title>.+?)\s*$", re.MULTILINE)
# What students do in class, found in the lesson itself: `!!! example "Try it: ..."` boxes,
# sections such as "## Seminar debate" or "## Role-play: ...", and the discussion questions.
ACTIVITY = re.compile(
    r'^(?:[!?]{3}\+? *example +"(?P<box>[^"]+)"'
    r"|## +(?P<section>(?:Role-play|Seminar|Debate|Activity|Exercise|Simulation)\b.*?)\s*)$"
    r'|^(?P<discussion>[!?]{3}\+? *discussion\b)', re.MULTILINE | re.IGNORECASE)
ACTIVITY_MINUTES = re.compile(r"\s*\(\d+\s*min(?:utes)?\)$", re.IGNORECASE)


@dataclass(frozen=True)
class Instructor:
    name: str
    role: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Schedule:
    session_minutes: int
    start: dt.date | None = None
    weekdays: tuple[int, ...] = ()
    dates: tuple[dt.date, ...] = ()
    skip: frozenset[dt.date] = frozenset()


@dataclass(frozen=True)
class Course:
    title: str
    subtitle: str = ""
    institution: str = ""
    term: str = ""
    location: str = ""
    contact: str = ""
    instructors: tuple[Instructor, ...] = ()
    schedule: Schedule | None = None


@dataclass(frozen=True)
class Lesson:
    number: int
    src_uri: str          # e.g. lessons/01-concepts.md, as in the nav
    title: str
    teaching: int
    exercises: int
    readings: tuple[str, ...]
    activities: tuple[str, ...] = ()  # Markdown: `activity:` from the front matter, or found in the text
    quiz_questions: int = 0  # 0: no quiz file
    has_quiz_heading: bool = False

    @property
    def minutes(self) -> int:
        return self.teaching + self.exercises


@dataclass(frozen=True)
class Session:
    number: int
    date: dt.date | None
    lesson: Lesson
    part: int   # 1-based part of the lesson
    parts: int


def load_course(course: Any, path: str) -> Course:
    """Validate mkdocs.yml's `extra.course` (path is the file named in errors)."""
    where = line_of(course)
    if not isinstance(course, Mapping):
        raise CourseError(path, where, "extra.course must be a block of settings (title:, term:, ...). "
                          "See docs/adapt.md.")
    _unknown_keys(course, COURSE_KEYS, "extra.course", path)
    title = _text(course, "title", path, required=True)
    instructors = course.get("instructors") or []
    if not isinstance(instructors, list):
        raise CourseError(path, line_of(course, where), "extra.course.instructors must be a list "
                          "(each item `- name: ...`, optionally role: and contact:).")
    people = tuple(_instructor(person, path, line_of(instructors, where)) for person in instructors)
    schedule = course.get("schedule")
    return Course(
        title=title, subtitle=_text(course, "subtitle", path), institution=_text(course, "institution", path),
        term=_text(course, "term", path), location=_text(course, "location", path),
        contact=_text(course, "contact", path), instructors=people,
        schedule=None if schedule is None else _schedule(schedule, path, line_of(schedule, where)),
    )


def read_lesson(source: Path, display_path: str, src_uri: str, number: int, quiz_file: Path | None,
                known_keys: set[str] | None = None, cache_dir: Path | None = None) -> Lesson:
    """A lesson's title (its H1) and front matter; quiz_file is data/quizzes/<slug>.yml if it exists."""
    text = read_text(source, display_path)
    meta, body = _front_matter(text, display_path)
    title = H1.search(body)
    if not title:
        raise CourseError(display_path, None, "has no title: the lesson needs a `# Title` line after its front matter.")
    minutes = {}
    for key in ("teaching", "exercises"):
        value = meta.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise CourseError(display_path, 1,
                              f"front matter needs `{key}:` as whole minutes (e.g. `{key}: 30`), "
                              f"found {value!r}. The syllabus adds these up.")
        minutes[key] = value
    readings = meta.get("readings") or []
    if isinstance(readings, str):
        readings = [readings]
    if not isinstance(readings, list) or not all(isinstance(key, str) for key in readings):
        raise CourseError(display_path, 1, "front matter `readings:` must be a list of bibliography keys, "
                          "e.g. `readings: [moldashev2018, bohr2004]`.")
    for key in readings:
        if known_keys is not None and key not in known_keys:
            raise CourseError(display_path, 1, f"front matter `readings:` names '{key}', which is not in "
                              "data/references.bib. Add the work there or fix the key.")
    questions = 0
    if quiz_file is not None and quiz_file.is_file():
        try:
            data = load_yaml(quiz_file, quiz_file.name, cache_dir)
            questions = len(data.get("questions") or []) if isinstance(data, Mapping) else 0
        except CourseError:
            questions = 0  # the quiz hook reports a broken quiz file with its own message
    activity = meta.get("activity")
    activities = (str(activity),) if activity else _activities(body)
    return Lesson(number=number, src_uri=src_uri, title=title.group("title"), readings=tuple(readings),
                  activities=activities, quiz_questions=questions,
                  has_quiz_heading=QUIZ_HEADING in body, **minutes)


def plan_sessions(lessons: Sequence[Lesson], schedule: Schedule | None, path: str = "mkdocs.yml") -> list[Session]:
    """One or more sessions per lesson, in nav order, each with its date when a schedule is set."""
    per_session = schedule.session_minutes if schedule else 90
    slots = [(lesson, part, parts) for lesson in lessons
             for parts in [max(1, math.ceil(lesson.minutes / per_session))] for part in range(1, parts + 1)]
    dates = _session_dates(schedule, len(slots), path) if schedule else [None] * len(slots)
    return [Session(number, date, lesson, part, parts)
            for number, (date, (lesson, part, parts)) in enumerate(zip(dates, slots), start=1)]


def render_syllabus_page(course: Course, sessions: Sequence[Session]) -> str:
    """The Syllabus page as Markdown; data text goes through render_markdown (escaped)."""
    def safe(text: str) -> str:
        return render_markdown(text, inline=True)

    lines = ["# Syllabus", ""]
    heading = safe(course.title) + (f": {safe(course.subtitle)}" if course.subtitle else "")
    lines += [f"**{heading}**", ""]
    facts = [("Institution", course.institution), ("Term", course.term), ("Where", course.location)]
    instructors = "; ".join(
        safe(person.name) + (f" ({safe(person.role)})" if person.role else "")
        + (f", {safe(person.contact)}" if person.contact else "") for person in course.instructors)
    facts += [("Instructors", instructors or "to be announced"), ("Contact", course.contact)]
    lines += [f"- **{label}:** {value if label == 'Instructors' else safe(value)}"
              for label, value in facts if value]
    lessons = list(dict.fromkeys(session.lesson for session in sessions))
    total = sum(lesson.minutes for lesson in lessons)
    lines += ["", f"{len(lessons)} lessons in {len(sessions)} sessions, about {total / 60:.0f} hours in class. "
              "Read the required reading before the session; each lesson ends with a quiz that "
              "explains every answer.", "", "## Schedule", ""]
    dated = any(session.date for session in sessions)
    header = ["Session"] + (["Date"] if dated else []) + ["Lesson", "Required reading", "Quiz", "Activity"]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for session in sessions:
        lines.append("| " + " | ".join(_row(session, dated)) + " |")
    lines += ["", "/// table-caption", "The schedule: one row per class session, lessons in the order of the course.",
              "///", ""]
    return "\n".join(lines)


def render_lesson_list(lessons: Sequence[Lesson], from_dir: str = "lessons") -> str:
    """A numbered list of the lessons in nav order, with links relative to a page in from_dir."""
    return "\n".join(f"{lesson.number}. [{_link_text(lesson.title)}]({_relative(lesson.src_uri, from_dir)})"
                     for lesson in lessons) + "\n"


# Helper functions


def _row(session: Session, dated: bool) -> list[str]:
    lesson = session.lesson
    first, last = session.part == 1, session.part == session.parts
    title = f"{lesson.number}. [{_link_text(lesson.title)}]({lesson.src_uri})"
    if session.parts > 1:
        title += f" (part {session.part} of {session.parts})"
    reading = "[" + "; ".join(f"@{key}" for key in lesson.readings) + "]" if first and lesson.readings else ""
    quiz = ""
    if last and lesson.quiz_questions:
        target = lesson.src_uri + (f"#{QUIZ_ANCHOR}" if lesson.has_quiz_heading else "")
        quiz = f"[{lesson.quiz_questions} questions]({target})"
    activity = ""
    if last:
        activity = "; ".join(render_markdown(text, inline=True) for text in lesson.activities)
        activity = activity[:1].upper() + activity[1:]
        activity += f" ({lesson.exercises} min)" if activity and lesson.exercises else ""
    date = [f"{session.date:%a} {session.date.day} {session.date:%b %Y}" if session.date else ""] if dated else []
    return [str(session.number)] + date + [title, reading, quiz, activity]


def _activities(body: str) -> tuple[str, ...]:
    found = []
    for match in ACTIVITY.finditer(body):
        if match.group("discussion"):
            found.append("discussion questions")
        else:
            found.append(ACTIVITY_MINUTES.sub("", match.group("box") or match.group("section")).strip())
    return tuple(dict.fromkeys(text for text in found if text))


def _session_dates(schedule: Schedule, count: int, path: str) -> list[dt.date]:
    if schedule.dates:
        if len(schedule.dates) < count:
            raise CourseError(path, None, f"extra.course.schedule.dates lists {len(schedule.dates)} dates, "
                              f"but the lessons in the nav need {count} sessions. Add dates, or raise "
                              "session_minutes, or use `weekdays:` and `start:` instead.")
        return list(schedule.dates[:count])
    assert schedule.start is not None
    found: list[dt.date] = []
    day = schedule.start
    while len(found) < count:
        if day.weekday() in schedule.weekdays and day not in schedule.skip:
            found.append(day)
        day += dt.timedelta(days=1)
    return found


def _schedule(schedule: Any, path: str, line: int | None) -> Schedule:
    if not isinstance(schedule, Mapping):
        raise CourseError(path, line, "extra.course.schedule must be a block with start:, weekdays: "
                          "(or dates:) and session_minutes:. See docs/adapt.md.")
    _unknown_keys(schedule, SCHEDULE_KEYS, "extra.course.schedule", path)
    minutes = schedule.get("session_minutes", 90)
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise CourseError(path, line, f"extra.course.schedule.session_minutes must be a whole number of "
                          f"minutes, e.g. 90; found {minutes!r}.")
    skip = frozenset(_date(value, "skip", path, line) for value in _list(schedule, "skip", path, line))
    dates = tuple(_date(value, "dates", path, line) for value in _list(schedule, "dates", path, line))
    if list(dates) != sorted(set(dates)):
        raise CourseError(path, line, "extra.course.schedule.dates must be in order, each date once.")
    weekdays = tuple(sorted({_weekday(value, path, line) for value in _list(schedule, "weekdays", path, line)}))
    start = schedule.get("start")
    if dates:
        if weekdays or start is not None:
            raise CourseError(path, line, "extra.course.schedule gives both `dates:` and `start:`/`weekdays:`. "
                              "Keep one: a list of session dates, or a start date and weekdays.")
        return Schedule(session_minutes=minutes, dates=dates, skip=skip)
    if start is None or not weekdays:
        raise CourseError(path, line, "extra.course.schedule needs `start:` (first day, YYYY-MM-DD) and "
                          "`weekdays:` (e.g. [Monday, Thursday]), or a list of `dates:`.")
    return Schedule(session_minutes=minutes, start=_date(start, "start", path, line), weekdays=weekdays, skip=skip)


def _date(value: Any, key: str, path: str, line: int | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise CourseError(path, line, f"extra.course.schedule.{key}: '{value}' is not a date. "
                          "Write dates as YYYY-MM-DD, e.g. 2027-02-01.") from None


def _weekday(value: Any, path: str, line: int | None) -> int:
    name = str(value).strip().lower()
    for number, weekday in enumerate(WEEKDAYS):
        if name == weekday or (len(name) >= 3 and weekday.startswith(name)):
            return number
    raise CourseError(path, line, f"extra.course.schedule.weekdays: '{value}' is not a weekday. "
                      "Use Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday.")


def _list(mapping: Mapping, key: str, path: str, line: int | None) -> list:
    value = mapping.get(key) or []
    if not isinstance(value, list):
        value = [value] if key == "weekdays" and isinstance(value, str) else None
    if value is None:
        raise CourseError(path, line_of(mapping.get(key), line),
                          f"extra.course.schedule.{key} must be a list, e.g. [2027-03-08, 2027-05-01].")
    return value


def _text(mapping: Mapping, key: str, path: str, required: bool = False) -> str:
    value = mapping.get(key)
    if value is None or value == "":
        if required:
            raise CourseError(path, line_of(mapping), f"extra.course.{key} is missing. Give your course a {key}.")
        return ""
    if isinstance(value, (Mapping, list)):
        raise CourseError(path, line_of(value, line_of(mapping)), f"extra.course.{key} must be one line of text.")
    return str(value)


def _instructor(person: Any, path: str, line: int | None) -> Instructor:
    if isinstance(person, str):
        return Instructor(name=person)
    if not isinstance(person, Mapping) or not person.get("name"):
        raise CourseError(path, line_of(person, line), "each of extra.course.instructors needs `name:` "
                          "(and optionally role: and contact:).")
    return Instructor(name=str(person["name"]), role=str(person.get("role") or ""),
                      contact=str(person.get("contact") or ""))


def _unknown_keys(mapping: Mapping, allowed: set[str], where: str, path: str) -> None:
    for key in mapping:
        if key not in allowed:
            raise CourseError(path, line_of(mapping), f"{where}: unknown setting '{key}'. "
                              f"Known settings: {', '.join(sorted(allowed))}.")


def _front_matter(text: str, display_path: str) -> tuple[Mapping, str]:
    """(front matter, the rest); a lesson without front matter is an error."""
    match = re.match(r"---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*\n", text, re.DOTALL)
    if not match:
        raise CourseError(display_path, 1, "a lesson starts with front matter between two `---` lines "
                          "(teaching:, exercises:, readings:). See docs/lessons/01-concepts.md.")
    try:
        meta = yaml.load(match.group("yaml"), Loader=_lined_loader(display_path)) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise CourseError(display_path, mark.line + 2 if mark else 1,
                          f"front matter is not valid YAML: {error.problem}.") from None
    if not isinstance(meta, Mapping):
        raise CourseError(display_path, 2, "front matter must be `key: value` lines.")
    return meta, text[match.end():]


def _link_text(title: str) -> str:
    return title.replace("[", "\\[").replace("]", "\\]")


def _relative(src_uri: str, from_dir: str) -> str:
    prefix = from_dir.rstrip("/") + "/"
    return src_uri[len(prefix):] if src_uri.startswith(prefix) else "../" * from_dir.count("/") + "../" + src_uri
