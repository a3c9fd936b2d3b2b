"""A course saved with Windows line endings (CRLF) builds exactly the site the LF copy builds."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from helpers import build, copy_project, other_languages, problems

pytestmark = pytest.mark.slow

# What an author writes and an editor on Windows saves with CRLF (git's autocrlf does the same).
TEXT = (".md", ".yml", ".yaml", ".bib", ".css", ".js", ".html", ".json", ".geojson")


def test_a_crlf_copy_of_the_whole_course_builds_byte_identical_pages(tmp_path: Path, site_dir: Path):
    project = copy_project(tmp_path / "project")
    converted = 0
    for path in sorted(project.rglob("*")):
        if path.is_file() and path.suffix in TEXT and "scripts" not in path.relative_to(project).parts:
            text = path.read_bytes()
            if b"\r\n" not in text and b"\n" in text:
                path.write_bytes(text.replace(b"\n", b"\r\n"))
                converted += 1
    assert converted > 30  # every lesson, data file, stylesheet and template

    result = build(project, tmp_path / "site", edition="instructor")  # the edition site_dir is
    assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    for config, folder in other_languages(project):  # as site_dir: every language, as `make build`
        result = build(project, tmp_path / "site" / folder, config, edition="instructor")
        assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    assert _contents(tmp_path / "site") == _contents(site_dir)


def _contents(site: Path) -> dict[str, bytes]:
    """Every built file; a .gz compared by what it holds (gzip stamps the time it was written)."""
    return {path.relative_to(site).as_posix(): gzip.decompress(path.read_bytes()) if path.suffix == ".gz"
            else path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}
