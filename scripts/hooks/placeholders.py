"""Scaffold text: the strict build names every FIXME left in a page or a data file.

The site, the review quiz, the answer key and the PDFs are all made from docs/ and data/,
so one check of those files before the build keeps scaffold text away from all of them.
Each finding is a warning (all of them at once, `file:line: what. What to do.`), and
`strict: true` turns any warning into a failed build.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from course.model import Course
from course.placeholders import find_in_data, find_in_markdown
from course.sources import display_path

log = logging.getLogger("mkdocs.plugins.course.placeholders")

# Hooks


def on_files(files: Files, config: MkDocsConfig, course: Course) -> Files:
    found = []
    for file in files.documentation_pages():
        if file.abs_src_path and not file.generated_by:
            lesson = course.lesson(file.src_uri)  # a lesson's text is in the course already: not read again
            text = lesson.text if lesson else Path(file.abs_src_path).read_text(encoding="utf-8-sig")
            found += find_in_markdown(text, course.path(file.src_uri))
    for source in sorted((course.root / "data").rglob("*.y*ml")):
        found += find_in_data(source.read_text(encoding="utf-8-sig"), display_path(source, course.root))
    for error in found:
        log.warning(str(error))
    return files
