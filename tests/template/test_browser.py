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


def index_requests(visit) -> list[str]:
    """Requests for the search index and for Material's search worker."""
    return [url for url in visit.requests if url.endswith("/search/search_index.json") or "/workers/search." in url]


def test_the_search_index_is_fetched_only_when_the_reader_reaches_for_search(visit):
    visit.goto("lessons/01-concepts/")
    visit.page.wait_for_timeout(500)
    assert index_requests(visit) == []  # 610 KB a reader who never searches does not download
    visit.page.locator("label.md-header__button[for='__search']:visible, .md-search__input:visible").first.click()
    visit.page.keyboard.type("Bishkek")
    visit.page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert len(index_requests(visit)) == 2  # the index and the worker, once each
    assert visit.errors == [] and visit.console == []


def test_a_first_visit_fetches_no_other_languages_sitemap(visit, site_dir):
    """Material fetches the sitemap.xml of every language a page's head links to, on every
    load, to find the page's twin; our switch links the twin itself, so no page has head links."""
    assert not [path for path in html_pages(site_dir, all_languages=True)
                if 'rel="alternate" hreflang' in (site_dir / path / "index.html").read_text(encoding="utf-8")]
    visit.goto("lessons/01-concepts/")
    visit.page.wait_for_timeout(800)
    assert [url for url in visit.requests if url.endswith("sitemap.xml")] == [f"{visit.origin}/sitemap.xml"]
    switch = visit.page.locator("a.md-select__link[hreflang=ru]").evaluate("a => a.href")
    assert switch == f"{visit.origin}/ru/lessons/01-concepts/"  # the twin itself
    assert visit.errors == [] and visit.console == []


def test_a_page_opened_from_a_search_result_loads_the_index_to_highlight_the_words(visit):
    visit.goto("lessons/01-concepts/?h=region")
    visit.page.locator("mark.md-search__highlight, .md-content mark").first.wait_for(timeout=10_000)
    assert len([url for url in index_requests(visit) if url.endswith(".json")]) == 1


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


def test_with_site_storage_blocked_nothing_throws_and_the_colour_toggle_stays(browser, server, tmp_path):
    """A school browser that blocks cookies and site data: reading window.localStorage throws."""
    import json

    from helpers import CHROMIUM, CHROMIUM_ARGS, chromium_env

    (tmp_path / "Default").mkdir()  # Chromium's own setting "Block all cookies and site data"
    (tmp_path / "Default" / "Preferences").write_text(
        json.dumps({"profile": {"default_content_setting_values": {"cookies": 2}}}), encoding="utf-8")
    # A profile of its own, started by the session's Playwright (one per process).
    context = browser.browser_type.launch_persistent_context(
        tmp_path, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, env=chromium_env())
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{server.origin}/lessons/03-hard-institutionalism/", wait_until="networkidle")
        storing = "(() => { try { localStorage.setItem('k', '1'); return 'stored' } catch { return 'blocked' } })()"
        assert page.evaluate(storing) == "blocked"  # as the test means
        toggle = page.locator("form[data-md-component=palette] label:visible")
        assert toggle.count() == 1
        toggle.click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        page.locator(".course-quiz input").first.check()  # the quiz works too, unsaved
        assert errors == []
    finally:
        context.close()
