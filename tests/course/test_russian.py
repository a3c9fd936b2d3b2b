"""This course's Russian pages (docs-ru/): Russian prose with the structure of their English twins,
every page of the site with its Russian twin, the switch both ways, search with Russian forms,
axe on the Russian pages. A fork in another language keeps the pattern, with its own folder."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, axe_findings, html_pages

RUSSIAN = ROOT / "docs-ru"
TRANSLATED = sorted(path.relative_to(RUSSIAN).as_posix() for path in RUSSIAN.rglob("*.md"))
HEADING = re.compile(r"^(#{2,3}) .*?(?:\{#(?P<id>[\w-]+)\})?\s*$", re.MULTILINE)
LESSON = re.compile(r"\[\[(?:session:)?\d+-[\w-]+\]\]")
CITATION = re.compile(r"@([A-Za-z0-9_:.-]+)")
# The course's title and subtitle are English in extra.course (mkdocs.yml holds one language):
# a translated page writes them out.
MARKER = re.compile(r"<!--\s*[\w-]+(?:\s[^>]*)?-->|\[\[(?!course\.(?:title|subtitle)\]\])[\w.:-]+\]\]")
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 768}


def prose(markdown: str) -> str:
    """The running text of a page: no front matter, code, links' targets, markers or citations."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    text = re.sub(r"\]\([^)]*\)|\[@[^\]]*\]|\{#[^}]*\}|<!--.*?-->|`[^`]*`", " ", text)
    return text


