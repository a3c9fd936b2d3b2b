"""Quizzes: `<!-- quiz -->` in a lesson becomes the quiz in data/quizzes/<lesson-slug>.yml.

Also generates the review page (every lesson's quiz, with an overall score) and the
instructors' answer key. The script and style are docs/assets/js/quiz.js and css/quiz.css.
"""
from __future__ import annotations

import re
from pathlib import Path

from markdown.extensions.toc import slugify, unique
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from course import markup
from course.cache import CACHE_DIR
from course.errors import CourseError
from course.nav import nav_paths
from course.quizzes import (Quiz, check_objectives, check_sections, load_quizzes, objective_lines, render_answer_key,
                            render_quiz)
from course.sources import display_path, read_text

QUIZ_FOLDER = "data/quizzes"
QUIZ_MARKER = "<!-- quiz -->"
# On a line of its own: not a mention in `code`. The line start is checked behind the marker,
# so the regex engine jumps from one "<!-- quiz -->" to the next instead of trying every line.
MARKER_LINE = re.compile(r"<!-- quiz -->(?<=^<!-- quiz -->)[ \t]*$", re.MULTILINE)
REVIEW_PAGE = "review-quiz.md"
ANSWER_KEY_PAGE = "instructors/answer-key.md"
# Where a quiz (or its answer key) goes: a lesson's marker becomes one of these, and the
# generated pages hold one per lesson. They pass through Markdown as comments and are filled
# in the HTML, last: no other hook reads the quiz, and Markdown never parses its ~25 KB.
PLACEHOLDER = re.compile(r"<!-- course-(?P<what>quiz|key): (?P<slug>[\w-]+) -->")
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)[ \t#]*$", re.MULTILINE)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)

quizzes: dict[str, Quiz] = {}
lessons: dict[str, "Lesson"] = {}  # by slug, in nav order


class Lesson:
    def __init__(self, file: File, number: int, display_path: str) -> None:
        self.file = file
        self.number = number
        self.display_path = display_path
        # read_text: a lesson saved in another encoding is one clear line, not a traceback.
        raw = read_text(Path(file.abs_src_path), display_path) if file.abs_src_path else ""
        self.objectives = objective_lines(raw)  # the line of each learning objective
        text = FENCE.sub("", raw)
        self.title = next((m.group("text") for m in HEADING.finditer(text) if len(m.group("level")) == 1), file.name)
        self.headings = _heading_titles(text)  # anchor -> heading text, for the "revisit" links


# Hooks


def on_config(config: MkDocsConfig) -> None:
    global quizzes, lessons
    root = Path(config.config_file_path).parent
    lessons = {}
    markup.use_cache(root / CACHE_DIR)  # before the first render of a question
    try:
        quizzes = load_quizzes(root / QUIZ_FOLDER, QUIZ_FOLDER, root / CACHE_DIR)
        in_nav = set(nav_paths(config.nav or []))
        for slug, quiz in quizzes.items():
            if config.nav and f"lessons/{slug}.md" not in in_nav:  # without a nav, every page is in it
                raise CourseError(quiz.path, None, f"there is no lesson 'lessons/{slug}.md' in the nav of mkdocs.yml. "
                                  "Rename the file after its lesson, or add the lesson to the nav.")
    except CourseError as error:
        raise PluginError(str(error)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        for path in (REVIEW_PAGE, ANSWER_KEY_PAGE):
            if files.get_file_from_path(path) is not None:
                raise CourseError(_display(config, path), None,
                                  "this page is generated from data/quizzes/ by the quiz hook. Delete the file.")
        pages = list(nav_paths(config.nav)) if config.nav else sorted(f.src_uri for f in files.documentation_pages())
        lesson_paths = [p for p in pages if re.match(r"^lessons/\d+[\w-]*\.md$", p)]
        for number, path in enumerate(lesson_paths, start=1):
            file = files.get_file_from_path(path)
            slug = path[len("lessons/"):-3]
            if file is not None and slug in quizzes:
                lessons[slug] = Lesson(file, number, _display(config, path))
        for slug, quiz in quizzes.items():
            if slug not in lessons:
                raise CourseError(quiz.path, None, f"its lesson docs/lessons/{slug}.md does not exist. "
                                  "Rename the file after its lesson.")
    except CourseError as error:
        raise PluginError(str(error)) from None
    unchecked = [str(error) for slug, lesson in lessons.items()
                 for error in check_objectives(quizzes[slug], lesson.objectives, lesson.display_path)]
    if unchecked:
        raise PluginError("\n".join(unchecked))
    files.append(File.generated(config, REVIEW_PAGE, content=_review_markdown()))
    files.append(File.generated(config, ANSWER_KEY_PAGE, content=_answer_key_markdown()))
    return files


# Last of the Markdown hooks, so no earlier one sees what replaces the marker.
@event_priority(10)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    if src in (REVIEW_PAGE, ANSWER_KEY_PAGE):
        return markdown
    slug = src[len("lessons/"):-3] if src.startswith("lessons/") and src.endswith(".md") else None
    # A plain substring test first: the line-anchored pattern is slow to run over every page.
    count = len(MARKER_LINE.findall(markdown)) if QUIZ_MARKER in markdown else 0
    quiz = quizzes.get(slug or "")
    if quiz is None and count:
        raise PluginError(f"{_display(config, src)}:{_marker_line(page)}: the page has a {QUIZ_MARKER} marker "
                          f"but there is no {QUIZ_FOLDER}/{slug or Path(src).stem}.yml. "
                          "Write the quiz file, or remove the marker.")
    if quiz is None:
        return markdown
    if count != 1:
        found = "no" if count == 0 else f"{count}"
        raise PluginError(f"{_display(config, src)}: has {found} {QUIZ_MARKER} markers but {quiz.path} holds its quiz. "
                          f"Put exactly one {QUIZ_MARKER} under '## Check your understanding'.")
    return MARKER_LINE.sub(f"\n<!-- course-quiz: {slug} -->\n", markdown)


def on_serve(server: object, config: MkDocsConfig, builder: object) -> object:
    """`mkdocs serve` rebuilds when a quiz file changes, as it does for a lesson."""
    folder = Path(config.config_file_path).parent / QUIZ_FOLDER
    if folder.is_dir():
        server.watch(str(folder))
    return server


@event_priority(-50)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the placeholders; on a lesson, first check every `section:` against the toc's real anchors."""
    slug = page.file.src_uri[len("lessons/"):-3]
    if page.file.src_uri.startswith("lessons/") and slug in quizzes:
        try:
            check_sections(quizzes[slug], set(_anchors(page.toc)), lessons[slug].display_path)
        except CourseError as error:
            raise PluginError(str(error)) from None
    return fill_placeholders(html, page)


def fill_placeholders(text: str, page: Page, as_block: bool = False) -> str:
    """The quizzes (or answer keys) in place of their placeholders in the page's HTML, or in its
    Markdown as raw HTML blocks (as_block), for the course written out without hooks."""
    around = "\n\n" if as_block else ""
    return PLACEHOLDER.sub(lambda match: around + _render_placeholder(match, page) + around, text)


def on_post_build(config: MkDocsConfig) -> None:
    markup.save_cache()  # the Markdown renders of data text, for the next build


# Helper functions


def _display(config: MkDocsConfig, src_uri: str) -> str:
    return display_path(Path(config.docs_dir) / src_uri, Path(config.config_file_path).parent)


def _heading_titles(text: str) -> dict[str, str]:
    # The same slugs as the toc extension makes (MkDocs' default slugify and de-duplication);
    # only the link text depends on this: the anchors themselves are checked against the real toc.
    titles: dict[str, str] = {}
    seen: set[str] = set()
    for match in HEADING.finditer(text):
        title = re.sub(r"\s*\[@[^\]]*\]|[*_`]|\{[^}]*\}\s*$", "", match.group("text")).strip()
        titles[unique(slugify(title, "-"), seen)] = title
    return titles


def _anchors(toc: list[AnchorLink] | object) -> list[str]:
    return [anchor for link in toc for anchor in [link.id, *_anchors(link.children)]]


def _marker_line(page: Page) -> int | None:
    source = page.file.abs_src_path
    if not source or not Path(source).is_file():
        return None
    text = Path(source).read_text(encoding="utf-8-sig", errors="replace")
    match = MARKER_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _render_placeholder(match: re.Match[str], page: Page) -> str:
    lesson, quiz = lessons[match.group("slug")], quizzes[match.group("slug")]
    if match.group("what") == "key":
        return render_answer_key(quiz)
    if lesson.file is page.file:
        links = {anchor: (f"#{anchor}", title) for anchor, title in lesson.headings.items()}
    else:
        base = get_relative_url(lesson.file.url, page.file.url)
        links = {anchor: (f"{base}#{anchor}", f"{title} (lesson {lesson.number})")
                 for anchor, title in lesson.headings.items()}
    return render_quiz(quiz, links)


def _review_markdown() -> str:
    total = sum(len(quizzes[slug].questions) for slug in lessons)
    parts = [
        "# Review quiz\n",
        f"Every lesson's questions on one page, {total} in all, for revision before an exam. "
        "Your answers here and in the lessons are the same: answer a question in either place "
        "and it counts in both. Answers are kept in this browser only.\n",
        f'<p class="course-quiz-total" aria-live="polite">Overall score: 0 of {total}</p>\n',
    ]
    # Each lesson's questions fold away until opened: 85 questions laid out at once kept a
    # phone busy for a third of a second, and a reader revises one lesson at a time.
    # Material opens the fold when a link leads into it, and for printing.
    for slug, lesson in lessons.items():
        count = len(quizzes[slug].questions)
        parts.append(f"## Lesson {lesson.number}: {lesson.title}\n\n"
                     f'<details class="course-quiz-lesson">\n<summary>{count} question{"s" * (count != 1)}'
                     f"</summary>\n<!-- course-quiz: {slug} -->\n</details>\n")
    return "\n".join(parts)


def _answer_key_markdown() -> str:
    parts = [
        "---\nsearch:\n  exclude: true\n---\n",  # a student searching a question must not land here
        "# Answer key\n",
        "Every quiz question with its right answer, the feedback a student sees for each option, "
        f"and the explanation. Generated from `{QUIZ_FOLDER}/`: edit the quiz files, not this page.\n",
    ]
    for slug, lesson in lessons.items():
        parts.append(f"## Lesson {lesson.number}: {lesson.title}\n\n<!-- course-key: {slug} -->\n")
    return "\n".join(parts)
