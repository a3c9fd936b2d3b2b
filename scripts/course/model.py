"""The course as one object: built once per build, asked by every feature.

    course = build_course(config_file, docs_dir, nav, language="en", cache_dir=root / CACHE_DIR)

reads, each once: mkdocs.yml's `extra.course` (with line numbers), the nav, every lesson's
file (front matter, title, headings), data/references.bib, data/quizzes/*.yml,
data/glossary.yml, data/organisations.yml + data/timeline.yml, data/map.yml,
data/leaders.yml, data/ladder.yml (the last six optional: a course without them lacks that feature). Every mistake of
the build is collected and raised together as one CourseErrors (course/errors.py), each
line `file:line: what. What to do.`

The API (all plain data; nothing here imports MkDocs):

    course.settings      extra.course: title, term, instructors, schedule, activity headings
    course.lessons       the lessons in nav order; Lesson (course/lessons.py): number, slug,
                         src_uri, path, title, meta (front matter), headings (anchor -> text),
                         quiz, teaching/exercises/minutes, readings, activities
    course.lesson(src_uri) / course.lesson_by_slug(slug) -> Lesson | None
    course.label(lesson) "Lesson 3", the one way any page names a lesson
    course.words         the site's own words in this language (course/words.py,
                         data/messages/<lang>.yml): course.words("quiz.check") -> "Check"
    course.bibliography  Bibliography (course/citations.py)
    course.quizzes       slug -> Quiz (course/quizzes.py), every file of data/quizzes/
    course.glossary      Glossary | None (course/glossary.py); course.glossary_links: what
                         each lesson links, kept between builds (one cache file);
                         course.definitions: (site path, script) of every term's definition
    course.history       History | None (course/timeline/): states, organisations, events
    course.map           CourseMap | None (course/geomap.py), from data/map.yml
    course.leaders       LeadersTable | None (course/leaders.py), from data/leaders.yml
    course.ladder        Ladder | None (course/ladder.py), from data/ladder.yml
    course.templates     the words of the generated pages (course/templates.py, data/pages/*.md)
    course.language      the language pages are written in (theme.language)
    course.text(value)   a text of the course in that language: a text may be a plain
                         string or a mapping {en: ..., ru: ...}
    course.path(src_uri) "docs/lessons/01-concepts.md", the file an author edits

What a lesson is: course/lessons.py `is_lesson` (a page of the nav directly under
lessons/, not lessons/index.md); its number is its place among the nav's lessons.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Union

from . import markup
from .catalogue import load_messages, messages_path
from .citations import Bibliography, citations_in_data, load_bibliography
from .errors import Collector, CourseError, CourseErrors
from .glossary import Glossary, check_introduced, load_glossary
from .glossary_links import LinkRecord
from .glossary_page import definitions_script, definitions_uri
from .ladder import Ladder, load_ladder
from .leaders import LeadersTable, load_leaders
from .lesson_refs import Facts, check_references, course_facts
from .lessons import LESSONS_DIR, Lesson, is_lesson, parse_lesson
from .nav import nav_paths
from .geomap import CourseMap, load_map
from .quizzes import Quiz, check_objectives, load_quiz
from .sources import display_path, load_config_block, load_yaml, read_text, relative_links_in_data
from .syllabus import DEFAULT_SESSION_MINUTES, Settings, load_course
from .templates import Templates
from .words import Words
from .timeline import History, load_history

# The data files, relative to the project root (where mkdocs.yml is).
BIBLIOGRAPHY_FILE = "data/references.bib"
QUIZ_FOLDER = "data/quizzes"
GLOSSARY_FILE = "data/glossary.yml"
ORGANISATIONS_FILE = "data/organisations.yml"
TIMELINE_FILE = "data/timeline.yml"
MAP_FILE = "data/map.yml"
LEADERS_FILE = "data/leaders.yml"
LADDER_FILE = "data/ladder.yml"

Text = Union[str, Mapping[str, str]]  # one text, in one language or in several ({en: ..., ru: ...})


@dataclass
class Course:
    root: Path
    docs_dir: Path
    language: str
    settings: Settings
    lessons: tuple[Lesson, ...]
    bibliography: Bibliography
    quizzes: dict[str, Quiz]
    glossary: Glossary | None = None
    history: History | None = None
    cache_dir: Path | None = None
    glossary_links: LinkRecord | None = field(default=None, repr=False)
    map: CourseMap | None = None
    leaders: LeadersTable | None = None
    ladder: Ladder | None = None
    templates: Templates | None = field(default=None, repr=False)
    words: Words = field(default_factory=Words, repr=False)
    warnings: tuple[str, ...] = ()  # stale lesson numbers, references to dropped lessons (lesson_refs.py)

    def lesson(self, src_uri: str) -> Lesson | None:
        return self._by_uri.get(src_uri)

    def lesson_by_slug(self, slug: str) -> Lesson | None:
        return self._by_uri.get(f"{LESSONS_DIR}{slug}.md")

    def label(self, lesson: Lesson) -> str:
        return self.words("lesson", n=lesson.number)

    def text(self, value: Text) -> str:
        return pick(value, self.language)

    def path(self, src_uri: str) -> str:
        return display_path(self.docs_dir / src_uri, self.root)

    @cached_property
    def facts(self) -> Facts:
        """Lesson numbers, first sessions, [[course.*]] values and timing rows (course/lesson_refs.py)."""
        schedule = self.settings.schedule
        return course_facts(self.lessons, self.settings.title, self.settings.subtitle,
                            schedule.session_minutes if schedule else DEFAULT_SESSION_MINUTES)

    @cached_property
    def definitions(self) -> tuple[str, str] | None:
        """The glossary's definitions as one script, and where it goes in the site (course/glossary_page.py)."""
        if self.glossary is None:
            return None
        script = definitions_script(self.glossary)
        return definitions_uri(script), script

    @cached_property
    def _by_uri(self) -> dict[str, Lesson]:
        return {lesson.src_uri: lesson for lesson in self.lessons}


