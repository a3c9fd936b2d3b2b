"""Lesson numbers and course facts that follow the nav, never typed by hand.

An author writes, in any page or data text (quiz feedback, timeline, glossary):

    [[07-soft-regionalism]]            "Lesson 5" when it is the nav's fifth lesson
    [[session:07-soft-regionalism]]    "6": the first session of that lesson in the syllabus
    [](07-soft-regionalism.md#anchor)  the same, as a link (in a page; any relative path)
    [[course.title]]                   extra.course.title; also course.subtitle,
    [[course.lessons]]                 the number of lessons in the nav,
    [[course.minutes]] [[course.teaching]] [[course.exercises]] [[course.sessions]]

A number typed by hand ("lesson 7", "eight lessons") goes stale when a fork drops or moves a
lesson, so the build refuses it, with the marker to write instead. Dropping a lesson leaves
markers, links, quiz files, timeline events, glossary `introduced:` and figures that name it:
`references_to` finds them all, for one message per dropped lesson and for `make drop-lesson`.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any, TypeVar
from pathlib import Path

from .errors import CourseError
from . import placeholders
from .cache import cached, source_of
from .placeholders import visible_data_lines, visible_markdown_lines
from .sources import display_path

LESSON_MARKER = re.compile(r"\[\[(?P<session>session:)?(?P<slug>\d+-[a-z0-9-]+)\]\]")
COURSE_MARKER = re.compile(r"\[\[course\.(?P<key>[a-z_]+)\]\]")
# A Markdown link with an empty label to a lesson file: [](07-x.md), [](../lessons/07-x.md#a).
EMPTY_LINK = re.compile(r"(?<!!)\[\]\((?P<target>(?:[^()\s]*/)?(?P<slug>\d+-[a-z0-9-]+)\.md(?:#[^()\s]*)?)\)")
# Any link to a lesson file, label and all, to check a label typed by hand.
LINK = re.compile(r"(?<!!)\[(?P<label>[^\]]*)\]\((?:[^()\s]*/)?(?P<slug>\d+-[a-z0-9-]+)\.md(?:#[^()\s]*)?\)")
HAND_SESSION = re.compile(r"\b[Ss]ession +(?P<number>\d+)\b")
HAND_NUMBER = re.compile(r"\b(?P<word>[Ll]essons?) +(?P<number>\d+)\b")
BARE_NUMBER = re.compile(r"(?P<number>\d{1,2})")  # a link labelled just "6", as in a table of parts

NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen")
HAND_COUNT = re.compile(rf"\b(?P<count>{'|'.join(NUMBER_WORDS)}|\d+) +lessons\b", re.IGNORECASE)
# Code is shown as written (adapt.md explains the markers in code): fences, `spans`, <code>/<pre>.
CODE_OR_TEXT = re.compile(r"(?P<code>^[ \t]*(?P<fence>`{3,}|~{3,}).*?^[ \t]*(?P=fence)[ \t]*$|(?P<ticks>`+).+?(?P=ticks)"
                          r"|<(?P<tag>code|pre)\b.*?</(?P=tag)>)|(?:(?!`|<code\b|<pre\b|^[ \t]*`{3}|^[ \t]*~{3}).)+",
                          re.MULTILINE | re.DOTALL)
# How every page names a lesson: `lesson:` in data/messages/<lang>.yml; this is the main
# language's, for what is written without a build (LMS files, worksheets).
LABEL = "Lesson {n}"


@dataclass(frozen=True)
class Reference:
    """One place that names a lesson: where, and what the author sees there."""

    path: str
    line: int | None
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}" if self.line else f"{self.path}: {self.what}"


@dataclass(frozen=True)
class Facts:
    """What the markers of every page resolve to, from the course's lessons in nav order."""

    numbers: Mapping[str, int]    # slug -> lesson number
    sessions: Mapping[str, int]   # slug -> the lesson's first session (a long lesson takes several)
    values: Mapping[str, str]     # what [[course.*]] names
    timings: tuple[tuple[str, str, int, int, str], ...]  # (src_uri, title, teaching, exercises, activities)


