"""`make lms`: Moodle XML, GIFT and Canvas QTI read back and compared with the quiz data, for
every question of the course and for a synthetic quiz with every kind and edge case.

No published schema can be installed from a registry for any of the three: Moodle publishes
no XSD for its XML or GIFT, and the IMS QTI 1.2.1 / IMS CP 1.1 XSDs that Canvas' files name
are on IMS's site only (no PyPI, npm or Debian package ships them). So the files are read back
the way the importers read them (tests/lms_readers.py) and checked against the rules those
importers enforce (Moodle's list of grades, GIFT's escapes, the zip's manifest).
"""
from __future__ import annotations

import html
import io
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from course.lms import (MOODLE_FRACTIONS, LessonQuiz, check_exportable, html_block, html_inline,
                        lesson_quizzes, moodle_fraction)
from course.lms.canvas import qti_package
from course.lms.gift import escape, gift
from course.lms.moodle import category_path, moodle_xml
from course.quizzes import Question, load_quiz, load_quizzes
from helpers import ROOT, course_edition
from lms_readers import read_canvas_package, read_gift, read_moodle_xml
import re

from course.markup import plain_text

COURSE = "Regionalism in Central Asia"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

EDGE_CASES = r"""
questions:
  - id: markdown-and-html
    kind: single
    prompt: |-
      Which is *right*? See [the lesson](../lessons/01-concepts.md#regions), `code`, and
      <script>alert("x")</script> <b onclick="evil()">bold</b> — «Қазақстан» “quotes” 'single' & ampersand.

      A second paragraph with ~ = # { } : and a back\slash.
    options:
      - text: "Right: 100% ~ = # { } \\ <i>not html</i>"
        correct: true
        feedback: "Yes: [a link](javascript:alert(1)) is written as plain text; `x = {y}`"
      - text: Ташкент — “Tashkent” 'quoted'
        feedback: "No #1: Unicode, en–dash, emoji 🌍"
  - id: most-options
    kind: single
    prompt: Twenty-six options, one right.
    options:
__SINGLE__
  - id: most-right
    kind: multiple
    prompt: Ten right of twenty-six (Moodle shares 100% among at most ten, or twenty).
    options:
__MULTIPLE__
  - id: one-right-of-many
    kind: multiple
    prompt: One right option in a multiple-answer question.
    options:
      - {text: "Only me", correct: true, feedback: "Yes {me}."}
      - {text: "Not me", feedback: "No ~ not."}
      - {text: "Nor me", feedback: "No = nor."}
  - id: false-statement
    kind: true-false
    prompt: "The statement: {braces} and # hashes are **escaped**."
    answer: false
    feedback:
      "true": "Wrong: it's false #1."
      "false": "Right ~ it's false."
    explanation: Because *Markdown* and {braces} survive.
  - id: true-statement
    kind: true-false
    prompt: A true one.
    answer: true
    feedback:
      "true": Right.
      "false": Wrong.
  - id: order-with-braces
    kind: ordering
    prompt: "Put {these} in order: first = earliest # oldest."
    items:
      - "1991: independence {first}"
      - "1994 — *Central Asian* Union"
      - "2018: Astana ~ meeting = second #2"
      - "<script>x</script> last"
    explanation: "Chronology: {1991} before 1994."
"""


def edge_quiz(tmp_path: Path) -> LessonQuiz:
    single = "\n".join(f'      - {{text: "Option {letter} ~{letter}=", {"correct: true, " if letter == "Q" else ""}'
                       f'feedback: "Feedback {letter} #{letter}"}}' for letter in LETTERS)
    multiple = "\n".join(f'      - {{text: "Choice {letter}", {"correct: true, " if index < 10 else ""}'
                         f'feedback: "Why {letter}"}}' for index, letter in enumerate(LETTERS))
    path = tmp_path / "99-edge-cases.yml"
    path.write_text(EDGE_CASES.replace("__SINGLE__", single).replace("__MULTIPLE__", multiple), encoding="utf-8")
    title = "Edge / cases: “Unicode” & <tags>"
    return LessonQuiz(9, title, load_quiz(path, "data/quizzes/99-edge-cases.yml"), f"Lesson 9: {title}")


