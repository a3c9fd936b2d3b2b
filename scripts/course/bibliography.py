"""The bibliography: data/references.bib parsed once with pybtex, every reference formatted
once, in a Chicago-like author-date style, to HTML (course/citations.py cites them in pages).

Parsing and formatting cost about 60 ms a build (pybtex's import and its TeX decoder), more
than all the pages' citations together, so the formatted references are also kept on disk
(course/cache.py): a build whose .bib, formatting code and pybtex are unchanged reads them
back and never imports pybtex.
"""
from __future__ import annotations

import difflib
import functools
import html
import importlib.metadata
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cached, source_of
from .errors import CourseError
from .sources import read_text

if TYPE_CHECKING:
    from pybtex.backends.plaintext import Backend as PlainTextBackend
    from pybtex.database import Entry, Person


# Field text in which TeX changes nothing: no command, group, special character, quote or
# dash, and single spaces only. Most fields are like this; they skip pybtex's TeX decoder.
PLAIN_FIELD = re.compile(r"[^\\{}$~%&#^_`'\"<>\-\s]*(?: [^\\{}$~%&#^_`'\"<>\-\s]+)*")
# Field text in which TeX only drops the braces (they keep capitals in BibTeX styles) and
# makes "--" an en dash: no command, special character or quote, no ",," or "---", single
# spaces. Page ranges and titles with a braced name; checked against pybtex on random text.
BRACED_FIELD = re.compile(r"(?!\s)(?:[^\\{}$~%&#^_`'\"<>\s]|\{(?:[^\\{}$~%&#^_`'\"<>\s]| (?=\S))*\}| (?=\S))*")
FIELD_START = re.compile(r"^\s*[A-Za-z][\w-]*\s*=")
ENTRY_START = re.compile(r"^[ \t]*@(?P<type>\w+)\s*\{\s*(?P<key>[^,\s]+)\s*,", re.MULTILINE)


_loaded: dict[tuple[str, str], "Bibliography"] = {}


@dataclass(frozen=True)
class Reference:
    key: str
    label: str  # "Acharya 1997": what a citation shows
    sort_key: str
    html: str  # the full reference, formatted, safe to insert into a page
    text: str  # the same as plain text, for tooltips


