"""Every lesson keeps the lesson form, so a later edit cannot silently drop a part of it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from course.editions import split_notes
from helpers import ROOT

LESSONS = sorted((ROOT / "docs" / "lessons").glob("[0-9][0-9]-*.md"))


def split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.DOTALL)
    assert match, f"{path.name}: front matter (teaching, exercises, readings) is missing"
    return yaml.safe_load(match.group(1)), match.group(2)


def block_items(body: str, kind: str) -> list[str]:
    """The list items inside an admonition such as `!!! keypoints "Key points"`."""
    match = re.search(rf'^!!! {kind}\b.*?\n((?:[ \t]*\n|    .*\n)+)', body, re.MULTILINE)
    assert match, f"no `!!! {kind}` block"
    return re.findall(r"^    (?:- |\d+\. )(.+)$", match.group(1), re.MULTILINE)


def prose_words(body: str) -> int:
    """Words a student reads as the lesson's argument: tables, role-play cards and instructor notes excluded."""
    body = split_notes(body)[0]  # the student edition leaves them out
    body = re.sub(r"^### Role cards\n.*?(?=^### )", "", body, flags=re.MULTILINE | re.DOTALL)
    body = re.sub(r"^\|.*$", "", body, flags=re.MULTILINE)  # tables
    body = re.sub(r"\[@[^\]]*\]|!\[[^\]]*\]\([^)]*\)|<[^>]+>", "", body)
    return len(re.findall(r"[\w’'-]+", body))


def test_there_are_eight_lessons():
    assert [p.name[:2] for p in LESSONS] == [f"{n:02d}" for n in range(1, 9)]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_every_part_of_the_form(path):
    meta, body = split(path)
    assert isinstance(meta.get("teaching"), int) and isinstance(meta.get("exercises"), int)
    assert meta.get("readings"), "front matter needs the required readings"
    assert re.search(r"^# \S", body, re.MULTILINE), "an H1 title"
    assert not re.search(r"^# Lesson \d", body, re.MULTILINE), "no number in the H1: the nav numbers lessons"

    objectives = block_items(body, "objectives")
    assert 3 <= len(objectives) <= 5
    assert all(re.match(r"[A-Z][a-z]+ ", item) for item in objectives), "objectives start with a verb"
    assert re.search(r'^!!! question "Opening question"', body, re.MULTILINE)
    assert 4 <= len(block_items(body, "keypoints")) <= 7
    assert 3 <= len(block_items(body, "discussion")) <= 5
    assert "<!-- key-terms -->" in body and "<!-- quiz -->" in body
    assert re.search(r"^## Further reading", body, re.MULTILINE)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_cites_at_least_five_works_with_the_chapter(path):
    _, body = split(path)
    keys = set(re.findall(r"@([A-Za-z0-9_:.-]+)", " ".join(re.findall(r"\[[^\]]*@[^\]]*\]", body))))
    assert "moldashev2018" in keys
    assert len(keys) >= 5, sorted(keys)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_a_captioned_figure_or_table(path):
    _, body = split(path)
    assert re.search(r"^/// (table-)?caption", body, re.MULTILINE)
    for alt, src in re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", body):
        assert len(alt) > 15, f"{src}: alt text should say what the figure shows"
        assert (path.parent / src).resolve().exists()


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_length_is_a_class_reading(path):
    _, body = split(path)
    assert 1800 <= prose_words(body) <= 3000
