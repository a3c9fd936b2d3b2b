"""`make lesson` and scaffold text: titles in any of the course's languages, quoted YAML, no
duplicate lesson, and no FIXME note that reaches students."""
from __future__ import annotations

import re

import pytest
import yaml
from helpers import build, copy_project, problems

from course.placeholders import find_in_data, find_in_markdown
from course.slugs import slugify
from new_lesson import scaffold


@pytest.mark.parametrize(("title", "slug"), [
    ("Water, energy & the Aral Sea!", "water-energy-the-aral-sea"),
    ("Су және энергия: өңірлік ынтымақтастық", "su-zhane-energiya-ongirlik-yntymaqtastyq"),  # Kazakh
    ("Суу жана энергия", "suu-zhana-energiya"),  # Kyrgyz
    ("Сув ва энергетика ҳамкорлиги", "suv-va-energetika-hamkorligi"),  # Uzbek (Cyrillic)
    ("Oʻzbekiston va suv", "ozbekiston-va-suv"),  # Uzbek (Latin)
    ("Водная политика в Центральной Азии", "vodnaya-politika-v-tsentralnoy-azii"),  # Russian
    ("Türkiye and the Turkic states", "turkiye-and-the-turkic-states"),
])
def test_titles_in_the_courses_languages_give_readable_file_names(title, slug):
    assert slugify(title) == slug


def test_a_long_title_is_cut_at_a_word():
    assert slugify("A very long title that goes on and on about many many things") == "a-very-long-title-that-goes-on-and-on"


def test_a_title_with_a_colon_or_quotes_writes_a_quiz_file_that_parses(tmp_path):
    project = copy_project(tmp_path / "project")
    title = 'Water: energy and the "state" # 2'
    _, quiz = scaffold(project, title)
    data = yaml.safe_load(quiz.read_text(encoding="utf-8"))
    assert title in data["questions"][0]["prompt"]
    assert quiz.name.startswith(tuple(f"{n:02d}-water-energy-and-the-state-2" for n in range(1, 100)))


def test_a_cyrillic_title_gets_a_transliterated_lesson_file(tmp_path):
    project = copy_project(tmp_path / "project")
    lesson, quiz = scaffold(project, "Суу жана энергия")
    assert re.fullmatch(r"\d\d-suu-zhana-energiya\.md", lesson.name)
    assert "# Суу жана энергия\n" in lesson.read_text(encoding="utf-8")
    assert yaml.safe_load(quiz.read_text(encoding="utf-8"))["questions"]


def test_the_same_lesson_twice_is_refused_and_nothing_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    lesson, _ = scaffold(project, "Water and energy")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    files = sorted(p.name for p in (project / "docs" / "lessons").iterdir())
    for again in ("Water and energy", "water AND energy"):
        with pytest.raises(ValueError, match=rf"{lesson.relative_to(project).as_posix()} is already a lesson"):
            scaffold(project, again)
    existing = next((project / "docs" / "lessons").glob("01-*.md"))
    title = re.search(r"^# (.+)$", existing.read_text(encoding="utf-8"), re.MULTILINE).group(1)
    with pytest.raises(ValueError, match="already a lesson titled"):
        scaffold(project, title)
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config
    assert sorted(p.name for p in (project / "docs" / "lessons").iterdir()) == files


def test_fixme_is_found_in_text_but_not_in_code_or_comments():
    page = "\n".join([
        "# Title",                                   # 1
        "FIXME: write this.",                        # 2
        "Mark notes with `FIXME` in code.",          # 3
        "<!-- FIXME: a note to self",                # 4
        "     still a comment -->",                  # 5
        "```yaml",                                   # 6
        "site_name: x  # FIXME",                     # 7
        "```",                                       # 8
        "```quiz",                                   # 9
        "prompt: FIXME a quiz students read",        # 10
        "```",                                       # 11
        "    - FIXME in a list",                     # 12
    ])
    assert [error.line for error in find_in_markdown(page, "docs/a.md")] == [2, 10, 12]
    message = str(find_in_markdown(page, "docs/a.md")[0])
    assert message.startswith("docs/a.md:2: scaffold text left in: 'FIXME: write this.'. Write your own text")
    data = "# FIXME: change me\nprompt: \"FIXME sample\"\nfeedback: fine\n"
    assert [error.line for error in find_in_data(data, "data/quizzes/x.yml")] == [2]


@pytest.mark.slow
def test_a_scaffolded_lesson_fails_the_strict_build_until_every_fixme_is_replaced(tmp_path):
    project = copy_project(tmp_path / "project")
    lesson, quiz = scaffold(project, "Water and energy")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, result.stdout
    found = [line for line in problems(result.stdout) if "scaffold text left in" in line]
    lesson_name, quiz_name = lesson.relative_to(project).as_posix(), quiz.relative_to(project).as_posix()
    lesson_lines = [n for n, line in enumerate(lesson.read_text(encoding="utf-8").splitlines(), 1) if "FIXME" in line]
    quiz_lines = [n for n, line in enumerate(quiz.read_text(encoding="utf-8").splitlines(), 1)
                  if "FIXME" in line and not line.lstrip().startswith("#")]
    expected = [f"{lesson_name}:{n}:" for n in lesson_lines] + [f"{quiz_name}:{n}:" for n in quiz_lines]
    assert all(any(where in line for line in found) for where in expected), result.stdout
    assert len(found) == len(expected), result.stdout  # all at once, in one build
    assert not (tmp_path / "site" / "index.html").exists()  # no half-built site
