"""The glossary in the built site: first-use links with tooltips, key-terms boxes, the
Glossary page (letters, entries, used-in), and what a student does with them in Chromium."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from course.glossary import load_glossary
from helpers import ROOT, axe, copy_project

LESSONS = sorted(path.stem for path in (ROOT / "docs" / "lessons").glob("[0-9][0-9]-*.md"))


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(ROOT / "data" / "glossary.yml", "data/glossary.yml")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def target(site_dir: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The HTML file and fragment an href on the page at page_url points to."""
    url = urlparse(urljoin(page_url, href))
    path = site_dir / url.path.lstrip("/")
    return (path / "index.html" if url.path.endswith("/") else path), url.fragment


def test_every_lesson_links_each_term_once_with_its_definition(site_dir, glossary):
    page = soup(site_dir / "glossary" / "index.html")
    for lesson in LESSONS:
        html = soup(site_dir / "lessons" / lesson / "index.html")
        known = definitions(site_dir, html)
        links = html.select("article a.course-term")
        assert len(links) >= 10, lesson
        hrefs = [link["href"] for link in links]
        assert len(hrefs) == len(set(hrefs)), f"{lesson}: a term is linked twice"
        for link in links:
            path, fragment = target(site_dir, f"/lessons/{lesson}/", link["href"])
            assert path == site_dir / "glossary" / "index.html", link
            entry = page.find(id=fragment)
            assert entry is not None and "glossary-entry" in entry["class"], link
            definition = entry.find("dd").get_text(" ", strip=True)
            # No title in the HTML: titles.js takes it from the definitions file the Key terms
            # box names (the browser tests below).
            assert "title" not in link.attrs, link
            assert fragment in known, link
            assert definition[:40] in " ".join(BeautifulSoup(known[fragment][1], "html.parser")
                                               .get_text(" ", strip=True).split()), link
            # Never inside a heading, code, a quotation, another link or a caption.
            assert not link.find_parent(["h1", "h2", "h3", "h4", "code", "pre", "blockquote", "summary"]), link
            assert not link.find_parent("a"), link


def definitions(site_dir, page) -> dict[str, list[str]]:
    """The definitions file a lesson's Key terms box names: anchor -> [name, definition HTML, tooltip]."""
    box = page.select_one("div.course-key-terms[data-definitions]")
    path = site_dir / "assets" / box["data-definitions"].rsplit("assets/", 1)[1]
    entries = json.loads(path.read_text(encoding="utf-8").removeprefix("window.courseDefinitions = ").rstrip()
                         .removesuffix(";"))
    return {anchor: rest for anchor, *rest in entries}


def test_key_terms_box_lists_exactly_the_linked_terms(site_dir):
    for lesson in LESSONS:
        html = soup(site_dir / "lessons" / lesson / "index.html")
        box = html.select_one("div.course-key-terms details.key-terms")
        assert box is not None, f"{lesson}: no key-terms box"
        assert box.find("summary").get_text().startswith("Key terms in this lesson")
        assert box.parent.has_attr("hidden")  # shown, and filled, by titles.js (the browser test below)
        linked = [a["href"].split("#")[1] for a in html.select("a.course-term")]
        count = int(re.search(r"\((\d+)\)", box.find("summary").get_text())[1])
        assert count == len(linked) == len(set(linked)), lesson
        assert set(linked) <= set(definitions(site_dir, html)), lesson
        assert "key-terms -->" not in str(html)


def test_glossary_page_has_every_term_letters_and_working_links(site_dir, glossary):
    path = site_dir / "glossary" / "index.html"
    page = soup(path)
    entries = page.select(".glossary-entry")
    assert len(entries) == len(glossary.terms) >= 50
    names = [entry.find("dfn").get_text() for entry in entries]
    assert names == [term.name for term in glossary.sorted()]
    for link in page.select(".glossary-letters a"):
        assert page.find(id=link["href"][1:]).name == "h2", link
    for entry in entries:
        assert entry["data-category"] in {"concept", "organisation", "agreement", "place", "person", "format"}
        for link in entry.select("dd a"):
            file, fragment = target(site_dir, "/glossary/", link["href"])
            assert file.exists(), link
            if fragment:
                assert soup(file).find(id=fragment) is not None, link
    filter_form = page.select_one("form.glossary-filter")
    assert filter_form.has_attr("hidden")  # without JavaScript, every entry simply shows
    assert ".glossary-filter" in next((site_dir / "assets").glob("course.*.min.js")).read_text(encoding="utf-8")


