"""Tables: every table scrolls sideways in a named region a keyboard can focus (course/tables.py)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.model import Course
from course.tables import label_tables

# Hooks


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    return label_tables(html)
