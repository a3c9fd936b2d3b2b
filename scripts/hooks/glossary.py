"""Glossary: data/glossary.yml becomes a generated Glossary page, first-use links with a
tooltip in every lesson, and the "Key terms" box where a lesson puts `<!-- key-terms -->`.

Each lesson is scanned once, when its first uses are linked; the glossary page, which MkDocs
reads after the lessons (it is added to the files after them), is written from what they
linked, so it can say where each term is used. A lesson taken out of the nav drops out.

Tooltips: a term link has the definition as its `title` (put there by titles.js from the
course's definitions file, which the lesson's Key terms box names, where the lesson has one);
Material's content.tooltips shows it on hover and keyboard focus, and on a touch screen a tap
shows it in place (glossary.js).
"""
from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from course.errors import CourseError
from course.glossary import LessonLink, terms_used
from course.glossary_page import render_glossary_page, render_key_terms
from course.model import GLOSSARY_FILE, Course

log = logging.getLogger("mkdocs.plugins.course.glossary")

GLOSSARY_PAGE = "glossary.md"
KEY_TERMS_MARKER = "<!-- key-terms -->"

# Hooks


def on_files(files: Files, config: MkDocsConfig, course: Course) -> Files:
    if course.glossary is None:
        return files
    existing = files.get_file_from_path(GLOSSARY_PAGE)
    if existing is not None and not existing.generated_by:
        raise CourseError(course.path(GLOSSARY_PAGE), None,
                          f"this page is generated from {GLOSSARY_FILE}. Delete it and edit the data file instead.")
    files.append(File.generated(config, GLOSSARY_PAGE, content="# Glossary\n"))  # written in on_pre_page
    if course.definitions is not None:  # read by titles.js for the Key terms boxes and tooltips
        files.append(File.generated(config, course.definitions[0], content=course.definitions[1]))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files, course: Course) -> Page:
    if course.glossary is not None and page.file.src_uri == GLOSSARY_PAGE and page.file.generated_by:
        page.file.content_string = _glossary_markdown(course, page.file, files)
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    glossary_file = files.get_file_from_path(GLOSSARY_PAGE)
    definitions = course.definitions
    if course.glossary_links is None or definitions is None or glossary_file is None:
        return markdown
    if course.lesson(page.file.src_uri) is None:
        return markdown
    url = glossary_file.url_relative_to(page.file)
    # Where the Key terms box names the definitions file, the links leave them to it (titles.js).
    markdown, used = course.glossary_links.link(page.file.src_uri, markdown, url, titles=KEY_TERMS_MARKER not in markdown)
    definitions_url = get_relative_url(definitions[0], page.file.url)
    return markdown.replace(KEY_TERMS_MARKER, render_key_terms(used, url, course.words, definitions_url), 1)


# Helper functions


def _glossary_markdown(course: Course, glossary_file: File, files: Files) -> str:
    """The glossary page, from the terms each lesson in the nav uses; warns about unused terms."""
    assert course.glossary is not None and course.glossary_links is not None
    used_in: dict[str, list[LessonLink]] = {}
    introduced: dict[str, LessonLink] = {}
    for lesson in course.lessons:
        file = files.get_file_from_path(lesson.src_uri)
        if file is None:
            continue
        link = LessonLink(lesson.number, lesson.title, file.url_relative_to(glossary_file))
        used = course.glossary_links.used.get(lesson.src_uri)
        if used is None:  # not rendered in this build (`mkdocs serve --dirty`): scan its source
            used = terms_used(get_data(file.content_string)[0], course.glossary)
        for term in used:
            used_in.setdefault(term.name, []).append(link)
            if term.introduced == lesson.slug:
                introduced[term.name] = link
    for term in course.glossary.terms:
        if term.name not in used_in:
            log.warning(f"{GLOSSARY_FILE}:{term.line}: term '{term.name}' is not used in any lesson in the nav. "
                        "Use it in a lesson, or remove it from the glossary.")
    return render_glossary_page(course.glossary, used_in, course.templates, course.words, introduced,
                                course.words("glossary.title"), course.language)