def pick(value: Text, language: str) -> str:
    """The text in the language asked for; else English; else the first one given."""
    if isinstance(value, str):
        return value
    return value.get(language) or value.get("en") or next(iter(value.values()), "")


def build_course(config_file: Path, docs_dir: Path, nav: Any, language: str = "en",
                 cache_dir: Path | None = None, course_block: Any = None,
                 messages: Mapping[str, Any] | None = None, main_language: str | None = None) -> Course:
    """The course, from the config (nav, extra.course) and the files; raises CourseErrors.

    nav: mkdocs.yml's nav as MkDocs read it (None: every page, in file order). course_block:
    extra.course as MkDocs read it, used when the config file itself cannot be re-read.
    messages: the interface words of this language, merged with the main language's
    (config.extra.messages); None: read from data/messages/<language>.yml.
    """
    root = config_file.parent
    errors = Collector()
    markup.use_cache(cache_dir)  # before the first render of any data text
    settings = Settings(title="")
    with errors.check():
        source, block = load_config_block(config_file, "extra", "course")
        settings = load_course(block if block is not None else course_block or {}, source)
    bibliography = None
    with errors.check():
        bibliography = load_bibliography(root / BIBLIOGRAPHY_FILE, BIBLIOGRAPHY_FILE, cache_dir)
    keys = bibliography.references if bibliography else None
    if bibliography:
        errors.errors += _data_citation_errors(root, bibliography, cache_dir, errors)
    quizzes = _quizzes(root, cache_dir, errors)
    pages = list(nav_paths(nav)) if nav else _pages_in(docs_dir)
    lesson_uris = [uri for uri in pages if is_lesson(uri)]
    lessons = []
    words, discussion = _words(root, language, main_language, messages), ""
    with errors.check():
        discussion = words("syllabus.discussion")
    for number, uri in enumerate(lesson_uris, start=1):
        path = display_path(docs_dir / uri, root)
        with errors.check():
            lessons.append(parse_lesson(read_text(docs_dir / uri, path), path, uri, number,
                                        quizzes.get(uri[len(LESSONS_DIR):-3]), keys, settings.activity_headings,
                                        discussion))
    for lesson in lessons:
        if lesson.quiz is not None:
            errors.errors.extend(check_objectives(lesson.quiz, list(lesson.objectives), lesson.path))
    with errors.check():
        _check_quizzes_have_lessons(quizzes, lesson_uris, docs_dir, root, nav is not None)
    glossary = links = history = None
    if (root / GLOSSARY_FILE).exists() and bibliography:
        with errors.check():
            glossary = load_glossary(root / GLOSSARY_FILE, GLOSSARY_FILE, keys, BIBLIOGRAPHY_FILE, cache_dir)
            check_introduced(glossary, [Path(uri).stem for uri in _pages_in(docs_dir) if is_lesson(uri)])
            links = LinkRecord.load(glossary, root / GLOSSARY_FILE, cache_dir)
    if (root / ORGANISATIONS_FILE).exists() and (root / TIMELINE_FILE).exists() and bibliography:
        with errors.check():
            history = load_history(root / ORGANISATIONS_FILE, root / TIMELINE_FILE, keys,
                                   [uri[len(LESSONS_DIR):-3] for uri in lesson_uris],
                                   ORGANISATIONS_FILE, TIMELINE_FILE, cache_dir, settings.years)
    course_map = None
    if (root / MAP_FILE).exists():
        with errors.check():
            course_map = load_map(root / MAP_FILE, MAP_FILE, root, cache_dir)
    leaders = None
    if (root / LEADERS_FILE).exists():
        with errors.check():
            leaders = load_leaders(root / LEADERS_FILE, LEADERS_FILE, cache_dir)
    ladder = None
    if (root / LADDER_FILE).exists():
        with errors.check():
            ladder = load_ladder(root / LADDER_FILE, LADDER_FILE, cache_dir)
    # Stale lesson numbers and references to dropped lessons are warnings (a site can still be
    # built from them), found even when the course has errors: a fork that drops a lesson
    # meets both at once, the message that lists every reference among them.
    schedule = settings.schedule
    warnings = tuple(check_references(root, docs_dir, course_facts(
        lessons, settings.title, settings.subtitle, schedule.session_minutes if schedule else DEFAULT_SESSION_MINUTES),
        words.catalogue.get("lesson_words") or (), cache_dir))
    if errors.errors:
        raise CourseErrors(errors.errors, warnings)
    assert bibliography is not None
    return Course(root, docs_dir, language, settings, tuple(lessons), bibliography, quizzes, glossary=glossary,
                  history=history, cache_dir=cache_dir, glossary_links=links, map=course_map, leaders=leaders,
                  ladder=ladder, templates=Templates(root), words=words, warnings=warnings)


