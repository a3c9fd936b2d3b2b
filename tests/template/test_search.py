"""Search finds a name however it is typed: with or without diacritics, in Russian."""
from __future__ import annotations

import pytest
from course.search import add_plain_spellings, plain_spelling


def test_a_word_with_diacritics_gets_its_plain_spelling_added_once():
    entries = [{"location": "a/", "title": "Visegrád", "text": "Börzel and Börzel, Acharya"}, {"text": "Plain"}]
    add_plain_spellings(entries)
    assert entries == [{"location": "a/", "title": "Visegrád", "text": "Börzel and Börzel, Acharya Visegrad Borzel"},
                       {"text": "Plain"}]
    assert plain_spelling("Qoraboyev") == "Qoraboyev"
    assert plain_spelling("ЕврАзЭС") == "ЕврАзЭС"  # Cyrillic is searched as written (lang ru)


@pytest.mark.browser
@pytest.mark.parametrize("query, page", [("Borzel", "lessons/01-concepts/"), ("Visegrad", "lessons/07-soft-regionalism/"),
                                         ("ЕврАзЭС", "glossary/")])
def test_search_finds_a_name_typed_without_diacritics_or_in_russian(visit, query, page):
    visit.goto("")
    visit.page.keyboard.press("s")
    visit.page.keyboard.type(query)
    visit.page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    links = visit.page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert any(f"/{page}" in link for link in links), links
    assert visit.errors == []


@pytest.mark.browser
def test_the_key_terms_box_is_not_a_search_hit(visit):
    visit.goto("")
    visit.page.keyboard.press("s")
    visit.page.keyboard.type("Acharya")
    visit.page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert "Key terms in this lesson" not in visit.page.locator(".md-search-result").inner_text()
