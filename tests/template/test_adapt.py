"""docs/adapt.md, followed in a scratch copy: scaffold a lesson, add a term, a question and an
event in the formats of data/, build strictly, and find each on the site."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, build, copy_project, problems

from new_lesson import _add_to_nav, scaffold

TITLE = "Water and energy in Central Asia"
SLUG = "09-water-and-energy-in-central-asia"
TERM = """
  - term: water-energy nexus
    category: concept
    definition: >-
      The link between upstream states that need water for hydropower in winter and
      downstream states that need it for irrigation in summer.
    cite: moldashev2018
"""
QUESTION = """
  - id: nexus-upstream
    kind: single
    objective: 2
    prompt: Why do upstream states want to release water in winter?
    options:
      - text: To produce electricity when demand for heating is highest
        correct: true
        feedback: Right. Their dams are their main source of power in the cold months.
      - text: To help downstream farmers irrigate their fields
        feedback: Not quite. Farmers need the water in summer, which is the conflict.
"""
EVENT = """
  - date: 2018-03
    title: Water talks at the Astana summit (guide test)
    text: A test event added by following the adaptation guide.
    states: [kz, uz]
    organisations: []
    lesson: {slug}
    source: moldashev2018
"""


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_nav_insertion_keeps_the_layout():
    nav = "nav:\n  - Lessons:\n      - lessons/01-a.md   \n      - Two: lessons/02-b.md\n  - About: about.md\n"
    assert _add_to_nav(nav, "lessons/03-c.md") == (
        "nav:\n  - Lessons:\n      - lessons/01-a.md   \n      - Two: lessons/02-b.md\n"
        "      - lessons/03-c.md\n  - About: about.md\n")


def test_scaffold_refuses_an_empty_title_and_a_file_that_exists(tmp_path):
    project = copy_project(tmp_path / "project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=r'make lesson TITLE="'):
        scaffold(project, "   ")
    number = 1 + max(int(path.name[:2]) for path in (project / "docs" / "lessons").glob("[0-9]*.md"))
    (project / "data" / "quizzes" / f"{number:02d}-leftover.yml").write_text("questions: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"data/quizzes/{number:02d}-leftover.yml already exists"):
        scaffold(project, "Leftover")
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config  # nothing half-done


@pytest.mark.slow
def test_following_the_guide_adds_a_lesson_term_question_and_event_that_build_strictly(tmp_path):
    project = copy_project(tmp_path / "project")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "new_lesson.py"), TITLE, "--root", str(project)],
                            text=True, capture_output=True)
    assert result.returncode == 0, result.stderr
    lesson = project / "docs" / "lessons" / f"{SLUG}.md"
    quiz = project / "data" / "quizzes" / f"{SLUG}.yml"
    assert lesson.is_file() and quiz.is_file()
    assert f"      - lessons/{SLUG}.md\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = lesson.read_text(encoding="utf-8")
    for part in ("teaching:", "exercises:", "readings:", f"# {TITLE}", '!!! objectives "Learning objectives"',
                 '!!! question "Opening question"', "<!-- key-terms -->", '!!! keypoints "Key points"',
                 '!!! discussion "Discussion questions"', "## Check your understanding", "<!-- quiz -->",
                 "## Further reading"):
        assert part in text, part

    # The author writes: every FIXME note replaced, and the new term used in the lesson text.
    text = re.sub(r"FIXME:? ", "", text)
    lesson.write_text(text.replace("## First section\n", "## First section\n\nThe water-energy nexus "
                                   "ties upstream and downstream states together [@moldashev2018].\n"),
                      encoding="utf-8")
    glossary = project / "data" / "glossary.yml"
    if glossary.exists():
        glossary.write_text(glossary.read_text(encoding="utf-8").rstrip() + "\n" + TERM, encoding="utf-8")
    quiz.write_text(re.sub(r"FIXME:? ", "", quiz.read_text(encoding="utf-8")).rstrip() + "\n" + QUESTION,
                    encoding="utf-8")
    timeline = project / "data" / "timeline.yml"
    if timeline.exists():
        timeline.write_text(timeline.read_text(encoding="utf-8").rstrip() + "\n" + EVENT.format(slug=SLUG),
                            encoding="utf-8")

    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout
    assert problems(result.stdout) == [], result.stdout

    built = page(site, f"lessons/{SLUG}")
    assert built.find("h1").get_text(strip=True).startswith(TITLE)
    syllabus = page(site, "syllabus").select("article table tbody tr")
    assert TITLE in syllabus[-1].get_text(" ")
    assert re.search(rf"\b9\. \[?{re.escape(TITLE)}", page(site, "lessons").get_text(" ")) or \
        TITLE in page(site, "lessons").get_text(" ")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if "scripts/hooks/entry.py" in config:
        assert "Why do upstream states want to release water in winter?" in built.get_text(" ")
    if glossary.exists() and "scripts/hooks/entry.py" in config:
        assert "water-energy nexus" in page(site, "glossary").get_text(" ")
    if timeline.exists() and "scripts/hooks/entry.py" in config:
        assert "Water talks at the Astana summit" in page(site, "timeline").get_text(" ")
