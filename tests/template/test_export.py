"""`make export`: the course as plain Markdown that MkDocs + Material builds with no hooks."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, build, copy_project, problems

from course.export import without_hooks

pytestmark = pytest.mark.slow


def article_text(site: Path, page: str) -> str:
    article = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser").select_one("article")
    return " ".join(article.get_text(" ").split()) if article else ""


def test_the_config_without_hooks_keeps_everything_else():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    without = without_hooks(config)
    assert not re.search(r"^hooks:", without, re.MULTILINE) and "scripts/hooks/" not in without.split("extra_css:")[0]
    for key in ("theme:", "plugins:", "extra_css:", "markdown_extensions:", "nav:", "!ENV"):
        assert key in without


def test_the_export_builds_strictly_without_hooks_with_the_same_pages_and_text(tmp_path: Path):
    project = copy_project(tmp_path / "course")
    export = tmp_path / "export"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "export.py"), "--config", str(project / "mkdocs.yml"),
                           "--out", str(export)], text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:]
    assert not re.search(r"^hooks:", (export / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    assert not (export / "scripts").exists()
    lesson = (export / "docs" / "lessons" / "01-concepts.md").read_text(encoding="utf-8")
    assert 'class="course-quiz"' in lesson and "<!-- quiz -->" not in lesson and "[@" not in lesson
    assert 'class="course-term"' in lesson and 'Key terms in this lesson' in lesson
    for generated in ("glossary.md", "syllabus.md", "review-quiz.md", "timeline.md"):  # the student edition
        assert (export / "docs" / generated).is_file(), generated

    plain, hooked = tmp_path / "site-export", tmp_path / "site-hooks"
    result = build(export, plain)
    assert result.returncode == 0 and problems(result.stdout) == [], result.stdout[-2000:]
    result = build(project, hooked)
    assert result.returncode == 0, result.stdout[-2000:]
    pages = sorted(p.relative_to(hooked).as_posix() for p in hooked.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain).as_posix() for p in plain.rglob("*.html"))
    different = [page for page in pages if article_text(hooked, page) != article_text(plain, page)]
    assert different == []
