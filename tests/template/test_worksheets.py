"""`make worksheets`: versions A and B with their keys. The core is tested on every lesson and
the review (each key letter is a right option of the version it belongs to); one build test
prints the PDFs and reads their text back with pypdf."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from course.markup import plain_text
from course.quizzes import load_quiz
from course.worksheets import LETTERS, check_printable, make_versions, render_key, render_sheet
from helpers import ROOT, course_edition, english_words
from pypdf import PdfReader

from course.lms import lesson_quizzes


def course_parts() -> list[tuple[str, object]]:
    return [(lesson.category, lesson.quiz) for lesson in lesson_quizzes(course_edition())]


SHEET_WORDS = english_words().catalogue["worksheet"]


SETS = {"review": course_parts()} | {quiz.slug: [("", quiz)] for _, quiz in course_parts()}


@pytest.mark.parametrize("name", sorted(SETS))
def test_each_key_letter_is_a_right_option_of_its_version(name: str) -> None:
    versions = make_versions(SETS[name], f"seed/{name}")
    assert [version.name for version in versions] == ["A", "B"]
    total = sum(len(quiz.questions) for _, quiz in SETS[name])
    for version in versions:
        items = version.questions
        assert [item.number for item in items] == list(range(1, total + 1))
        for item in items:
            options = item.question.options
            assert sorted(item.order) == list(range(len(options)))
            if item.question.kind == "ordering":
                numbers = dict(pair.split(" ") for pair in item.key().split(" · "))
                for letter, number in numbers.items():
                    assert options[item.order[LETTERS.index(letter)]] == options[int(number) - 1]
            else:
                letters = item.key().split(", ")
                assert {options[item.order[LETTERS.index(letter)]] for letter in letters} == {
                    option for option in options if option.correct}


@pytest.mark.parametrize("name", ["review", "03-hard-institutionalism"])
def test_printed_key_matches_the_printed_sheet(name: str) -> None:
    """Read as a person would: the letters in the key table, then those letters' texts on the sheet."""
    for version in make_versions(SETS[name], "seed"):
        sheet = BeautifulSoup(render_sheet(version, "T", "S", SHEET_WORDS), "html.parser")
        key = BeautifulSoup(render_key(version, "T", "S", SHEET_WORDS), "html.parser")
        answers = [row.find_all("td")[1].get_text() for row in key.select("table.key tbody tr")]
        by_id = {item.number: item.question for item in version.questions}
        for number, (section, answer) in enumerate(zip(sheet.select("section.q"), answers), start=1):
            printed = {li.select_one(".letter").get_text().rstrip("."): li.get_text(" ", strip=True).split(" ", 1)[1]
                       for li in section.select("li")}
            question = by_id[number]
            assert section.select_one(".n").get_text() == f"{number}."
            if question.kind == "ordering":
                numbers = dict(pair.split(" ") for pair in answer.split(" · "))
                assert [printed[letter] for letter, _ in sorted(numbers.items(), key=lambda p: int(p[1]))] == [
                    plain_text(item.text) for item in question.options]
            elif question.kind == "true-false":
                assert [printed[letter] for letter in answer.split(", ")] == [
                    option.text for option in question.options if option.correct]
            else:
                assert {printed[letter] for letter in answer.split(", ")} == {
                    plain_text(option.text) for option in question.options if option.correct}


def test_versions_are_reproducible_and_differ() -> None:
    parts = SETS["review"]
    first, again, other = make_versions(parts, "s"), make_versions(parts, "s"), make_versions(parts, "t")
    assert first == again
    assert first != other
    a, b = first
    assert [item.question.id for item in a.questions] != [item.question.id for item in b.questions]
    for section_a, section_b in zip(a.sections, b.sections):
        assert [i.question.id for i in section_a.questions] != [i.question.id for i in section_b.questions]


def test_an_unshuffled_quiz_keeps_its_option_order(tmp_path: Path) -> None:
    path = tmp_path / "01-x.yml"
    path.write_text("shuffle: false\nquestions:\n" + "".join(
        f"  - id: q{n}\n    kind: single\n    prompt: P{n}\n    options:\n"
        "      - {text: A, correct: true, feedback: F}\n      - {text: B, feedback: F}\n"
        "      - {text: None of the above, feedback: F}\n" for n in range(3)), encoding="utf-8")
    for version in make_versions([("", load_quiz(path, "data/quizzes/01-x.yml"))], "s"):
        assert all(item.order == (0, 1, 2) and item.key() == "A" for item in version.questions)


def test_more_than_26_options_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "01-x.yml"
    options = "".join(f"      - {{text: O{n}, {'correct: true, ' if n == 0 else ''}feedback: F}}\n" for n in range(27))
    path.write_text(f"questions:\n  - id: many\n    kind: single\n    prompt: P\n    options:\n{options}",
                    encoding="utf-8")
    assert [str(e) for e in check_printable([load_quiz(path, "data/quizzes/01-x.yml")])] == [
        "data/quizzes/01-x.yml:2: question 'many': has 27 options, but a worksheet letters them A to Z. Keep at most 26."]


@pytest.mark.browser
def test_make_worksheets_prints_sheets_whose_keys_match(tmp_path: Path, browser: object) -> None:
    from worksheets import write_worksheets

    written = write_worksheets(ROOT, tmp_path, seed="test", browser=browser)
    names = {str(path.relative_to(tmp_path)) for path in written}
    slugs = [quiz.slug for _, quiz in SETS["review"]]
    assert names == {f"{base}-{v}{k}.pdf" for base in ["review"] + [f"lessons/{s}" for s in slugs]
                     for v in "AB" for k in ("", "-key")}
    quizzes = {quiz.slug: quiz for _, quiz in SETS["review"]}
    for base, questions in (("lessons/05-new-momentum", quizzes["05-new-momentum"].questions),
                            ("review", [q for quiz in quizzes.values() for q in quiz.questions])):
        for version in "AB":
            sheet = _pdf_text(tmp_path / f"{base}-{version}.pdf")
            key = _pdf_text(tmp_path / f"{base}-{version}-key.pdf")
            assert f"Version {version}" in sheet and "Name" in sheet and "Group" in sheet
            answers = dict(re.findall(r"^(\d+) ([A-Z](?:, [A-Z])*|[A-Z] \d+(?: · [A-Z] \d+)*)$", key, re.MULTILINE))
            assert len(answers) == len(questions)
            blocks = re.split(r"^(\d+)\. ", sheet, flags=re.MULTILINE)
            printed = {int(n): text for n, text in zip(blocks[1::2], blocks[2::2])}
            for number, answer in answers.items():
                block = " ".join(printed[int(number)].split())
                block = block[block.index(" A. "):]  # the options, after the prompt and the hint
                if "·" in answer:  # ordering: the item numbered 1 in the key is the first in the right order
                    first = next(pair.split()[0] for pair in answer.split(" · ") if pair.split()[1] == "1")
                    match = re.search(rf"{first}\. (.+?)(?: [A-Z]\. |$)", block)
                    assert match and any(" ".join(plain_text(q.options[0].text).split())[:20] in match.group(1)
                                         for q in questions if q.kind == "ordering"), (base, number)
                    continue
                for letter in answer.split(", "):
                    match = re.search(rf"{letter}\. (.+?)(?: [A-Z]\. |$)", block)
                    assert match, (base, version, number, letter)
                    rights = [" ".join(plain_text(o.text).split()) for q in questions for o in q.options if o.correct]
                    assert any(match.group(1).startswith(right[:25]) for right in rights), (base, number, letter)


def _pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
