"""The site under a strict Content-Security-Policy: no inline script, no event-handler
attribute, nothing loaded from elsewhere, and every interactive part still working.

The policy is sent as an HTTP header, as a host would send it. `img-src data:` is there for
Material's icons: its CSS draws admonition, list and navigation icons as `mask-image:
url("data:image/svg+xml,...")`, and so does our course.css; CSS images fall under img-src.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Visit, open_visit
from helpers import StaticServer, html_pages

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")

# Recorded from the first moment of every document (Playwright's init scripts are not subject to CSP).
LISTEN = ("window.__cspViolations = [];"
          "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
          "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));")


@pytest.fixture(scope="module")
def csp_server(site_dir: Path) -> Iterator[StaticServer]:
    with StaticServer(site_dir, headers={"Content-Security-Policy": CSP}) as running:
        yield running


@pytest.fixture
def csp_visit(browser: object, csp_server: StaticServer) -> Iterator[Visit]:
    visit = open_visit(browser, csp_server.origin)
    visit.page.add_init_script(LISTEN)
    yield visit
    visit.page.context.close()


def violations(visit: Visit) -> list[str]:
    """Violations seen by the page, plus Chromium's "Refused to ..." console reports."""
    seen = visit.page.evaluate("window.__cspViolations || []")
    refused = [line for line in visit.console if "Content Security Policy" in line or "Refused to" in line]
    return seen + refused


def first_page_with(site_dir: Path, selector: str) -> str | None:
    for path in html_pages(site_dir):
        soup = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        if soup.select_one(selector):
            return path
    return None


# Static half: what a policy would block is not in the HTML in the first place.


def test_no_page_has_an_inline_script_or_event_handler_attribute(site_dir):
    found = []
    for page in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        name = page.relative_to(site_dir).as_posix()
        for script in soup.find_all("script"):
            # type=application/json is data (Material's __config), never run.
            if not script.get("src") and script.get("type") != "application/json":
                found.append(f"{name}: inline <script> {script.get_text()[:60]!r}")
        for tag in soup.find_all(True):
            found += [f"{name}: <{tag.name} {attr}=...>" for attr in tag.attrs if attr.lower().startswith("on")]
            href = tag.get("href") or tag.get("src") or ""
            if isinstance(href, str) and re.match(r"\s*javascript:", href, re.IGNORECASE):
                found.append(f"{name}: <{tag.name}> links to {href!r}")
    assert found == [], "\n".join(found)


# Browser half: the policy as a header, in Chromium.


@pytest.mark.browser
def test_every_page_runs_under_the_policy_without_a_violation(csp_visit, site_dir):
    for path in html_pages(site_dir) + ["404.html"]:
        csp_visit.goto(path)
        assert violations(csp_visit) == [], path
        assert csp_visit.errors == [], path
        assert csp_visit.console == [], path
        # Material's bundle ran (it marks the page as scripted) and so did the moved inline
        # scripts it needs (__md_get is defined by assets/javascripts/csp/base.js).
        assert csp_visit.page.evaluate("typeof __md_get === 'function' && !document.documentElement.classList.contains('no-js')")


@pytest.mark.browser
def test_search_works_under_the_policy(csp_visit):
    csp_visit.goto("")
    csp_visit.page.keyboard.press("s")
    csp_visit.page.keyboard.type("Acharya")
    csp_visit.page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert "Acharya" in csp_visit.page.locator(".md-search-result").inner_text()
    assert violations(csp_visit) == [] and csp_visit.errors == []


@pytest.mark.browser
def test_palette_and_instant_navigation_work_under_the_policy(csp_visit):
    csp_visit.goto("")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    first = csp_visit.page.evaluate(scheme)
    csp_visit.page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    chosen = csp_visit.page.evaluate(scheme)
    assert chosen != first
    csp_visit.goto("about/")  # a fresh page load: the moved palette script restores the choice
    assert csp_visit.page.evaluate(scheme) == chosen
    csp_visit.page.locator(".md-tabs__link", has_text="Lessons").first.click()  # instant navigation (fetch)
    csp_visit.page.wait_for_url("**/lessons/")
    assert violations(csp_visit) == [] and csp_visit.errors == []


@pytest.mark.browser
def test_a_quiz_works_under_the_policy(csp_visit, site_dir):
    path = first_page_with(site_dir, ".course-quiz")
    if path is None:
        pytest.skip("no quiz on the site yet (issue 5)")
    csp_visit.goto(path)
    question = csp_visit.page.locator(".course-quiz__question:has(input[type=radio])").first
    question.locator("input[type=radio]").first.check()
    question.locator("[data-action=check]").click()
    assert question.locator(".course-quiz__feedback").inner_text().strip() != ""
    assert violations(csp_visit) == [] and csp_visit.errors == []


@pytest.mark.browser
def test_a_glossary_tooltip_works_under_the_policy(csp_visit, site_dir):
    path = first_page_with(site_dir, "article a.course-term")
    if path is None:
        pytest.skip("no glossary links on the site yet (issue 6)")
    csp_visit.goto(path)
    link = csp_visit.page.locator("article a.course-term:visible").first
    definition = link.get_attribute("title")  # from the page's Key terms box (titles.js), under the policy
    assert definition
    link.hover()
    tooltip = csp_visit.page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text().strip()[:40] == definition.strip()[:40]
    assert violations(csp_visit) == [] and csp_visit.errors == []


@pytest.mark.browser
def test_the_timeline_filter_works_under_the_policy(csp_visit, site_dir):
    path = first_page_with(site_dir, "select[data-filter]")
    if path is None:
        pytest.skip("no timeline filter on the site yet (issue 7)")
    csp_visit.goto(path)
    events = csp_visit.page.locator(".course-event")
    total = events.count()
    csp_visit.page.locator("select[data-filter=states]").select_option("tm")
    visible = csp_visit.page.locator(".course-event:visible").count()
    assert 0 < visible < total
    assert "shown" in csp_visit.page.locator(".course-timeline-filter [role=status]").inner_text()
    assert violations(csp_visit) == [] and csp_visit.errors == []


def test_every_page_carries_the_policy_for_hosts_without_headers(site_dir):
    """GitHub Pages cannot send headers: the same policy comes as a <meta> before any script."""
    expected = CSP.replace("; frame-ancestors 'none'", "")  # not allowed in a <meta>
    for path in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None and meta["content"] == expected, path
        first_script = soup.head.find("script")
        assert first_script is None or meta.sourceline < first_script.sourceline, path
