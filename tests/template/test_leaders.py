"""The leaders core (course.leaders): a data file in, a Markdown table and notes out."""
from __future__ import annotations

from pathlib import Path

import pytest
from course.errors import CourseError
from course.leaders import load_leaders, render_leaders

GOOD = """\
headings: {state: State, leader: Head, years: Years}
caption: Heads of state.
chapter_heading: What the source says
silent: The source is silent.
general: Power is concentrated [@key].
states:
  - state: Alpha
    leaders:
      - {name: A. One, from: 1991, to: 2005, note: resigned}
      - {name: B. Two, from: 2005}
    chapter: Alpha is neutral [@key].
  - state: Beta
    leaders:
      - {name: C. Three, from: 1991, to: 1999}
"""


def load(tmp_path: Path, text: str = GOOD):
    path = tmp_path / "leaders.yml"
    path.write_text(text, encoding="utf-8")
    return load_leaders(path, "data/leaders.yml")


def test_each_leader_is_a_row_that_names_the_state_and_the_years(tmp_path):
    markdown = render_leaders(load(tmp_path))
    assert "| State | Head | Years |" in markdown
    assert "| Alpha | A. One (resigned) | 1991–2005 |" in markdown
    assert "| Alpha | B. Two | 2005– |" in markdown
    assert "/// table-caption\nHeads of state.\n///" in markdown


def test_the_sources_words_follow_the_table_and_silence_is_said(tmp_path):
    markdown = render_leaders(load(tmp_path))
    assert "**What the source says.** Power is concentrated [@key]." in markdown
    assert "- **Alpha**: Alpha is neutral [@key]." in markdown
    assert "- **Beta**: The source is silent." in markdown


def test_every_mistake_is_reported_with_its_line(tmp_path):
    bad = GOOD.replace("from: 2005}", "from: soon}").replace("to: 1999", "to: 1989").replace("caption: Heads of state.\n", "")
    with pytest.raises(CourseError) as raised:
        load(tmp_path, bad)
    lines = str(raised.value).splitlines()
    assert "data/leaders.yml:1: 'caption' is missing or empty. Write it as text." in lines
    assert any(line.startswith("data/leaders.yml:9: 'from' of B. Two is not a year.") for line in lines)
    assert any(line.startswith("data/leaders.yml:13: C. Three leaves office (1989) before taking it") for line in lines)
