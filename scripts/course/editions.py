"""Two editions from one source: the student edition and the instructor edition.

`extra.course.edition` in mkdocs.yml (student | instructor; the COURSE_EDITION environment
variable overrides it, and `make build EDITION=instructor` sets that) chooses. The student
edition leaves out every page under the instructor folder (docs/instructors/: the guide, the
answer key, the lesson notes) and every inline instructor note, so neither the site, its
search index, the offline copy nor the PDFs show them; a link to an instructor page keeps
its words and loses its target. The instructor edition has everything, and says so on every
page.

An inline instructor note is an admonition an author writes beside what it concerns:

    !!! instructor "Where students stumble"

        Indented text, any Markdown.

(`??? instructor` folds it away.) The instructor edition shows it in the lesson and gathers
each lesson's notes into the lesson notes page, where `<!-- instructor-notes: <lesson> -->`
stands (lessons without a marker there are added at the end of that page).
Data in, strings out: scripts/hooks/editions.py (which edition, which pages) and
instructor_notes.py (the notes of each page) adapt it to MkDocs.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from typing import Any

EDITIONS = ("student", "instructor")
INSTRUCTOR_FOLDER = "instructors/"
NOTE = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+instructor(?:[ \t]+\"(?P<title>[^\"\n]*)\")?[ \t]*\n"
    r"(?P<body>(?:[ \t]*\n|(?P=indent)(?: {4}|\t)[^\n]*(?:\n|$))*)", re.MULTILINE)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)[^`\n].*?\1")
HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t#]*$", re.MULTILINE)
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]*)\]\((?P<url>[^)\s]+)(?:[ \t]+\"[^\"]*\")?\)")
MARKER = re.compile(r"^<!-- instructor-notes: (?P<slug>[\w-]+) -->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Note:
    title: str      # as written after `instructor`, or ""
    body: str       # the note's Markdown, unindented
    heading: str    # the heading the note sits under ("" above the first one)
    line: int


def check_edition(value: Any) -> str | None:
    """The edition's name, or None if the value is not one of EDITIONS."""
    return value if value in EDITIONS else None


def split_notes(markdown: str) -> tuple[str, list[Note]]:
    """The page without its instructor notes, and the notes in order. Notes inside code
    fences (an example of the syntax) are text, not notes."""
    fences = [(m.start(), m.end()) for m in FENCE.finditer(markdown)]
    notes: list[Note] = []
    kept, last = [], 0
    for match in NOTE.finditer(markdown):
        if any(start <= match.start() < end for start, end in fences):
            continue
        before = markdown[:match.start()]
        headings = [m.group("text") for m in HEADING.finditer(FENCE.sub("", before))]
        indent = len(match.group("indent")) + 4
        body = "\n".join(line[indent:] if line.strip() else "" for line in match.group("body").split("\n"))
        notes.append(Note(match.group("title") or "", body.strip("\n"), headings[-1] if headings else "",
                          before.count("\n") + 1))
        kept.append(markdown[last:match.start()])
        last = match.end()
    kept.append(markdown[last:])
    return "".join(kept), notes


def unlink_pages(markdown: str, page: str, folder: str = INSTRUCTOR_FOLDER) -> str:
    """Links from page (a docs-relative path) to a page in folder keep their words only."""
    def replace(match: re.Match[str]) -> str:
        url = match.group("url")
        if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", url, re.IGNORECASE):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), url.split("#")[0]))
        return match.group("text") if (target + "/").startswith(folder) else match.group(0)
    code = [(m.start(), m.end()) for pattern in (FENCE, CODE_SPAN) for m in pattern.finditer(markdown)]
    return LINK.sub(lambda m: m.group(0) if any(s <= m.start() < e for s, e in code) else replace(m), markdown)


def student_nav(nav: Any, folder: str = INSTRUCTOR_FOLDER) -> Any:
    """The nav without the pages in folder, and without sections left empty."""
    if isinstance(nav, str):
        return None if nav.startswith(folder) else nav
    if isinstance(nav, dict):
        kept = {title: student_nav(value, folder) for title, value in nav.items()}
        kept = {title: value for title, value in kept.items() if value not in (None, [])}
        return kept or None
    if isinstance(nav, list):
        return [item for item in (student_nav(entry, folder) for entry in nav) if item not in (None, [], {})]
    return nav


def gather_notes(page_markdown: str, notes: dict[str, list[Note]], links: dict[str, tuple[str, str]],
                 slugify: Any) -> str:
    """The lesson notes page with each lesson's notes at its marker (or at the end).

    links maps a lesson slug to (the lesson's path from the notes page, the lesson's title);
    each note links back to the heading it sits under (slugify: the toc's, for its anchor).
    """
    placed: set[str] = set()

    def block(slug: str) -> str:
        placed.add(slug)
        return "\n".join(_note_markdown(note, links[slug][0], slugify) for note in notes.get(slug, []))

    filled = MARKER.sub(lambda match: block(match.group("slug")), page_markdown)
    rest = [slug for slug in links if notes.get(slug) and slug not in placed]
    for slug in rest:
        filled += f"\n\n## {links[slug][1]}\n\n{block(slug)}"
    return filled


# Helper functions

# A Markdown link's target relative to the page: not a URL, an absolute path or an anchor.
RELATIVE_LINK = re.compile(r"\]\((?P<target>(?![a-z][a-z0-9+.-]*:|/|#)[^()\s]+)")


def _heading_text(heading: str) -> str:
    """A heading as the toc reads it: citations, emphasis marks, links and attribute lists left out."""
    text = re.sub(r"\s*\[@[^\]]*\]|[*_`]|\{[^}]*\}\s*$", "", heading)
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).strip()


def _heading_anchor(heading: str, slugify: Any) -> str:
    """The heading's id: its explicit {#id} if it has one (a translated page keeps the English
    anchors so), else the toc's slug of its words."""
    explicit = re.search(r"\{[^}]*#(?P<id>[\w-]+)[^}]*\}\s*$", heading)
    return explicit.group("id") if explicit else slugify(_heading_text(heading), "-")


def _note_markdown(note: Note, lesson_url: str, slugify: Any) -> str:
    title = f' "{note.title}"' if note.title else ""
    heading = _heading_text(note.heading)
    where = f"[{heading}]({lesson_url}#{_heading_anchor(note.heading, slugify)})\n\n" if heading else ""
    # The note moves from the lesson to the notes page: its relative links must still lead where they did.
    lesson_folder = posixpath.dirname(lesson_url)
    moved = RELATIVE_LINK.sub(lambda match: f"]({posixpath.normpath(posixpath.join(lesson_folder, match['target']))}",
                              note.body)
    body = "\n".join(("    " + line) if line else "" for line in (where + moved).split("\n"))
    return f"!!! instructor{title}\n\n{body}\n"
