"""Author-date citations in pages and data texts: "[@acharya1997]" becomes "(Acharya 1997)",
linked to the page's reference list, the reference as its tooltip. The references come from
course/bibliography.py (formatted once per build); a page then costs one regular-expression pass.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from .bibliography import Bibliography, Reference, _loaded, load_bibliography
from .errors import CourseError
from .sources import line_holding, strings_with_lines


# One pass over a page: code is matched first so that "@" inside code is left alone.
# Inline code starts with its backtick, not a group: the regex engine then rejects most
# positions of a page on a one-character test.
CITATION_PATTERN = re.compile(
    r"^[ \t]*(?P<marks>`{3,}|~{3,})[^\n]*\n.*?^[ \t]*(?P=marks)[ \t]*$"
    r"|`(?P<code>`*)(?:[^\n]+?)`(?P=code)"
    # A citation may wrap onto the next line of its paragraph (not across a blank line).
    r"|\[(?P<body>(?:[^\[\]\n]|\n(?![ \t]*\n))*@(?:[^\[\]\n]|\n(?![ \t]*\n))*)\](?![(\[])",  # not a link
    re.MULTILINE | re.DOTALL,
)
# "@" at the start of a word, then a key: the bracket means to cite (an address "a@b.org" does not).
LOOKS_CITED = re.compile(r"(?:^|[\s;(])@[A-Za-z0-9_]")
CITE_ITEM = re.compile(r"^\s*(?P<prefix>[^@;]*?)\s*@(?P<key>[A-Za-z0-9_:.-]+)\s*(?:,\s*(?P<locator>[^;]*?))?\s*$")
@dataclass(frozen=True)
class Citation:
    key: str
    prefix: str
    locator: str


# Rendering


def find_citations(markdown: str) -> list[tuple[int, list[Citation]]]:
    """Every citation block outside code, with its offset in the text."""
    found = []
    for match in CITATION_PATTERN.finditer(markdown):
        if match.group("body") is not None:
            try:
                items = _parse_block(match.group("body"))
            except ValueError:
                continue  # render_citations reports it, with its line
            if items:
                found.append((match.start(), items))
    return found


def render_citations(markdown: str, bibliography: Bibliography, path: str, line_offset: int = 0) -> tuple[str, list[str]]:
    """Replace each [@key] block with an author-date citation linked to the page's references.

    Returns the new Markdown and the keys cited, in order of first citation. An unknown
    key raises CourseError naming the page and line.
    """
    cited: dict[str, None] = {}

    def replace(match: re.Match[str]) -> str:
        body = match.group("body")
        if body is None:
            return match.group(0)
        # Counted only for an error: counted for every citation, it made a long page (the
        # glossary, every entry citing) cost the square of its length.
        def line() -> int:
            return markdown.count("\n", 0, match.start()) + 1 + line_offset
        try:
            items = _parse_block(body)
        except ValueError as error:
            raise CourseError(path, line(), str(error)) from None
        if not items:
            return match.group(0)
        for item in items:
            if item.key not in bibliography:
                raise CourseError(path, line(), bibliography.unknown_key_message(item.key))
            cited.setdefault(item.key)
        return "(" + "; ".join(_cite(item, bibliography.references[item.key]) for item in items) + ")"

    return CITATION_PATTERN.sub(replace, markdown), list(cited)


def citations_in_data(data: Any, text: str, path: str, bibliography: Bibliography,
                      rendered: bool = True) -> list[CourseError]:
    """Every citation in the texts of a parsed data file, checked where the author wrote it: an
    unknown key or a malformed citation in a glossary definition or a timeline event is then
    reported at data/glossary.yml:<line>, not at the generated page it ends up on. With
    rendered=False (quiz texts, which no citation pass reaches) any citation is an error."""
    lines = text.splitlines()
    errors = []
    for value, line in strings_with_lines(data):
        for match in CITATION_PATTERN.finditer(value):
            body = match.group("body")
            if body is None:
                continue
            cited = LOOKS_CITED.search(body)
            where = line_holding(lines, line, (body[cited.start():] if cited else body).split(None, 1)[0] if body.strip() else "")
            try:
                items = _parse_block(body)
            except ValueError as error:
                errors.append(CourseError(path, where, str(error)))
                continue
            if items and not rendered:
                errors.append(CourseError(path, where, f"'[{body}]': a citation is not rendered here (it would show "
                                          "as typed). Name the work in words, e.g. 'Acharya (1997)', and cite it in "
                                          "the lesson."))
            for item in items if rendered else ():
                if item.key not in bibliography:
                    errors.append(CourseError(path, line_holding(lines, line, f"@{item.key}"),
                                              bibliography.unknown_key_message(item.key)))
    return errors


def render_reference_list(references: list[Reference]) -> str:
    items = "\n".join(f'<li id="ref-{ref.key}">{ref.html}</li>' for ref in references)
    return f'<ul class="course-references">\n{items}\n</ul>'


# Helper functions


def _parse_block(body: str) -> list[Citation]:
    """The citations of one bracket; [] if it is no citation ("[write to me @ home]"). A bracket
    that cites (an "@key" at the start of a word) but not in the form [@key, p. 5; @other]
    raises ValueError: printed raw on the page, it would look like a citation to no one."""
    items = []
    for part in body.split(";"):
        match = CITE_ITEM.match(part)
        if not match:
            if not LOOKS_CITED.search(body):
                return []
            raise ValueError(_malformed(body, part))
        items.append(Citation(match.group("key"), match.group("prefix"), match.group("locator") or ""))
    return items


def _malformed(body: str, part: str) -> str:
    fixed = "; ".join(_fix(item) for item in body.split(";"))
    return (f"'[{body}]' is not a citation: {_what_is_wrong(part)}. Write [{fixed}] "
            "(several works separated by ';', a page after a comma).")


def _what_is_wrong(part: str) -> str:
    if "@" not in part:
        return f"'{part.strip()}' has no '@' before its key"
    return f"the text after '@{part.split('@', 1)[1].split()[0].rstrip(',')}' needs a comma before it"


def _fix(part: str) -> str:
    """The likely intended form of one malformed part: "@key p. 5" -> "@key, p. 5"; "key" -> "@key"."""
    part = part.strip()
    if "@" not in part:
        return f"@{part}"
    before, after = part.split("@", 1)
    key, _, rest = after.partition(" ")
    rest = rest.strip()
    return f"{before}@{key.rstrip(',')}" + (f", {rest.lstrip(', ')}" if rest else "")


def _cite(item: Citation, ref: Reference) -> str:
    label = ref.label + (f", {html.escape(item.locator)}" if item.locator else "")
    prefix = f"{html.escape(item.prefix)} " if item.prefix else ""
    # No title: the full reference is in the page's reference list, where the link points, and
    # titles.js (overrides/assets/javascripts/) makes the tooltip from it.
    return f'{prefix}<a class="course-cite" href="#ref-{ref.key}">{html.escape(label)}</a>'


__all__ = ["Bibliography", "Citation", "Reference", "_loaded", "citations_in_data", "find_citations",
           "load_bibliography", "render_citations", "render_reference_list"]