def course_lessons() -> list[LessonQuiz]:
    return lesson_quizzes(course_edition())


@pytest.fixture(scope="module")
def lessons() -> list[LessonQuiz]:
    return course_lessons()


# The whole course


def test_every_question_of_the_course_is_exported(lessons: list[LessonQuiz]) -> None:
    # Every question in data/quizzes/ (85 when the exports were written), none left behind.
    in_data = sum(len(quiz.questions) for quiz in load_quizzes(ROOT / "data" / "quizzes", "data/quizzes").values())
    assert sum(len(lesson.quiz.questions) for lesson in lessons) == in_data >= 85
    assert [lesson.number for lesson in lessons] == list(range(1, 9))
    assert check_exportable(lessons) == []
    check_moodle(lessons, moodle_xml(lessons, COURSE), "ordering")
    check_moodle(lessons, moodle_xml(lessons, COURSE, ordering_as="matching"), "matching")
    check_gift(lessons, gift(lessons, COURSE))
    check_canvas(lessons, qti_package(lessons, COURSE))


def test_edge_cases_round_trip(tmp_path: Path) -> None:
    lessons = [edge_quiz(tmp_path)]
    assert check_exportable(lessons) == []
    for ordering_as in ("ordering", "matching"):
        check_moodle(lessons, moodle_xml(lessons, "Course / with slash", ordering_as), ordering_as)
    check_gift(lessons, gift(lessons, "Course / with slash"))
    check_canvas(lessons, qti_package(lessons, "Course / with slash"))


def test_no_script_or_raw_html_from_the_data_reaches_an_export(tmp_path: Path) -> None:
    lessons = [edge_quiz(tmp_path)]
    # The HTML each format carries: GIFT's text as written, the XML formats' element texts.
    shown = {"moodle": "".join(ET.fromstring(moodle_xml(lessons, COURSE)).itertext()), "gift": gift(lessons, COURSE)}
    with zipfile.ZipFile(io.BytesIO(qti_package(lessons, COURSE))) as bundle:
        # A matching question's left side is plain text (texttype="text/plain"), which Canvas
        # shows as text; every other text is HTML.
        shown["canvas"] = "".join(node.text or "" for name in bundle.namelist()
                                  for node in ET.fromstring(bundle.read(name)).iter()
                                  if node.get("texttype") != "text/plain")
    for name, text in shown.items():
        assert "<script" not in text and "<b onclick" not in text and "<i>" not in text, name
        assert 'href="javascript' not in text, name
        assert "&lt;script&gt;" in text, name


def test_moodle_grades_are_from_moodles_list(lessons: list[LessonQuiz], tmp_path: Path) -> None:
    allowed = set(MOODLE_FRACTIONS) | {-f for f in MOODLE_FRACTIONS} | {0.0}
    for question in read_moodle_xml(moodle_xml(lessons + [edge_quiz(tmp_path)], COURSE)):
        if question.kind == "ordering":
            continue
        for _, fraction, _ in question.options:
            assert any(abs(fraction - value) < 0.00001 for value in allowed), (question.name, fraction)


def test_too_many_right_options_for_moodle_is_one_clear_error(tmp_path: Path) -> None:
    options = "\n".join(f'      - {{text: "O{n}", correct: true, feedback: "F{n}"}}' for n in range(11))
    path = tmp_path / "01-x.yml"
    path.write_text(f"questions:\n  - id: eleven\n    kind: multiple\n    prompt: P\n    options:\n{options}\n"
                    '      - {text: "W", feedback: "F"}\n', encoding="utf-8")
    errors = check_exportable([LessonQuiz(1, "X", load_quiz(path, "data/quizzes/01-x.yml"), "Lesson 1: X")])
    assert [str(error) for error in errors] == [
        "data/quizzes/01-x.yml:2: question 'eleven': 11 options are marked correct, but Moodle can share the "
        "marks equally only among 1 to 10 or 20 right options. Mark at most 10 options correct."]


