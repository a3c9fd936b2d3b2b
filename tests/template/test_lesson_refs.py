"""Lesson numbers, counts and course facts come from the nav: markers and empty-label links
render them, a number typed by hand is refused with its file and line, and a dropped lesson
gets one message listing everything that still names it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, assert_lesson_labels_match_the_nav, build, copy_project, problems

from course.lesson_refs import check_source, references_to, renumber, resolve

NUMBERS = {"01-concepts": 1, "07-soft-regionalism": 2, "03-hard": 3}
FACTS = {"title": "Water in Central Asia", "lessons": "3", "minutes": "240"}
SESSIONS = {"01-concepts": 1, "07-soft-regionalism": 2, "03-hard": 4}


def test_markers_and_empty_links_render_what_the_nav_says():
    page = ("# [[course.title]]\n\nIn [[course.lessons]] lessons. See [[07-soft-regionalism]], "
            "[](07-soft-regionalism.md#a) and [](../lessons/03-hard.md); session [[session:03-hard]].\n"
            "Code stays: `[[07-soft-regionalism]]` and\n\n```md\n[](03-hard.md)\n```\n")
    assert resolve(page, NUMBERS, FACTS, SESSIONS) == (
        "# Water in Central Asia\n\nIn 3 lessons. See Lesson 2, [Lesson 2](07-soft-regionalism.md#a) and "
        "[Lesson 3](../lessons/03-hard.md); session 4.\nCode stays: `[[07-soft-regionalism]]` and\n\n"
        "```md\n[](03-hard.md)\n```\n")
    html = '<p title="As in [[03-hard]]">x</p><code>[[03-hard]]</code>'
    assert resolve(html, NUMBERS, FACTS) == '<p title="As in Lesson 3">x</p><code>[[03-hard]]</code>'


def test_numbers_typed_by_hand_are_refused_with_the_marker_to_write():
    page = "\n".join([
        "Lesson 2 says so.",                                  # 1: plain, stale-prone
        "[Lesson 7](07-soft-regionalism.md) is wrong.",       # 2: disagrees with the nav
        "[lesson 2](07-soft-regionalism.md) is right today.", # 3: still typed by hand
        "Eight lessons, or 3 lessons.",                       # 4: counts
        "Lessons 1 to 3 and lesson 9.",                       # 5: a range, and no such lesson
        "[[02-gone]] and [[course.colour]].",                 # 6: unknown marker and fact
        "In `Lesson 4` code, [](01-concepts.md), [[01-concepts]]: fine.",  # 7
        "Session 4 is the long one.",                         # 8: a session number
    ])
    errors = {(error.line, error.message.split(" ", 3)[-1][:60]) for error in
              check_source(page, "docs/x.md", NUMBERS, FACTS, sessions=SESSIONS)}
    lines = sorted(line for line, _ in errors)
    assert lines == [1, 2, 3, 4, 5, 5, 6, 6, 8], errors
    messages = [str(e) for e in check_source(page, "docs/x.md", NUMBERS, FACTS, sessions=SESSIONS)]
    assert "docs/x.md:1: 'Lesson 2' is typed by hand, and goes stale when lessons move. Write " \
           "[[07-soft-regionalism]] (it is 2 today)" in messages[0] or any(
               m.startswith("docs/x.md:1: 'Lesson 2' is typed by hand") and "[[07-soft-regionalism]]" in m
               for m in messages)
    assert any(m.startswith("docs/x.md:2: the link '[Lesson 7]' says lesson 7, but 07-soft-regionalism is "
                            "lesson 2 in the nav") for m in messages), messages
    assert any(m.startswith("docs/x.md:4: 'Eight lessons' is a count typed by hand") and "[[course.lessons]]" in m
               for m in messages)
    assert any(m.startswith("docs/x.md:8: 'Session 4' is a session number") and "[[session:03-hard]]" in m
               for m in messages)


def test_data_files_are_checked_too_but_not_their_comments():
    data = '# lesson 3 is the comparison\nfeedback: "Right. Lesson 3 says so."\n'
    assert [error.line for error in check_source(data, "data/q.yml", NUMBERS, FACTS, data=True)] == [2]


def test_drop_removes_what_belongs_to_the_lesson_and_lists_what_still_names_it(tmp_path):
    project = copy_project(tmp_path / "project")
    slug = "06-comparing-regions"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "manage_lesson.py"), "drop", slug,
                             "--root", str(project)], text=True, capture_output=True)
    assert result.returncode == 0, result.stderr
    assert f"lessons/{slug}.md" not in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert not (project / "docs" / "lessons" / f"{slug}.md").exists()
    assert not list(project.glob(f"docs-*/lessons/{slug}.md"))  # every language's page of it
    assert not (project / "data" / "quizzes" / f"{slug}.yml").exists()
    assert not list((project / "docs" / "assets" / "figures").glob(f"{slug}-*"))
    assert f"lesson: {slug}" not in (project / "data" / "timeline.yml").read_text(encoding="utf-8")
    assert f"introduced: {slug}" not in (project / "data" / "glossary.yml").read_text(encoding="utf-8")
    assert "lesson number(s) set to the nav's" in result.stdout  # the Russian pages' typed numbers
    russian = build(project, tmp_path / "site-ru", "mkdocs.ru.yml")
    warnings = [line for line in russian.stdout.splitlines() if line.startswith("WARNING")]
    assert [line for line in warnings if "says lesson" in line] == [], russian.stdout
    # in the author's terms: the Russian pages' own files (not the build's merged folder), each once
    assert ".cache/" not in russian.stdout and any(line.startswith("WARNING -  docs-ru/") for line in warnings)
    assert len(warnings) == len(set(warnings)), russian.stdout
    left = references_to(slug, project, project / "docs", sorted(project.glob("docs-*")))
    assert left, "the course links lesson 6 from other pages: the command must list them"
    for reference in left:
        assert str(reference) in result.stdout
        assert re.match(r"^(docs|docs-[a-z]+|data)/[^:]+:\d+: ", str(reference)), reference


def test_renumber_sets_numbers_typed_in_links_to_the_nav_and_leaves_code_alone():
    numbers = {"05-new-momentum": 4, "07-soft-regionalism": 6}
    text = ("См. [на занятии 7](07-soft-regionalism.md#formats) и [Занятие 5](../lessons/05-new-momentum.md); "
            "`[занятие 7](07-soft-regionalism.md)`; [занятие 9](09-gone.md).")
    fixed, count = renumber(text, numbers, ["занятие", "занятии"])
    assert count == 2
    assert fixed == ("См. [на занятии 6](07-soft-regionalism.md#formats) и [Занятие 4](../lessons/05-new-momentum.md); "
                     "`[занятие 7](07-soft-regionalism.md)`; [занятие 9](09-gone.md).")
    assert renumber(fixed, numbers, ["занятие", "занятии"]) == (fixed, 0)
    assert check_source(fixed, "p.md", numbers, {}, lesson_words=["занятие", "занятии"]) == []


def test_rename_rewrites_every_reference(tmp_path):
    project = copy_project(tmp_path / "project")
    old, new = "06-comparing-regions", "04-regions-compared"
    before = references_to(old, project, project / "docs")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "manage_lesson.py"), "rename", old, new,
                             "--root", str(project)], text=True, capture_output=True)
    assert result.returncode == 0, result.stderr
    assert references_to(old, project, project / "docs") == []
    assert len(references_to(new, project, project / "docs")) == len(before)
    assert f"lessons/{new}.md" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert (project / "data" / "quizzes" / f"{new}.yml").exists()
    for folder in project.glob("docs-*"):  # the other languages' pages move and are rewritten too
        assert not (folder / "lessons" / f"{old}.md").exists() and (folder / "lessons" / f"{new}.md").exists()
        assert references_to(old, project, folder) == []


@pytest.mark.slow
def test_a_dropped_lesson_gets_one_message_and_a_reorder_renumbers_every_label(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # Reorder: lessons 3 and 5 change places. Drop: lesson 6 leaves the nav (its file stays).
    text = text.replace("      - lessons/03-hard-institutionalism.md\n", "      - lessons/TMP\n")
    text = text.replace("      - lessons/05-new-momentum.md\n", "      - lessons/03-hard-institutionalism.md\n")
    text = text.replace("      - lessons/TMP\n", "      - lessons/05-new-momentum.md\n")
    config.write_text(text.replace("      - lessons/06-comparing-regions.md\n", ""), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    grouped = [line for line in result.stdout.splitlines()
               if line.startswith("WARNING") and "lessons/06-comparing-regions.md is not a lesson in the nav" in line]
    assert len(grouped) == 1, result.stdout
    listed = result.stdout[result.stdout.index(grouped[0]):].splitlines()[1:]
    listed = [line.strip() for line in listed if line.startswith("  ")]
    assert len(listed) == len(references_to("06-comparing-regions", project, project / "docs")), listed

    # Put lesson 6 back: the reordered course builds, and every label follows the new order.
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    order = ["01-concepts", "02-case-for-a-region", "05-new-momentum", "04-absorption-and-skepticism",
             "03-hard-institutionalism", "06-comparing-regions", "07-soft-regionalism", "08-debate-and-assessment"]
    assert_lesson_labels_match_the_nav(site, order)


def test_another_language_types_the_number_in_a_link_and_the_build_checks_it():
    """Russian cases ("на занятии 7") are beyond the build, so the number is typed: only in a link,
    and only the linked lesson's current number passes."""
    forms = ["занятие", "занятии"]
    right = "См. [на занятии 2](07-soft-regionalism.md#a) и «Занятие» без номера.\n"
    assert check_source(right, "docs-ru/x.md", NUMBERS, FACTS, lesson_words=forms) == []
    stale = check_source("См. [на занятии 7](07-soft-regionalism.md).\n", "docs-ru/x.md", NUMBERS, FACTS,
                         lesson_words=forms)
    assert [str(error) for error in stale] == [
        "docs-ru/x.md:1: the link '[на занятии 7]' says lesson 7, but 07-soft-regionalism is lesson 2 in the nav. "
        "Write 2 instead."]
    bare = check_source("Вернёмся к этому на занятии 3.\n", "docs-ru/x.md", NUMBERS, FACTS, lesson_words=forms)
    assert len(bare) == 1 and "docs-ru/x.md:1: 'занятии 3' is a lesson number typed by hand" in str(bare[0])
    assert "[занятии 3](03-hard.md)" in str(bare[0])
    # English keeps its own rule: no forms given, no Russian checked
    assert check_source("на занятии 3\n", "docs/x.md", NUMBERS, FACTS) == []


def test_the_reference_check_reuses_an_earlier_builds_messages_only_while_nothing_changed(tmp_path):
    from course.lesson_refs import check_references, course_facts
    from course.lessons import parse_lesson

    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    uris = ["lessons/01-concepts.md", "lessons/02-case-for-a-region.md"]
    lessons = [parse_lesson((docs / uri).read_text(encoding="utf-8"), f"docs/{uri}", uri, n)
               for n, uri in enumerate(uris, start=1)]
    facts = course_facts(lessons, "T", "", 90)
    cache = tmp_path / "cache"
    first = check_references(project, docs, facts, (), cache)
    assert first == check_references(project, docs, facts, ()) and any(cache.iterdir())
    page = docs / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee lesson 2.\n", encoding="utf-8")
    again = check_references(project, docs, facts, (), cache)
    assert len(again) == len(first) + 1 and any("docs/about.md" in line and "lesson 2" in line for line in again)