def english_ids(uri: str, site: Path) -> list[str]:
    """The h2/h3 anchors of the built English page of docs/<uri>, in order."""
    stem = uri[:-3]
    folder = stem[:-len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    soup = BeautifulSoup((site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [h["id"] for h in soup.select("article h2[id], article h3[id]") if h["id"] != "references"]


def test_some_pages_are_translated_and_each_has_an_english_original():
    assert "index.md" in TRANSLATED and "lessons/01-concepts.md" in TRANSLATED
    assert [uri for uri in TRANSLATED if not (ROOT / "docs" / uri).is_file()] == []


@pytest.mark.parametrize("uri", TRANSLATED)
def test_a_russian_page_is_russian_prose(uri):
    letters = re.findall(r"[A-Za-zА-Яа-яЁё]", prose((RUSSIAN / uri).read_text(encoding="utf-8")))
    cyrillic = [letter for letter in letters if letter >= "\u0400"]
    assert len(cyrillic) / len(letters) > 0.85, f"docs-ru/{uri}: only {len(cyrillic)} of {len(letters)} letters are Cyrillic"


@pytest.mark.parametrize("uri", TRANSLATED)
def test_a_russian_page_keeps_its_twins_structure(uri, site_dir):
    english = (ROOT / "docs" / uri).read_text(encoding="utf-8")
    russian = (RUSSIAN / uri).read_text(encoding="utf-8")
    where = f"docs-ru/{uri} against docs/{uri}"
    # Same sections, in order, under the same anchors (quizzes' `section:` and links use them).
    russian_ids = [match["id"] for match in HEADING.finditer(russian)]
    assert None not in russian_ids, f"{where}: give every ## and ### heading the English anchor, {{#...}}"
    assert russian_ids == english_ids(uri, site_dir), where
    # Same works cited, same markers (quiz, key terms, figures, course facts).
    assert sorted(set(CITATION.findall(russian))) == sorted(set(CITATION.findall(english))), where
    assert sorted(re.sub(r'"[^"]*"', "", m) for m in MARKER.findall(russian) if not LESSON.fullmatch(m)) == \
           sorted(re.sub(r'"[^"]*"', "", m) for m in MARKER.findall(english) if not LESSON.fullmatch(m)), where
    # The same lessons referred to (the English by [[slug]] or [](slug.md), the Russian by a link
    # whose words take the case the sentence needs), and the same instructor notes.
    assert lessons_named(russian) == lessons_named(english), where
    assert russian.count("!!! instructor") + russian.count("??? instructor") == \
           english.count("!!! instructor") + english.count("??? instructor"), where


def lessons_named(markdown: str) -> set[str]:
    return {marker or link for marker, link in re.findall(r"\[\[(\d+-[\w-]+)\]\]|\]\((?:[\w./]*/)?(\d+-[\w-]+)\.md", markdown)}


def test_every_page_has_its_russian_twin_and_the_switch_links_both_ways(site_dir):
    for path in html_pages(site_dir):
        english = BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        russian_file = site_dir / "ru" / path / "index.html"
        assert russian_file.is_file(), f"/{path} has no Russian twin"
        russian = BeautifulSoup(russian_file.read_text(encoding="utf-8"), "html.parser")
        assert russian.html["lang"] == "ru" and english.html["lang"] == "en", path
        to_russian = english.select_one("a.md-select__link[hreflang=ru]")["href"]
        to_english = russian.select_one("a.md-select__link[hreflang=en]")["href"]
        assert (site_dir / path / to_russian).resolve() == russian_file.parent.resolve(), path
        assert (site_dir / "ru" / path / to_english).resolve() == (site_dir / path).resolve(), path


def test_untranslated_pages_say_so_and_translated_ones_do_not(site_dir):
    note = "Перевод ещё не готов"
    for path in html_pages(site_dir):
        uri = (path or "index/").rstrip("/") + ".md"
        translated = uri in TRANSLATED or uri.replace(".md", "/index.md") in TRANSLATED
        html = (site_dir / "ru" / path / "index.html").read_text(encoding="utf-8")
        generated = not (ROOT / "docs" / uri).is_file() and not (ROOT / "docs" / uri.replace(".md", "/index.md")).is_file()
        if not generated:
            assert (note in html) != translated, path


@pytest.mark.browser
def test_russian_search_finds_inflected_forms(visit):
    visit.goto("ru/")
    visit.page.keyboard.press("s")
    visit.page.keyboard.type("регионализации")  # the lesson says «регионализация», «регионализацию»...
    visit.page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    links = visit.page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any("/ru/lessons/01-concepts/" in link for link in links), links
    assert visit.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_axe_violation_on_the_russian_pages(browser, server, viewport, scheme):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, viewport=viewport, color_scheme=scheme)
    pages = ["ru/", "ru/lessons/01-concepts/", "ru/glossary/", "ru/lessons/02-case-for-a-region/", "ru/timeline/"]
    found = []
    try:
        for path in pages:
            visit.goto(path)
            found += axe_findings(visit.page, f"/{path} ({viewport['width']} px, {scheme})")
    finally:
        visit.page.context.close()
    assert found == [], "\n".join(found)


def _leaves(tree: object, key: str = "") -> list[tuple[str, str]]:
    if isinstance(tree, dict):
        return [leaf for child, value in tree.items() for leaf in _leaves(value, f"{key}.{child}".lstrip("."))]
    return [(key, tree)] if isinstance(tree, str) else []


def test_the_interface_the_build_writes_is_in_russian_on_russian_pages(site_dir):
    """Buttons, labels, legends and table headings the build writes come from data/messages/ru.yml:
    none of them shows the English catalogue's words on a Russian page."""
    import yaml

    english = dict(_leaves(yaml.safe_load((ROOT / "data/messages/en.yml").read_text(encoding="utf-8"))))
    russian = dict(_leaves(yaml.safe_load((ROOT / "data/messages/ru.yml").read_text(encoding="utf-8"))))
    words = {text.strip() for key, text in english.items()
             if "{" not in text and not key.startswith(("nav.", "js.")) and russian.get(key, text) != text}
    assert {"Check", "Try again", "Show answer", "Used in:", "Show all", "All terms"} <= words
    found = []
    for page in sorted((site_dir / "ru").rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.find(class_="admonition-title", string=russian["untranslated.title"]):
            continue  # shown in English until translated (extra.translation.fallback): its own words are English
        for element in soup.select("article button, article legend, article label, article dd > strong, "
                                   "article th, article summary, article .course-quiz__hint, article dt"):
            if element.get_text(" ", strip=True) in words:
                found.append(f"{page.relative_to(site_dir).as_posix()}: {element.get_text(' ', strip=True)!r}")
    assert found == [], "\n".join(sorted(set(found))[:20])
    # Words with a number in them, which the check above cannot look for: the review quiz's folds.
    review = BeautifulSoup((site_dir / "ru/review-quiz/index.html").read_text(encoding="utf-8"), "html.parser")
    folds = [summary.get_text(strip=True) for summary in review.select("article details.course-quiz-lesson > summary")]
    assert folds and all(re.fullmatch(r"Вопросов: \d+|1 вопрос", fold) for fold in folds), folds
    quiz = BeautifulSoup((site_dir / "ru/lessons/01-concepts/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [b.get_text() for b in quiz.select(".course-quiz__actions")[0].select("button")] == [
        russian["quiz.check"], russian["quiz.retry"], russian["quiz.reveal"]]


def test_russian_worksheets_print_the_russian_quiz_with_the_same_letters():
    """`make worksheets` writes dist/worksheets/ru/ too: the sheet's words and questions in Russian,
    the options in the same order as the English version A (one seed), so one key fits both."""
    from worksheets import worksheet_documents

    english, russian = worksheet_documents(ROOT, language="en"), worksheet_documents(ROOT, language="ru")
    assert russian.keys() == english.keys()
    sheet = BeautifulSoup(russian["lessons/01-concepts-A"], "html.parser")
    assert "ФИО" in sheet.get_text() and re.search("[а-яё]{5}", sheet.select_one(".prompt").get_text())
    assert russian["lessons/01-concepts-A-key"].count("<td") == english["lessons/01-concepts-A-key"].count("<td")
    letters = lambda document: re.findall(r'class="answer">([^<]*)<', document)  # noqa: E731
    assert letters(russian["review-B-key"]) == letters(english["review-B-key"])


def test_the_russian_edition_names_the_course_and_its_activities_in_russian(site_dir):
    """mkdocs.ru.yml's extra.course (merged over mkdocs.yml's) names the course on Russian pages;
    the instructor mark and the syllabus' activities come in Russian words too."""
    syllabus = BeautifulSoup((site_dir / "ru/syllabus/index.html").read_text(encoding="utf-8"), "html.parser")
    article = syllabus.select_one("article")
    assert "Регионализм в Центральной Азии: От жёсткой интеграции" in article.get_text()
    assert article.select_one(".course-edition").get_text(strip=True) == "Версия для преподавателя"
    activities = " ".join(row.select("td")[-1].get_text(" ", strip=True) for row in article.select("tbody tr"))
    assert "вопросы для обсуждения" in activities.lower() and "Ролевая игра" in activities
    assert "discussion questions" not in activities.lower() and "{#" not in activities
    english = BeautifulSoup((site_dir / "syllabus/index.html").read_text(encoding="utf-8"), "html.parser")
    assert english.select_one(".course-edition").get_text(strip=True) == "Instructor edition"
    # what mkdocs.ru.yml does not set (the schedule: the Date column) comes from mkdocs.yml
    assert len(article.select("thead th")) == len(english.select("article thead th")) == 6


def test_markdowns_own_words_are_russian_on_russian_pages(site_dir):
    """Table caption prefixes (pymdownx.blocks.caption) and heading permalinks' titles (toc) come
    from data/messages/<lang>.yml `markdown:`, set per edition by the languages hook."""
    for folder, table, permalink in (("ru/", "Таблица", "Ссылка на этот раздел"), ("", "Table", "Link to this section")):
        soup = BeautifulSoup((site_dir / f"{folder}lessons/06-comparing-regions/index.html").read_text(encoding="utf-8"),
                             "html.parser")
        assert [span.get_text() for span in soup.select(".caption-prefix")] == [f"{table} 1.", f"{table} 2."]
        assert {a["title"] for a in soup.select("article a.headerlink")} == {permalink}


def test_the_colour_switch_is_named_in_each_editions_language(site_dir):
    """Material writes the toggles' names from theme.palette, which mkdocs.ru.yml inherits; the
    languages hook names them from data/messages/<lang>.yml `theme:`."""
    for folder, names in (("ru/", ["Включить тёмную тему", "Включить светлую тему"]),
                          ("", ["Switch to dark mode", "Switch to light mode"])):
        soup = BeautifulSoup((site_dir / f"{folder}index.html").read_text(encoding="utf-8"), "html.parser")
        assert [label["title"] for label in soup.select("form[data-md-component=palette] label")] == names


@pytest.mark.browser
def test_the_russian_pdfs_are_printed_in_russian(site_dir, tmp_path):
    """`make pdf` prints every language: the Russian edition into <out>/ru/, named after its title,
    its cover, contents and marks in Russian words, its lessons from the Russian pages."""
    import subprocess
    import sys

    import pypdf

    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site", str(site_dir / "ru"),
                             "--out", str(tmp_path), "--edition", "instructor", "--lang", "ru"],
                            cwd=ROOT, text=True, capture_output=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "ru" / "instructor"
    books = sorted(path.name for path in out.glob("*.pdf"))
    assert len(books) == 2 and all(name.startswith("regionalizm") for name in books), books
    text = lambda path: " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)  # noqa: E731
    book = text(next(path for path in out.glob("*-instructor.pdf")))
    assert "Регионализм в Центральной Азии" in book and "Содержание" in book and "Напечатано" in book
    assert "Contents" not in book and "Printed" not in book
    lesson = text(out / "lessons" / "01-concepts.pdf")
    assert "Версия для преподавателя" in lesson and re.search("[а-яё]{6} [а-яё]{4}", lesson)
