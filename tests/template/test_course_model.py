"""The Course model (course/model.py): one rule for what a lesson is, one numbering everywhere."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import build, copy_project, problems

from course.errors import CourseErrors
from course.lessons import is_lesson
from course.model import build_course
from course.sources import load_config_block

INTRO = "---\nteaching: 20\nexercises: 0\n---\n\n# Introduction to the course\n\nWhat this course is about.\n"


def add_intro(project: Path) -> None:
    """An unnumbered lessons/intro.md, first in the nav's Lessons section."""
    (project / "docs" / "lessons" / "intro.md").write_text(INTRO, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      - lessons/index.md\n" in text
    config.write_text(text.replace("      - lessons/index.md\n", "      - lessons/index.md\n      - lessons/intro.md\n", 1),
                      encoding="utf-8")


def course_of(project: Path):
    _, nav = load_config_block(project / "mkdocs.yml", "nav")
    return build_course(project / "mkdocs.yml", project / "docs", nav)


def test_a_lesson_is_a_page_directly_in_lessons_but_the_section_index():
    assert is_lesson("lessons/01-concepts.md") and is_lesson("lessons/intro.md")
    assert not is_lesson("lessons/index.md") and not is_lesson("lessons/extra/notes.md")
    assert not is_lesson("glossary.md") and not is_lesson("lessons/figure.svg")


def test_an_unnumbered_lesson_first_in_the_nav_is_lesson_1(tmp_path):
    project = copy_project(tmp_path / "course")
    add_intro(project)
    course = course_of(project)
    assert [(lesson.number, lesson.slug) for lesson in course.lessons[:2]] == [(1, "intro"), (2, "01-concepts")]
    assert course.label(course.lesson_by_slug("01-concepts")) == "Lesson 2"
    assert course.lesson("lessons/01-concepts.md").quiz is course.quizzes["01-concepts"]


def test_every_mistake_of_the_course_is_reported_at_once(tmp_path):
    project = copy_project(tmp_path / "course")
    (project / "docs" / "lessons" / "02-case-for-a-region.md").write_text("# No front matter\n", encoding="utf-8")
    quiz = project / "data" / "quizzes" / "03-hard-institutionalism.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("questions:", "questions: [", 1), encoding="utf-8")
    (project / "data" / "quizzes" / "99-missing.yml").write_text("questions: []\n", encoding="utf-8")
    with pytest.raises(CourseErrors) as raised:
        course_of(project)
    lines = str(raised.value).splitlines()
    assert any(line.startswith("docs/lessons/02-case-for-a-region.md:1: a lesson starts with front matter")
               for line in lines), lines
    assert any(line.startswith("data/quizzes/03-hard-institutionalism.yml:") for line in lines), lines
    assert any(line.startswith("data/quizzes/99-missing.yml") for line in lines), lines


@pytest.mark.slow
def test_every_page_agrees_on_the_lesson_numbers(tmp_path):
    project = copy_project(tmp_path / "course")
    add_intro(project)
    config = project / "mkdocs.yml"  # the instructor edition: it has the answer key too
    config.write_text(config.read_text(encoding="utf-8").replace("edition: student", "edition: instructor", 1),
                      encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0 and problems(result.stdout) == [], result.stdout[-3000:]

    def text(path: str) -> str:
        page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        return " ".join(page.select_one("article").get_text(" ").split())

    concepts = "Concepts: region, regionalism and institutions"
    assert re.search(r"\b1\. Introduction to the course\b", text("syllabus"))
    assert re.search(rf"\b2\. {re.escape(concepts)}", text("syllabus"))
    listed = BeautifulSoup((site / "lessons" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [li.get_text(strip=True) for li in listed.select("article ol > li")][:2] == [
        "Introduction to the course", concepts]
    assert f"Lesson 2: {concepts}" in text("review-quiz")
    assert f"Lesson 2: {concepts}" in text("instructors/answer-key")
    glossary = BeautifulSoup((site / "glossary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    to_concepts = [a.get_text() for a in glossary.select("a[href*='01-concepts']")]
    assert to_concepts and set(to_concepts) == {"Lesson 2"}, set(to_concepts)
    timeline = BeautifulSoup((site / "timeline" / "index.html").read_text(encoding="utf-8"), "html.parser")
    labels = {a.get_text() for a in timeline.select(".course-event-meta a[href*='lessons/']")}
    assert labels and all(re.match(r"Lesson \d+: ", label) for label in labels)
    assert any(label.startswith("Lesson 3: The case for a Central Asian region") for label in labels), labels


@pytest.mark.slow
def test_a_build_with_several_mistakes_reports_them_all_and_leaves_no_site(tmp_path):
    """Dropping a lesson from the nav: its quiz, its timeline events and a second quiz mistake,
    in three files, all in one build, each `file:line: what. What to do.` on its own line."""
    project = copy_project(tmp_path / "course")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      - lessons/08-debate-and-assessment.md\n", "")
                      + "\nnot_in_nav: |\n  lessons/08-debate-and-assessment.md\n", encoding="utf-8")
    quiz = project / "data" / "quizzes" / "01-concepts.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("    prompt:", "    promt:", 2), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode != 0 and "Traceback" not in result.stdout
    found = problems(result.stdout)
    assert any("data/quizzes/08-debate-and-assessment.yml: there is no lesson" in line for line in found), found
    events = (project / "data" / "timeline.yml").read_text(encoding="utf-8").count("lesson: 08-debate-and-assessment")
    assert sum("data/timeline.yml:" in line and "08-debate-and-assessment" in line for line in found) == events, found
    assert sum("data/quizzes/01-concepts.yml:" in line and "unknown field 'promt'" in line for line in found) == 2, found
    assert not site.exists() or not any(site.iterdir())
