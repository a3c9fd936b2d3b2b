"""Citations: "[@acharya1997]" becomes "(Acharya 1997)", linked to the page's reference list.

Every page that cites gets a "References" section at its end (or where the author puts
`<!-- references -->`); the page holding `<!-- bibliography -->` lists every work. (The
citations in the data files are checked when the course is built: course/model.py.)
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.citations import render_citations, render_reference_list
from course.errors import CourseError
from course.model import Course

REFERENCES_MARKER = "<!-- references -->"
BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"

# Hooks


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    bibliography = course.bibliography
    try:
        markdown, cited = render_citations(markdown, bibliography, course.path(page.file.src_uri))
    except CourseError as error:
        raise CourseError(error.path, _line_in_source(page, markdown, error), error.message) from None
    if BIBLIOGRAPHY_MARKER in markdown:  # the full list already holds what the page cites
        return markdown.replace(BIBLIOGRAPHY_MARKER, render_reference_list(bibliography.sorted()))
    if cited:
        references = sorted((bibliography.references[key] for key in cited), key=lambda ref: ref.sort_key)
        # The English anchor in every language: links to a page's references survive translation.
        section = f"## {course.words('references')} {{#references}}\n\n" + render_reference_list(references)
        if REFERENCES_MARKER in markdown:
            markdown = markdown.replace(REFERENCES_MARKER, section)
        else:
            markdown = markdown.rstrip() + "\n\n" + section + "\n"
    return markdown


# Helper functions


def _line_in_source(page: Page, markdown: str, error: CourseError) -> int | None:
    """The line of the citation in the author's file. The Markdown seen here lacks the front matter,
    and features before this one (figures) may have replaced markers with several lines, so the line
    counted in it is only a guess: the citation's text is looked up in the file itself, the
    occurrence nearest the guess. Read only now: reading every page's file would cost more."""
    source = page.file.abs_src_path
    if not error.line or not source or not Path(source).is_file():
        return error.line
    text = Path(source).read_text(encoding="utf-8-sig")
    guess = error.line + max(0, text.count("\n") - markdown.count("\n"))
    quoted = re.match(r"[^']*'([^']+)'", error.message)
    if not quoted:
        return guess
    token = quoted.group(1) if quoted.group(1).startswith("[") else f"@{quoted.group(1)}"
    lines = [text.count("\n", 0, found.start()) + 1 for found in re.finditer(re.escape(token.split("\n")[0]), text)]
    return min(lines, key=lambda line: abs(line - guess)) if lines else guess
