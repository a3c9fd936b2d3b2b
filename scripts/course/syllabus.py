"""The syllabus: who teaches what, when, derived from mkdocs.yml's `extra.course` and the nav.

The nav gives the lessons and their order; each lesson's front matter gives its minutes
(`teaching`, `exercises`) and required `readings`; `extra.course.schedule` gives the dates.
A lesson longer than one session takes as many sessions as it needs. Change the start date,
the weekdays or the nav, and the schedule follows.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import fields
from .errors import CourseError
from .lessons import Lesson
from .words import Words
from .markup import render_markdown
from .sources import line_of

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
COURSE_KEYS, SCHEDULE_KEYS = fields.COURSE, fields.SCHEDULE
QUIZ_ANCHOR = "check-your-understanding"


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


DEFAULT_SESSION_MINUTES = 90  # a session's length when extra.course has no schedule


@dataclass(frozen=True)
class Settings:
    """mkdocs.yml's `extra.course`: who teaches the course, when, and the words it uses."""

    title: str
    subtitle: str = ""
    institution: str = ""
    term: str = ""
    location: str = ""
    contact: str = ""
    instructors: tuple[Instructor, ...] = ()
    schedule: Schedule | None = None
    activity_headings: tuple[str, ...] = ()  # a section whose heading starts so is a class activity
    years: tuple[int, int] | None = None  # the first and last year the course covers


@dataclass(frozen=True)
class Session:
    number: int
    date: dt.date | None
    lesson: Lesson
    part: int   # 1-based part of the lesson
    parts: int


def load_course(course: Any, path: str) -> Settings:
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
    headings = course.get("activity_headings") or []
    if not isinstance(headings, list) or not all(isinstance(word, str) for word in headings):
        raise CourseError(path, line_of(headings, where), "extra.course.activity_headings must be a list of "
                          "words, e.g. [Seminar, Debate]: a section whose heading starts with one is a class activity.")
    years = course.get("years")
    if years is not None and not (isinstance(years, list) and len(years) == 2 and all(
            isinstance(year, int) and not isinstance(year, bool) for year in years) and years[0] <= years[1]):
        raise CourseError(path, line_of(years, where), "extra.course.years must be the first and last year the "
                          "course covers, e.g. [1990, 2020].")
    return Settings(
        title=title, subtitle=_text(course, "subtitle", path), institution=_text(course, "institution", path),
        term=_text(course, "term", path), location=_text(course, "location", path),
        contact=_text(course, "contact", path), instructors=people,
        schedule=None if schedule is None else _schedule(schedule, path, line_of(schedule, where)),
        activity_headings=tuple(headings), years=tuple(years) if years else None,
    )


def plan_sessions(lessons: Sequence[Lesson], schedule: Schedule | None, path: str = "mkdocs.yml") -> list[Session]:
    """One or more sessions per lesson, in nav order, each with its date when a schedule is set."""
    per_session = schedule.session_minutes if schedule else DEFAULT_SESSION_MINUTES
    slots = [(lesson, part, parts) for lesson in lessons
             for parts in [max(1, math.ceil(lesson.minutes / per_session))] for part in range(1, parts + 1)]
    dates = _session_dates(schedule, len(slots), path) if schedule else [None] * len(slots)
    return [Session(number, date, lesson, part, parts)
            for number, (date, (lesson, part, parts)) in enumerate(zip(dates, slots), start=1)]


def render_syllabus_page(course: Settings, sessions: Sequence[Session], words: Words) -> str:
    """The Syllabus page as Markdown; data text goes through render_markdown (escaped)."""
    def safe(text: str) -> str:
        return render_markdown(text, inline=True)

    lines = [f"# {words('syllabus.title')}", ""]
    heading = safe(course.title) + (f": {safe(course.subtitle)}" if course.subtitle else "")
    lines += [f"**{heading}**", ""]
    facts = [("institution", safe(course.institution)), ("term", safe(course.term)), ("where", safe(course.location))]
    instructors = "; ".join(
        safe(person.name) + (f" ({safe(person.role)})" if person.role else "")
        + (f", {safe(person.contact)}" if person.contact else "") for person in course.instructors)
    facts += [("instructors", instructors or safe(words("syllabus.to_be_announced"))), ("contact", safe(course.contact))]
    lines += [f"- **{words(f'syllabus.facts.{label}')}:** {value}" for label, value in facts if value]
    lessons = list(dict.fromkeys(session.lesson for session in sessions))
    total = sum(lesson.minutes for lesson in lessons)
    summary = words("syllabus.summary", lessons=len(lessons), sessions=len(sessions), hours=f"{total / 60:.0f}")
    lines += ["", summary, "", f"## {words('syllabus.schedule')} {{#schedule}}", ""]
    dated = any(session.date for session in sessions)
    columns = ["session"] + (["date"] if dated else []) + ["lesson", "reading", "quiz", "activity"]
    lines += ["| " + " | ".join(words(f"syllabus.columns.{column}") for column in columns) + " |",
              "|" + "---|" * len(columns)]
    for session in sessions:
        lines.append("| " + " | ".join(_row(session, dated, words)) + " |")
    lines += ["", "/// table-caption", words("syllabus.caption"), "///", ""]
    return "\n".join(lines)


def render_lesson_list(lessons: Sequence[Lesson], from_dir: str = "lessons") -> str:
    """A numbered list of the lessons in nav order, with links relative to a page in from_dir."""
    return "\n".join(f"{lesson.number}. [{_link_text(lesson.title)}]({_relative(lesson.src_uri, from_dir)})"
                     for lesson in lessons) + "\n"


# Helper functions


def _row(session: Session, dated: bool, words: Words) -> list[str]:
    lesson = session.lesson
    first, last = session.part == 1, session.part == session.parts
    title = f"{lesson.number}. [{_link_text(lesson.title)}]({lesson.src_uri})"
    if session.parts > 1:
        title += " " + words("syllabus.part", part=session.part, parts=session.parts)
    reading = "[" + "; ".join(f"@{key}" for key in lesson.readings) + "]" if first and lesson.readings else ""
    quiz = ""
    if last and lesson.quiz_questions:
        target = lesson.src_uri + (f"#{QUIZ_ANCHOR}" if lesson.has_quiz_heading else "")
        quiz = f"[{words('syllabus.questions', n=lesson.quiz_questions)}]({target})"
    activity = ""
    if last:
        activity = "; ".join(render_markdown(text, inline=True) for text in lesson.activities)
        activity = activity[:1].upper() + activity[1:]
        activity += " " + words("syllabus.minutes", n=lesson.exercises) if activity and lesson.exercises else ""
    date = [_date_text(session.date, words) if session.date else ""] if dated else []
    return [str(session.number)] + date + [title, reading, quiz, activity]


def _date_text(date: dt.date, words: Words) -> str:
    """ "Mon 2 Feb 2026" in the pages' words (strftime's %a and %b follow the machine's locale)."""
    return words("syllabus.date", weekday=words(f"syllabus.weekdays.{date.isoweekday()}"), day=date.day,
                 month=words(f"syllabus.months.{date.month}"), year=date.year)


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
    message = fields.unknown_field(mapping, allowed)
    if message:
        raise CourseError(path, line_of(mapping), f"{where}: {message}")


def _link_text(title: str) -> str:
    return title.replace("[", "\\[").replace("]", "\\]")


def _relative(src_uri: str, from_dir: str) -> str:
    prefix = from_dir.rstrip("/") + "/"
    return src_uri[len(prefix):] if src_uri.startswith(prefix) else "../" * from_dir.count("/") + "../" + src_uri
