"""Timeline and membership: the data, the chart and table builders, validation, the pages, the filter."""
from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, axe, build, copy_project, problems, english_words

WORDS = english_words()

from course.citations import load_bibliography
from course.errors import CourseError
from course.timeline import (
    load_history, members_in, render_chart, render_comparison_table, render_membership_table, render_year_grid,
)

SVG = "{http://www.w3.org/2000/svg}"
LESSONS = ["01-concepts", "02-case-for-a-region", "03-hard-institutionalism", "04-absorption-and-skepticism",
           "05-new-momentum", "06-comparing-regions", "07-soft-regionalism", "08-debate-and-assessment"]
YEARS = (1991, 2018)  # extra.course.years
REQUIRED_ORGANISATIONS = {"tashkent-protocol", "single-economic-space", "caec", "caco", "cis", "customs-union-1995",
                          "eurasec", "bkr-customs-union", "eaeu", "sco", "csto", "asean", "eu"}


@pytest.fixture(scope="module")
def keys() -> set[str]:
    return set(load_bibliography(ROOT / "data" / "references.bib", "data/references.bib").references)


@pytest.fixture(scope="module")
def history(keys):
    return load_history(ROOT / "data" / "organisations.yml", ROOT / "data" / "timeline.yml", keys, LESSONS,
                        years=YEARS)


def cite(keys):
    return "[" + "; ".join("@" + key for key in keys) + "]"


# The course's data


def test_the_data_covers_what_the_course_needs(history):
    assert REQUIRED_ORGANISATIONS <= set(history.organisations)
    assert len(history.events) >= 30
    assert all(1991 <= e.year <= 2018 or e.context for e in history.events)
    caco = history.organisations["caco"]
    assert (caco.end_decided, caco.ended) == (2005, 2006)
    merger = next(e for e in history.events if "caco" in e.organisations and e.effective)
    assert (merger.year, merger.effective) == (2005, 2006)
    assert "2005" in merger.when(WORDS) and "2006" in merger.when(WORDS)
    russia = [m for m in caco.members if m.state == "ru"]
    assert [m.status for m in russia] == ["associate", "member"]


# Chart and table builders


def bars(svg: str) -> list[tuple[str, str, str, str]]:
    root = ET.fromstring(svg)  # well-formed XML, or this raises
    return [(r.get("data-organisation"), r.get("data-state"), r.get("data-from"), r.get("data-to"))
            for r in root.iter(f"{SVG}rect") if "tlc-bar" in r.get("class", "").split()]


def test_chart_is_well_formed_svg_with_title_desc_and_one_bar_per_membership(history):
    svg = render_chart(history, WORDS)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("viewBox")
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    assert root.get("aria-labelledby") == f'{root.find(f"{SVG}title").get("id")} {root.find(f"{SVG}desc").get("id")}'
    expected = [(m.organisation, m.state, str(m.joined), str(m.left or "")) for m in history.memberships]
    assert bars(svg) == expected
    every_bar_has_a_title = all(r.find(f"{SVG}title") is not None
                                for r in root.iter(f"{SVG}rect") if "tlc-bar" in r.get("class", ""))
    assert every_bar_has_a_title


def test_chart_has_the_years_on_its_axis(history):
    root = ET.fromstring(render_chart(history, WORDS))
    years = {t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tlc-year"}
    assert {"1991", "1995", "2000", "2005", "2010", "2015", "2018"} <= years


def test_chart_draws_bars_in_time_order(history):
    root = ET.fromstring(render_chart(history, WORDS))
    rects = {(r.get("data-organisation"), r.get("data-state"), r.get("data-from")): float(r.get("x"))
             for r in root.iter(f"{SVG}rect") if "tlc-bar" in r.get("class", "")}
    assert rects[("caco", "ru", "2004")] > rects[("caco", "ru", "2002")]
    assert rects[("eaeu", "kz", "2015")] > rects[("eurasec", "kz", "2000")]


def test_table_has_one_row_per_membership_matching_the_chart(history):
    table = BeautifulSoup(render_membership_table(history, cite, WORDS), "html.parser")
    rows = [(tr["data-organisation"], tr["data-state"], tr["data-from"], tr["data-to"])
            for tr in table.select("tbody tr")]
    assert rows == bars(render_chart(history, WORDS))
    assert all(th.get("scope") == "col" for th in table.select("thead th"))


def test_year_grid_shows_who_belonged_in_that_year(history):
    grid = BeautifulSoup(render_year_grid(history, 2003, cite, WORDS), "html.parser")
    header = [th.get_text() for th in grid.select("thead th")]
    assert "CACO" in header and "EurAsEC" in header and "ASEAN" not in header  # comparators left out
    row = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in grid.select("tbody tr")}
    caco, eurasec = header.index("CACO") - 1, header.index("EurAsEC") - 1
    assert row["Russia"][caco].startswith("associate")
    assert row["Uzbekistan"][caco] == "member" and row["Uzbekistan"][eurasec].endswith("not a member")
    assert members_in(history, 2007)["eurasec"]["uz"].joined == 2006
    assert "uz" not in members_in(history, 2009)["eurasec"]


