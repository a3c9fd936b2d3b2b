"""`make pdf`: handouts printed by headless Chromium from the built site."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def pdfs(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site", str(site_dir), "--out", str(out),
                             "--edition", "instructor", "--lang", "en"],  # site_dir: the instructor edition (conftest.py)
                            cwd=ROOT, text=True, capture_output=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out / "instructor"


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) > 0, path
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def _english(text: object) -> object:
    """A data text as the English PDFs print it: a translated text ({en: ..., ru: ...}) gives its en."""
    return text.get("en") if isinstance(text, dict) else text


def answers() -> list[str]:
    """Feedback and explanations from every quiz file: what a student's copy must never show."""
    found = []
    for path in sorted((ROOT / "data" / "quizzes").glob("*.yml")):
        for question in yaml.safe_load(path.read_text(encoding="utf-8")).get("questions", []):
            texts = [_english(question.get("explanation"))]
            texts += [_english(option.get("feedback")) for option in question.get("options", [])]
            feedback = question.get("feedback")  # true-false: {true: ..., false: ...}
            texts += [_english(text) for text in feedback.values()] if isinstance(feedback, dict) else []
            # the first words, plain: enough to recognise the sentence, robust to line breaks and markup
            found += [" ".join(re.sub(r"[*_`\[\]]", "", text).split()[:8]) for text in texts if text]
    return [text for text in found if len(text) > 30]


def test_every_lesson_has_a_pdf_with_its_title_and_text(pdfs):
    lessons = sorted(path.stem for path in (ROOT / "docs" / "lessons").glob("[0-9]*.md"))
    assert sorted(path.stem for path in (pdfs / "lessons").glob("*.pdf")) == lessons
    for lesson in lessons:
        source = (ROOT / "docs" / "lessons" / f"{lesson}.md").read_text(encoding="utf-8")
        title = re.search(r"^# (.+)$", source, re.MULTILINE).group(1)
        text = text_of(pdfs / "lessons" / f"{lesson}.pdf")
        assert title.split(",")[0] in text and "Learning objectives" in text
        assert "Skip to content" not in text and "Search" not in text.split("References")[0][:400]


def test_the_course_pdf_has_cover_contents_with_page_numbers_lessons_and_bibliography(pdfs):
    [course] = [path for path in pdfs.glob("*.pdf") if not path.stem.endswith("answer-key")]
    reader = pypdf.PdfReader(course)
    assert len(reader.pages) > 20
    assert "Regionalism in Central Asia" in reader.pages[0].extract_text()
    contents = re.sub(r"\s+", " ", reader.pages[1].extract_text())
    assert contents.startswith("Contents") and re.search(r"Bibliography \d+", contents)
    assert "Acharya, Amitav. 1997" in text_of(course)


def test_student_pdfs_carry_no_answers_and_the_answer_key_does(pdfs):
    secrets = answers()
    if not secrets:
        pytest.skip("no quiz files yet")
    students = [path for path in pdfs.rglob("*.pdf") if not path.stem.endswith("answer-key")]
    for path in students:
        text = text_of(path)
        leaked = [secret for secret in secrets if secret in text]
        assert leaked == [], f"{path.name} shows quiz answers: {leaked[:3]}"
    if "answer-key" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8"):
        return  # no answer key page in the nav (yet): nothing more to check
    [key] = pdfs.glob("*-answer-key.pdf")
    key_text = text_of(key)
    assert sum(secret in key_text for secret in secrets) > len(secrets) / 2
