"""Two editions: the core's rules on small inputs, then both editions of the real course built
(the student edition must show no answer key and no instructor note, in its pages, its
search index or its offline zip)."""
from __future__ import annotations

import json
from html import unescape
import re
import subprocess
import sys
import zipfile
from unicodedata import normalize
from pathlib import Path

import pytest
from course.editions import gather_notes, split_notes, student_nav, unlink_pages
from course.quizzes import load_quizzes
from course.lesson_refs import lesson_numbers, resolve
from helpers import ROOT, build, problems
from markdown.extensions.toc import slugify

PAGE = """# Lesson

Intro.

!!! instructor "Where they stumble"

    First line with a [link](../glossary.md).

    - a list
      continued

## A section {#custom}

Text.

??? instructor

    Folded note.
Back to text.

```markdown
!!! instructor "Only an example"

    Not a note: it is inside a fence.
```
"""


def test_split_notes_takes_out_every_note_and_keeps_examples_in_fences() -> None:
    text, notes = split_notes(PAGE)
    assert [(n.title, n.heading, n.line) for n in notes] == [("Where they stumble", "Lesson", 5),
                                                              ("", "A section {#custom}", 16)]
    assert notes[0].body == "First line with a [link](../glossary.md).\n\n- a list\n  continued"
    assert notes[1].body == "Folded note."
    assert "stumble" not in text and "Folded" not in text and "Back to text." in text
    assert '!!! instructor "Only an example"' in text and "Not a note" in text


def test_links_to_instructor_pages_keep_their_words_only() -> None:
    page = ("See the [guide](instructors/index.md), [notes](instructors/lesson-notes.md#lesson-1), "
            "[a lesson](lessons/01-concepts.md), [the web](https://example.org/instructors/x.md), [here](#top).\n"
            "`[code](instructors/index.md)`\n")
    assert unlink_pages(page, "index.md") == (
        "See the guide, notes, [a lesson](lessons/01-concepts.md), [the web](https://example.org/instructors/x.md), "
        "[here](#top).\n`[code](instructors/index.md)`\n")
    assert unlink_pages("[key](../instructors/answer-key.md)", "lessons/01-concepts.md") == "key"


def test_the_student_nav_has_no_instructor_pages_and_no_empty_section() -> None:
    nav = [{"Home": "index.md"}, {"Lessons": ["lessons/index.md", "lessons/01-a.md"]},
           {"Instructors": ["instructors/index.md", {"Key": "instructors/answer-key.md"}]},
           {"About": ["about.md", "instructors/role-play.md"]}]
    assert student_nav(nav) == [{"Home": "index.md"}, {"Lessons": ["lessons/index.md", "lessons/01-a.md"]},
                                {"About": ["about.md"]}]


def test_a_note_under_a_translated_heading_links_to_the_headings_english_id() -> None:
    _, notes = split_notes("# Занятие\n\n## Таможенный союз 1995 года {#the-1995-customs-union}\n\n"
                           '!!! instructor "Состав"\n\n    Текст.\n')
    filled = gather_notes("", {"03-c": notes}, {"03-c": ("../lessons/03-c.md", "Занятие")}, slugify)
    assert "[Таможенный союз 1995 года](../lessons/03-c.md#the-1995-customs-union)" in filled


def test_notes_are_gathered_at_their_lessons_marker_or_at_the_end() -> None:
    _, notes = split_notes(PAGE)
    page = "# Lesson notes\n\n## Lesson 1\n\n<!-- instructor-notes: 01-a -->\n"
    links = {"01-a": ("../lessons/01-a.md", "Lesson A"), "02-b": ("../lessons/02-b.md", "Lesson B")}
    filled = gather_notes(page, {"01-a": notes, "02-b": notes[:1]}, links, slugify)
    assert "<!-- instructor-notes" not in filled
    assert filled.index('!!! instructor "Where they stumble"') < filled.index("## Lesson B")
    assert "    [Lesson](../lessons/01-a.md#lesson)" in filled
    assert "    [A section](../lessons/01-a.md#custom)" in filled  # its explicit id, not a slug of its words
    assert filled.count("Where they stumble") == 2


# Both editions of the real course


@pytest.fixture(scope="module")
def student_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("student")
    result = build(ROOT, site, edition="student")
    assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    return site


def note_texts() -> list[str]:
    """A phrase from every instructor note in the lessons (enough to recognise it), unless the
    lesson itself says the same words."""
    phrases = []
    files = sorted((ROOT / "docs" / "lessons").glob("[0-9]*.md"))
    numbers = lesson_numbers([f"lessons/{path.name}" for path in files])  # this course's nav is in file order
    for path in sorted((ROOT / "docs" / "lessons").glob("*.md")):
        lesson, notes = split_notes(resolve(path.read_text(encoding="utf-8"), numbers, {}))
        lesson = " ".join(plain(re.sub(r"[*_`]", "", lesson)).split())
        for note in notes:
            body = re.sub(r"\[([^\]@]*)\]\([^)]*\)", r"\1", note.body)  # a link's words
            body = re.sub(r"^\s*(?:\d+\.|[-*+])\s+", "", body, flags=re.MULTILINE)  # a list's markers
            words = plain(re.sub(r"\s*\[@[^\]]*\]|[*_`]", "", body)).split()
            phrase = " ".join(words[:6]).rstrip(".,;:")  # a citation may follow on the page
            phrases += [phrase] if phrase not in lesson else []
    return phrases


