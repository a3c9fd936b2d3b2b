"""Tooltips: titles in a page's content stay text when Material turns them into tooltips.

Material's tooltips insert an element's title as HTML, so a glossary definition, a reference
or an abbreviation holding "<img onerror=...>" would run on hover (see course/tooltips.py).
This hook runs last on each page's content and escapes "<" in every title once more.
"""
from __future__ import annotations


from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course.tooltips import text_only_titles

# Hooks


# Last of all content hooks, so that titles any hook or extension added are covered.
@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return text_only_titles(html)
