"""Hand-written pages: every Markdown file under docs/ must be UTF-8, its front matter closed
and valid, and every comment that looks like a course marker a real one, before MkDocs reads it.

MkDocs itself meets a page saved in another encoding with a Python traceback, and prints
front matter it cannot read as text at the top of the page; this feature checks every page
first (on_files, before any page is read) and reports each mistake with its file and line.
"""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from course.errors import Collector
from course.markers import MATERIAL_ADMONITIONS, misspelt_markers
from course.model import Course
from course.sources import check_front_matter, read_text

# Hooks


def on_files(files: Files, config: MkDocsConfig, course: Course) -> Files:
    errors = Collector()
    admonitions = MATERIAL_ADMONITIONS | _classes_styled(course.docs_dir)
    for file in files.documentation_pages():
        if file.generated_by or not file.abs_src_path:
            continue
        shown, lesson = course.path(file.src_uri), course.lesson(file.src_uri)
        with errors.check():
            text = lesson.text if lesson else read_text(Path(file.abs_src_path), shown)  # a lesson: read already
            check_front_matter(text, shown)
            errors.errors += misspelt_markers(text, shown, admonitions)
    errors.raise_any()
    return files


# Helper functions


def _classes_styled(docs_dir: Path) -> frozenset[str]:
    """Every class the stylesheets in docs/ name: the course's own admonition types are among them."""
    names: set[str] = set()
    for path in sorted(docs_dir.rglob("*.css")):
        names.update(re.findall(r"\.([a-z][\w-]*)", path.read_text(encoding="utf-8-sig", errors="replace")))
    return frozenset(names)
