"""Quizzes: `<!-- quiz -->` in a lesson becomes the quiz in data/quizzes/<lesson-slug>.yml.

Also generates the review page (every lesson's quiz, with an overall score) and the
instructors' answer key. The script and style are docs/assets/js/quiz.js and css/quiz.css.
A marker becomes a placeholder that passes through Markdown as a comment; the quiz's HTML
goes in after Markdown, last: no other feature reads the quiz, and Markdown never parses it.
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course.errors import CourseError
from course.model import QUIZ_FOLDER, Course
from course.quiz_html import quiz_texts_script, quiz_texts_uri, render_answer_key, render_quiz
from course.quizzes import check_sections
from course.review import quiz_placeholder, render_answer_key_page, render_review_page
from course.sources import line_in

QUIZ_MARKER = "<!-- quiz -->"
# On a line of its own: not a mention in `code`. The line start is checked behind the marker,
# so the regex engine jumps from one "<!-- quiz -->" to the next instead of trying every line.
MARKER_LINE = re.compile(r"<!-- quiz -->(?<=^<!-- quiz -->)[ \t]*$", re.MULTILINE)
PLACEHOLDER = re.compile(r"<!-- course-(?P<what>quiz|key): (?P<slug>[\w-]+) -->")
PAGES = {"review-quiz.md": render_review_page, "instructors/answer-key.md": render_answer_key_page}

# Hooks


def on_files(files: Files, config: MkDocsConfig, course: Course) -> Files:
    for path, render in PAGES.items():
        if files.get_file_from_path(path) is not None:
            raise CourseError(course.path(path), None, f"this page is generated from {QUIZ_FOLDER}/ by the quiz hook. "
                              "Delete the file.")
        files.append(File.generated(config, path, content=render(course)))
    for lesson in course.lessons:  # each quiz's feedback, loaded when a reader turns to the quiz
        if lesson.quiz is not None:
            files.append(File.generated(config, quiz_texts_uri(lesson.quiz), content=quiz_texts_script(lesson.quiz)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    lesson = course.lesson(page.file.src_uri)
    # A plain substring test first: the line-anchored pattern is slow to run over every page.
    count = len(MARKER_LINE.findall(markdown)) if QUIZ_MARKER in markdown else 0
    if (lesson is None or lesson.quiz is None) and count:
        slug = lesson.slug if lesson else page.file.src_uri.rsplit("/", 1)[-1][:-3]
        raise CourseError(course.path(page.file.src_uri), line_in(page.file.abs_src_path, QUIZ_MARKER),
                          f"the page has a {QUIZ_MARKER} marker but there is no {QUIZ_FOLDER}/{slug}.yml. "
                          "Write the quiz file, or remove the marker.")
    if lesson is None or lesson.quiz is None:
        return markdown
    if count != 1:
        raise CourseError(course.path(page.file.src_uri), None, f"has {count or 'no'} {QUIZ_MARKER} markers but "
                          f"{lesson.quiz.path} holds its quiz. Put exactly one {QUIZ_MARKER} under "
                          "'## Check your understanding'.")
    return MARKER_LINE.sub(f"\n{quiz_placeholder(lesson.slug)}\n", markdown)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    """Fill the placeholders; on a lesson, first check every `section:` against the toc's real anchors."""
    lesson = course.lesson(page.file.src_uri)
    if lesson is not None and lesson.quiz is not None:
        check_sections(lesson.quiz, set(_anchors(page.toc)), lesson.path)
    return fill_placeholders(html, page, files, course)


def fill_placeholders(text: str, page: Page, files: Files, course: Course, as_block: bool = False) -> str:
    """The quizzes (or answer keys) in place of their placeholders in the page's HTML, or in its
    Markdown as raw HTML blocks (as_block), for the course written out without hooks."""
    around = "\n\n" if as_block else ""
    return PLACEHOLDER.sub(lambda match: around + _render_placeholder(match, page, files, course) + around, text)


# Helper functions


def _anchors(toc: object) -> list[str]:
    return [anchor for link in toc for anchor in [link.id, *_anchors(link.children)]]


def _render_placeholder(match: re.Match[str], page: Page, files: Files, course: Course) -> str:
    lesson = course.lesson_by_slug(match.group("slug"))
    assert lesson is not None and lesson.quiz is not None
    if match.group("what") == "key":
        return render_answer_key(lesson.quiz, course.words)
    if lesson.src_uri == page.file.src_uri:
        links = {anchor: (f"#{anchor}", title) for anchor, title in lesson.headings.items()}
    else:
        base = get_relative_url(files.get_file_from_path(lesson.src_uri).url, page.file.url)
        links = {anchor: (f"{base}#{anchor}", f"{title} ({course.label(lesson).lower()})")
                 for anchor, title in lesson.headings.items()}
    texts_url = get_relative_url(quiz_texts_uri(lesson.quiz), page.file.url)  # the file on_files added
    return render_quiz(lesson.quiz, course.words, links, texts_url=texts_url)