def test_used_in_names_every_lesson_that_links_the_term(site_dir):
    page = soup(site_dir / "glossary" / "index.html")
    used_in: dict[str, set[str]] = {}
    for entry in page.select(".glossary-entry"):
        for dd in entry.find_all("dd"):
            if dd.get_text().startswith("Used in:"):
                used_in[entry["id"]] = {a["href"].strip("/").split("/")[-1] for a in dd.find_all("a")}
    for lesson in LESSONS:
        html = soup(site_dir / "lessons" / lesson / "index.html")
        linked = {a["href"].split("#")[1] for a in html.select("a.course-term")}
        listing = {slug for slug, lessons in used_in.items() if lesson in lessons}
        assert linked == listing, lesson
    assert all(used_in.get(entry["id"]) for entry in page.select(".glossary-entry"))  # no unused term


def test_russian_names_carry_their_language(site_dir):
    page = soup(site_dir / "glossary" / "index.html")
    assert page.find("span", lang="ru", string="ЕврАзЭС")


@pytest.mark.slow
def test_a_lesson_taken_out_of_the_nav_drops_out_of_used_in(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      - lessons/08-debate-and-assessment.md\n" in text
    text = text.replace("      - lessons/08-debate-and-assessment.md\n", "").replace("strict: true", "strict: false")
    # The timeline refuses events of a lesson that is not in the nav, and a quiz needs its lesson
    # in the nav; neither is under test here: a course without them has no timeline or quiz.
    (project / "data" / "timeline.yml").unlink()
    (project / "data" / "quizzes" / "08-debate-and-assessment.yml").unlink()
    lesson = project / "docs" / "lessons" / "08-debate-and-assessment.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("<!-- quiz -->", ""), encoding="utf-8")
    config.write_text(text + "\nnot_in_nav: |\n  lessons/08-debate-and-assessment.md\n", encoding="utf-8")
    # Not strict: leaving a lesson out of the nav makes the terms used only there unused (warnings).
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "site")],
                            cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    assert result.returncode == 0, result.stdout
    assert "term 'V4+CA' is not used in any lesson in the nav" not in result.stdout  # still used in lesson 7
    page = (tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "lessons/07-soft-regionalism/" in page
    assert "lessons/08-debate-and-assessment/" not in page


# In the browser

browser = pytest.mark.browser


@browser
def test_every_term_and_citation_gets_its_tooltip_from_the_page(visit, glossary):
    """titles.js: each term's title is its definition, led by its name where the text is another
    form of it, as the hook wrote it before; each citation's is its full reference."""
    for lesson in ("07-soft-regionalism", "01-concepts"):
        visit.goto(f"lessons/{lesson}/")
        links = visit.page.eval_on_selector_all("article a.course-term, article a.course-cite", """links =>
            links.map(a => [a.className, a.getAttribute("href"), a.textContent, a.getAttribute("title")])""")
        assert len(links) > 40
        for kind, href, text, title in links:
            if kind == "course-term":
                term = next(t for t in glossary.terms if t.slug == href.split("#")[1])
                named = " ".join(text.split()).lower() == " ".join(term.name.split()).lower()
                expected = term.tooltip if named else f"{term.name}: {term.tooltip}"
                assert title == expected.replace("<", "&lt;"), (href, text)
            else:
                reference = visit.page.locator(f"[id='{href.split('#')[1]}']").inner_text()
                assert title == " ".join(reference.split()), href
        # The Key terms box, filled from the same file: the linked terms, in the glossary's order.
        box = visit.page.locator("div.course-key-terms")
        box.locator("summary").click()
        items = box.locator("li").evaluate_all("items => items.map(li => [li.querySelector('a').getAttribute('href'), "
                                               "li.querySelector('a').textContent, li.textContent])")
        order = [term.slug for term in glossary.sorted()]
        linked = {href.split("#")[1] for kind, href, _, _ in links if kind == "course-term"}
        assert [href.split("#")[1] for href, _, _ in items] == sorted(linked, key=order.index)
        for href, name, text in items:
            term = next(t for t in glossary.terms if t.slug == href.split("#")[1])
            assert href.startswith("../../glossary/#") and name == term.name, href
            assert " ".join(text.split()).startswith(f"{term.name}: {term.tooltip[:30]}"), href
    assert visit.errors == []


@browser
def test_keyboard_focus_on_a_term_shows_its_definition(visit, glossary):
    visit.goto("lessons/01-concepts/")
    page = visit.page
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('course-term')"):
            break
    else:
        pytest.fail("no glossary term was reached with the Tab key")
    name = page.evaluate("document.activeElement.getAttribute('href').split('#')[1]")
    term = next(t for t in glossary.terms if t.slug == name)
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert term.tooltip[:50] in tooltip.inner_text()
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert described and page.locator(f"#{described}").inner_text() == tooltip.inner_text()
    assert visit.errors == []


@browser
def test_tapping_a_term_twice_on_a_touch_screen_opens_its_entry(browser, server):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    try:
        visit.goto("lessons/07-soft-regionalism/")
        link = visit.page.locator("article a.course-term").first
        fragment = link.get_attribute("href").split("#")[1]
        link.scroll_into_view_if_needed()
        link.tap()  # the first tap shows the definition in place (tests/test_phone.py)
        link.tap()
        visit.page.wait_for_url(re.compile(rf"/glossary/#{re.escape(fragment)}$"))
        assert visit.page.locator(f"#{fragment}").is_visible()
        assert visit.page.evaluate(f"document.querySelector('#{fragment}').matches(':target')")
    finally:
        visit.page.context.close()


@browser
def test_a_screen_that_cannot_hover_skips_materials_tooltips_and_waits_for_the_definitions(browser, server):
    from conftest import open_visit

    # On a phone the tooltips cannot show (no hover) but cost ~0.4 s of script: on-demand.js drops them.
    for touch, tooltips in ((True, False), (False, True)):
        options = {"has_touch": True, "is_mobile": True, "viewport": {"width": 390, "height": 800}} if touch else {}
        visit = open_visit(browser, server.origin, **options)
        try:
            fetched = []
            visit.page.on("request", lambda request: fetched.append(request.url))
            visit.goto("lessons/07-soft-regionalism/")
            assert visit.page.evaluate("matchMedia('(hover: hover)').matches") is not touch
            link = visit.page.locator("article a.course-term").first
            title = link.get_attribute("title")
            link.focus()
            tooltip = visit.page.locator(".md-tooltip2--active")
            definitions = [url for url in fetched if "/assets/definitions." in url]
            if tooltips:
                tooltip.wait_for(state="visible", timeout=5_000)
                assert title and len(definitions) == 1  # loaded at once, for the tooltips
            else:
                visit.page.wait_for_timeout(500)
                # No tooltips, and no definitions until the reader taps a term or opens the box.
                assert tooltip.count() == 0 and title == "" and definitions == []
                visit.page.locator("div.course-key-terms summary").click()
                visit.page.locator("div.course-key-terms li").first.wait_for()
                assert link.get_attribute("title")
                assert len([url for url in fetched if "/assets/definitions." in url]) == 1
            assert visit.errors == []
        finally:
            visit.page.context.close()


@browser
def test_category_filter_shows_one_category_and_says_how_many(visit, glossary):
    visit.goto("glossary/")
    page = visit.page
    organisations = sum(t.category == "organisation" for t in glossary.terms)
    page.get_by_label(re.compile(r"Organisations \(\d+\)")).check()
    assert page.locator(".glossary-entry:visible").count() == organisations
    assert page.locator(".glossary-count").inner_text() == f"Showing {organisations} of {len(glossary.terms)} terms."
    assert page.locator(".glossary-entry[data-category='concept']:visible").count() == 0
    shown_letters = []
    for letter in page.locator("dl.glossary").all():  # a letter with no entry shown hides with its heading
        shown = letter.locator(".glossary-entry:visible").count() > 0
        assert letter.is_visible() == shown
        assert letter.locator("xpath=preceding-sibling::h2[1]").is_visible() == shown
        shown_letters.append(shown)
    assert any(shown_letters) and not all(shown_letters)
    page.get_by_label("All terms").check()
    assert page.locator(".glossary-entry:visible").count() == len(glossary.terms)
    assert visit.errors == [] and visit.console == []


@browser
def test_no_axe_violation_in_the_glossary_content(visit):

    for path in ("glossary/", "lessons/01-concepts/"):
        visit.goto(path)
        visit.page.locator("details.key-terms summary").first.click() if path.startswith("lessons") else None
        violations = axe().run(visit.page, context=".md-content").response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == [], path
