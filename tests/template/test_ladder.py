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
