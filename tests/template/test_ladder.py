"""The ladder core (course.ladder): rungs and organisations in, an SVG and its text out."""
from __future__ import annotations

from pathlib import Path

import pytest
from course.errors import CourseError
from course.ladder import ladder_text, load_ladder, render_ladder_figure, render_ladder_svg

GOOD = """\
file: assets/figures/ladder.svg
width: 300
title: A ladder
alt: A ladder of two rungs.
caption: After Balassa [@balassa1961].
enlarge: Bigger.
text_heading: In words
legend: {reached: "reached", aimed: "aimed at, not reached"}
words: {reached: Reached, aimed: Aimed at, nobody: nobody}
rungs:
  - {name: Free trade area, meaning: no tariffs inside}
  - {name: Customs union, meaning: plus a common tariff}
organisations:
  - {name: Union A, aimed: Customs union, reached: Customs union}
  - {name: Pact B, aimed: Customs union, reached: none, note: a declaration}
  - {name: Area C with a rather long name indeed, aimed: Free trade area, reached: Free trade area}
"""


def load(tmp_path: Path, text: str = GOOD):
    path = tmp_path / "ladder.yml"
    path.write_text(text, encoding="utf-8")
    return load_ladder(path, "data/ladder.yml")


def test_the_top_rung_comes_first_with_reached_and_aimed_boxes(tmp_path):
    svg = render_ladder_svg(load(tmp_path))
    assert svg.index("Customs union") < svg.index("Free trade area")
    assert 'viewBox="0 0 300 ' in svg and "<title id=\"ladder-title\">A ladder</title>" in svg
    assert svg.count('stroke-dasharray="4 3"') == 2  # the legend's dashed box and Pact B
    for x, width in [(float(a), float(b)) for a, b in
                     __import__("re").findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)]:
        assert x + width <= 300, "a box runs past the figure's edge"


def test_the_text_version_says_who_reached_and_who_aimed_at_each_rung(tmp_path):
    text = ladder_text(load(tmp_path))
    assert "- **Customs union** (plus a common tariff). Reached: Union A. Aimed at: Pact B." in text
    assert "- **Free trade area** (no tariffs inside). Reached: Area C with a rather long name indeed. Aimed at: nobody." in text
    assert "- Pact B: a declaration." in text
    figure = render_ladder_figure(load(tmp_path), "../ladder.svg", "Figure 1")
    assert "/// caption\nFigure 1. After Balassa [@balassa1961]. [Bigger.](../ladder.svg)\n///" in figure


def test_an_unknown_rung_and_a_missing_field_are_both_reported(tmp_path):
    bad = GOOD.replace("reached: none", "reached: Single market").replace("title: A ladder\n", "")
    with pytest.raises(CourseError) as raised:
        load(tmp_path, bad)
    lines = str(raised.value).splitlines()
    assert "data/ladder.yml:1: 'title' is missing or empty. Write it as text." in lines
    assert any(line.startswith("data/ladder.yml:14: 'reached: Single market' of Pact B is not a rung.") for line in lines)


TWO_LANGUAGES = """\
file: assets/figures/ladder.svg
width: 300
title: {en: A ladder, ru: Лестница}
alt: {en: A ladder of two rungs., ru: Лестница из двух ступеней.}
caption: {en: "After Balassa [@balassa1961].", ru: "По Баласса [@balassa1961]."}
enlarge: {en: Bigger., ru: Крупнее.}
text_heading: {en: In words, ru: Словами}
legend:
  reached: {en: reached, ru: достигнута}
  aimed: {en: "aimed at, not reached", ru: "цель, не достигнута"}
words:
  reached: {en: Reached, ru: Достигли}
  aimed: {en: Aimed at, ru: Стремились}
  nobody: {en: nobody, ru: никто}
rungs:
  - {name: {en: Free trade area, ru: Зона свободной торговли}, meaning: {en: no tariffs inside, ru: без пошлин внутри}}
  - name:
      en: Customs
        union
      ru: Таможенный союз
    meaning: {en: plus a common tariff, ru: плюс общий тариф}
organisations:
  - {name: {en: Union A, ru: Союз А}, aimed: Customs union, reached: Customs union}
  - {name: {en: Pact B, ru: Пакт Б}, aimed: Customs union, reached: none, note: {en: a declaration, ru: декларация}}
  - {name: Area C, aimed: Free trade area, reached: Free trade area}
"""


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_translated_ladder_places_its_organisations_by_the_main_languages_rung_names(tmp_path, language):
    from course.translations import edition
    with edition(language, ("en", "ru")):
        ladder = load(tmp_path, TWO_LANGUAGES)
    svg, text = render_ladder_svg(ladder), ladder_text(ladder)
    if language == "en":
        assert "- **Customs union** (plus a common tariff). Reached: Union A. Aimed at: Pact B." in text
        assert "Таможенный" not in svg
        return
    assert [rung.key for rung in ladder.rungs] == ["Free trade area", "Customs union"]
    assert "- **Таможенный союз** (плюс общий тариф). Достигли: Союз А. Стремились: Пакт Б." in text
    assert "- **Зона свободной торговли** (без пошлин внутри). Достигли: Area C. Стремились: никто." in text
    assert "- Пакт Б: декларация." in text
    assert "<title id=\"ladder-title\">Лестница</title>" in svg
    assert ">Таможенный союз</text>" in svg and ">Союз А</text>" in svg and ">Пакт Б</text>" in svg
    assert ">достигнута</text>" in svg and "Customs union<" not in svg
    assert svg.index("Таможенный союз") < svg.index("Союз А") < svg.index("Пакт Б") < svg.index("Зона свободной")


def test_a_translated_ladder_still_reports_an_organisation_aiming_at_no_rung(tmp_path):
    from course.translations import edition
    with edition("ru", ("en", "ru")), pytest.raises(CourseError) as raised:
        load(tmp_path, TWO_LANGUAGES.replace("aimed: Free trade area", "aimed: Зона свободной торговли"))
    assert "'aimed: Зона свободной торговли' of Area C is not a rung. Use one of: Customs union, Free trade area." \
        in str(raised.value)


def test_the_legends_words_are_texts_to_translate_but_an_organisations_rungs_are_not(tmp_path):
    from course.sources import load_yaml
    from course.translations import gaps
    text = TWO_LANGUAGES.replace("  nobody: {en: nobody, ru: никто}", "  nobody: nobody")
    (tmp_path / "ladder.yml").write_text(text, encoding="utf-8")
    raw = load_yaml(tmp_path / "ladder.yml", "data/ladder.yml", localized=False)
    found = [gap.key for gap in gaps(raw, text, "data/ladder.yml", "ru", ("en", "ru"))]
    assert found == ["nobody", "name"], found  # words.nobody and Area C's name; no aimed or reached
