"""Course markers: the HTML comments a hook replaces (`<!-- quiz -->`, `<!-- membership 2003 -->`).

Any other comment is the author's note, kept out of the page, so a misspelt marker
(`<!-- key terms -->`, `<!-- memberships 2003 -->`, `<!--quiz-->`) used to vanish in silence:
no box, no table, no error. `misspelt_markers` finds every comment in a page that is close
to a marker but is not one, and every admonition type (`!!! objectives`) close to a known
one but not it. Each hook that adds a marker lists it here
(tests/test_markers.py checks that none is missing).
"""
from __future__ import annotations

import difflib
import re

from .errors import CourseError

# name -> (the forms the hook accepts, an example for the message)
MARKERS: dict[str, tuple[str, str]] = {
    "quiz": (r"<!-- quiz -->", "<!-- quiz -->"),
    "key-terms": (r"<!-- key-terms -->", "<!-- key-terms -->"),
    "references": (r"<!-- references -->", "<!-- references -->"),
    "bibliography": (r"<!-- bibliography -->", "<!-- bibliography -->"),
    "lesson-list": (r"<!-- lesson-list -->", "<!-- lesson-list -->"),
    "offline-zip": (r"<!-- offline-zip -->", "<!-- offline-zip -->"),
    "lesson-timings": (r"<!-- lesson-timings -->", "<!-- lesson-timings -->"),
    "comparison": (r"<!--\s*comparison\s*-->", "<!-- comparison -->"),
    "membership": (r"<!--\s*membership(?:\s+\S+)?\s*-->", "<!-- membership 2003 -->"),
    "map": (r'<!--\s*map(?:\s+[\w-]+)?(?:\s+"[^"]*")?\s*-->', '<!-- map layer-id "Map 2" -->'),
    "leaders": (r'<!--\s*leaders(?:\s+[\w-]+)?(?:\s+"[^"]*")?\s*-->', "<!-- leaders -->"),
    "ladder": (r'<!--\s*ladder(?:\s+[\w-]+)?(?:\s+"[^"]*")?\s*-->', '<!-- ladder "Figure 1" -->'),
    "instructor-notes": (r"<!-- instructor-notes: [\w-]+ -->", "<!-- instructor-notes: 03-your-lesson -->"),
}
# Material's admonition types (and their aliases); a course adds its own in its stylesheet
# (`!!! objectives`, styled in docs/assets/css/course.css).
MATERIAL_ADMONITIONS = frozenset(
    "note abstract summary tldr info todo tip hint important success check done question help faq warning "
    "caution attention failure fail missing danger error bug example quote cite".split())
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)", re.MULTILINE)
_EXACT = re.compile("|".join(f"(?:{form})" for form, _ in MARKERS.values()))
_COMMENT = re.compile(r"<!--(?P<text>.*?)-->", re.DOTALL)
# Code shows markers without meaning them (docs/adapt.md explains them in code spans).
_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$|`+[^`\n]*`+", re.MULTILINE | re.DOTALL)


def misspelt_markers(markdown: str, path: str, admonitions: frozenset[str] = MATERIAL_ADMONITIONS) -> list[CourseError]:
    """A CourseError at its line for every comment that looks like a marker but is none, and for
    every admonition type close to a known one but not it (`!!! keypoint` renders as a plain note)."""
    text = _CODE.sub(lambda code: re.sub(r"[^\n]", " ", code[0]), markdown)
    errors = []
    for block in _ADMONITION.finditer(text):
        kind = block["type"]
        close = difflib.get_close_matches(kind.lower(), admonitions, n=1, cutoff=0.8)
        if kind not in admonitions and close:
            errors.append(CourseError(path, text.count("\n", 0, block.start()) + 1,
                                      f"'{kind}' is not a box type, so the box is drawn as a plain note. "
                                      f"Did you mean '{close[0]}'?"))
    for comment in _COMMENT.finditer(text):
        if _EXACT.fullmatch(comment[0]):
            continue
        meant = _meant(comment["text"])
        if meant:
            line = text.count("\n", 0, comment.start()) + 1
            errors.append(CourseError(path, line, f"'{' '.join(comment[0].split())}' is not a course marker, so "
                                      f"nothing is put here. Write it as {meant}."))
    return errors


def _meant(text: str) -> str | None:
    """The marker a comment's words are closest to, as an example with the author's own argument."""
    words = text.split()
    if not words:
        return None
    candidates = [("-".join(words).lower(), ""), (words[0].lower(), " ".join(words[1:]))]
    for name, rest in candidates:
        close = difflib.get_close_matches(name.rstrip(":"), MARKERS, n=1, cutoff=0.8)
        if close:
            example = MARKERS[close[0]][1]
            if rest and close[0] in ("membership", "map", "leaders", "ladder"):
                example = f"<!-- {close[0]} {rest} -->"
            return example
    return None
