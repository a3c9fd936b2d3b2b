"""GIFT, Moodle's text format: the same bank as the Moodle XML, for instructors who paste.

Written as Moodle's own GIFT exporter writes it (question/format/gift/format.php): a
`$CATEGORY:` line per lesson, `// [id:...]` before each question (as Moodle 4.4's exporter
writes the idnumber, qtype_ordering's tests/fixtures/testexport.gift.txt; the importer
sources available here were older ones that skip comment lines, so the XML file is the one
that surely carries the idnumber), `::name::`, `[html]` text in which `\\ ~ = # { } :` are escaped with a
backslash and line breaks are written `\\n`, `=right#feedback ~wrong#feedback`, weighted
`~%50%` answers for multiple answers, `{TRUE#feedback if wrong#feedback if right}`, and
`####` before the general feedback.

Ordering questions use qtype_ordering's GIFT form (Moodle 4.4+): `{>N ALL VERTICAL
ABSOLUTE_POSITION SHOW` then one item a line. Its importer reads those lines as they are,
without GIFT's unescaping, and stops the question at the first `{` or `}` even when
escaped, so there braces are written as HTML entities instead (&#123; &#125;), items are
written unescaped on one line each, and the
explanation is left out (a `####` line would become an item): the XML file carries it.
"""
from __future__ import annotations

from . import (LessonQuiz, html_block, html_inline, percent, right_option_fraction,
               wrong_option_fraction)
from .moodle import category_path
from ..quizzes import Question

RESERVED = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}",
                          ":": "\\:", "\n": "\\n", "\r": ""})
BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
ITEM = str.maketrans({"{": "&#123;", "}": "&#125;", "\n": " ", "\r": ""})


def gift(lessons: list[LessonQuiz], course_title: str) -> str:
    """The lessons' quizzes as one GIFT file, a category per lesson."""
    blocks = []
    for lesson in lessons:
        blocks.append(f"$CATEGORY: {category_path(course_title, lesson)}")
        blocks.extend(_question(question) for question in lesson.quiz.questions)
    return "\n\n".join(blocks) + "\n"


def escape(text: str) -> str:
    """GIFT's escaping of its reserved characters (Moodle's repchar)."""
    return text.translate(RESERVED)


# Helper functions


def _question(question: Question) -> str:
    head = f"// [id:{question.id}]\n::{escape(question.id)}::"
    if question.kind == "ordering":
        items = "\n".join(html_inline(item.text).translate(ITEM) for item in question.options)
        return (f"{head}[html]{escape(html_block(question.prompt).translate(BRACES))}"
                f"{{>{len(question.options)} ALL VERTICAL ABSOLUTE_POSITION SHOW\n{items}\n}}")
    general = f"\n\t####{escape(html_block(question.explanation))}" if question.explanation else ""
    return f"{head}[html]{escape(html_block(question.prompt))}{{{_answers(question)}{general}\n}}"


def _answers(question: Question) -> str:
    if question.kind == "true-false":
        right = next(option for option in question.options if option.correct)
        wrong = next(option for option in question.options if not option.correct)
        # Moodle reads the first feedback as the wrong answer's, the second as the right one's.
        return f"{right.text.upper()}#{escape(html_inline(wrong.feedback))}#{escape(html_inline(right.feedback))}"
    lines = []
    for option in question.options:
        if question.kind == "single":
            mark = "=" if option.correct else "~"
        else:  # no "=" at all, or Moodle makes it a one-answer question
            fraction = right_option_fraction(question) if option.correct else wrong_option_fraction(question)
            mark = f"~%{percent(fraction)}%"
        lines.append(f"\n\t{mark}{escape(html_inline(option.text))}#{escape(html_inline(option.feedback))}")
    return "".join(lines)
