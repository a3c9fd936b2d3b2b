"""Quizzes: data/quizzes/<lesson-slug>.yml in, accessible HTML out.

A quiz renders as plain fieldsets with real radio buttons and checkboxes, so it reads (and
prints) as a worksheet without JavaScript. What the student must not see before answering
(which option is right, the feedback, the explanation) travels in one `data-answers`
attribute that only docs/assets/js/quiz.js reads: attributes are neither shown, printed,
nor put in the search index.
"""
from __future__ import annotations

import difflib
import functools
import hashlib
import html
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fields
from .errors import CourseError
from .markup import plain_text, render_markdown
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
    for raw in questions:
        question = _parse_question(quiz, raw)
        if question.id in first_seen:
            raise quiz.error(question.line, question.id,
                             f"the id is used twice (first at line {first_seen[question.id]}). "
                             "Give each question its own id.")
        first_seen[question.id] = question.line
        quiz.questions.append(question)
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


# Rendering


def render_quiz(quiz: Quiz, section_links: dict[str, tuple[str, str]] | None = None,
                title: str = "", heading_level: int = 0) -> str:
    """One quiz as a single HTML block without blank lines, so Markdown passes it through untouched.

    section_links maps an anchor to (url, heading text) for the "revisit" link.
    """
    answers = {q.id: _answer_data(q) for q in quiz.questions}
    number = len(quiz.questions)
    parts = [
        f'<div class="course-quiz" data-quiz="{_attr(quiz.slug)}" data-shuffle="{str(quiz.shuffle).lower()}"'
        f" data-answers='{_json_attr(answers)}'>",
    ]
    if title:
        parts.append(f"<h{heading_level}>{html.escape(title)}</h{heading_level}>")
    parts.append(f'<p class="course-quiz__intro">{number} question{"s" if number != 1 else ""}. '
                 "Choose your answers, then check each one.</p>")
    parts.append('<div class="course-quiz__bar" data-js hidden>'
                 f'<p class="course-quiz__score" aria-live="polite">Score: 0 of {number}</p>'
                 '<button type="button" class="course-quiz__reset">Reset this quiz</button></div>')
    for position, question in enumerate(quiz.questions, start=1):
        parts.append(_render_question(quiz, question, position, (section_links or {}).get(question.section or "")))
    parts.append("</div>")
    return "".join(parts)


def render_answer_key(quiz: Quiz) -> str:
    """Every question with its right answer and all feedback, for instructors."""
    parts = ['<ol class="course-answer-key">']
    for question in quiz.questions:
        checks = f", objective {', '.join(map(str, question.objectives))}" if question.objectives else ""
        parts.append(f'<li id="key-{quiz.slug}-{question.id}"><p>{_inline(question.prompt)}'
                     f' <small>({_KIND_LABELS[question.kind]}, id <code>{question.id}</code>{checks})</small></p>')
        if question.kind == "ordering":
            parts.append("<p><strong>Right order:</strong></p><ol>")
            parts.extend(f"<li>{_inline(item.text)}</li>" for item in question.options)
            parts.append("</ol>")
        else:
            parts.append("<ul>")
            for option in question.options:
                mark = "<strong>Right:</strong>" if option.correct else "Wrong:"
                parts.append(f"<li>{mark} {_inline(option.text)}"
                             f" <br><em>Feedback:</em> {_inline(option.feedback)}</li>")
            parts.append("</ul>")
        if question.explanation:
            parts.append(f"<p><em>Explanation:</em> {_inline(question.explanation)}</p>")
        parts.append("</li>")
    parts.append("</ol>")
    return "".join(parts)


# Helper functions

_KIND_LABELS = {"single": "one answer", "multiple": "select all that apply",
                "true-false": "true or false", "ordering": "put in order"}
_HINTS = {"single": "Choose one answer.", "multiple": "Select all that apply.",
          "true-false": "True or false?", "ordering": "Put the items in order, first at the top."}


@functools.lru_cache(maxsize=8192)
def _inline(text: str) -> str:
    """Markdown to safe inline HTML, once per text: each quiz is rendered in its lesson, on the
    review page and in the answer key."""
    return render_markdown(text, inline=True)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _json_attr(data: Any) -> str:
    """JSON for a single-quoted attribute: its many double quotes stay as they are (a third of the size)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;")


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


def _answer_data(question: Question) -> dict[str, Any]:
    """What quiz.js needs to mark an answer: never shown without JavaScript."""
    data: dict[str, Any] = {"h": question.digest}
    if question.kind == "ordering":
        data["n"] = len(question.options)
    else:
        data["c"] = [i for i, option in enumerate(question.options) if option.correct]
        data["f"] = [_inline(option.feedback) for option in question.options]
    if question.explanation:
        data["x"] = _inline(question.explanation)
    return data


def _build_order(question: Question, shuffle: bool) -> list[int]:
    """A fixed order for the page as built (quiz.js reshuffles per visit).

    Seeded by the id, so builds are reproducible; an ordering question never starts solved.
    """
    order = list(range(len(question.options)))
    if question.kind == "ordering" or (shuffle and question.shuffled):
        rng = random.Random(question.id)
        rng.shuffle(order)
        if question.kind == "ordering" and order == sorted(order):
            order.reverse()
    return order


def _render_question(quiz: Quiz, question: Question, position: int, section: tuple[str, str] | None) -> str:
    dom_id = f"quiz-{quiz.slug}-{question.id}"
    parts = [
        f'<fieldset class="course-quiz__question" id="{dom_id}" data-id="{question.id}"'
        f' data-kind="{question.kind}" data-shuffle="{str(quiz.shuffle and question.shuffled).lower()}">',
        f'<legend><span class="course-quiz__number">{position}.</span> '
        f"{_inline(question.prompt)}</legend>",
        f'<p class="course-quiz__hint">{_HINTS[question.kind]}</p>',
    ]
    order = _build_order(question, quiz.shuffle)
    if question.kind == "ordering":
        parts.append('<ol class="course-quiz__items" aria-label="Items to put in order">')
        for index in order:
            text = _inline(question.options[index].text)
            label = _attr(plain_text(question.options[index].text))
            parts.append(
                f'<li data-index="{index}"><span class="course-quiz__item">{text}</span>'
                f'<span class="course-quiz__move" data-js hidden>'
                f'<button type="button" data-move="-1" aria-label="Move up: {label}">↑</button>'
                f'<button type="button" data-move="1" aria-label="Move down: {label}">↓</button></span></li>')
        parts.append("</ol>")
    else:
        input_type = "checkbox" if question.kind == "multiple" else "radio"
        parts.append('<ul class="course-quiz__options">')
        for index in order:
            text = _inline(question.options[index].text)
            parts.append(f'<li><label><input type="{input_type}" name="{dom_id}" value="{index}"> '
                         f"<span>{text}</span></label></li>")
        parts.append("</ul>")
    parts.append(
        '<div class="course-quiz__actions" data-js hidden>'
        '<button type="button" data-action="check">Check</button>'
        '<button type="button" data-action="retry">Try again</button>'
        '<button type="button" data-action="reveal">Show answer</button></div>'
        '<div class="course-quiz__feedback" aria-live="polite"></div>')
    if section:
        url, heading = section
        parts.append(f'<p class="course-quiz__section">Revisit: <a href="{_attr(url)}">{html.escape(heading)}</a></p>')
    parts.append("</fieldset>")
    return "".join(parts)
