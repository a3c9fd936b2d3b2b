"""A quiz as HTML: the quiz a student answers (quiz.js makes it work) and the instructors' answer key.

Both come from the validated Quiz (course/quizzes.py); every text goes through the safe Markdown renderer."""
from __future__ import annotations

import functools
import html
import json
import random
from typing import Any

from .assets import content_uri
from .markup import plain_text, render_markdown
from .quizzes import Option, Question, Quiz
from .words import Words

# Rendering


def render_quiz(quiz: Quiz, words: Words, section_links: dict[str, tuple[str, str]] | None = None,
                title: str = "", heading_level: int = 0, texts_url: str = "") -> str:
    """One quiz as a single HTML block without blank lines, so Markdown passes it through untouched.

    words: the interface's words (course.words); section_links maps an anchor to (url, heading
    text) for the "revisit" link. texts_url: where the page finds quiz_texts_script's file; the
    feedback and explanations then stay out of the page (without it they are in data-answers).
    """
    answers = {q.id: _answer_data(q, with_texts=not texts_url) for q in quiz.questions}
    number = len(quiz.questions)
    texts = f' data-texts="{_attr(texts_url)}"' if texts_url else ""
    parts = [
        f'<div class="course-quiz" data-quiz="{_attr(quiz.slug)}" data-shuffle="{str(quiz.shuffle).lower()}"'
        f"{texts} data-answers='{_json_attr(answers)}'>",
    ]
    if title:
        parts.append(f"<h{heading_level}>{html.escape(title)}</h{heading_level}>")
    intro = words("quiz.intro_one") if number == 1 else words("quiz.intro", n=number)
    parts.append(f'<p class="course-quiz__intro">{html.escape(intro)}</p>')
    parts.append('<div class="course-quiz__bar" data-js hidden>'
                 f'<p class="course-quiz__score" aria-live="polite">{html.escape(words("js.score", right=0, all=number))}</p>'
                 f'<button type="button" class="course-quiz__reset">{html.escape(words("quiz.reset"))}</button></div>')
    for position, question in enumerate(quiz.questions, start=1):
        parts.append(_render_question(quiz, question, position, (section_links or {}).get(question.section or ""), words))
    parts.append("</div>")
    return "".join(parts)


def render_answer_key(quiz: Quiz, words: Words) -> str:
    """Every question with its right answer and all feedback, for instructors."""
    parts = ['<ol class="course-answer-key">']
    for question in quiz.questions:
        listed = ", ".join(map(str, question.objectives))
        checks = f", {html.escape(words('answer_key.objectives', list=listed))}" if question.objectives else ""
        kind = html.escape(words(f"answer_key.kind.{question.kind}"))
        parts.append(f'<li id="key-{quiz.slug}-{question.id}"><p>{_inline(question.prompt)}'
                     f' <small>({kind}, id <code>{question.id}</code>{checks})</small></p>')
        if question.kind == "ordering":
            parts.append(f"<p><strong>{html.escape(words('answer_key.right_order'))}</strong></p><ol>")
            parts.extend(f"<li>{_inline(item.text)}</li>" for item in question.options)
            parts.append("</ol>")
        else:
            parts.append("<ul>")
            right, wrong = html.escape(words("answer_key.right")), html.escape(words("answer_key.wrong"))
            for option in question.options:
                mark = f"<strong>{right}</strong>" if option.correct else wrong
                parts.append(f"<li>{mark} {_inline(option_text(question, option, words))}"
                             f" <br><em>{html.escape(words('answer_key.feedback'))}</em> {_inline(option.feedback)}</li>")
            parts.append("</ul>")
        if question.explanation:
            parts.append(f"<p><em>{html.escape(words('answer_key.explanation'))}</em> {_inline(question.explanation)}</p>")
        parts.append("</li>")
    parts.append("</ol>")
    return "".join(parts)


# Helper functions

def option_text(question: Question, option: Option, words: Words) -> str:
    """An option as a page shows it: a true-false question's two options in the page's language."""
    return words(f"quiz.{option.text.lower()}") if question.kind == "true-false" else option.text



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


