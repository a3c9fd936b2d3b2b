"""Printable quiz worksheets: two versions (A and B) of a set of questions, each with its key.

A version is a seeded, reproducible shuffle of the questions and of each question's options
(so neighbours in a room get different sheets, and a reprint gives the same sheet). Options
are lettered A, B, C...; an ordering question prints its items lettered in a shuffled order
with a box beside each for its number 1..N. The key gives, for every question number, the
letters to circle, or for an ordering question the number each letter should get.
Data in (course.quizzes objects), HTML out; scripts/worksheets.py prints it to PDF.
"""
from __future__ import annotations

import html
import random
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import CourseError
from .markup import render_markdown
from .quizzes import Question, Quiz

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
VERSIONS = ("A", "B")
# The words printed on a sheet are the `worksheet:` block of data/messages/<lang>.yml (name,
# date, group, version, key, the hint of each kind, true, false, question, answer, review).


@dataclass(frozen=True)
class SheetQuestion:
    number: int                 # as printed, from 1
    question: Question
    order: tuple[int, ...]      # indexes into question.options, in printed order: order[0] is A

    def letter_of(self, index: int) -> str:
        return LETTERS[self.order.index(index)]

    def key(self) -> str:
        """What the key prints: "C", "A, D", or for ordering "A 3 · B 1 · C 2"."""
        if self.question.kind == "ordering":  # options are in the right order, so the number is index + 1
            return " · ".join(f"{LETTERS[place]} {index + 1}" for place, index in enumerate(self.order))
        return ", ".join(LETTERS[place] for place, index in enumerate(self.order)
                         if self.question.options[index].correct)


@dataclass(frozen=True)
class Section:
    heading: str                # "" for a single lesson's sheet; the lesson on the review sheet
    questions: tuple[SheetQuestion, ...]


@dataclass(frozen=True)
class Version:
    name: str                   # "A" or "B"
    sections: tuple[Section, ...]

    @property
    def questions(self) -> list[SheetQuestion]:
        return [question for section in self.sections for question in section.questions]


def check_printable(quizzes: list[Quiz]) -> list[CourseError]:
    """Options are lettered A-Z: a question with more cannot be printed (every one reported)."""
    return [quiz.error(question.line, question.id,
                       f"has {len(question.options)} options, but a worksheet letters them A to Z. "
                       "Keep at most 26.")
            for quiz in quizzes for question in quiz.questions if len(question.options) > len(LETTERS)]


def make_versions(parts: list[tuple[str, Quiz]], seed: str) -> list[Version]:
    """Versions A and B of the parts (heading, quiz): questions shuffled within each part,
    options within each question (unless its quiz says `shuffle: false`), numbered throughout."""
    versions = []
    for name in VERSIONS:
        number, sections = 0, []
        for heading, quiz in parts:
            questions = list(quiz.questions)
            random.Random(f"{seed}/{name}/{quiz.slug}").shuffle(questions)
            if versions and len(questions) > 1 and [q.id for q in questions] == [
                    item.question.id for item in versions[0].sections[len(sections)].questions]:
                questions = questions[1:] + questions[:1]  # never the same order as version A
            placed = []
            for question in questions:
                number += 1
                placed.append(SheetQuestion(number, question, _option_order(question, quiz, f"{seed}/{name}")))
            sections.append(Section(heading, tuple(placed)))
        versions.append(Version(name, tuple(sections)))
    return versions


def render_sheet(version: Version, title: str, subtitle: str, words: Mapping[str, str]) -> str:
    """One version as an HTML document to print: a name/date/group line, then the questions."""
    w = words
    parts = [f'<header><h1>{html.escape(title)}</h1><p class="sub">{html.escape(subtitle)} · '
             f'{html.escape(w["version"])} {version.name}</p>'
             f'<p class="who"><span>{html.escape(w["name"])}</span><span>{html.escape(w["date"])}</span>'
             f'<span>{html.escape(w["group"])}</span></p></header>']
    for section in version.sections:
        if section.heading:
            parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        parts.extend(_render_question(item, w) for item in section.questions)
    return _document(title, "".join(parts))


def render_key(version: Version, title: str, subtitle: str, words: Mapping[str, str]) -> str:
    """The key of one version: for every number, the letters (or the numbers of an ordering)."""
    w = words
    parts = [f'<header><h1>{html.escape(title)}</h1><p class="sub">{html.escape(subtitle)} · '
             f'{html.escape(w["key"])} · {html.escape(w["version"])} {version.name}</p></header>']
    for section in version.sections:
        if section.heading:
            parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        rows = "".join(f'<tr><td>{item.number}</td><td class="answer">{html.escape(item.key())}</td></tr>'
                       for item in section.questions)
        parts.append(f'<table class="key"><thead><tr><th>{html.escape(w["question"])}</th>'
                     f'<th>{html.escape(w["answer"])}</th></tr></thead><tbody>{rows}</tbody></table>')
    return _document(title, "".join(parts))


# Helper functions


def _option_order(question: Question, quiz: Quiz, seed: str) -> tuple[int, ...]:
    order = list(range(len(question.options)))
    if question.kind == "ordering" or (quiz.shuffle and question.shuffled):
        random.Random(f"{seed}/{question.id}").shuffle(order)
        if question.kind == "ordering" and order == sorted(order):
            order.reverse()  # never printed already in order
    return tuple(order)


def _render_question(item: SheetQuestion, words: Mapping[str, str]) -> str:
    question = item.question
    hint = words[question.kind].format(count=len(question.options))
    parts = [f'<section class="q"><div class="prompt"><span class="n">{item.number}.</span> '
             f'{render_markdown(question.prompt, inline=True)}</div><p class="hint">{html.escape(hint)}</p><ol>']
    for place, index in enumerate(item.order):
        option = question.options[index]
        text = (html.escape(words[option.text.lower()]) if question.kind == "true-false"
                else render_markdown(option.text, inline=True))
        box = '<span class="box"></span>' if question.kind == "ordering" else ""
        parts.append(f'<li>{box}<span class="letter">{LETTERS[place]}.</span> {text}</li>')
    parts.append("</ol></section>")
    return "".join(parts)


def _document(title: str, body: str) -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{SHEET_CSS}</style></head><body>{body}</body></html>")


SHEET_CSS = """
body { font: 11pt/1.4 "DejaVu Sans", "Noto Sans", system-ui, sans-serif; color: #000; margin: 0; }
h1 { font-size: 16pt; margin: 0; } h2 { font-size: 12.5pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #000; }
.sub { margin: .2em 0 .8em; }
.who { display: flex; gap: 1.5em; margin: 0 0 1em; }
.who span { flex: 1; border-bottom: 1px solid #000; padding-bottom: .1em; }
.who span:first-child { flex: 2; }
.q { break-inside: avoid; margin: 0 0 .9em; }
.prompt .n { font-weight: bold; }
.hint { font-style: italic; margin: .1em 0 .2em; font-size: 10pt; }
ol { list-style: none; margin: 0; padding: 0 0 0 1.2em; }
li { margin: .15em 0; }
.letter { font-weight: bold; display: inline-block; min-width: 1.6em; }
.box { display: inline-block; width: 1.6em; height: 1.2em; border: 1px solid #000; margin-right: .5em; vertical-align: middle; }
table.key { border-collapse: collapse; } .key td, .key th { border: 1px solid #000; padding: .2em .8em; text-align: left; }
"""
