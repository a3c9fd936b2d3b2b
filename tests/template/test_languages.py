"""The course in several languages (course/languages.py, translations.py, catalogue.py, hooks/languages.py):
the mechanism a fork keeps, tested on small inputs and on a scratch copy of the project."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, build, copy_project, problems

from course.languages import SiteLanguage, load_languages, overlay, twin_links
from course.errors import CourseError
from course.catalogue import load_messages
from course.sources import display_path, load_yaml
from course.translations import Languages, gaps, localize

EN, RU = SiteLanguage("en", "English", ""), SiteLanguage("ru", "Русский", "ru/")
QUIZ = """questions:
  - id: q1
    prompt:
      en: Which term fits best?
      ru: Какой термин подходит лучше всего?
    options:
      - text: Regionalization
        feedback:
          en: Right.
      - text:
          en: Regionalism
          ru: Регионализм
    section: regionalism
"""


def test_editions_come_from_extra_alternate_main_first() -> None:
    assert load_languages([{"name": "English", "link": "./", "lang": "en"},
                          {"name": "Русский", "link": "./ru/", "lang": "ru"}]) == (EN, RU)
    with pytest.raises(CourseError, match="must start with the main edition"):
        load_languages([{"name": "Русский", "link": "./ru/", "lang": "ru"}])


@pytest.mark.parametrize("page_url, from_en, from_ru", [
    ("", {"en": "./", "ru": "ru/"}, {"en": "../", "ru": "../ru/"}),
    ("lessons/01-concepts/", {"en": "../../lessons/01-concepts/", "ru": "../../ru/lessons/01-concepts/"},
     {"en": "../../../lessons/01-concepts/", "ru": "../../../ru/lessons/01-concepts/"}),
    ("lessons/01-concepts.html", {"en": "../lessons/01-concepts.html", "ru": "../ru/lessons/01-concepts.html"},
     {"en": "../../lessons/01-concepts.html", "ru": "../../ru/lessons/01-concepts.html"}),
])
def test_every_page_links_its_twin_in_each_edition(page_url: str, from_en: dict, from_ru: dict) -> None:
    assert twin_links((EN, RU), EN, page_url) == from_en
    assert twin_links((EN, RU), RU, page_url) == from_ru


def test_a_text_in_several_languages_reads_as_the_editions_own(tmp_path: Path) -> None:
    (tmp_path / "q.yml").write_text(QUIZ, encoding="utf-8")
    raw = load_yaml(tmp_path / "q.yml", "data/quizzes/q.yml", localized=False)
    russian = localize(raw, Languages("ru", ("en", "ru")))
    english = localize(raw, Languages("en", ("en", "ru")))
    assert russian["questions"][0]["prompt"] == "Какой термин подходит лучше всего?"
    assert english["questions"][0]["prompt"] == "Which term fits best?"
    assert russian["questions"][0]["options"][0]["feedback"] == "Right."  # not translated: the English
    assert russian["questions"][0]["options"][1]["text"] == "Регионализм"
    assert russian["questions"][0].line == 2 and russian["questions"][0]["section"] == "regionalism"


def test_every_text_without_its_translation_is_listed_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "q.yml").write_text(QUIZ, encoding="utf-8")
    raw = load_yaml(tmp_path / "q.yml", "data/quizzes/q.yml", localized=False)
    found = [str(gap.error()) for gap in gaps(raw, QUIZ, "data/quizzes/q.yml", "ru", ("en", "ru"))]
    assert len(found) == 2, found  # the plain option text and the feedback without ru; not id or section
    assert found[0].startswith("data/quizzes/q.yml:7: 'text' (\"Regionalization\") has no ru text.")
    assert found[1].startswith("data/quizzes/q.yml:9: 'feedback' (\"Right.\") has no ru text.")


def test_interface_words_missing_from_a_catalogue_fall_back_and_are_listed(tmp_path: Path) -> None:
    (tmp_path / "data/messages").mkdir(parents=True)
    (tmp_path / "data/messages/en.yml").write_text("js:\n  check: Check\n  retry: Try again\n", encoding="utf-8")
    (tmp_path / "data/messages/ru.yml").write_text("js:\n  check: Проверить\n", encoding="utf-8")
    messages, missing = load_messages(tmp_path, "ru", "en")
    assert messages["js"] == {"check": "Проверить", "retry": "Try again"}
    assert [gap.key for gap in missing] == ["js.retry"]
    assert "Translate the English at data/messages/en.yml:2" in str(missing[0].error())


def test_an_edition_reads_its_own_pages_and_the_main_editions_others(tmp_path: Path) -> None:
    main, own, merged = tmp_path / "docs", tmp_path / "docs-ru", tmp_path / ".cache/languages/ru"
    for path, text in [(main / "index.md", "# Home"), (main / "lessons/a.md", "# A"), (main / "x.css", ""),
                       (own / "index.md", "# Главная")]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    overlay(main, own, merged)
    overlay(main, own, merged)  # again: nothing to redo, nothing broken
    assert (merged / "index.md").read_text(encoding="utf-8") == "# Главная"
    assert (merged / "lessons/a.md").read_text(encoding="utf-8") == "# A"
    # An error names the file the author edits, not the link in .cache/.
    assert display_path(merged / "index.md", tmp_path) == "docs-ru/index.md"
    assert display_path(merged / "lessons/a.md", tmp_path) == "docs/lessons/a.md"


def test_with_fallback_off_the_build_lists_every_missing_translation(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    fallback: true", "    fallback: false"),
                      encoding="utf-8")
    glossary = project / "data/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("      ru: регион\n", "", 1), encoding="utf-8")
    messages = project / "data/messages/ru.yml"
    messages.write_text(messages.read_text(encoding="utf-8").replace("  wrong: Не совсем.\n", ""),
                        encoding="utf-8")
    (project / "docs-ru/lessons").mkdir(parents=True, exist_ok=True)
    (project / "docs-ru/lessons/99-typo.md").write_text("# Опечатка\n", encoding="utf-8")
    # A page without its translation: lesson 8's, removed from the copy (it may be translated here).
    (project / "docs-ru/lessons/08-debate-and-assessment.md").unlink(missing_ok=True)
    result = build(project, tmp_path / "site", "mkdocs.ru.yml")
    assert result.returncode != 0
    assert "Traceback" not in result.stdout
    assert "docs-ru/lessons/08-debate-and-assessment.md: is missing: the translation of docs/lessons/" \
           "08-debate-and-assessment.md." in result.stdout
    assert "docs-ru/lessons/99-typo.md: has no page docs/lessons/99-typo.md to translate." in result.stdout
    term_line = glossary.read_text(encoding="utf-8").splitlines().index("      en: region")  # 0-based: term's line
    assert re.search(rf"data/glossary.yml:({term_line}|{term_line + 1}): 'term' \(\"region\"\) has no ru text.",
                     result.stdout)
    assert "data/messages/ru.yml:" in result.stdout and "'js.wrong' has no translation." in result.stdout
    # The English edition does not care: it builds as before.
    english = build(project, tmp_path / "site-en")
    assert english.returncode == 0 and problems(english.stdout) == [], english.stdout


def test_the_russian_edition_builds_strictly_into_its_own_folder(tmp_path: Path) -> None:
    result = build(ROOT, tmp_path / "ru", "mkdocs.ru.yml")
    assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    assert '<html lang="ru"' in (tmp_path / "ru/index.html").read_text(encoding="utf-8")
