"""Markdown from data files never turns into live script."""
from __future__ import annotations

import pytest
from course.markup import plain_text, render_markdown


def test_markdown_is_rendered():
    assert render_markdown("An *informal* [norm](../glossary.md#norm)", inline=True) == (
        'An <em>informal</em> <a href="../glossary.md#norm">norm</a>')


@pytest.mark.parametrize("evil, forbidden", [
    ("<script>alert(1)</script>", "<script"),
    ('<img src=x onerror="alert(1)">', "<img"),
    ("[click](javascript:alert(1))", "javascript:"),
    ("[click](JaVaScRiPt:alert(1))", "href"),
    ("[click](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ('<a href="javascript:alert(1)">x</a>', "<a "),
    ("![x](javascript:alert(1))", "<img"),
])
def test_script_in_data_never_becomes_markup(evil, forbidden):
    assert forbidden not in render_markdown(evil)


def test_plain_text_for_tooltips():
    assert plain_text("The *ASEAN way* & <b>more</b>") == "The ASEAN way & <b>more</b>"