def course_facts(lessons: Sequence[Any], title: str, subtitle: str, session_minutes: int) -> Facts:
    """lessons: course.lessons (number, slug, src_uri, title, teaching, exercises, activities);
    a lesson longer than session_minutes takes more than one session, as in the syllabus."""
    sessions, total = {}, 0
    for lesson in lessons:
        sessions[lesson.slug] = total + 1
        total += max(1, math.ceil((lesson.teaching + lesson.exercises) / session_minutes))
    teaching, exercises = sum(lesson.teaching for lesson in lessons), sum(lesson.exercises for lesson in lessons)
    values = {"title": title, "subtitle": subtitle, "lessons": str(len(lessons)), "teaching": str(teaching),
              "exercises": str(exercises), "minutes": str(teaching + exercises), "sessions": str(total)}
    timings = tuple((lesson.src_uri, lesson.title, lesson.teaching, lesson.exercises, "; ".join(lesson.activities))
                    for lesson in lessons)
    return Facts({lesson.slug: lesson.number for lesson in lessons}, sessions, values, timings)


DROP_COMMAND = "make drop-lesson LESSON={slug}"
# A data file's `lesson:` (timeline events) or `introduced:` (glossary terms) naming a lesson.
DATA_LESSON = re.compile(r"^\s*-?\s*(?:lesson|introduced)\s*:\s*['\"]?(\d+-[a-z0-9-]+)['\"]?\s*$", re.MULTILINE)


def check_references(root: Path, docs_dir: Path, facts: Facts, lesson_words: Sequence[str] = (),
                     cache_dir: Path | None = None) -> list[str]:
    """Every page under docs_dir and every data file, checked at once: one message per lesson
    number or count typed by hand or marker naming no lesson, and, for each lesson that left the
    nav, one message listing everything that still refers to it. With cache_dir, an earlier
    build's messages are reused while no file, lesson number or word has changed (most builds)."""
    pages = sorted(docs_dir.rglob("*.md"))
    sources = [(path, False) for path in pages] + [(path, True) for path in sorted((root / "data").rglob("*.y*ml"))]
    texts = [(path, data, path.read_text(encoding="utf-8-sig", errors="replace")) for path, data in sources]
    figures = sorted(path.name for path in (docs_dir / "assets" / "figures").glob("*")) \
        if (docs_dir / "assets" / "figures").is_dir() else []
    inputs = [source_of(__file__), source_of(placeholders.__file__), repr(sorted(facts.numbers.items())),
              repr(sorted(facts.sessions.items())), repr(sorted(facts.values.items())), repr(list(lesson_words)),
              *figures, *(f"{display_path(path, root)}\0{text}" for path, _, text in texts)]
    edition = re.sub(r"\W+", "-", display_path(docs_dir, root))  # one entry per language's pages
    return cached(cache_dir, f"lesson-references-{edition}", inputs, lambda: _check_references(root, docs_dir, facts,
                                                                                   lesson_words, texts))


def _check_references(root: Path, docs_dir: Path, facts: Facts, lesson_words: Sequence[str],
                      texts: list[tuple[Path, bool, str]]) -> list[str]:
    named = {path.stem for path in (docs_dir / "lessons").glob("[0-9]*.md")}
    named |= {path.stem for path in (root / "data" / "quizzes").glob("*.yml")}
    for path, data, text in texts:
        named |= {match.group("slug") for match in LESSON_MARKER.finditer(text)}
        named |= set(DATA_LESSON.findall(text)) if data else {match.group("slug") for match in LINK.finditer(text)}
    dropped = frozenset(slug for slug in named if slug not in facts.numbers)
    messages = []
    for slug in sorted(dropped):
        places = references_to(slug, root, docs_dir)
        listed = "\n".join(f"  {place}" for place in places)
        messages.append(f"lessons/{slug}.md is not a lesson in the nav of mkdocs.yml, but {len(places)} place(s) "
                        f"still refer to it. Run `{DROP_COMMAND.format(slug=slug)}` to remove them (it lists what "
                        f"it cannot remove), or put the lesson back in the nav:\n{listed}")
    for path, data, text in texts:  # text: a bad byte is reported by the pages feature
        messages += [str(error) for error in check_source(
            text, display_path(path, root), facts.numbers, facts.values, data=data, dropped=dropped,
            sessions=facts.sessions, lesson_words=lesson_words)]
    return messages


