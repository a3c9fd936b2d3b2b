"""axe-core on every page of the built site: no violation, Material's template included."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import html_pages

pytestmark = pytest.mark.browser

# Violations that come from Material's template and cannot be fixed through overrides/.
# Each needs a reason; an empty dict means none are tolerated.
KNOWN_TEMPLATE_VIOLATIONS: dict[str, str] = {}


def test_no_axe_violation_on_any_page(visit, site_dir):
    axe = Axe()
    found = []
    for path in html_pages(site_dir):
        visit.goto(path)
        for violation in axe.run(visit.page).response["violations"]:
            if violation["id"] in KNOWN_TEMPLATE_VIOLATIONS:
                continue
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"/{path}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    assert found == [], "\n".join(found)


def test_no_axe_violation_in_dark_mode(browser, server):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, color_scheme="dark")
    try:
        visit.goto("lessons/01-concepts/")
        violations = Axe().run(visit.page).response["violations"]
        assert [v["id"] for v in violations] == []
    finally:
        visit.page.context.close()
