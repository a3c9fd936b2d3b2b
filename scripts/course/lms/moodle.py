"""Moodle XML: one question bank category per lesson, every question with its feedback.

The elements are those Moodle's own exporter writes (question/format/xml/format.php and each
question type's export_to_xml): single → multichoice with <single>true</single>, multiple →
multichoice with right options sharing 100% and wrong options negative, true-false →
truefalse, ordering → Moodle's ordering type (qtype_ordering, part of standard Moodle since
4.4). Older Moodles lack it and would refuse the whole file, so `ordering_as="matching"`
writes ordering questions as matching questions instead (each item matched to its
position 1..N, a mark per item).

Re-importing: Moodle's importer always adds new questions; it never updates one in place.
The <idnumber> (the question's id) is kept only while no question in the category has it,
so a second import of the same file adds copies without an idnumber (question/format.php,
importprocess). To replace a lesson's questions, delete its category's questions first, or
import into a new category.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from . import LessonQuiz, html_block, html_inline, percent, right_option_fraction, wrong_option_fraction
from ..quizzes import Question


def moodle_xml(lessons: list[LessonQuiz], course_title: str, ordering_as: str = "ordering") -> str:
    """The lessons' quizzes as one Moodle XML file, a category per lesson under the course's."""
    quiz = ET.Element("quiz")
    for lesson in lessons:
        quiz.append(_category(course_title, lesson))
        for question in lesson.quiz.questions:
            quiz.append(_question(question, ordering_as))
    ET.indent(quiz, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"


def category_path(course_title: str, lesson: LessonQuiz) -> str:
    """$course$/top/<course>/<lesson>: a slash inside a name is doubled, as Moodle reads it."""
    parts = [name.replace("/", "//") for name in (course_title, lesson.category)]
    return "$course$/top/" + "/".join(parts)


# Helper functions


def _category(course_title: str, lesson: LessonQuiz) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(element, "category", category_path(course_title, lesson), format=None)
    _text(element, "info", "", format="html")
    ET.SubElement(element, "idnumber").text = lesson.slug
    return element


def _question(question: Question, ordering_as: str) -> ET.Element:
    kind = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
            "ordering": ordering_as}[question.kind]
    element = ET.Element("question", type=kind)
    _text(element, "name", question.id, format=None)
    _text(element, "questiontext", html_block(question.prompt))
    _text(element, "generalfeedback", html_block(question.explanation))
    for tag, value in (("defaultgrade", "1"), ("penalty", "1" if kind == "truefalse" else "0.3333333"),
                       ("hidden", "0"), ("idnumber", question.id)):
        ET.SubElement(element, tag).text = value
    {"multichoice": _choices, "truefalse": _true_false, "ordering": _ordering, "matching": _matching}[kind](
        element, question)
    return element


def _choices(element: ET.Element, question: Question) -> None:
    single = question.kind == "single"
    for tag, value in (("single", str(single).lower()), ("shuffleanswers", "true"),
                       ("answernumbering", "abc"), ("showstandardinstruction", "1")):
        ET.SubElement(element, tag).text = value
    _combined_feedback(element)
    right = 1.0 if single else right_option_fraction(question)
    wrong = 0.0 if single else wrong_option_fraction(question)
    for option in question.options:
        _answer(element, percent(right if option.correct else wrong), html_inline(option.text),
                html_inline(option.feedback))


def _true_false(element: ET.Element, question: Question) -> None:
    for option in question.options:  # ("True", "False"): Moodle reads the words true and false
        _answer(element, "100" if option.correct else "0", option.text.lower(), html_inline(option.feedback),
                format="moodle_auto_format")


def _ordering(element: ET.Element, question: Question) -> None:
    # VERTICAL, ALL items shown, a mark per item in its right place (ABSOLUTE_POSITION), the
    # grading details shown: the names qtype_ordering's export_to_xml writes.
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"),
                       ("selectcount", str(len(question.options))), ("gradingtype", "ABSOLUTE_POSITION"),
                       ("showgrading", "SHOW"), ("numberingstyle", "none")):
        ET.SubElement(element, tag).text = value
    _combined_feedback(element)
    for position, item in enumerate(question.options, start=1):  # the fraction is the item's place
        _answer(element, str(position), html_inline(item.text), "")


def _matching(element: ET.Element, question: Question) -> None:
    ET.SubElement(element, "shuffleanswers").text = "true"
    _combined_feedback(element)
    for position, item in enumerate(question.options, start=1):
        sub = ET.SubElement(element, "subquestion", format="html")
        ET.SubElement(sub, "text").text = html_inline(item.text)
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = str(position)


def _answer(element: ET.Element, fraction: str, text: str, feedback: str, format: str = "html") -> None:
    answer = ET.SubElement(element, "answer", fraction=fraction, format=format)
    ET.SubElement(answer, "text").text = text
    if feedback:
        _text(answer, "feedback", feedback)


def _combined_feedback(element: ET.Element) -> None:
    # Per-option feedback and the explanation say it all; Moodle expects the three fields.
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(element, tag, "")
    ET.SubElement(element, "shownumcorrect")


def _text(parent: ET.Element, tag: str, text: str, format: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, **({"format": format} if format else {}))
    ET.SubElement(element, "text").text = text
    return element

