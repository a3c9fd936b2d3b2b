"""Quiz exports for learning management systems: the quiz data in, Moodle XML, GIFT and a
Canvas QTI package out (`make lms`, scripts/lms.py).

Every format is written from the same `Quiz`/`Question`/`Option` objects the site renders
(course.quizzes), and every text through the site's safe Markdown renderer
(course.markup): raw HTML in the data is escaped, unsafe links are defused, so no
export carries a script into an LMS.

No registry library fits: text2qti and qti-package-maker write Canvas QTI but take their
own text formats, have no per-option feedback (qti-package-maker) or no ordering/matching
items (text2qti), and render Markdown their own way; the Moodle libraries on PyPI are
unmaintained since 2020. So the XML is written with the standard library, and the tests
read every file back (tests/test_lms.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import CourseError
from ..lesson_refs import lesson_numbers, resolve_all
from ..markup import plain_text, render_markdown
from ..model import Course
from ..quizzes import Question, Quiz
from ..slugs import slugify

# Moodle accepts only these grades for an answer (question_bank::fraction_options_full in
# Moodle's lib/questionlib.php; its importer refuses any other value by default), and their
# negatives. A multiple-answer question shares 100% equally among its right options.
MOODLE_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3,
                    0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05)


@dataclass(frozen=True)
class LessonQuiz:
    """One lesson's quiz as an LMS sees it: a question bank category named after the lesson."""

    number: int
    title: str  # the lesson's first heading, e.g. "Concepts: regions, regionalism, institutions"
    quiz: Quiz
    category: str = ""  # "Lesson 1: Concepts", in the course's words: the bank category, the sheet's subtitle

    @property
    def slug(self) -> str:
        return self.quiz.slug


def lesson_quizzes(course: Course) -> list[LessonQuiz]:
    """The quizzes of the course's lessons, in nav order, each with its lesson's number and title
    ([[07-x]] in their texts written out as the lesson's label; a quiz without a lesson is the
    course model's error already)."""
    numbers = lesson_numbers([lesson.src_uri for lesson in course.lessons])
    found = []
    for lesson in course.lessons:
        if lesson.quiz is not None:
            title = plain_text(lesson.title)
            found.append(LessonQuiz(lesson.number, title, resolve_all(lesson.quiz, numbers, template=course.words("lesson")),
                                    course.words("lms.category", lesson=course.label(lesson), title=title)))
    return found


def check_exportable(lessons: list[LessonQuiz]) -> list[CourseError]:
    """What an LMS would refuse, every mistake at once (an empty list when all is well)."""
    errors = []
    for lesson in lessons:
        for question in lesson.quiz.questions:
            right = sum(option.correct for option in question.options)
            if question.kind == "multiple" and moodle_fraction(1 / right) is None:
                errors.append(lesson.quiz.error(
                    question.line, question.id,
                    f"{right} options are marked correct, but Moodle can share the marks equally only among "
                    "1 to 10 or 20 right options. Mark at most 10 options correct."))
    return errors


def moodle_fraction(value: float) -> float | None:
    """The grade in Moodle's list equal to value (within Moodle's own tolerance), else None."""
    return next((allowed for allowed in MOODLE_FRACTIONS if abs(allowed - value) < 0.00001), None)


def wrong_option_fraction(question: Question) -> float:
    """The (negative) grade of a wrong option in a multiple-answer question: picking every
    wrong options together cost 100%, so ticking every box never pays. (With more than 20
    wrong options each costs 5%, Moodle's smallest grade; Moodle never gives less than 0.)"""
    wrong = sum(not option.correct for option in question.options)
    return -max((allowed for allowed in MOODLE_FRACTIONS if allowed <= 1 / wrong + 0.00001), default=0.05)


def right_option_fraction(question: Question) -> float:
    fraction = moodle_fraction(1 / sum(option.correct for option in question.options))
    if fraction is None:  # check_exportable reports it first
        raise ValueError(f"question {question.id}: no Moodle grade for its right options")
    return fraction


def html_block(text: str) -> str:
    """Markdown from the data as safe HTML paragraphs (prompts, explanations)."""
    return render_markdown(text) if text else ""


def html_inline(text: str) -> str:
    """Markdown from the data as safe inline HTML (options, feedback)."""
    return render_markdown(text, inline=True) if text else ""


def percent(fraction: float) -> str:
    """A grade as Moodle writes it: 100, 50, 33.33333, -25."""
    text = f"{fraction * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def file_slug(title: str) -> str:
    """The exports' file name from the course title, in any of the course's languages."""
    return slugify(title, max_length=80, default="course")


def question_title(question: Question) -> str:
    """A short plain-text label for a question (Canvas item titles)."""
    text = plain_text(question.prompt)
    return text if len(text) <= 60 else text[:59].rstrip() + "…"