def lesson_numbers(lesson_uris: Sequence[str]) -> dict[str, int]:
    """slug -> number, from the lessons' paths in nav order (lessons/07-x.md -> '07-x')."""
    return {Path(uri).stem: number for number, uri in enumerate(lesson_uris, start=1)}


def label(number: int, template: str = LABEL) -> str:
    return template.format(n=number)


def resolve(text: str, numbers: Mapping[str, int], facts: Mapping[str, str],
            sessions: Mapping[str, int] | None = None, template: str = LABEL) -> str:
    """Markers and empty-label links replaced by what the nav says; unknown ones are left for
    `check_source`, which reports them with their line. sessions: slug -> its first session;
    template: how a lesson is named ("Lesson {n}", "Занятие {n}")."""
    if "[[" not in text and "[](" not in text:  # most finished pages: no pass over them at all
        return text

    def lesson(match: re.Match[str]) -> str:
        if match.group("session"):
            session = (sessions or {}).get(match.group("slug"))
            return str(session) if session else match.group()
        number = numbers.get(match.group("slug"))
        return label(number, template) if number else match.group()

    def link(match: re.Match[str]) -> str:
        number = numbers.get(match.group("slug"))
        return f"[{label(number, template)}]({match.group('target')})" if number else match.group()

    def fact(match: re.Match[str]) -> str:
        return facts.get(match.group("key"), match.group())

    def outside_code(match: re.Match[str]) -> str:
        if match.group("code"):
            return match.group()
        part = match.group()
        return COURSE_MARKER.sub(fact, LESSON_MARKER.sub(lesson, EMPTY_LINK.sub(link, part)))

    return CODE_OR_TEXT.sub(outside_code, text)


T = TypeVar("T")


def resolve_all(value: T, numbers: Mapping[str, int], facts: Mapping[str, str] | None = None,
                template: str = LABEL) -> T:
    """`resolve` applied to every text inside data objects (a quiz and its questions and options),
    for what is written without the site: LMS exports, worksheets."""
    if isinstance(value, str):
        return resolve(value, numbers, facts or {}, template=template)  # type: ignore[return-value]
    if isinstance(value, (list, tuple)):
        return type(value)(resolve_all(item, numbers, facts, template) for item in value)  # type: ignore[return-value]
    if is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {item.name: resolve_all(getattr(value, item.name), numbers, facts, template)
                                   for item in fields(value) if item.init and item.name not in ("path", "slug", "id")}
        return replace(value, **changes)
    return value


def renumber(text: str, numbers: Mapping[str, int], lesson_words: Sequence[str]) -> tuple[str, int]:
    """The page with every number typed in a link to a lesson ("[на занятии 7](07-x.md)", in a
    language whose forms of "lesson" the build cannot write) set to that lesson's number in the
    nav, code left alone; and how many it changed. What check_source reports, fixed."""
    forms = "|".join(sorted(map(re.escape, lesson_words), key=len, reverse=True))
    if not forms:
        return text, 0
    typed = re.compile(rf"(?<!\w)(?P<form>{forms})(?P<space>\s+)(?P<number>\d+)\b", re.IGNORECASE)
    changed = 0

    def relabel(match: re.Match[str]) -> str:
        nonlocal changed
        number = numbers.get(match.group("slug"))
        label = match.group("label")
        found = typed.search(label)
        if not number or not found or int(found.group("number")) == number:
            return match.group()
        changed += 1
        label = label[:found.start("number")] + str(number) + label[found.end("number"):]
        return "[" + label + match.group()[len(match.group("label")) + 1:]

    def outside_code(match: re.Match[str]) -> str:
        return match.group() if match.group("code") else LINK.sub(relabel, match.group())

    return CODE_OR_TEXT.sub(outside_code, text), changed


