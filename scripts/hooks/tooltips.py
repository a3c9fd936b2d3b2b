"""Tooltips: titles in a page's content stay text when Material turns them into tooltips.

Material's tooltips insert an element's title as HTML, so a glossary definition, a reference
or an abbreviation holding "<img onerror=...>" would run on hover (see course/tooltips.py).
Last of the features on each page's content, so that titles any feature or extension added
are covered.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.model import Course
from course.tooltips import text_only_titles

# Hooks


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files, course: Course) -> str:
    return text_only_titles(html)
