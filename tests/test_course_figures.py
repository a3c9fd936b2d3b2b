"""This course's figures drawn from data (the map, the leaders table, the ladder) on a phone:
readable at 390 px wide, no wider than the screen, axe clean in light and dark."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

PHONE = {"width": 390, "height": 844}
MAP_PAGES = ["lessons/02-case-for-a-region/", "lessons/03-hard-institutionalism/", "lessons/07-soft-regionalism/"]
MIN_CSS_PX = 12


def test_the_map_svgs_have_a_title_a_description_and_labels(site_dir):
    for name in ("central-asia-map.svg", "central-asia-map-eaeu-2018.svg"):
        svg = (site_dir / "assets" / "figures" / name).read_text(encoding="utf-8")
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        for label in ("KAZAKHSTAN", "Amu Darya", "Syr Darya", "Aral Sea", "Fergana Valley"):
            assert label in svg, f"{name} lacks the label {label}"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_is_readable_on_a_phone_and_fits_the_screen(browser, server, scheme):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, viewport=PHONE, color_scheme=scheme)
    try:
        for path in MAP_PAGES:
            visit.goto(path)
            image = visit.page.locator('img[src$="central-asia-map.svg"], img[src$="central-asia-map-eaeu-2018.svg"]')
            assert image.count() >= 1, f"/{path} shows no map"
            first = image.first
            first.scroll_into_view_if_needed()
            first.evaluate("img => img.decode()")
            shown = first.evaluate("img => [img.getBoundingClientRect().width, img.naturalWidth]")
            assert shown[1] > 0, f"/{path}: the map did not load"
            svg = visit.page.evaluate("src => fetch(src).then(r => r.text())", first.get_attribute("src"))
            view_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
            smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg))
            assert smallest * shown[0] / view_width >= MIN_CSS_PX, (
                f"/{path}: the smallest map label is {smallest * shown[0] / view_width:.1f} CSS px at 390 px")
            assert _page_width(visit) <= PHONE["width"], f"/{path} is wider than a 390 px screen"
            # Our figure and its text version; the rest of each page is test_accessibility's.
            figure = {"include": [['figure:has(img[src*="central-asia-map"])'], ["details.info"]]}
            violations = Axe().run(visit.page, context=figure).response["violations"]
            assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == [], f"/{path} ({scheme})"
    finally:
        visit.page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_leaders_table_fits_a_phone_and_is_axe_clean(browser, server, scheme):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, viewport=PHONE, color_scheme=scheme)
    try:
        visit.goto("lessons/07-soft-regionalism/")
        table = visit.page.locator("table", has_text="Nursultan Nazarbayev")
        assert table.count() == 1, "lesson 7 has no leaders table"
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "the leaders table is wider than a phone"
        assert _page_width(visit) <= PHONE["width"]
        context = {"include": [['table:has(td)']]}
        violations = Axe().run(visit.page, context=context).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    finally:
        visit.page.context.close()


# Helper functions


def _page_width(visit: object) -> int:
    return visit.page.evaluate("document.documentElement.scrollWidth")
