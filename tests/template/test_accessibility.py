"""axe-core on every page of the built site, phone and desktop, light and dark: no violation,
Material's template included; no page wider than a phone; wide tables scroll by keyboard.

The site is built from mkdocs.yml as it is, so the check covers whatever palette a fork
picks; a contrast failure names the two colours and their ratio."""
from __future__ import annotations

import json

import pytest
from conftest import open_visit
from helpers import ROOT, axe, axe_findings, html_pages

pytestmark = pytest.mark.browser

# Violations that come from Material's template and cannot be fixed through overrides/.
# Each needs a reason; an empty dict means none are tolerated.
KNOWN_TEMPLATE_VIOLATIONS: dict[str, str] = {}
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 768}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_axe_violation_on_any_page(browser, server, site_dir, viewport, scheme):
    visit = open_visit(browser, server.origin, viewport=viewport, color_scheme=scheme)
    found = []
    try:
        for path in html_pages(site_dir):
            visit.goto(path)
            found += axe_findings(visit.page, f"/{path} ({viewport['width']} px, {scheme})",
                                  tuple(KNOWN_TEMPLATE_VIOLATIONS))
    finally:
        visit.page.context.close()
    assert found == [], "\n".join(found)


def test_the_axe_core_checking_the_pages_is_the_one_package_json_pins(visit):
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    visit.goto("")
    visit.page.evaluate(axe().axe_script)
    assert visit.page.evaluate("axe.version") == pinned  # not the older copy axe-playwright-python bundles


def test_no_page_is_wider_than_a_phone(browser, server, site_dir):
    visit = open_visit(browser, server.origin, viewport=PHONE)
    too_wide = []
    try:
        for path in html_pages(site_dir):
            visit.goto(path)
            width = visit.page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide.append(f"/{path}: {width} px")
    finally:
        visit.page.context.close()
    assert too_wide == []


def test_a_table_wider_than_a_phone_scrolls_by_keyboard_and_has_a_name(browser, server):
    visit = open_visit(browser, server.origin, viewport=PHONE)
    try:
        visit.goto("organisations/")
        region = visit.page.get_by_role("region", name="2018", exact=True)
        assert region.get_attribute("tabindex") == "0"
        assert region.evaluate("el => el.scrollWidth > el.clientWidth")  # wider than the phone
        region.focus()
        visit.page.keyboard.press("ArrowRight")
        visit.page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    finally:
        visit.page.context.close()