def save(course: Course) -> None:
    """Keep what this build made for the next one (renders of data text, the glossary's links)."""
    markup.save_cache()
    if course.glossary_links is not None:
        course.glossary_links.save()


# Helper functions


def _data_citation_errors(root: Path, bibliography: Bibliography, cache_dir: Path | None,
                          errors: Collector) -> list[CourseError]:
    """Every citation and relative link in every data file, each at the line the author wrote it:
    data texts reach the pages as HTML the core writes, past MkDocs' checks and the citation pass
    (quiz texts get none at all, so there a citation is a mistake)."""
    found: list[CourseError] = []
    for path in sorted((root / "data").rglob("*.yml")):
        shown = display_path(path, root)
        with errors.check():
            data, text = load_yaml(path, shown, cache_dir), read_text(path, shown)
            found += citations_in_data(data, text, shown, bibliography, rendered=not shown.startswith(QUIZ_FOLDER + "/"))
            found += relative_links_in_data(data, text, shown)
    return found


def _words(root: Path, language: str, main: str | None, messages: Mapping[str, Any] | None) -> Words:
    source = messages_path(main or language)
    if messages is None:
        messages = load_messages(root, language, main or language)[0] if (root / messages_path(language)).is_file() else {}
    return Words(messages, source)


def _quizzes(root: Path, cache_dir: Path | None, errors: Collector) -> dict[str, Quiz]:
    """Every data/quizzes/*.yml, each file checked on its own so that all broken ones are reported."""
    folder = root / QUIZ_FOLDER
    quizzes: dict[str, Quiz] = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        with errors.check():
            quizzes[path.stem] = load_quiz(path, f"{QUIZ_FOLDER}/{path.name}", cache_dir)
    return quizzes


def _check_quizzes_have_lessons(quizzes: Mapping[str, Quiz], lesson_uris: list[str], docs_dir: Path,
                                root: Path, has_nav: bool) -> None:
    errors = Collector()
    for slug, quiz in quizzes.items():
        uri = f"{LESSONS_DIR}{slug}.md"
        with errors.check():
            if has_nav and uri not in lesson_uris:
                raise CourseError(quiz.path, None, f"there is no lesson '{uri}' in the nav of mkdocs.yml. "
                                  "Rename the file after its lesson, or add the lesson to the nav.")
            if not (docs_dir / uri).is_file():
                raise CourseError(quiz.path, None, f"its lesson {display_path(docs_dir / uri, root)} does not "
                                  "exist. Rename the file after its lesson.")
    errors.raise_any()


def _pages_in(docs_dir: Path) -> list[str]:
    """Every Markdown page under docs/, as MkDocs lists them without a nav (sorted paths)."""
    return sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
