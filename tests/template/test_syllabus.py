"""Syllabus: extra.course + the nav + lesson front matter -> a dated schedule page."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from course.errors import CourseError
from course.sources import load_yaml
from course.lessons import Lesson, parse_lesson
from course.syllabus import load_course, plan_sessions
from helpers import ROOT, build, copy_project

COURSE = """\
extra:
  course:
    title: Test course
    term: Spring 2027
    instructors: [{name: Dr A. Example, role: Lecturer}]
    schedule:
      start: "2027-02-01"
      weekdays: [Monday, thursday]
      skip: ["2027-02-04"]
      session_minutes: 90
"""


def course_from(tmp_path: Path, text: str):
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return load_course(load_yaml(path, "mkdocs.yml")["extra"]["course"], "mkdocs.yml")


def lesson(number: int, minutes: int = 80) -> Lesson:
    return Lesson(number=number, src_uri=f"lessons/0{number}-x.md", title=f"L{number}",
                  teaching=minutes - 30, exercises=30, readings=("moldashev2018",))


def test_sessions_fall_on_the_weekdays_from_the_start_skipping_holidays(tmp_path):
    course = course_from(tmp_path, COURSE)
    sessions = plan_sessions([lesson(1), lesson(2, minutes=150), lesson(3)], course.schedule)
    assert [s.date for s in sessions] == [dt.date(2027, 2, 1), dt.date(2027, 2, 8), dt.date(2027, 2, 11),
                                          dt.date(2027, 2, 15)]
    assert [(s.lesson.number, s.part, s.parts) for s in sessions] == [(1, 1, 1), (2, 1, 2), (2, 2, 2), (3, 1, 1)]


def test_explicit_dates_are_used_in_order_and_too_few_is_an_error(tmp_path):
    course = course_from(tmp_path, COURSE.replace('      start: "2027-02-01"\n      weekdays: [Monday, thursday]\n',
                                                  "      dates: [2027-03-01, 2027-03-03]\n"))
    assert [s.date for s in plan_sessions([lesson(1), lesson(2)], course.schedule)] == [
        dt.date(2027, 3, 1), dt.date(2027, 3, 3)]
    with pytest.raises(CourseError, match=r"lists 2 dates, but the lessons in the nav need 3 sessions"):
        plan_sessions([lesson(1), lesson(2), lesson(3)], course.schedule)


@pytest.mark.parametrize("change, message", [
    (('"2027-02-01"', '"2027-02-30"'), r"^mkdocs.yml:7: extra.course.schedule.start: '2027-02-30' is not a date\. "
                                   r"Write dates as YYYY-MM-DD"),
    (("thursday", "Munday"), r"^mkdocs.yml:7: extra.course.schedule.weekdays: 'Munday' is not a weekday\. Use Monday"),
    (("session_minutes: 90", "session_minutes: ninety"), r"^mkdocs.yml:7: .*session_minutes must be a whole number"),
    (("term: Spring 2027", "trem: Spring 2027"), r"^mkdocs.yml:3: extra.course: unknown field 'trem'. Did you mean 'term'?"),
    (("    title: Test course\n", ""), r"^mkdocs.yml:3: extra.course.title is missing"),
])
def test_a_wrong_course_setting_is_one_line_naming_the_file_and_line(tmp_path, change, message):
    with pytest.raises(CourseError, match=message):
        course_from(tmp_path, COURSE.replace(*change))


def test_a_lesson_needs_front_matter_minutes_and_known_readings(tmp_path):
    source = tmp_path / "09-new.md"
    source.write_text("# New\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"^docs/lessons/09-new.md:1: a lesson starts with front matter"):
        parse_lesson(source.read_text(encoding="utf-8"), "docs/lessons/09-new.md", "lessons/09-new.md", 9, None)
    source.write_text("---\nteaching: fifty\nexercises: 30\n---\n# New\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"needs `teaching:` as whole minutes"):
        parse_lesson(source.read_text(encoding="utf-8"), "docs/lessons/09-new.md", "lessons/09-new.md", 9, None)
    source.write_text("---\nteaching: 50\nexercises: 30\nreadings: [nobody1999]\n---\n# New\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"names 'nobody1999', which is not in data/references.bib"):
        parse_lesson(source.read_text(encoding="utf-8"), "docs/lessons/09-new.md", "lessons/09-new.md", 9, None, {"moldashev2018"})


def test_the_syllabus_lists_every_lesson_in_nav_order_with_dates_readings_and_quizzes(site_dir):
    soup = BeautifulSoup((site_dir / "syllabus" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("article table tbody tr")
    lessons = sorted((ROOT / "docs" / "lessons").glob("0*.md"))
    titles = [row.select("td")[2].get_text(" ", strip=True) for row in rows]
    assert len(rows) >= len(lessons)
    assert titles[0].startswith("1. Concepts") and titles[-1].startswith(f"{len(lessons)}. ")
    assert all(re.fullmatch(r"\w{3} \d{1,2} \w{3} \d{4}", row.select("td")[1].get_text(strip=True)) for row in rows)
    assert soup.select("article table a.course-cite"), "readings are rendered as citations"
    assert "Moldashev and Qoraboyev 2018" in soup.select_one("article table").get_text()


@pytest.mark.slow
def test_change_the_dates_or_the_nav_and_the_schedule_follows(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('start: "2027-02-01"', 'start: "2031-09-02"').replace("weekdays: [Monday, Thursday]",
                                                                        "weekdays: [Tuesday]")
    # Reorder: lesson 2 before lesson 1; only the nav changes.
    text = text.replace("      - lessons/01-concepts.md\n      - lessons/02-case-for-a-region.md\n",
                        "      - lessons/02-case-for-a-region.md\n      - lessons/01-concepts.md\n")
    config.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout
    soup = BeautifulSoup((tmp_path / "site" / "syllabus" / "index.html").read_text(encoding="utf-8"), "html.parser")
    first = [cell.get_text(" ", strip=True) for cell in soup.select("article table tbody tr")[0].select("td")]
    assert first[1] == "Tue 2 Sep 2031" and first[2].startswith("1. The case for a Central Asian region")
    listed = (tmp_path / "site" / "lessons" / "index.html").read_text(encoding="utf-8")
    assert listed.index("02-case-for-a-region") < listed.index("01-concepts")

    config.write_text(text.replace("weekdays: [Tuesday]", "weekdays: [Tuesdy]"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(r"mkdocs.yml:\d+: extra.course.schedule.weekdays: 'Tuesdy' is not a weekday", result.stdout)
    assert "Traceback" not in result.stdout


def test_activities_come_from_the_front_matter_or_the_lesson_text(tmp_path):
    source = tmp_path / "09-new.md"
    body = ('# New\n\n!!! example "Try it: two headlines (10 minutes)"\n\n    Text.\n\n'
            "## Role-play: the *chaikhana* summit\n\n!!! discussion \"Discussion questions\"\n\n    1. Why?\n")
    source.write_text("---\nteaching: 50\nexercises: 30\n---\n" + body, encoding="utf-8")
    found = parse_lesson(source.read_text(encoding="utf-8"), "docs/lessons/09-new.md", "lessons/09-new.md", 9, None,
                         activity_headings=["Role-play"], discussion="discussion questions").activities
    assert found == ("Try it: two headlines", "Role-play: the *chaikhana* summit", "discussion questions")
    untitled = parse_lesson(source.read_text(encoding="utf-8"), "docs/lessons/09-new.md", "lessons/09-new.md", 9,
                            None, activity_headings=["Role-play"]).activities
    assert untitled[-1] == "Discussion questions"  # no word given: the box's own title
    source.write_text("---\nteaching: 50\nexercises: 30\nactivity: Field trip\n---\n" + body, encoding="utf-8")
    assert parse_lesson(source.read_text(encoding="utf-8"), "docs/lessons/09-new.md", "lessons/09-new.md", 9, None,
                         activity_headings=["Role-play"]).activities == ("Field trip",)
