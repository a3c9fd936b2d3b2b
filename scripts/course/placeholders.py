"""Scaffold text left in: every FIXME an author has not yet replaced, with its file and line.

`make lesson` starts every note it writes with FIXME (the habit mkdocs.yml uses for the
values a fork must change). Text with FIXME must not reach students: not the site, the
review quiz, the answer key or the PDFs, which all come from the same Markdown and data.
FIXME inside code (`...`, a fenced block) or a comment is an example or a note, not text.
"""
from __future__ import annotations

import re

from course.errors import CourseError

MARKER = "FIXME"
FOUND = re.compile(rf"\b{MARKER}\b")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+).+?\1")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def find_in_markdown(text: str, path: str) -> list[CourseError]:
    """One error per line of a page that shows FIXME to a reader."""
    return [_error(path, number, line) for number, line in visible_markdown_lines(text) if FOUND.search(line)]


def find_in_data(text: str, path: str) -> list[CourseError]:
    """One error per line of a YAML data file whose value (not a # comment) holds FIXME."""
    return [_error(path, number, line) for number, line in visible_data_lines(text) if FOUND.search(line)]


def visible_markdown_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each line of a page a reader sees: HTML comments, fenced code
    (but not a fenced quiz, which students read) and `code spans` are blanked out."""
    # Comments may span lines: blank them out keeping their newlines, so line numbers hold.
    text = HTML_COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)
    lines: list[tuple[int, str]] = []
    fence, code = "", False  # the open fence's backticks, and whether it holds code (not a quiz)
    for number, line in enumerate(text.splitlines(), start=1):
        opening = FENCE.match(line)
        if fence and opening and opening.group(1).startswith(fence[0]) and len(opening.group(1)) >= len(fence):
            fence, code = "", False
            continue
        if not fence and opening:
            # A quiz written in the lesson is text students read, not code.
            fence, code = opening.group(1), not line[opening.end():].strip().startswith("quiz")
            continue
        if not code:
            lines.append((number, CODE_SPAN.sub("", line)))
    return lines


def visible_data_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of each line of a YAML data file that is not a # comment line."""
    return [(number, line) for number, line in enumerate(text.splitlines(), start=1)
            if not line.lstrip().startswith("#")]


# Helper functions


def _error(path: str, number: int, line: str) -> CourseError:
    shown = " ".join(line.split())
    shown = shown if len(shown) <= 70 else shown[:67] + "..."
    return CourseError(path, number, f"scaffold text left in: '{shown}'. Write your own text in its place "
                                     f"(or delete the line); no {MARKER} may reach students.")