def quiz_texts_uri(quiz: Quiz) -> str:
    """Where quiz_texts_script's file goes in the site: named by its content, so a browser may
    keep it as long as it likes and still never shows stale feedback."""
    return content_uri(f"assets/quizzes/{quiz.slug}", quiz_texts_script(quiz), "js")


def quiz_texts_script(quiz: Quiz) -> str:
    """The quiz's feedback and explanations as a script quiz.js loads when a reader first turns to
    the quiz: most of a quiz's bytes, which a reader who only reads the lesson never needs. A
    script, not JSON, because the offline copy (file://) may load scripts but fetch nothing."""
    texts = {q.id: _texts(q) for q in quiz.questions}
    data = json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
    return f"(window.courseQuizTexts = window.courseQuizTexts || {{}})[{json.dumps(quiz.slug)}] = {data};\n"


def _answer_data(question: Question, with_texts: bool = True) -> dict[str, Any]:
    """What quiz.js needs to mark an answer: never shown without JavaScript."""
    data: dict[str, Any] = {"h": question.digest}
    if question.kind == "ordering":
        data["n"] = len(question.options)
    else:
        data["c"] = [i for i, option in enumerate(question.options) if option.correct]
    return data | _texts(question) if with_texts else data


def _texts(question: Question) -> dict[str, Any]:
    """The words quiz.js shows once an answer is checked: feedback per option, the explanation."""
    data: dict[str, Any] = {}
    if question.kind != "ordering":
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


def _render_question(quiz: Quiz, question: Question, position: int, section: tuple[str, str] | None,
                     words: Words) -> str:
    dom_id = f"quiz-{quiz.slug}-{question.id}"
    parts = [
        f'<fieldset class="course-quiz__question" id="{dom_id}" data-id="{question.id}"'
        f' data-kind="{question.kind}" data-shuffle="{str(quiz.shuffle and question.shuffled).lower()}">',
        f'<legend><span class="course-quiz__number">{position}.</span> '
        f"{_inline(question.prompt)}</legend>",
        f'<p class="course-quiz__hint">{html.escape(words(f"quiz.hint.{question.kind}"))}</p>',
    ]
    order = _build_order(question, quiz.shuffle)
    if question.kind == "ordering":
        parts.append(f'<ol class="course-quiz__items" aria-label="{_attr(words("quiz.items"))}">')
        for index in order:
            text = _inline(question.options[index].text)
            label = plain_text(question.options[index].text)
            parts.append(
                f'<li data-index="{index}"><span class="course-quiz__item">{text}</span>'
                f'<span class="course-quiz__move" data-js hidden>'
                f'<button type="button" data-move="-1" aria-label="{_attr(words("quiz.move_up", item=label))}">↑</button>'
                f'<button type="button" data-move="1" aria-label="{_attr(words("quiz.move_down", item=label))}">↓</button></span></li>')
        parts.append("</ol>")
    else:
        input_type = "checkbox" if question.kind == "multiple" else "radio"
        parts.append('<ul class="course-quiz__options">')
        for index in order:
            text = _inline(option_text(question, question.options[index], words))
            parts.append(f'<li><label><input type="{input_type}" name="{dom_id}" value="{index}"> '
                         f"<span>{text}</span></label></li>")
        parts.append("</ul>")
    parts.append(
        '<div class="course-quiz__actions" data-js hidden>'
        f'<button type="button" data-action="check">{html.escape(words("quiz.check"))}</button>'
        f'<button type="button" data-action="retry">{html.escape(words("quiz.retry"))}</button>'
        f'<button type="button" data-action="reveal">{html.escape(words("quiz.reveal"))}</button></div>'
        '<div class="course-quiz__feedback" aria-live="polite"></div>')
    if section:
        url, heading = section
        parts.append(f'<p class="course-quiz__section">{html.escape(words("quiz.revisit"))} <a href="{_attr(url)}">{html.escape(heading)}</a></p>')
    parts.append("</fieldset>")
    return "".join(parts)
