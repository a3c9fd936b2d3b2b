"""Quizzes: data/quizzes/<lesson-slug>.yml read and validated (course/quiz_html.py renders them).

A quiz renders as plain fieldsets with real radio buttons and checkboxes, so it reads (and
prints) as a worksheet without JavaScript. What the student must not see before answering
(which option is right, the feedback, the explanation) travels in one `data-answers`
attribute that only docs/assets/js/quiz.js reads: attributes are neither shown, printed,
nor put in the search index.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fields
from .errors import Collector, CourseError
from .markup import plain_text
from .sources import line_of, load_yaml

KINDS = ("single", "multiple", "true-false", "ordering")
QUESTION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QUIZ_FIELDS, QUESTION_FIELDS = fields.QUIZ, fields.QUESTION
OBJECTIVES_BOX = "!!! objectives"
LIST_ITEM = re.compile(r"^[ \t]+(?:[-*+]|\d+[.)])[ \t]+\S")
OPTION_FIELDS = fields.OPTION


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str
    line: int | None


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    prompt: str
    options: tuple[Option, ...]  # true/false: ("True", "False"); ordering: the items, in the right order
    explanation: str
    section: str | None
    line: int | None
    digest: str  # changes when the options or what is right change: stale progress is dropped
    objectives: tuple[int, ...] = ()  # numbers of the lesson's learning objectives it checks, from 1

    @property
    def shuffled(self) -> bool:
        return self.kind != "true-false"


@dataclass
class Quiz:
    slug: str  # the lesson's file name without .md, e.g. "03-hard-institutionalism"
    path: str  # as the author sees it, e.g. "data/quizzes/03-hard-institutionalism.yml"
    shuffle: bool
    questions: list[Question] = field(default_factory=list)

    def error(self, line: int | None, question: str | None, message: str) -> CourseError:
        where = f"question '{question}': " if question else ""
        return CourseError(self.path, line, where + message)


# Loading


def load_quizzes(folder: Path, display_folder: str, cache_dir: Path | None = None) -> dict[str, Quiz]:
    """Every data/quizzes/*.yml, validated, keyed by lesson slug."""
    if not folder.is_dir():
        return {}
    return {path.stem: load_quiz(path, f"{display_folder}/{path.name}", cache_dir)
            for path in sorted(folder.glob("*.yml"))}


def load_quiz(path: Path, display_path: str, cache_dir: Path | None = None) -> Quiz:
    return parse_quiz(load_yaml(path, display_path, cache_dir), path.stem, display_path)


def parse_quiz(data: Any, slug: str, display_path: str) -> Quiz:
    quiz = Quiz(slug, display_path, True)
    if not isinstance(data, dict):
        raise quiz.error(line_of(data, 1), None, "a quiz file is a mapping with a 'questions:' list. "
                         "Start from the example in the adapt guide.")
    _check_fields(quiz, data, QUIZ_FIELDS, None, "the quiz")
    shuffle = data.get("shuffle", True)
    if not isinstance(shuffle, bool):
        raise quiz.error(line_of(data), None, "'shuffle' must be true or false.")
    quiz.shuffle = shuffle
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise quiz.error(line_of(questions, line_of(data)), None,
                         "'questions:' is missing or empty. List at least one question under it.")
    first_seen: dict[str, int | None] = {}
    errors = Collector()  # every question's mistakes, not only the first question's
    for raw in questions:
        with errors.check():
            question = _parse_question(quiz, raw)
            if question.id in first_seen:
                raise quiz.error(question.line, question.id,
                                 f"the id is used twice (first at line {first_seen[question.id]}). "
                                 "Give each question its own id.")
            first_seen[question.id] = question.line
            quiz.questions.append(question)
    errors.raise_any()
    return quiz


def objective_lines(lesson_markdown: str) -> list[int]:
    """The line of each item in the lesson's `!!! objectives` box, in order; [] without a box."""
    lines = lesson_markdown.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(OBJECTIVES_BOX)), None)
    if start is None:
        return []
    found = []
    for number, line in enumerate(lines[start + 1:], start=start + 2):
        if line.strip() and not line[0].isspace():  # the box ends at the first unindented line
            break
        if LIST_ITEM.match(line):
            found.append(number)
    return found


def check_objectives(quiz: Quiz, objectives: list[int], lesson_path: str) -> list[CourseError]:
    """Every question names an objective of its lesson, and every objective has a question.

    objectives: the lines of the lesson's objective items (objective_lines). A lesson without
    an objectives box is not checked. Returns every mistake, so an author fixes them in one go.
    """
    if not objectives:
        return []
    count, checked, errors = len(objectives), set(), []
    for question in quiz.questions:
        if not question.objectives:
            errors.append(quiz.error(question.line, question.id,
                                     f"names no objective. Add 'objective: N', the number (1 to {count}) of "
                                     f"the item in the objectives box of {lesson_path} that it checks."))
        for number in question.objectives:
            if number > count:
                errors.append(quiz.error(question.line, question.id,
                                         f"objective {number} does not exist: {lesson_path} lists {count}. "
                                         f"Use a number from 1 to {count}."))
            checked.add(number)
    for number, line in enumerate(objectives, start=1):
        if number not in checked:
            errors.append(CourseError(lesson_path, line,
                                      f"objective {number} is checked by no question in {quiz.path}. "
                                      f"Add 'objective: {number}' to a question that checks it, "
                                      "or write one, or drop the objective."))
    return errors


def check_sections(quiz: Quiz, anchors: set[str], lesson_path: str) -> None:
    """Every `section:` must be a heading anchor of the lesson (MkDocs' toc decides the anchors)."""
    for question in quiz.questions:
        if question.section and question.section not in anchors:
            close = difflib.get_close_matches(question.section, anchors, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else f"Use one of: {', '.join(sorted(anchors))}."
            raise quiz.error(question.line, question.id,
                             f"section '{question.section}' is not a heading of {lesson_path}. {hint}")


def _check_fields(quiz: Quiz, mapping: dict, allowed: set[str], question: str | None, what: str) -> None:
    message = fields.unknown_field(mapping, allowed, what)
    if message:
        raise quiz.error(line_of(mapping), question, message)


def _text(quiz: Quiz, node: dict, key: str, question: str | None, what: str) -> str:
    value = node.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise quiz.error(line_of(node), question, f"{what} has no '{key}'. Add {key}: with some text.")
    return value.strip()


def _parse_question(quiz: Quiz, raw: Any) -> Question:
    if not isinstance(raw, dict):
        raise quiz.error(line_of(raw, 1), None, "each entry under 'questions:' must be a mapping "
                         "starting with '- id: some-id'.")
    line = line_of(raw)
    question_id = raw.get("id")
    if not isinstance(question_id, str) or not QUESTION_ID.match(question_id):
        raise quiz.error(line, None, f"question id {question_id!r} is missing or not lowercase-with-dashes. "
                         "Give it an id such as 'caec-founding'.")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise quiz.error(line, question_id, f"unknown kind '{kind}'. Use one of: {', '.join(KINDS)}.")
    _check_fields(quiz, raw, QUESTION_FIELDS[kind], question_id, f"a {kind} question")
    prompt = _text(quiz, raw, "prompt", question_id, "the question")
    section = raw.get("section")
    if section is not None and (not isinstance(section, str) or not section.strip()):
        raise quiz.error(line, question_id, "'section' must be a heading anchor such as 'the-1995-customs-union'.")
    explanation = raw.get("explanation") or ""
    if not isinstance(explanation, str):
        raise quiz.error(line, question_id, "'explanation' must be text.")
    objectives = _objectives(quiz, raw, question_id)
    options = _OPTION_PARSERS[kind](quiz, raw, question_id)
    # The prompt's wording may be polished freely; a change to the options (whose indexes the
    # stored answer uses) or to what is right drops the stored answer.
    digest_source = json.dumps([kind, [(o.text, o.correct) for o in options]], ensure_ascii=False)
    digest = hashlib.sha256(digest_source.encode("utf-8")).hexdigest()[:8]
    # A quoted "#anchor", written as in a link, means the anchor.
    return Question(question_id, kind, prompt, options, explanation.strip(),
                    section.strip().lstrip("#") if section else None, line, digest, objectives)


def _objectives(quiz: Quiz, raw: dict, question_id: str) -> tuple[int, ...]:
    # One number or a list of them: the items of the lesson's objectives box, counted from 1.
    value = raw.get("objective")
    if value is None:
        return ()
    numbers = value if isinstance(value, list) else [value]
    if not numbers or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in numbers):
        raise quiz.error(line_of(raw), question_id, f"'objective' is {value!r}; it must be the number of an "
                         "objective in the lesson's objectives box (1 for the first), or a list such as [1, 3].")
    return tuple(numbers)


def _choice_options(quiz: Quiz, raw: dict, question_id: str) -> tuple[Option, ...]:
    entries = raw.get("options")
    if not isinstance(entries, list) or len(entries) < 2:
        raise quiz.error(line_of(entries, line_of(raw)), question_id,
                         "needs an 'options:' list with at least 2 options.")
    options = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise quiz.error(line_of(entries, line_of(raw)), question_id,
                             "each option must be a mapping: '- text: ...' with 'feedback:' (and 'correct: true').")
        _check_fields(quiz, entry, OPTION_FIELDS, question_id, "an option")
        text = _text(quiz, entry, "text", question_id, "an option")
        correct = entry.get("correct", False)
        if not isinstance(correct, bool):
            raise quiz.error(line_of(entry), question_id, "'correct' must be true (or left out).")
        feedback = entry.get("feedback")
        if not isinstance(feedback, str) or not feedback.strip():
            raise quiz.error(line_of(entry), question_id,
                             f"option '{plain_text(text)[:40]}' has no feedback. "
                             "Add 'feedback:' saying why this option is right or wrong.")
        options.append(Option(text, correct, feedback.strip(), line_of(entry)))
    right = [option for option in options if option.correct]
    if not right:
        raise quiz.error(line_of(raw), question_id, "no option is marked 'correct: true'. Mark the right answer.")
    if raw["kind"] == "single" and len(right) > 1:
        lines = " and ".join(str(option.line) for option in right[:2])
        raise quiz.error(right[1].line, question_id,
                         f"{len(right)} options are marked correct (lines {lines}) but a single-choice question "
                         "has exactly one. Keep one, or use 'kind: multiple'.")
    return tuple(options)


def _true_false_options(quiz: Quiz, raw: dict, question_id: str) -> tuple[Option, ...]:
    answer = raw.get("answer")
    if not isinstance(answer, bool):
        raise quiz.error(line_of(raw), question_id, "a true-false question needs 'answer: true' or 'answer: false'.")
    feedback = raw.get("feedback")
    if not isinstance(feedback, dict):
        raise quiz.error(line_of(raw), question_id,
                         "needs 'feedback:' with a \"true\": and a \"false\": entry, each saying why.")
    options = []
    for value in (True, False):
        # YAML reads an unquoted true: key as a boolean; accept both spellings.
        text = feedback.get(str(value).lower(), feedback.get(value))
        if not isinstance(text, str) or not text.strip():
            raise quiz.error(line_of(feedback, line_of(raw)), question_id,
                             f"the answer '{str(value).lower()}' has no feedback. "
                             f"Add \"{str(value).lower()}\": under 'feedback:' saying why.")
        options.append(Option(str(value), value == answer, text.strip(), line_of(feedback)))
    return tuple(options)


def _ordering_items(quiz: Quiz, raw: dict, question_id: str) -> tuple[Option, ...]:
    items = raw.get("items")
    if not isinstance(items, list) or len(items) < 3:
        count = len(items) if isinstance(items, list) else 0
        raise quiz.error(line_of(items, line_of(raw)), question_id,
                         f"an ordering question needs at least 3 items under 'items:' (found {count}). "
                         "Add items, or make it a single-choice question.")
    if not raw.get("explanation"):
        raise quiz.error(line_of(raw), question_id,
                         "an ordering question needs an 'explanation:' saying why this is the order.")
    texts = []
    for item in items:
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str) or not item.strip():
            raise quiz.error(line_of(items), question_id, "each item must be a line of text.")
        if item.strip() in texts:
            raise quiz.error(line_of(items), question_id, f"item '{item.strip()[:40]}' is listed twice. Keep one.")
        texts.append(item.strip())
    return tuple(Option(text, True, "", line_of(items)) for text in texts)


_OPTION_PARSERS = {"single": _choice_options, "multiple": _choice_options,
                   "true-false": _true_false_options, "ordering": _ordering_items}