def key_texts() -> list[str]:
    """The explanations of the quiz questions: the answer key shows them, a student page never does."""
    texts = []
    for quiz in load_quizzes(ROOT / "data" / "quizzes", "data/quizzes").values():
        texts += [" ".join(q.explanation.split()[:8]) for q in quiz.questions if len(q.explanation.split()) > 8]
    return [plain(re.sub(r"[*_`]", "", text)) for text in texts]


def plain(text: str) -> str:
    """Quotes straightened, as smarty curls them on the page but not in the source."""
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def visible_text(html: str) -> str:
    html = re.sub(r"<script.*?</script>|\sdata-answers='[^']*'", " ", html, flags=re.DOTALL)
    html = re.sub(r"</?(?:p|li|div|h\d|t[dhr]|[uo]l|br|section|article|details|summary|nav|header)\b[^>]*>", " ", html)
    return " ".join(plain(unescape(re.sub(r"<[^>]+>", "", html))).split())


def test_the_student_edition_has_no_instructor_page_note_or_key(student_site: Path) -> None:
    notes, keys = note_texts(), key_texts()
    assert len(notes) >= 8 and len(keys) >= 30  # the checks below have something to find
    assert not (student_site / "instructors").exists()
    pages = {path: path.read_text(encoding="utf-8") for path in student_site.rglob("*.html")}
    for path, html in pages.items():
        assert "instructors/" not in re.sub(r"<script.*?</script>", "", html, flags=re.DOTALL), path
        assert "admonition instructor" not in html and "course-edition" not in html, path
        text = visible_text(html)
        assert [n for n in notes if n in text] == [], path
        assert [k for k in keys if k in text] == [], path
    index = json.loads((student_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    searchable = " ".join(visible_text(doc["text"]) + " " + doc["location"] for doc in index["docs"])
    assert "instructors/" not in searchable and "Answer key" not in searchable
    assert [n for n in notes if n in searchable] == [] and [k for k in keys if k in searchable] == []


def test_the_instructor_edition_has_the_key_the_notes_and_says_so(site_dir: Path) -> None:
    notes = note_texts()
    pages = {path: path.read_text(encoding="utf-8") for path in site_dir.rglob("*.html") if path.name != "404.html"}
    russian = {path: html for path, html in pages.items() if path.is_relative_to(site_dir / "ru")}
    pages = {path: html for path, html in pages.items() if path not in russian}
    assert all('<p class="course-edition"><strong>Instructor edition</strong></p>' in html for html in pages.values())
    # each edition in its own words (data/messages/<lang>.yml `instructor_edition`)
    assert russian and all('<p class="course-edition"><strong>Версия для преподавателя</strong></p>' in html
                           for html in russian.values())
    lesson = visible_text((site_dir / "lessons" / "01-concepts" / "index.html").read_text(encoding="utf-8"))
    gathered = visible_text((site_dir / "instructors" / "lesson-notes" / "index.html").read_text(encoding="utf-8"))
    assert all(note in gathered for note in notes)
    assert sum(note in lesson for note in notes) >= 3
    key = visible_text((site_dir / "instructors" / "answer-key" / "index.html").read_text(encoding="utf-8"))
    assert all(text in key for text in key_texts())


@pytest.mark.slow
def test_make_offline_zips_both_editions_and_the_students_has_no_notes(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "package_offline.py"), "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    student, instructor = (tmp_path / "regionalism-in-central-asia-offline.zip",
                           tmp_path / "regionalism-in-central-asia-instructor-offline.zip")
    notes, keys = note_texts(), key_texts()
    with zipfile.ZipFile(student) as bundle:
        names = bundle.namelist()
        assert not [name for name in names if "/instructors/" in name]
        text = " ".join(visible_text(bundle.read(name).decode("utf-8")) for name in names
                        if name.endswith((".html", ".json", ".js")) and "/assets/javascripts/" not in name
                        and "/assets/quizzes/" not in name)  # the feedback a student gets on answering
        assert [n for n in notes if n in text] == [] and [k for k in keys if k in text] == []
        assert any("/assets/quizzes/" in name for name in names)  # the quizzes work offline
    with zipfile.ZipFile(instructor) as bundle:
        assert any(name.endswith("/instructors/answer-key.html") for name in bundle.namelist())


@pytest.mark.slow
@pytest.mark.browser
def test_the_student_pdfs_have_no_answer_key_and_no_note(student_site: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), "--site", str(student_site),
                             "--edition", "student", "--lang", "en", "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    pdfs = sorted(tmp_path.rglob("*.pdf"))
    assert pdfs and not [path for path in pdfs if "answer-key" in path.name or "instructor" in str(path)]
    notes, keys = note_texts(), key_texts()
    for path in pdfs:
        text = plain(" ".join(" ".join(normalize("NFKC", page.extract_text()).split()) for page in PdfReader(path).pages))
        assert [n for n in notes if n in text] == [] and [k for k in keys if k in text] == [], path.name
        assert "Instructor edition" not in text, path.name