def test_comparison_table_has_a_row_per_dimension_and_a_column_per_model(history):
    table = BeautifulSoup(render_comparison_table(history, WORDS), "html.parser")
    assert [th.get_text() for th in table.select("thead th")][1:] == [m.label for m in history.comparison.models]
    assert [th.get_text() for th in table.select("tbody th")] == [label for _, label in history.comparison.dimensions]
    assert "3,000" in table.get_text()


# Validation: one test per kind of mistake, each naming the file and line


ORGANISATIONS = """\
states:
  kz: {name: Kazakhstan, group: Central Asia}
  uz: {name: Uzbekistan, group: Central Asia}
organisations:
  - id: caco
    name: Central Asian Cooperation Organization
    acronyms: [CACO]
    founded: 2002
    ended: 2006
    fate: Merged into another body.
    track: central-asian
    type: hard-on-paper
    type_reason: Hard aims, soft machinery.
    source: moldashev2018
    members:
      - {state: kz, joined: 2002, left: 2006, source: moldashev2018}
      - {state: uz, joined: 2002, left: 2006, source: moldashev2018}
comparison:
  sources: [moldashev2018]
  dimensions:
    - {id: delegation, label: Delegation}
  models:
    - {id: caco, label: CACO, organisation: caco, type: soft, delegation: None}
types: {hard-on-paper: Hard on paper, soft: Soft}
tracks: {central-asian: Central Asia-only}
"""
TIMELINE = """\
periods:
  - {label: 1991–2018, from: 1991, to: 2018}
events:
  - date: 2002
    title: CACO founded
    text: The four states set it up.
    states: [kz, uz]
    organisations: [caco]
    lesson: 03-hard-institutionalism
    source: moldashev2018
"""


def load(tmp_path: Path, keys, organisations: str = ORGANISATIONS, timeline: str = TIMELINE):
    (tmp_path / "organisations.yml").write_text(organisations, encoding="utf-8")
    (tmp_path / "timeline.yml").write_text(timeline, encoding="utf-8")
    return load_history(tmp_path / "organisations.yml", tmp_path / "timeline.yml", keys, LESSONS,
                        "data/organisations.yml", "data/timeline.yml", years=YEARS)


def test_the_small_example_is_valid(tmp_path, keys):
    history = load(tmp_path, keys)
    assert len(history.events) == 1 and len(history.memberships) == 2


@pytest.mark.parametrize("old, new, where, message", [
    ("{state: uz, joined: 2002", "{state: xx, joined: 2002", "data/organisations.yml:17:",
     "member 'xx' of 'caco' is not a known state"),
    ("{state: kz, joined: 2002, left: 2006", "{state: kz, joined: 2004, left: 2003", "data/organisations.yml:16:",
     "left (2003) before it joined (2004)"),
    ("    founded: 2002\n", "    founded: 1985\n", "data/organisations.yml:5:", "outside 1991–2018"),
    ("      - {state: uz, joined: 2002, left: 2006, source: moldashev2018}",
     "      - {state: uz, joined: 2002, left: 2006}", "data/organisations.yml:17:", "has no source"),
    ("    source: moldashev2018\n    members:", "    source: moldashev2099\n    members:",
     "data/organisations.yml:5:", "unknown key 'moldashev2099'"),
    ("    members:\n      - {state: kz", "    members:\n      - {state: kz, stauts: member", "data/organisations.yml:16:",
     "unknown field 'stauts'"),
])
def test_bad_organisations_file_is_one_line_naming_file_and_line(tmp_path, keys, old, new, where, message):
    assert old in ORGANISATIONS
    with pytest.raises(CourseError) as caught:
        load(tmp_path, keys, organisations=ORGANISATIONS.replace(old, new, 1))
    assert str(caught.value).startswith(where), str(caught.value)
    assert message in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("old, new, message", [
    ("organisations: [caco]", "organisations: [cacoo]", "unknown organisation 'cacoo'"),
    ("states: [kz, uz]", "states: [kz, qq]", "unknown state 'qq'"),
    ("date: 2002", "date: 2019", "outside 1991–2018"),
    ("date: 2002", "date: 1967", "outside 1991–2018"),
    ("date: 2002", "date: 2002-13", "Write a year (2005) or a year and month (2005-10)"),
    ("    source: moldashev2018\n", "", "has no source"),
    ("source: moldashev2018", "source: [moldashev2018, tolipov2099]", "unknown key 'tolipov2099'"),
    ("lesson: 03-hard-institutionalism", "lesson: 03-hard-institutionalisms", "not a lesson in the nav"),
])
def test_bad_event_is_one_line_naming_file_and_line(tmp_path, keys, old, new, message):
    assert old in TIMELINE
    with pytest.raises(CourseError) as caught:
        load(tmp_path, keys, timeline=TIMELINE.replace(old, new, 1))
    assert str(caught.value).startswith("data/timeline.yml:4:"), str(caught.value)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_context_event_may_lie_outside_the_period(tmp_path, keys):
    timeline = TIMELINE.replace("date: 2002", "date: 1967-08\n    context: true").replace(
        "from: 1991", "from: 1900")
    history = load(tmp_path, keys, timeline=timeline)
    assert history.events[0].when(WORDS) == "August 1967"