class Bibliography:
    def __init__(self, references: dict[str, Reference], path: str) -> None:
        self.references = references
        self.path = path

    def __contains__(self, key: str) -> bool:
        return key in self.references

    def sorted(self) -> list[Reference]:
        return sorted(self.references.values(), key=lambda ref: ref.sort_key)

    def unknown_key_message(self, key: str) -> str:
        close = difflib.get_close_matches(key, self.references, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        return (
            f"unknown citation key '{key}'.{hint} Use a key from {self.path}, "
            f"or add the work there."
        )


def load_bibliography(path: Path, display_path: str, cache_dir: Path | None = None) -> Bibliography:
    """Read, check and format the .bib; with cache_dir, reuse the formatted references of an
    earlier build when nothing they depend on has changed (course/cache.py)."""
    text = read_text(path, display_path)
    # Several hooks (citations, glossary, timeline, syllabus) each load the same file in one
    # build: parse and format it once per content. Keyed on the text, so an edit is re-read.
    bibliography = _loaded.get((display_path, text))
    if bibliography is None:
        # What the references depend on: the .bib, this code, pybtex and its TeX decoder.
        inputs = [display_path, text, source_of(__file__),
                  *(f"{package}=={importlib.metadata.version(package)}" for package in ("pybtex", "latexcodec"))]
        bibliography = cached(cache_dir, "bibliography", inputs, lambda: _parse_bibliography(text, display_path))
        _loaded[(display_path, text)] = bibliography
        while len(_loaded) > 4:  # serve re-reads an edited file: keep only the recent ones
            del _loaded[next(iter(_loaded))]
    return bibliography


def _parse_bibliography(text: str, display_path: str) -> Bibliography:
    # Imported here: a build that finds its references in the cache never needs pybtex.
    from pybtex.database import BibliographyData, parse_string
    from pybtex.scanner import PybtexSyntaxError

    lines = {m.group("key"): text.count("\n", 0, m.start()) + 1 for m in ENTRY_START.finditer(text)}
    seen: dict[str, int] = {}
    for match in ENTRY_START.finditer(text):
        key, line = match.group("key"), text.count("\n", 0, match.start()) + 1
        if key.lower() in seen:
            raise CourseError(
                display_path, line,
                f"reference key '{key}' is used twice (first at line {seen[key.lower()]}). "
                "Give each work its own key.",
            )
        seen[key.lower()] = line
    # pybtex notices a missing brace only where the text stops making sense, often in the next
    # entry: each entry's braces are checked first, and the line where it goes wrong is named.
    starts = [(m.start(), m.group("key")) for m in ENTRY_START.finditer(text)] + [(len(text), "")]
    for (start, key), (end, _) in zip(starts, starts[1:]):
        problem = _brace_problem(text[start:end], text.count("\n", 0, start) + 1)
        if problem:
            raise CourseError(display_path, problem[0], f"BibTeX syntax error in entry '{key}': {problem[1]}")
    try:
        data: BibliographyData = parse_string(text, "bibtex")
    except PybtexSyntaxError as error:
        line = getattr(error, "lineno", None)
        lines = text.split("\n")
        if line and 1 < line <= len(lines) and FIELD_START.match(lines[line - 1]):
            # pybtex stops at the field after the one missing its comma: blame the line before.
            line = next(n for n in range(line - 1, 0, -1) if lines[n - 1].strip())
            raise CourseError(display_path, line, "BibTeX syntax error: this field needs a comma at its end "
                                                  "(every field but the last of an entry ends with ',').") from None
        raise CourseError(
            display_path, line,
            # str(error) reads "syntax error in line 41: '}' expected": keep what was expected.
            f"BibTeX syntax error: {str(error).split(': ', 1)[-1]}. Check the braces and commas of this entry.",
        ) from None
    except Exception as error:  # pybtex reports other faults as bare exceptions
        raise CourseError(display_path, None, f"cannot read the bibliography: {error}") from None
    if not data.entries:
        raise CourseError(display_path, None, "holds no references. Add at least the course's source.")
    references: dict[str, Reference] = {}
    for key, entry in data.entries.items():
        line = lines.get(key)
        if not _names(entry):
            raise CourseError(display_path, line, f"reference '{key}' has no author or editor. Add one.")
        if "year" not in entry.fields:
            raise CourseError(display_path, line, f"reference '{key}' has no year. Add one (or 'n.d.').")
        if "title" not in entry.fields:
            raise CourseError(display_path, line, f"reference '{key}' has no title. Add one.")
        references[key] = _format_reference(key, entry)
    return Bibliography(_disambiguate(references), display_path)


def _brace_problem(entry: str, first_line: int) -> tuple[int, str] | None:
    """(line, what is wrong) for an entry whose braces do not pair up, else None: a field that
    starts while another field's '{' is still open, or a '}' that closes the entry too early."""
    opened: list[int] = []  # the line of each '{' not yet closed
    closed_at = 0
    for number, line in enumerate(entry.split("\n"), start=first_line):
        if len(opened) >= 2 and FIELD_START.match(line):
            return opened[1], "the '{' of this field is never closed. Add the missing '}' at the end of its value."
        if closed_at and FIELD_START.match(line):
            return closed_at, "a '}' on this line closes the entry before its last fields. Remove the extra '}'."
        for before, char in zip(" " + line, line):
            if before == "\\":
                continue  # \{ and \} are literal braces
            if char == "{":
                opened.append(number)
            elif char == "}" and opened:
                opened.pop()
                if not opened:
                    closed_at = number
    if len(opened) >= 2:
        return opened[1], "the '{' of this field is never closed. Add the missing '}' at the end of its value."
    if opened:
        return opened[0], "a '}' is missing: the braces of this entry do not pair up. Close each field and the entry."
    return None


@functools.lru_cache(maxsize=None)  # a name recurs in every work of its author
def _latex(value: str) -> str:
    """BibTeX field text to plain Unicode: accents decoded, braces dropped, TeX quotes curled."""
    if PLAIN_FIELD.fullmatch(value):  # nothing TeX would change: skip the (slow) TeX decoder
        return value
    if BRACED_FIELD.fullmatch(value) and "---" not in value and ",," not in value:
        # What the TeX decoder gives, without it: each part between braces decoded on its own.
        text = "".join(part.replace("--", "–") for part in re.split(r"[{}]", value))
    else:
        from pybtex.richtext import Text
        text = Text.from_latex(value).render(_plain_text_backend())
    for tex, typographic in (("``", "“"), ("''", "”"), ("`", "‘"), ("'", "’"), ("--", "–")):
        text = text.replace(tex, typographic)
    return text


@functools.cache
def _plain_text_backend() -> PlainTextBackend:
    """Looked up once: pybtex's render_as() scans entry points on every call."""
    from pybtex.backends.plaintext import Backend
    return Backend()


def _names(entry: Entry) -> list[Person]:
    return entry.persons.get("author") or entry.persons.get("editor") or []


def _last(person: Person) -> str:
    return _latex(" ".join(person.prelast_names + person.last_names))


def _full(person: Person, inverted: bool) -> str:
    first = _latex(" ".join(person.first_names + person.middle_names))
    last = _last(person)
    if not first:
        return last
    return f"{last}, {first}" if inverted else f"{first} {last}"


def _join(names: list[str]) -> str:
    if len(names) < 3:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _format_reference(key: str, entry: Entry) -> Reference:
    fields = {name: _latex(value) for name, value in entry.fields.items()}
    people = _names(entry)
    surnames = [_last(p) for p in people]
    short = surnames[0] if len(surnames) == 1 else (
        " and ".join(surnames) if len(surnames) == 2 else f"{surnames[0]} et al.")
    year = fields["year"]
    authors = _join([_full(p, inverted=(i == 0)) for i, p in enumerate(people)])
    if "author" not in entry.persons:
        authors += ", eds." if len(people) > 1 else ", ed."

    e = html.escape
    title = fields["title"]
    kind = entry.type.lower()
    parts = [f"{e(authors)}. {e(year)}."]
    if kind == "book":
        parts.append(f"<cite>{e(title)}</cite>.")
    else:
        parts.append(f"“{e(title)}.”")
    if kind == "article":
        volume = fields.get("volume", "")
        number = f", no. {fields['number']}" if "number" in fields else ""
        pages = f": {fields['pages']}" if "pages" in fields else ""
        parts.append(f"<cite>{e(fields['journal'])}</cite> {e(volume + number + pages)}.".replace(" .", "."))
    elif kind == "incollection":
        editors = entry.persons.get("editor", [])
        edited = f", edited by {e(_join([_full(p, False) for p in editors]))}" if editors else ""
        pages = f", {e(fields['pages'])}" if "pages" in fields else ""
        parts.append(f"In <cite>{e(fields['booktitle'])}</cite>{edited}{pages}.")
    elif kind == "phdthesis":
        parts.append(f"PhD dissertation, {e(fields.get('school', ''))}.")
    elif kind == "techreport":
        label = " ".join(x for x in (fields.get("type", ""), fields.get("number", "")) if x)
        parts.append(e(", ".join(x for x in (fields.get("institution", ""), label) if x)) + ".")
    elif "organization" in fields:
        parts.append(f"{e(fields['organization'])}.")
    if kind in ("book", "incollection") and "publisher" in fields:
        place = f"{fields['address']}: " if "address" in fields else ""
        parts.append(f"{e(place + fields['publisher'])}.")
    elif kind == "techreport" and "address" in fields:
        parts.append(f"{e(fields['address'])}.")
    if "note" in fields:
        parts.append(f"{e(fields['note'])}.")
    if "doi" in fields:
        url = f"https://doi.org/{fields['doi']}"
        parts.append(f'<a href="{e(url)}">{e(url)}</a>.')
    elif "url" in fields:
        parts.append(f'<a href="{e(fields["url"])}">{e(fields["url"])}</a>.')
    markup = " ".join(parts).replace("?.", "?").replace("..", ".").replace("?”.", "?”")
    text = re.sub(r"<[^>]+>", "", markup)
    sort_key = unicodedata.normalize("NFKD", f"{authors} {year} {title}".lower()).encode("ascii", "ignore").decode()
    return Reference(key, f"{short} {year}", sort_key, markup, html.unescape(text))


def _disambiguate(references: dict[str, Reference]) -> dict[str, Reference]:
    """Two works with the same label become "Tolipov 2005a" and "Tolipov 2005b"."""
    by_label: dict[str, list[str]] = {}
    for key, ref in references.items():
        by_label.setdefault(ref.label, []).append(key)
    for label, keys in by_label.items():
        if len(keys) > 1:
            for letter, key in zip("abcdefghijklmnopqrstuvwxyz", sorted(keys, key=lambda k: references[k].sort_key)):
                ref = references[key]
                year = ref.label.rsplit(" ", 1)[1]
                references[key] = Reference(
                    key, f"{label}{letter}", ref.sort_key,
                    ref.html.replace(f". {year}.", f". {year}{letter}.", 1),
                    ref.text.replace(f". {year}.", f". {year}{letter}.", 1),
                )
    return references
