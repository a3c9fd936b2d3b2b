"""A student on a phone (issue #19): 390 px wide, touch, no hover, in headless Chromium.

What is measured is what the student sees: widths, text sizes in CSS px, where a tap leads.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
READABLE_PX = 12  # the smallest chart or figure text a student can read at arm's length
LESSON = "lessons/01-concepts/"
MULTIPLE = "#quiz-01-concepts-hard-features"


@pytest.fixture(params=["light", "dark"])
def phone(request, browser, server) -> Iterator[object]:
    from conftest import open_visit

    visit = open_visit(browser, server.origin, color_scheme=request.param, **PHONE)
    yield visit
    visit.page.context.close()


@pytest.fixture
def light_phone(browser, server) -> Iterator[object]:
    from conftest import open_visit

    visit = open_visit(browser, server.origin, **PHONE)
    yield visit
    visit.page.context.close()


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def luminance(rgb: str) -> float:
    channels = [int(v) / 255 for v in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Tap-to-define


def test_a_tap_on_a_term_shows_its_definition_in_place_and_a_second_tap_opens_the_glossary(phone):
    phone.goto(LESSON)
    page = phone.page
    term = page.locator("article a.course-term").nth(3)
    assert term.get_attribute("title") == ""  # the definitions come with the first tap (titles.js)
    href = term.get_attribute("href")
    term.tap()
    box = page.locator(".course-define")
    box.wait_for()
    definition = term.get_attribute("title")
    assert box.count() == 1 and box.is_visible()
    assert definition and definition.replace("&lt;", "<") in box.inner_text()
    assert page.url.endswith(LESSON)  # still in the lesson
    assert page.evaluate("document.activeElement.className") == "course-define"  # read out next
    assert term.get_attribute("aria-expanded") == "true" and term.get_attribute("aria-controls") == "course-define"
    assert box.evaluate("b => b.previousElementSibling.matches('a.course-term')")  # under the term itself
    assert box.get_by_role("link").get_attribute("href") == href  # the glossary, one more tap away
    assert box.bounding_box()["width"] <= 390 and page_width(page) <= 390
    term.tap()
    page.wait_for_url(f"**/glossary/#{href.split('#')[1]}")
    assert phone.errors == []


def test_the_definition_closes_with_escape_or_a_tap_elsewhere_and_focus_goes_back(light_phone):
    light_phone.goto(LESSON)
    page = light_phone.page
    term = page.locator("article a.course-term").first
    term.tap()
    page.locator(".course-define").wait_for()  # the definitions come with the first tap
    page.keyboard.press("Escape")
    assert page.locator(".course-define").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('course-term')")
    assert term.get_attribute("aria-expanded") == "false" and term.get_attribute("aria-controls") is None
    term.tap()
    page.locator("article h1").tap()
    assert page.locator(".course-define").count() == 0
    term.tap()
    page.locator(".course-define").get_by_role("button", name="Close").tap()
    assert page.locator(".course-define").count() == 0


def test_the_definition_by_keyboard_on_a_touch_screen(light_phone):
    light_phone.goto(LESSON)
    page = light_phone.page
    page.locator("article a.course-term").first.focus()
    page.keyboard.press("Enter")
    page.locator(".course-define").wait_for()  # the definitions come with the first Enter
    assert page.locator(".course-define").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.course-define') !== null")  # its glossary link
    page.keyboard.press("Escape")
    assert page.locator(".course-define").count() == 0


def test_with_a_mouse_the_term_is_a_link_with_materials_tooltip(visit):
    visit.goto(LESSON)
    term = visit.page.locator("article a.course-term").first
    href = term.get_attribute("href")
    term.click()
    visit.page.wait_for_url(f"**/glossary/#{href.split('#')[1]}")
    assert visit.page.locator(".course-define").count() == 0


# Figures and the chart


def smallest_font(svg_text: str) -> float:
    return min(float(size) for size in re.findall(r'font-size[=:]\s*"?([0-9.]+)', svg_text))


def test_every_lesson_figure_is_readable_one_tap_away(light_phone, site_dir):
    page = light_phone.page
    seen = 0
    for lesson in sorted((site_dir / "lessons").glob("0*/index.html")):
        light_phone.goto(f"lessons/{lesson.parent.name}/")
        for index in range(page.locator("figure:has(img[src$='.svg'])").count()):
            figure = page.locator("figure:has(img[src$='.svg'])").nth(index)
            image = figure.locator("img")
            source = site_dir / urlparse(image.evaluate("i => i.src")).path.lstrip("/")  # drawn or generated
            text = source.read_text(encoding="utf-8")
            drawn = float(re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+)', text)[1])
            before = page_width(page)
            figure.get_by_role("button", name="Enlarge").tap()
            assert figure.get_by_role("button", name="Enlarge").get_attribute("aria-pressed") == "true"
            shown = image.bounding_box()["width"]
            assert smallest_font(text) * shown / drawn >= READABLE_PX, source.name
            assert page_width(page) == before, source.name  # the figure scrolls, not the page
            if image.evaluate("i => i.closest('a')"):  # a linked figure: its link opens it alone
                figure.get_by_role("button", name="Enlarge").tap()
            else:
                image.tap(position={"x": 20, "y": 20})  # and back to the column
            assert image.bounding_box()["width"] <= 390
            seen += 1
    assert seen >= 5


# Tables


def test_a_wide_table_scrolls_inside_the_column_with_a_shadow_at_the_hidden_side(phone):
    phone.goto("syllabus/")
    page = phone.page
    wrap = page.locator(".md-typeset__scrollwrap").first
    assert page_width(page) <= 390
    assert wrap.evaluate("w => w.scrollWidth > w.clientWidth")  # the table is wider than the phone
    assert "radial-gradient" in wrap.evaluate("w => getComputedStyle(w).backgroundImage")


# The quiz


def test_the_quiz_on_a_phone_before_and_after_an_answer(phone):
    phone.goto(LESSON)
    page = phone.page
    box = page.locator(MULTIPLE)
    assert not box.get_by_role("button", name="Try again").is_visible()  # nothing to try again yet
    assert box.inner_text().count("Select all that apply") == 1
    legend, frame = box.locator("legend").bounding_box(), box.bounding_box()
    assert legend["y"] >= frame["y"] + 1  # the 1 px border runs above the question, not through it
    option = box.locator("input").first.bounding_box()
    assert option["x"] - frame["x"] <= 24  # options keep the narrow column for their words
    feedback = box.locator(".course-quiz__feedback")
    colours = {}
    for result in ("wrong", "right"):
        # Tick a wrong option, then exactly the answers the key holds.
        page.evaluate("""([selector, right]) => {
            const box = document.querySelector(selector);
            const key = JSON.parse(box.closest('.course-quiz').dataset.answers)[box.dataset.id].c;
            box.querySelectorAll('input').forEach(i => { i.checked = right ? key.includes(+i.value) : !key.includes(+i.value); });
        }""", [MULTIPLE, result == "right"])
        box.get_by_role("button", name="Check").tap()
        assert feedback.get_attribute("data-result") == result
        colours[result] = feedback.evaluate("f => getComputedStyle(f).borderLeftColor")
        code = feedback.evaluate("f => getComputedStyle(f).backgroundColor")
        assert contrast(colours[result], code) >= 3, (result, colours[result], code)
    assert colours["right"] != colours["wrong"]
    assert feedback.inner_text().startswith("Correct.")
    assert box.get_by_role("button", name="Try again").is_visible()
    box.locator("input").first.click()  # a changed answer: the old verdict no longer applies
    assert feedback.inner_text() == "" and feedback.get_attribute("data-result") == ""
    assert page_width(page) <= 390


def test_reset_offers_to_undo_until_the_next_answer(light_phone):
    light_phone.goto(LESSON)
    page = light_phone.page
    box = page.locator(MULTIPLE)
    box.locator("input[value='0']").check()
    box.get_by_role("button", name="Check").tap()
    page.get_by_role("button", name="Reset this quiz").tap()
    assert not box.locator("input[value='0']").is_checked() and box.locator(".course-quiz__feedback").inner_text() == ""
    assert "Quiz reset" in page.locator(".course-quiz__score").inner_text()
    page.get_by_role("button", name="Undo reset").tap()
    assert box.locator("input[value='0']").is_checked() and box.locator(".course-quiz__feedback").inner_text()
    page.get_by_role("button", name="Reset this quiz").tap()
    page.locator("#quiz-01-concepts-regionalization-example input").first.check()
    page.locator("#quiz-01-concepts-regionalization-example").get_by_role("button", name="Check").tap()
    assert page.get_by_role("button", name="Undo reset").count() == 0  # a new answer: the reset stands
    assert light_phone.errors == []


# The timeline filter


def test_timeline_filter_fits_a_finger_and_says_once_when_nothing_matches(light_phone):
    light_phone.goto("timeline/")
    page = light_phone.page
    form = page.locator("form.course-timeline-filter")
    for control in form.locator("select, button").all():
        assert control.bounding_box()["height"] >= 44
    for name in ("tl-state", "tl-organisation"):
        label, select = page.locator(f"label[for={name}]").bounding_box(), page.locator(f"#{name}").bounding_box()
        assert abs((label["y"] + label["height"] / 2) - (select["y"] + select["height"] / 2)) < 8, name  # one row
    page.locator("#tl-state").select_option("tm")
    page.locator("#tl-organisation").select_option("asean")
    assert page.locator("li.course-event:visible").count() == 0
    assert page.locator("text=No event matches the filter").count() == 1
    assert page.locator("article h2:has(+ ol.course-timeline):visible").count() == 0  # empty periods go, headings too
    assert page_width(page) <= 390


# Small things


def test_headings_keep_no_hidden_section_link_on_a_phone(light_phone):
    light_phone.goto("lessons/04-absorption-and-skepticism/")
    assert light_phone.page.locator("article .headerlink:visible").count() == 0
    heights = light_phone.page.locator("article h2").evaluate_all(
        "hs => hs.map(h => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight))")
    assert max(heights) < 4  # a few lines of words, no extra line for an invisible ¶


def test_home_links_each_lesson_with_a_target_a_finger_can_hit(light_phone):
    light_phone.goto("")
    links = light_phone.page.locator("article table a[href*='lessons/']")
    assert links.count() == 8
    boxes = [link.bounding_box() for link in links.all()]
    centres = [(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2) for box in boxes]
    for index, box in enumerate(boxes):  # WCAG 2.5.8: a 24 px target, or that much room around a smaller one
        assert box["width"] >= 44, index
        assert all(abs(x - centres[index][0]) >= 24 or abs(y - centres[index][1]) >= 24
                   for other, (x, y) in enumerate(centres) if other != index), index


@pytest.mark.parametrize("path", ["", LESSON, "syllabus/", "glossary/", "timeline/", "review-quiz/", "comparison/"])
def test_no_page_is_wider_than_a_phone(light_phone, path):
    light_phone.goto(path)
    assert page_width(light_phone.page) <= 390


def test_the_membership_chart_reads_at_12_px_one_tap_away_with_one_row_per_state(light_phone):
    light_phone.goto("organisations/")
    page = light_phone.page
    figure = page.locator("figure.course-chart-figure")
    assert page.locator(".course-chart-legend li").count() >= 3  # the legend is text beside the chart
    assert "Filled bars" not in figure.locator("figcaption").inner_text()
    figure.locator("svg").tap()
    width, drawn = figure.locator("svg").evaluate("s => [s.getBoundingClientRect().width, s.viewBox.baseVal.width]")
    sizes = figure.locator("svg text").evaluate_all("ts => ts.map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert min(sizes) * width / drawn >= READABLE_PX
    assert page_width(page) <= 390
    for band in figure.locator("g.tlc-org").all():  # Uzbekistan left the CSTO and came back: still one row
        rows = band.locator("rect.tlc-bar").evaluate_all("rs => rs.map(r => r.dataset.state + ' ' + r.getAttribute('y'))")
        states = {row.split()[0] for row in rows}
        assert len(set(rows)) == len(states), band.get_attribute("data-organisation")


def test_no_axe_violation_with_the_definition_open_or_a_figure_enlarged(phone):
    from helpers import axe_findings

    phone.goto(LESSON)
    phone.page.locator("article a.course-term").first.tap()
    phone.page.locator("figure .course-enlarge").first.tap()
    assert axe_findings(phone.page, LESSON) == []
