"""This course's figures drawn from data (the map, the leaders table, the ladder) on a phone:
readable at 390 px wide, no wider than the screen, axe clean in light and dark."""
from __future__ import annotations

import re

import pytest
from helpers import axe

PHONE = {"width": 390, "height": 844}
FIGURES = {  # page: the drawn figures it shows
    "lessons/01-concepts/": ["integration-ladder.svg"],
    "lessons/02-case-for-a-region/": ["central-asia-map.svg"],
    "lessons/03-hard-institutionalism/": ["central-asia-map.svg", "integration-ladder.svg"],
    "lessons/07-soft-regionalism/": ["central-asia-map-eaeu-2018.svg", "central-asia-map.svg"],
}
MIN_CSS_PX = 12


def test_the_map_svgs_have_a_title_a_description_and_labels(site_dir):
    for name in ("central-asia-map.svg", "central-asia-map-eaeu-2018.svg"):
        svg = (site_dir / "assets" / "figures" / name).read_text(encoding="utf-8")
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        for label in ("KAZAKHSTAN", "Amu Darya", "Syr Darya", "Aral Sea", "Fergana Valley"):
            assert label in svg, f"{name} lacks the label {label}"


def test_the_ladder_svg_has_a_title_a_description_and_every_rung(site_dir):
    svg = (site_dir / "assets" / "figures" / "integration-ladder.svg").read_text(encoding="utf-8")
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    for rung in ("Preferential trade area", "Free trade area", "Customs union", "Common market", "Economic union"):
        assert rung in svg


def test_the_russian_figures_carry_russian_words_and_place_every_organisation(site_dir):
    """data/map.yml and data/ladder.yml give every text in Russian too; rungs are still found by
    their English names, so the Russian ladder has as many boxes as the English one."""
    figures = site_dir / "ru" / "assets" / "figures"
    for name in ("central-asia-map.svg", "central-asia-map-eaeu-2018.svg"):
        svg = (figures / name).read_text(encoding="utf-8")
        for label in ("КАЗАХСТАН", "Амударья", "Сырдарья", "Аральское море", "Ферганская долина"):
            assert label in svg, f"ru/{name} lacks the label {label}"
        assert "KAZAKHSTAN" not in svg and "<title>Казахстан</title>" in svg  # named from data/map.yml
        assert "<title>Kazakhstan</title>" not in svg
    russian = (figures / "integration-ladder.svg").read_text(encoding="utf-8")
    english = (site_dir / "assets" / "figures" / "integration-ladder.svg").read_text(encoding="utf-8")
    for rung in ("Зона преференциальной торговли", "Зона свободной торговли", "Таможенный союз", "Общий рынок",
                 "Экономический союз"):
        assert f">{rung}</text>" in russian
    assert "Customs union" not in russian and russian.count("<rect x=") == english.count("<rect x=")


@pytest.mark.browser
@pytest.mark.parametrize("language", ["", "ru/"])
def test_no_label_of_a_drawn_figure_overlaps_another_or_runs_off_it(browser, server, language):
    """Each character's box (rotated with its label, less a fifth of its height above and below:
    the box holds the font's whole ascent and descent) stays inside the figure and clear of
    every other label's characters, in every language's words."""
    from conftest import open_visit

    visit = open_visit(browser, server.origin, viewport=PHONE)
    try:
        for name in ("central-asia-map.svg", "central-asia-map-eaeu-2018.svg", "integration-ladder.svg"):
            visit.goto(f"{language}assets/figures/{name}")
            found = visit.page.evaluate(_LABEL_BOXES, 0.2)
            assert found["count"] > 5, f"/{language}assets/figures/{name} shows no labels"
            assert found["outside"] == [], f"/{language}assets/figures/{name}: labels run off the figure"
            assert found["overlaps"] == [], f"/{language}assets/figures/{name}: labels overlap"
    finally:
        visit.page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_drawn_figures_are_readable_on_a_phone_and_fit_the_screen(browser, server, scheme):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, viewport=PHONE, color_scheme=scheme)
    try:
        for path, names in FIGURES.items():
            visit.goto(path)
            for name in names:
                image = visit.page.locator(f'img[src$="/{name}"]').first
                assert image.count() == 1, f"/{path} does not show {name}"
                image.scroll_into_view_if_needed()
                image.evaluate("img => img.decode()")
                shown, natural = image.evaluate("img => [img.getBoundingClientRect().width, img.naturalWidth]")
                assert natural > 0, f"/{path}: {name} did not load"
                svg = visit.page.evaluate("src => fetch(src).then(r => r.text())", image.get_attribute("src"))
                view_width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
                smallest = min(float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)) * shown / view_width
                assert smallest >= MIN_CSS_PX, f"/{path}: the smallest text of {name} is {smallest:.1f} CSS px"
            assert _page_width(visit) <= PHONE["width"], f"/{path} is wider than a 390 px screen"
            # Our figures and their text versions; the rest of each page is test_accessibility's.
            ours = {"include": [['figure:has(img[src*="assets/figures/"])'], ["details.info"]]}
            violations = axe().run(visit.page, context=ours).response["violations"]
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
        violations = axe().run(visit.page, context=context).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
    finally:
        visit.page.context.close()


# Helper functions


def _page_width(visit: object) -> int:
    return visit.page.evaluate("document.documentElement.scrollWidth")


_LABEL_BOXES = """(shrink) => {
  const svg = document.documentElement;
  const [, , width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
  const inverse = svg.getScreenCTM().inverse();
  const labels = [...svg.querySelectorAll("text")].map(text => {
    const matrix = inverse.multiply(text.getScreenCTM());
    const quads = [];
    for (let i = 0; i < text.getNumberOfChars(); i++) {
      const box = text.getExtentOfChar(i), cut = box.height * shrink;
      if (!box.width) continue;
      const [top, bottom] = [box.y + cut, box.y + box.height - cut];
      quads.push([[box.x, top], [box.x + box.width, top], [box.x + box.width, bottom], [box.x, bottom]]
        .map(([x, y]) => { const p = new DOMPoint(x, y).matrixTransform(matrix); return [p.x, p.y]; }));
    }
    return {text: text.textContent, quads};
  });
  const axes = quad => quad.map((p, i) => { const q = quad[(i + 1) % 4]; return [q[1] - p[1], p[0] - q[0]]; });
  const apart = (a, b) => [...axes(a), ...axes(b)].some(([ax, ay]) => {
    const pa = a.map(([x, y]) => x * ax + y * ay), pb = b.map(([x, y]) => x * ax + y * ay);
    return Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa);
  });
  const outside = labels.filter(l => l.quads.some(q => q.some(([x, y]) => x < 0 || y < 0 || x > width || y > height)))
    .map(l => l.text);
  const overlaps = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (labels[i].quads.some(a => labels[j].quads.some(b => !apart(a, b))))
        overlaps.push([labels[i].text, labels[j].text]);
  return {outside, overlaps, count: labels.length};
}"""
