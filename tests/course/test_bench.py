"""The benchmark's synthetic course (scripts/bench/synthetic.py): it must follow the data formats as they change."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, build, problems

from bench.freeze import without_hooks
from bench.synthetic import data_entries, lesson_slugs, make_synthetic_course, real_sizes


def test_the_hooks_off_config_is_the_same_config_without_hooks():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    without = without_hooks(config)
    assert not re.search(r"^\s*- scripts/hooks/", without, re.MULTILINE) and not re.search(r"^hooks:", without, re.MULTILINE)
    assert len(without) < len(config)
    for key in ("theme:", "plugins:", "extra_css:", "markdown_extensions:", "nav:"):
        assert key in without


def test_a_synthetic_course_copies_lessons_quizzes_and_data_with_new_names(tmp_path: Path):
    made = make_synthetic_course(ROOT, tmp_path / "course", {"lessons": 2, "terms": 2, "events": 2})
    real = real_sizes(ROOT)
    assert made["lessons"] == 2 * real["lessons"]
    assert made["questions"] == 2 * real["questions"]
    course = tmp_path / "course"
    slugs = lesson_slugs(course)
    assert len(slugs) == len(set(slugs)) == made["lessons"]
    for slug in slugs:
        assert (course / "docs" / "lessons" / f"{slug}.md").is_file()
    if (ROOT / "data" / "glossary.yml").exists():
        assert made["terms"] == 2 * real["terms"]
        data = yaml.safe_load((course / "data" / "glossary.yml").read_text(encoding="utf-8"))
        entries, _ = data_entries(data, "terms")
        names = [str(entry.get("term")).lower() for entry in entries]
        assert len(names) == len(set(names))


@pytest.mark.slow
def test_a_synthetic_course_builds_strict_without_a_warning(tmp_path: Path):
    make_synthetic_course(ROOT, tmp_path / "course", {"lessons": 2, "terms": 2, "events": 2})
    result = build(tmp_path / "course", tmp_path / "site")
    assert result.returncode == 0, result.stdout[-2000:]
    assert problems(result.stdout) == [], result.stdout[-2000:]
