"""Colours the Material way: a named palette colour (indigo) colours the header; the course's
own colours apply only with `primary: custom`; a palette with too little contrast is caught by
axe, which names the two colours."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import open_visit
from helpers import StaticServer, axe_findings, build, copy_project, problems

pytestmark = [pytest.mark.browser, pytest.mark.slow]

INDIGO = "rgb(64, 81, 181)"   # Material's indigo, #4051b5
OUR_TEAL = "rgb(0, 105, 92)"  # docs/assets/css/course.css, for primary: custom


def with_palette(tmp_path: Path, primary: str, accent: str) -> Path:
    """A scratch copy whose light and dark schemes both use these named colours, built strictly."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, primaries = re.subn(r"^(\s+primary:)\s*\S+", rf"\g<1> {primary}", text, flags=re.MULTILINE)
    text, accents = re.subn(r"^(\s+accent:)\s*\S+", rf"\g<1> {accent}", text, flags=re.MULTILINE)
    assert primaries == accents == 2, "mkdocs.yml no longer has two palettes with primary and accent"
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    return site


def header_colour(browser: object, origin: str, scheme: str) -> str:
    visit = open_visit(browser, origin, color_scheme=scheme)
    try:
        visit.goto("")
        return visit.page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    finally:
        visit.page.context.close()


def test_our_custom_colours_apply_with_primary_custom(browser, server):
    assert header_colour(browser, server.origin, "light") == OUR_TEAL


def test_a_named_colour_colours_the_header_and_passes_axe(browser, tmp_path):
    site = with_palette(tmp_path, "indigo", "indigo")
    with StaticServer(site) as server:
        assert header_colour(browser, server.origin, "light") == INDIGO
        visit = open_visit(browser, server.origin)
        try:
            visit.goto("")
            assert axe_findings(visit.page, "/") == []
        finally:
            visit.page.context.close()


def test_a_palette_with_too_little_contrast_is_named_pair_by_pair(browser, tmp_path):
    site = with_palette(tmp_path, "teal", "teal")  # white on Material's teal #009485 is 3.7:1
    with StaticServer(site) as server:
        visit = open_visit(browser, server.origin)
        try:
            visit.goto("")
            found = [line for line in axe_findings(visit.page, "/") if "color-contrast" in line]
        finally:
            visit.page.context.close()
    assert found, "axe found no contrast failure with white on teal"
    assert any("#ffffff" in line and "#009485" in line and "contrast of" in line for line in found), found