def check_source(text: str, path: str, numbers: Mapping[str, int], facts: Mapping[str, str],
                 data: bool = False, dropped: frozenset[str] = frozenset(),
                 sessions: Mapping[str, int] | None = None, lesson_words: Sequence[str] = ()) -> list[CourseError]:
    """Every stale-prone or broken reference on a page (or, with data=True, a YAML data file).
    Markers of a `dropped` lesson are left to the one message that lists all its references.
    lesson_words: the forms of "lesson" in another language ("занятие", "занятии"...), whose
    cases the build cannot write: there a number is typed, in a link, and must match the link."""
    by_number = {number: slug for slug, number in numbers.items()}
    forms = "|".join(sorted(map(re.escape, lesson_words), key=len, reverse=True))
    translated = re.compile(rf"(?<!\w)(?:{forms})\s+(?P<number>\d+)\b", re.IGNORECASE) if forms else None
    lines = visible_data_lines(text) if data else visible_markdown_lines(text)
    errors = []
    for line_number, line in lines:
        for match in LESSON_MARKER.finditer(line):
            if match.group("slug") not in numbers and match.group("slug") not in dropped:
                errors.append(CourseError(path, line_number, f"[[{match.group('slug')}]] names a lesson that is not "
                                          "in the nav. Put the lesson back in the nav of mkdocs.yml, or remove or "
                                          f"reword this reference ({_suggest(match.group('slug'), numbers)})."))
        for match in COURSE_MARKER.finditer(line):
            if match.group("key") not in facts:
                known = ", ".join(f"[[course.{key}]]" for key in facts)
                errors.append(CourseError(path, line_number, f"[[course.{match.group('key')}]] is not a course fact. "
                                          f"Write one of {known}."))
        linked = set()
        for match in LINK.finditer(line):
            linked.update(range(*match.span()))
            number = numbers.get(match.group("slug"))
            typed = HAND_NUMBER.search(match.group("label")) or BARE_NUMBER.fullmatch(match.group("label")) \
                or (translated and translated.search(match.group("label")))  # "[на занятии 7](07-x.md)"
            if typed and number and int(typed.group("number")) != number:
                errors.append(CourseError(path, line_number, f"the link '[{match.group('label')}]' says lesson "
                                          f"{typed.group('number')}, but {match.group('slug')} is lesson {number} in "
                                          "the nav. " + (f"Write {number} instead." if typed.re is translated else
                                          f"Leave the label empty, [](…{match.group('slug')}.md), and the build "
                                          "writes the number.")))
            elif typed and number and typed.re is not translated:
                errors.append(_typed(path, line_number, typed.group(), match.group("slug"), link=True))
        for match in HAND_NUMBER.finditer(line):
            if match.start() in linked:
                continue
            slug = by_number.get(int(match.group("number")))
            errors.append(_typed(path, line_number, match.group(), slug))
        for match in translated.finditer(line) if translated else ():
            if match.start() not in linked:
                slug = by_number.get(int(match.group("number")))
                errors.append(CourseError(path, line_number, f"'{match.group()}' is a lesson number typed by hand "
                                          "and not linked, so nothing checks it when lessons move. Make it a link to "
                                          f"the lesson: [{match.group()}]({slug or 'NN-name'}.md)."))
        for match in HAND_SESSION.finditer(line):
            starting = [slug for slug, first in (sessions or {}).items() if first == int(match.group("number"))]
            instead = f"Session [[session:{starting[0]}]]" if starting else "Session [[session:NN-name]]"
            errors.append(CourseError(path, line_number, f"'{match.group()}' is a session number typed by hand, and "
                                      f"goes stale when lessons move. Write {instead} (the first session of that "
                                      "lesson, from the syllabus)."))
        for match in HAND_COUNT.finditer(line):
            if _count(match.group("count")) < len(numbers):
                continue  # "the two lessons before this one": a part of the course, not its size
            errors.append(CourseError(path, line_number, f"'{match.group()}' is a count typed by hand, and goes stale "
                                      "when a lesson is added or dropped. Write [[course.lessons]] lessons."))
    return errors