def test_gift_escapes_its_reserved_characters() -> None:
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_category_paths_double_a_slash_as_moodle_reads_it(tmp_path: Path) -> None:
    assert category_path("A/B", edge_quiz(tmp_path)) == "$course$/top/A//B/Lesson 9: Edge // cases: “Unicode” & <tags>"


def test_make_lms_writes_every_file_for_the_course_and_each_lesson(tmp_path: Path) -> None:
    out = tmp_path / "lms"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "lms.py"), "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    suffixes = (".moodle.xml", ".moodle-matching.xml", ".gift.txt", ".canvas-qti.zip")
    expected = {f"regionalism-in-central-asia{s}" for s in suffixes}
    expected |= {f"lessons/{lesson.slug}{s}" for lesson in course_lessons() for s in suffixes}
    # the Russian edition's, in dist/lms/ru/, named after its title (mkdocs.ru.yml)
    expected |= {f"ru/{name}".replace("regionalism-in-central-asia", "regionalizm-v-tsentralnoy-azii")
                 for name in expected}
    assert {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} == expected
    one = read_moodle_xml((out / "lessons" / "03-hard-institutionalism.moodle.xml").read_text(encoding="utf-8"))
    third = next(lesson for lesson in course_lessons() if lesson.slug == "03-hard-institutionalism")
    assert len(one) == len(third.quiz.questions) and {q.category for q in one} == {category_path(COURSE, third)}
    # Two runs write the same bytes (an instructor can diff or commit them).
    again = tmp_path / "again"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "lms.py"), "--out", str(again)], cwd=ROOT, check=True,
                   capture_output=True, timeout=120)
    for name in expected:
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


# Helper functions


def _right(question: Question) -> list[bool]:
    return [option.correct for option in question.options]


def check_moodle(lessons: list[LessonQuiz], text: str, ordering_as: str) -> None:
    read = read_moodle_xml(text)
    expected = [(lesson, q) for lesson in lessons for q in lesson.quiz.questions]
    assert len(read) == len(expected)
    kinds = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse", "ordering": ordering_as}
    root = ET.fromstring(text)
    singles = {q.findtext("name/text"): q.findtext("single") for q in root.iter("question") if q.get("type") == "multichoice"}
    for got, (lesson, question) in zip(read, expected):
        assert got.category == category_path(got.category.split("/")[2], lesson) or got.category.endswith(
            lesson.category.replace("/", "//"))
        assert (got.kind, got.name, got.idnumber) == (kinds[question.kind], question.id, question.id)
        assert got.prompt == html_block(question.prompt)
        assert got.general_feedback == html_block(question.explanation)
        if question.kind == "ordering":
            assert [text for text, _, _ in got.options] == [html_inline(item.text) for item in question.options]
            assert [position for _, position, _ in got.options] == (
                [n / 100 for n in range(1, len(question.options) + 1)] if ordering_as == "ordering"
                else list(range(1, len(question.options) + 1)))
            continue
        texts = [option.text.lower() if question.kind == "true-false" else html_inline(option.text)
                 for option in question.options]
        assert [text for text, _, _ in got.options] == texts
        assert [fraction > 0 for _, fraction, _ in got.options] == _right(question)
        assert [feedback for _, _, feedback in got.options] == [html_inline(o.feedback) for o in question.options]
        positive = sum(fraction for _, fraction, _ in got.options if fraction > 0)
        assert abs(positive - 1) < 0.0001 * len(question.options)
        if question.kind == "multiple":
            assert singles[question.id] == "false"
            negative = sum(fraction for _, fraction, _ in got.options if fraction < 0)
            assert all(fraction != 0 for _, fraction, _ in got.options)
            assert -1.0001 <= negative and (negative <= -0.9999 or sum(not o.correct for o in question.options) > 20
                                            or moodle_fraction(1 / sum(not o.correct for o in question.options)) is None)
        if question.kind == "single":
            assert singles[question.id] == "true"