def test_an_event_in_no_period_is_reported(tmp_path, keys):
    timeline = TIMELINE.replace("date: 2002", "date: 1967\n    context: true")
    with pytest.raises(CourseError, match=r"^data/timeline.yml:4: .*falls in no period"):
        load(tmp_path, keys, timeline=timeline)


def test_a_duplicate_organisation_id_names_both_lines(tmp_path, keys):
    organisations = ORGANISATIONS.replace("comparison:", textwrap.indent(
        ORGANISATIONS.split("organisations:\n")[1].split("comparison:")[0], "") + "comparison:")
    with pytest.raises(CourseError, match=r"^data/organisations.yml:18: organisation id 'caco' is used twice "
                                          r"\(first at line 5\)"):
        load(tmp_path, keys, organisations=organisations)


# The real site


def page(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_reference_pages_are_in_the_nav(site_dir):
    nav = [a.get_text(" ", strip=True) for a in page(site_dir, "timeline").select("nav.md-nav a")]
    for title in ("Timeline", "Organisations and membership", "Comparison of regionalisms"):
        assert title in nav


def test_timeline_page_lists_every_event_by_period_with_lesson_and_source(site_dir, history):
    soup = page(site_dir, "timeline")
    events = soup.select("li.course-event")
    assert len(events) == len(history.events)
    periods = [h2.get_text(strip=True).rstrip("¶") for h2 in soup.select("article h2")]
    assert periods[:4] == ["Before 1991 (context)", "1991–2004", "2004–2016", "2017–2018"]
    dates = [e.time["datetime"] for e in events]
    assert dates == sorted(dates, key=lambda d: (int(d[:4]), int(d[5:] or 0)))
    for event in events:
        lesson = next(a for a in event.select("a") if "/lessons/" in a["href"])
        target = (site_dir / "timeline" / lesson["href"]).resolve() / "index.html"
        assert target.exists(), lesson["href"]
        for citation in event.select("a.course-cite"):
            assert soup.find(id=citation["href"][1:]), citation
        assert event.select("a.course-cite")
    merger = next(e for e in events if "CACO to merge" in e.get_text())
    assert "2005" in merger.time.get_text() and "in effect 2006" in merger.time.get_text()
    assert soup.select_one("form.course-timeline-filter").has_attr("hidden")  # shown by the script only


def test_organisations_page_chart_and_table_agree(site_dir, history):
    soup = page(site_dir, "organisations")
    svg = soup.select_one("svg.course-chart")
    chart = [(r["data-organisation"], r["data-state"], r["data-from"], r["data-to"])
             for r in svg.select("rect.tlc-bar")]
    table = [(tr["data-organisation"], tr["data-state"], tr["data-from"], tr["data-to"])
             for tr in soup.select(".course-membership-table tbody tr")]
    assert chart == table and len(chart) == len(history.memberships)
    ET.fromstring(str(svg).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
                  if "xmlns" not in str(svg) else str(svg))
    for organisation in history.organisations:
        entry = soup.find(id=organisation)
        assert entry is not None and entry.name == "h3", organisation
    caco = soup.find(id="caco").find_next("dl").get_text(" ")
    assert "end decided 2005, in effect 2006" in caco


def test_comparison_page_and_lesson_6_show_the_same_table(site_dir):
    def cells(soup):
        table = soup.select_one(".course-comparison table")
        return [[cell.get_text(" ", strip=True) for cell in tr.select("th, td")] for tr in table.select("tr")]

    lesson = page(site_dir, "lessons/06-comparing-regions")
    assert cells(page(site_dir, "comparison")) == cells(lesson)
    caption = lesson.select_one(".course-comparison").find_parent("figure").figcaption.get_text()
    assert "Table 2." in caption and "Four models" in caption


def test_lesson_3_has_the_2003_membership_table_with_working_citations(site_dir):
    lesson = page(site_dir, "lessons/03-hard-institutionalism")
    grid = lesson.select_one('.course-membership-grid[data-year="2003"]')
    assert grid is not None
    for link in grid.find_parent("figure").select("a.course-cite-bib"):
        path, anchor = link["href"].split("#")
        target = page(site_dir, str(Path("lessons/03-hard-institutionalism", path)))
        assert target.find(id=anchor), link["href"]


# The hook, on scratch copies of the project


def test_a_hand_written_timeline_page_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "timeline.md").write_text("# My timeline\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stdout
    assert any("docs/timeline.md: is generated from data/organisations.yml" in line
               for line in problems(result.stdout)), result.stdout


def test_bad_data_and_a_bad_marker_stop_the_build_with_one_line(tmp_path):
    project = copy_project(tmp_path / "project")
    timeline = project / "data" / "timeline.yml"
    text = timeline.read_text(encoding="utf-8")
    line = text[: text.index("organisations: [tashkent-protocol]")].count("\n") + 1
    timeline.write_text(text.replace("organisations: [tashkent-protocol]", "organisations: [tashkent]", 1),
                        encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stdout
    event_line = text[: text.rindex("- date:", 0, text.index("organisations: [tashkent-protocol]"))].count("\n") + 1
    assert any(f"data/timeline.yml:{event_line}: " in p and "unknown organisation 'tashkent'" in p
               for p in problems(result.stdout)), (line, result.stdout)

    timeline.write_text(text, encoding="utf-8")
    lesson = project / "docs" / "lessons" / "03-hard-institutionalism.md"
    source = lesson.read_text(encoding="utf-8")
    marker_line = source[: source.index("<!-- membership 2003 -->")].count("\n") + 1
    lesson.write_text(source.replace("<!-- membership 2003 -->", "<!-- membership 1990 -->"), encoding="utf-8")
    result = build(project, tmp_path / "site2")
    assert result.returncode != 0 and "Traceback" not in result.stdout
    assert any(f"docs/lessons/03-hard-institutionalism.md:{marker_line}: " in p and "needs a year" in p
               for p in problems(result.stdout)), result.stdout


# In the browser


def shown_events_are(page, count: int) -> None:
    """Wait until the filter shows `count` events. A locator assertion, not wait_for_function:
    the site's CSP meta tag forbids the eval that wait_for_function's string predicate needs."""
    from playwright.sync_api import expect

    expect(page.locator("li.course-event:not([hidden])")).to_have_count(count)


@pytest.mark.browser
def test_filter_by_state_and_organisation_by_keyboard(visit, history):
    visit.goto("timeline/")
    page_ = visit.page
    form = page_.locator("form.course-timeline-filter")
    assert form.is_visible()
    total = len(history.events)
    assert page_.locator("li.course-event:visible").count() == total

    state = page_.locator("#tl-state")
    state.focus()
    page_.keyboard.type("Turkmenistan")
    assert state.input_value() == "tm"
    expected = sum("tm" in e.states for e in history.events)
    shown_events_are(page_, expected)
    assert page_.locator(".course-timeline-status").inner_text() == f"{expected} events shown."

    page_.keyboard.press("Tab")  # on to the organisation filter: both filters apply together
    assert page_.evaluate("document.activeElement.id") == "tl-organisation"
    page_.locator("#tl-organisation").select_option("tashkent-protocol")
    both = sum("tm" in e.states and "tashkent-protocol" in e.organisations for e in history.events)
    shown_events_are(page_, both)
    assert page_.locator("h2:has(+ ol.course-timeline):visible").count() < 4  # periods with no match go

    page_.keyboard.press("Tab")  # "Show all" is a real button: Enter resets both filters
    assert page_.evaluate("document.activeElement.type") == "reset"
    page_.keyboard.press("Enter")
    shown_events_are(page_, total)
    assert state.input_value() == "" and visit.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["timeline/", "organisations/", "comparison/"])
def test_no_axe_violation_in_the_generated_pages(visit, path):

    visit.goto(path)
    violations = axe().run(visit.page, context=".md-content").response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []


@pytest.mark.browser
def test_chart_is_readable_in_dark_mode(browser, server):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, color_scheme="dark")
    try:
        visit.goto("organisations/")
        text_colour = visit.page.evaluate(
            "getComputedStyle(document.querySelector('svg.course-chart text')).fill")
        background = visit.page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert text_colour != background
        light = [int(x) for x in re.findall(r"\d+", text_colour)[:3]]
        assert sum(light) > 3 * 150, text_colour  # light text on the dark slate background
    finally:
        visit.page.context.close()