def timing_rows(rows: Sequence[tuple[str, str, int, int, str]]) -> str:
    """Body rows of a Markdown table: lesson link, teaching, exercises, total minutes, activity.
    Each row is (link target from the page, title, teaching, exercises, activity)."""
    return "\n".join(f"| []({target}): {title} | {teaching} | {exercises} | {teaching + exercises} | {activity} |"
                     for target, title, teaching, exercises, activity in rows)


def references_to(slug: str, root: Path, docs_dir: Path, other_docs: Sequence[Path] = ()) -> list[Reference]:
    """Every place in the project that still names the lesson `slug` (a file name without .md);
    other_docs: the pages of the other languages (docs-ru/), searched as docs_dir is."""
    found: list[Reference] = []
    for path in [page for folder in (docs_dir, *other_docs) for page in sorted(folder.rglob("*.md"))]:
        shown = display_path(path, root)  # docs-ru/..., not the build's merged folder
        if path.stem == slug and path.parent.name == "lessons":
            found.append(Reference(shown, None, "the lesson's own file"))
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            if f"[[{slug}]]" in line:
                found.append(Reference(shown, number, f"[[{slug}]]"))
            if re.search(rf"(?<![\w-]){re.escape(slug)}\.md\b", line):
                found.append(Reference(shown, number, f"a link to {slug}.md"))
            elif re.search(rf"assets/figures/{re.escape(slug)}-", line):
                found.append(Reference(shown, number, "a figure of the lesson"))
    for path in sorted((root / "data").rglob("*.y*ml")):
        shown = path.relative_to(root).as_posix()
        if path.stem == slug:
            found.append(Reference(shown, None, "the lesson's quiz file"))
            continue
        for number, line in visible_data_lines(path.read_text(encoding="utf-8", errors="replace")):
            key = re.match(rf"\s*-?\s*(?P<key>lesson|introduced)\s*:\s*['\"]?{re.escape(slug)}['\"]?\s*$", line)
            if key:
                found.append(Reference(shown, number, f"`{key.group('key')}: {slug}`"))
            elif re.search(rf"(?<![\w-]){re.escape(slug)}(?![\w-])", line):
                found.append(Reference(shown, number, f"names {slug}"))
    figures = docs_dir / "assets" / "figures"
    for path in sorted(figures.glob(f"{slug}-*")) if figures.is_dir() else []:
        found.append(Reference(path.relative_to(root).as_posix(), None, "a figure named after the lesson"))
    return found


# Helper functions


def _typed(path: str, line: int, typed: str, slug: str | None, link: bool = False) -> CourseError:
    if slug is None:
        return CourseError(path, line, f"'{typed}' is typed by hand, and no lesson has that number in the nav. "
                           "Name the lesson with [[NN-name]] (its file name), and the build writes its number.")
    instead = f"[]({slug}.md)" if link else f"[[{slug}]]"
    return CourseError(path, line, f"'{typed}' is typed by hand, and goes stale when lessons move. Write "
                       f"{instead} (it is {typed.split()[-1]} today), and the build writes the number from the nav.")


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS.index(word.lower()) + 1


def _suggest(slug: str, numbers: Mapping[str, int]) -> str:
    name = slug.split("-", 1)[-1]
    close = [other for other in numbers if other.split("-", 1)[-1] == name]
    return f"did you mean [[{close[0]}]]?" if close else "`make drop-lesson` lists every such reference"