def check_gift(lessons: list[LessonQuiz], text: str) -> None:
    read = read_gift(text)
    expected = [(lesson, q) for lesson in lessons for q in lesson.quiz.questions]
    assert len(read) == len(expected)
    kinds = {"single": "multichoice-single", "multiple": "multichoice-multiple", "true-false": "truefalse",
             "ordering": "ordering"}
    for got, (lesson, question) in zip(read, expected):
        assert got.category.endswith(lesson.category.replace("/", "//"))
        assert (got.kind, got.name, got.idnumber) == (kinds[question.kind], question.id, question.id)
        if question.kind == "ordering":  # braces as entities there (see course/lms/gift.py)
            assert html.unescape(got.prompt) == html.unescape(html_block(question.prompt))
            assert [html.unescape(t) for t, _, _ in got.options] == [
                html.unescape(html_inline(i.text)).replace("\n", " ") for i in question.options]
            continue
        assert got.prompt == html_block(question.prompt)
        assert got.general_feedback == html_block(question.explanation)
        texts = [option.text.lower() if question.kind == "true-false" else html_inline(option.text)
                 for option in question.options]
        assert [t for t, _, _ in got.options] == texts
        assert [fraction > 0 for _, fraction, _ in got.options] == _right(question)
        assert [feedback for _, _, feedback in got.options] == [html_inline(o.feedback) for o in question.options]
        assert abs(sum(f for _, f, _ in got.options if f > 0) - 1) < 0.0001 * len(question.options)


def check_canvas(lessons: list[LessonQuiz], data: bytes) -> None:
    quizzes = read_canvas_package(data)
    assert [quiz.title for quiz in quizzes] == [lesson.category for lesson in lessons]
    types = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
             "true-false": "true_false_question", "ordering": "matching_question"}
    for quiz, lesson in zip(quizzes, lessons):
        assert len(quiz.questions) == len(lesson.quiz.questions)
        for got, question in zip(quiz.questions, lesson.quiz.questions):
            assert got.kind == types[question.kind]
            assert got.prompt == html_block(question.prompt)
            assert got.general_feedback == html_block(question.explanation)
            if question.kind == "ordering":
                from course.markup import plain_text
                assert [(t, p) for t, p, _ in got.options] == [
                    (plain_text(item.text), n) for n, item in enumerate(question.options, start=1)]
                continue
            assert [t for t, _, _ in got.options] == [html_inline(o.text) for o in question.options]
            assert [f > 0 for _, f, _ in got.options] == _right(question)
            assert [fb for _, _, fb in got.options] == [html_inline(o.feedback) for o in question.options]


def test_canvas_scores_add_up_to_full_marks(lessons: list[LessonQuiz], tmp_path: Path) -> None:
    """A matching (ordering) item's shares add up to 100 exactly (three items: 33.33 + 33.33 + 33.34)."""
    qti = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
    with zipfile.ZipFile(io.BytesIO(qti_package(lessons + [edge_quiz(tmp_path)], COURSE))) as bundle:
        items = [item for name in bundle.namelist() if name.endswith(".xml") and "/assessment_meta" not in name
                 for item in ET.fromstring(bundle.read(name)).iter(f"{qti}item")]
    matching = [item for item in items if "matching_question" in "".join(item.itertext())]
    assert matching
    for item in matching:
        shares = [float(node.text) for node in item.iter(f"{qti}setvar") if node.get("action") == "Add"]
        assert round(sum(shares), 2) == 100.0, item.get("title")


def test_the_russian_export_has_the_russian_questions_and_categories(tmp_path: Path) -> None:
    """`make lms` writes the Russian edition too: its prompts and feedback, its lesson names."""
    from lms import write_lms

    write_lms(ROOT, tmp_path, "ru")
    russian = read_moodle_xml((tmp_path / "ru" / "lessons" / "01-concepts.moodle.xml").read_text(encoding="utf-8"))
    english = {lesson.slug: lesson for lesson in course_lessons()}["01-concepts"]
    assert len(russian) == len(english.quiz.questions)
    assert all(re.search("[а-яё]", question.prompt, re.IGNORECASE) for question in russian)
    assert all(re.search("[а-яё]", feedback, re.IGNORECASE) for question in russian for *_, feedback in question.options
               if feedback)
    assert {question.category.rsplit("/", 1)[-1] for question in russian} == {
        "Занятие 1: " + plain_text(course_edition("ru").lessons[0].title)}
