"""Browser tests in Debian's headless Chromium: what a student sees and clicks."""
from __future__ import annotations

import pytest
from helpers import html_pages

pytestmark = pytest.mark.browser


def test_home_page_loads_without_console_errors(visit):
    visit.goto("")
    assert "Regionalism in Central Asia" in visit.page.title()
    assert visit.page.locator("h1").first.inner_text().startswith("Regionalism in Central Asia")
    assert visit.errors == [] and visit.console == []


def test_search_finds_a_word_from_the_bibliography(visit):
    visit.goto("")
    visit.page.keyboard.press("s")  # Material's shortcut focuses the search box
    visit.page.keyboard.type("Acharya")
    result = visit.page.locator(".md-search-result__item").first
    result.wait_for(timeout=10_000)
    assert "Acharya" in visit.page.locator(".md-search-result").inner_text()
    assert visit.errors == []


def test_every_page_makes_no_request_to_another_host_and_logs_no_error(visit, site_dir):
    pages = html_pages(site_dir)
    assert len(pages) >= 12
    for path in pages:
        visit.goto(path)
        assert visit.foreign_requests() == [], path
        assert visit.errors == [], path
        assert visit.console == [], path
    assert len(visit.requests) > len(pages)  # the recorder saw every page and its assets


def test_palette_toggle_switches_to_dark_and_back(visit):
    visit.goto("")
    scheme = lambda: visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    first = scheme()
    visit.page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    assert scheme() != first
