"""Citations: "[@acharya1997]" becomes "(Acharya 1997)", linked to the page's reference list.

Every page that cites gets a "References" section at its end (or where the author puts
`<!-- references -->`); the page holding `<!-- bibliography -->` lists every work.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.cache import CACHE_DIR
from course.citations import Bibliography, citations_in_data, load_bibliography, render_citations, render_reference_list
from course.errors import CourseError
from course.sources import display_path, load_yaml, read_text, relative_links_in_data

log = logging.getLogger("mkdocs.plugins.course.citations")

BIBLIOGRAPHY_FILE = "data/references.bib"
DATA_FOLDER = "data"
QUIZ_FOLDER = "data/quizzes"  # quiz texts reach the page with no citation pass
REFERENCES_MARKER = "<!-- references -->"
BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"

bibliography: Bibliography | None = None

# Hooks


def on_config(config: MkDocsConfig) -> None:
    global bibliography
    root = Path(config.config_file_path).parent
    try:
        bibliography = load_bibliography(root / BIBLIOGRAPHY_FILE, BIBLIOGRAPHY_FILE, root / CACHE_DIR)
        errors = _data_text_errors(root, bibliography)
    except CourseError as error:
        raise PluginError(str(error)) from None
    # Every citation and link in every data file at once, each at the line the author wrote it.
    for error in errors[:-1]:
        log.error(str(error))
    if errors:
        raise PluginError(str(errors[-1]))


# First of the content hooks, while the Markdown is still exactly what the author wrote,
# so that line numbers in errors are right and generated HTML is never read as a citation.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert bibliography is not None
    path = display_path(Path(config.docs_dir) / page.file.src_uri, Path(config.config_file_path).parent)
    try:
        markdown, cited = render_citations(markdown, bibliography, path)
    except CourseError as error:
        raise PluginError(str(CourseError(error.path, _line_in_source(page, markdown, error), error.message))) from None
    if BIBLIOGRAPHY_MARKER in markdown:  # the full list already holds what the page cites
        return markdown.replace(BIBLIOGRAPHY_MARKER, render_reference_list(bibliography.sorted()))
    if cited:
        references = sorted((bibliography.references[key] for key in cited), key=lambda ref: ref.sort_key)
        section = "## References\n\n" + render_reference_list(references)
        if REFERENCES_MARKER in markdown:
            markdown = markdown.replace(REFERENCES_MARKER, section)
        else:
            markdown = markdown.rstrip() + "\n\n" + section + "\n"
    return markdown


# Helper functions


def _data_text_errors(root: Path, bibliography: Bibliography) -> list[CourseError]:
    """The texts of the data files reach the pages as HTML the core writes, past MkDocs' checks
    and this hook's page pass: their citations and links are checked here, at their lines."""
    errors = []
    for path in sorted((root / DATA_FOLDER).rglob("*.yml")):
        shown = display_path(path, root)
        data, text = load_yaml(path, shown, root / CACHE_DIR), read_text(path, shown)
        errors += citations_in_data(data, text, shown, bibliography, rendered=not shown.startswith(QUIZ_FOLDER + "/"))
        errors += relative_links_in_data(data, text, shown)
    return errors


def _line_in_source(page: Page, markdown: str, error: CourseError) -> int | None:
    """The line of the citation in the author's file. The Markdown seen here lacks the front matter,
    and hooks before this one (figures) may have replaced markers with several lines, so the line
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
