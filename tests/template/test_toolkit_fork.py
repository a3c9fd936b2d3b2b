"""The instructor's toolkit on a fork: another title (in Cyrillic), a lesson added with
`make lesson` (its quiz holds one question), an inline note in the new lesson. `make lms`,
the worksheets and both editions must follow, with nothing of this course hard-wired.

What a fork test can call: scripts/lms.py's write_lms(root, out), scripts/worksheets.py's
worksheet_documents(root, seed) (HTML, no browser) and write_worksheets(root, out, seed),
and a build with COURSE_EDITION=student or instructor (helpers.build(..., edition=...))."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, build, copy_project, problems

pytestmark = pytest.mark.slow

TITLE = "Регионализм в Центральной Азии"
NOTE = "A note only instructors of the fork see"


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("fork"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    title: Regionalism in Central Asia", f"    title: {TITLE}", 1), encoding="utf-8")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "new_lesson.py"), "Вода и энергия", "--root", str(project)],
                   check=True, capture_output=True, timeout=60)
    [lesson] = (project / "docs" / "lessons").glob("09-*.md")
    for path in (lesson, project / "data" / "quizzes" / f"{lesson.stem}.yml"):  # the author fills it in
        path.write_text(path.read_text(encoding="utf-8").replace("FIXME ", ""), encoding="utf-8")
    text = lesson.read_text(encoding="utf-8")
    heading = re.search(r"^## .+$", text, re.MULTILINE)
    lesson.write_text(text[:heading.end()] + f'\n\n!!! instructor "For the fork"\n\n    {NOTE}.\n' + text[heading.end():],
                      encoding="utf-8")
    return project


def test_make_lms_on_a_fork(fork: Path, tmp_path: Path) -> None:
    from lms import write_lms

    written = write_lms(fork, tmp_path)
    names = {path.name for path in written}
    assert "regionalizm-v-tsentralnoy-azii.moodle.xml" in names
    lessons = sorted(path.stem for path in (fork / "docs" / "lessons").glob("[0-9]*.md"))
    assert len(lessons) == 9 and all(f"{lesson}.gift.txt" in names for lesson in lessons)
    new = (tmp_path / "lessons" / f"{lessons[-1]}.moodle.xml").read_text(encoding="utf-8")
    assert new.count("<question type=") == 2  # its category and its one question
    assert f"$course$/top/{TITLE}/Lesson 9: Вода и энергия" in new


def test_worksheets_on_a_fork(fork: Path) -> None:
    from worksheets import worksheet_documents

    documents = worksheet_documents(fork, seed="fork")
    lessons = sorted(path.stem for path in (fork / "docs" / "lessons").glob("[0-9]*.md"))
    assert set(documents) == {f"{base}-{v}{k}" for base in ["review"] + [f"lessons/{s}" for s in lessons]
                              for v in "AB" for k in ("", "-key")}
    assert documents[f"lessons/{lessons[-1]}-A-key"].count("<tr><td>") == 1
    assert TITLE in documents["review-B"]


def test_both_editions_build_on_a_fork(fork: Path, tmp_path: Path) -> None:
    for edition in ("student", "instructor"):
        result = build(fork, tmp_path / edition, edition=edition)
        assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    pages = " ".join(path.read_text(encoding="utf-8") for path in (tmp_path / "student").rglob("*.html"))
    assert NOTE not in pages and not (tmp_path / "student" / "instructors").exists()
    notes_page = (tmp_path / "instructor" / "instructors" / "lesson-notes" / "index.html").read_text(encoding="utf-8")
    assert NOTE in notes_page  # gathered at the end: the fork's lesson has no marker on that page
