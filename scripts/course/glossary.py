"""The glossary: terms kept as data, linked into lessons, listed on a generated page.

data/glossary.yml is loaded and validated once, here; course/glossary_text.py finds and links
the terms in a page (find_terms, link_first_uses, terms_used, re-exported here).
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fields
from .errors import Collector, CourseError
from .glossary_text import _key, _plain, compile_pattern, escape_attribute, find_terms, link_first_uses, terms_used
from .slugs import transliterate
from .sources import line_of, load_yaml, read_text
from .translations import main_text

CATEGORIES = ("concept", "organisation", "agreement", "place", "person", "format")
FIELDS = fields.TERM

FIELD_LINE = re.compile(r"^(?P<dash>[ \t]*-[ \t]+)?[ \t]*(?P<key>[A-Za-z_]+)[ \t]*:")


@dataclass(frozen=True)
class Term:
    name: str
    slug: str  # the anchor of the entry on the glossary page
    definition: str
    category: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # names of other terms, resolved from names or aliases
    cite: str | None = None
    introduced: str | None = None  # lesson file stem, e.g. "01-concepts"
    match_case: bool | None = None  # None: decided word by word (acronyms match exactly)
    line: int = 0
    related_slugs: tuple[str, ...] = ()  # the anchors of `related`, in the same order

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def tooltip(self) -> str:
        return _plain(self.definition)


@dataclass
class Glossary:
    terms: list[Term]
    path: str
    pattern: re.Pattern[str] = field(init=False, repr=False)
    names: dict[str, tuple[str, Term]] = field(init=False, repr=False)  # key -> (name as written, term)

    def __post_init__(self) -> None:
        self.names = {_key(name): (name, term) for term in self.terms for name in term.names}
        # Compiled now, not on first use: mid-build, with the pages in memory, the compiler's
        # garbage collections cost twice as much, and a build with an edited lesson needs it.
        self.pattern = compile_pattern(self.terms)

    def __getitem__(self, name: str) -> Term:
        return self.names[_key(name)][1]

    def sorted(self) -> list[Term]:
        return sorted(self.terms, key=lambda term: sort_key(term.name))


@dataclass(frozen=True)
class LessonLink:
    """A lesson as the glossary page links to it: "Lesson 3" and a URL relative to the glossary."""

    number: int
    title: str
    url: str


# Loading and validation


def load_glossary(path: Path, display_path: str, citation_keys: Collection[str] | None = None,
                  bibliography_path: str = "data/references.bib", cache_dir: Path | None = None) -> Glossary:
    """Read and check data/glossary.yml; any mistake is a CourseError naming file and line."""
    data = load_yaml(path, display_path, cache_dir)
    _mark_field_lines(data, read_text(path, display_path).splitlines())
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise CourseError(display_path, line_of(data, 1),
                          "needs a 'terms:' list with at least one entry. See the comment at the top of the file.")
    errors, read = Collector(), []  # every term's mistakes, not only the first term's
    for entry in entries:
        with errors.check():
            read.append((_read_term(entry, display_path), entry))
    errors.raise_any()
    terms, entries = [term for term, _ in read], [entry for _, entry in read]
    _check_unique(terms, entries, display_path)
    by_key = {_key(name): term for term in terms for name in term.names}
    for term, entry in zip(terms, entries):  # another edition: `related` may name the English term
        for name in [main_text(entry, "term"), *(main_text(entry, "aliases") or [])]:
            by_key.setdefault(_key(str(name)), term)
    resolved = []
    for term, entry in zip(terms, entries):  # every term's mistakes at once, as above
        with errors.check():
            resolved.append(_resolve(term, entry, by_key, terms, display_path, citation_keys, bibliography_path))
    errors.raise_any()
    return Glossary(resolved, display_path)


def _resolve(term: Term, entry: dict, by_key: dict[str, Term], terms: list[Term], display_path: str,
             citation_keys: Collection[str] | None, bibliography_path: str) -> Term:
    """The term with its `related` names resolved to terms and its `cite` checked."""
    related: dict[str, str] = {}  # name -> anchor: a translated name is not its term's anchor
    missing = []
    for name in term.related:
        target = by_key.get(_key(name))
        if target is None:
            missing.append(name)
        elif target is term:
            raise CourseError(display_path, _field_line(entry, "related", term.line),
                              f"term '{term.name}' lists itself as related. Remove it from 'related'.")
        else:
            related[target.name] = target.slug
    if missing:
        # A term removed on purpose is the usual cause (a fork drops a lesson and its terms), so
        # removing the name comes first; a close name is offered only for a likely misspelling.
        close = difflib.get_close_matches(missing[0], [t.name for t in terms], n=1, cutoff=0.85) if len(missing) == 1 else []
        hint = f" If you misspelt it: did you mean '{close[0]}'?" if close else ""
        names = ", ".join(f"'{name}'" for name in missing)
        raise CourseError(display_path, _field_line(entry, "related", term.line),
                          f"term '{term.name}' lists related {'term' if len(missing) == 1 else 'terms'} {names}, not in "
                          f"the glossary. Remove {'it' if len(missing) == 1 else 'them'} from 'related', or add the "
                          f"term.{hint}")
    if term.cite is not None and citation_keys is not None and term.cite not in citation_keys:
        close = difflib.get_close_matches(term.cite, list(citation_keys), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise CourseError(display_path, _field_line(entry, "cite", term.line),
                          f"term '{term.name}' cites unknown key '{term.cite}'.{hint} "
                          f"Use a key from {bibliography_path}.")
    return Term(**{**term.__dict__, "related": tuple(related), "related_slugs": tuple(related.values())})


def check_introduced(glossary: Glossary, lessons: Collection[str]) -> None:
    """Every 'introduced' names an existing lesson file (its stem, e.g. 01-concepts)."""
    for term in glossary.terms:
        if term.introduced is not None and term.introduced not in lessons:
            close = difflib.get_close_matches(term.introduced, list(lessons), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise CourseError(glossary.path, term.line,
                              f"term '{term.name}' is introduced in '{term.introduced}', which is not a lesson.{hint} "
                              "Use a lesson file name without '.md', e.g. 01-concepts.")


def sort_key(name: str) -> str:
    """Alphabetical order in the name's own script: Latin without accents; Cyrillic by the Russian
    alphabet (Python's order of code points), ё filed with е as dictionaries do."""
    plain = "".join(char if char >= "\u0400" else unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
                    for char in unicodedata.normalize("NFC", name).casefold().replace("ё", "е"))
    return re.sub(r"[^\w ]+|_", "", plain).strip()


def slugify(name: str) -> str:
    plain = transliterate(name)
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "term"


# Helper functions


def _read_term(entry: Any, path: str) -> Term:
    line = line_of(entry, 0) or 0
    if not isinstance(entry, dict):
        raise CourseError(path, line or None, "each glossary entry must be a mapping with 'term', 'definition' and 'category'.")
    message = fields.unknown_field(entry, FIELDS)
    if message:
        raise CourseError(path, line, message)
    name = entry.get("term")
    if not isinstance(name, str) or not name.strip():
        raise CourseError(path, line, "entry has no 'term'. Give the term's name, e.g. 'term: Eurasian Economic Union'.")
    name = " ".join(name.split())
    definition = entry.get("definition")
    if not isinstance(definition, str) or not definition.strip():
        raise CourseError(path, _field_line(entry, "definition", line),
                          f"term '{name}' has an empty definition. Write one to three sentences.")
    category = entry.get("category")
    if category not in CATEGORIES:
        raise CourseError(path, _field_line(entry, "category", line),
                          f"term '{name}' has category '{category}'. Use one of: {', '.join(CATEGORIES)}.")
    aliases = _string_list(entry, "aliases", name, path, line)
    related = _string_list(entry, "related", name, path, line)
    cite = entry.get("cite")
    if cite is not None and not isinstance(cite, str):
        raise CourseError(path, line, f"term '{name}': 'cite' must be one citation key, e.g. 'cite: acharya1997'.")
    introduced = entry.get("introduced")
    if introduced is not None and not isinstance(introduced, str):
        raise CourseError(path, line, f"term '{name}': 'introduced' must be a lesson file name, e.g. 01-concepts.")
    match_case = entry.get("match_case")
    if match_case is not None and not isinstance(match_case, bool):
        raise CourseError(path, line, f"term '{name}': 'match_case' must be true or false.")
    for alias in (name, *aliases):
        if not re.search(r"\w", alias):
            raise CourseError(path, line, f"term '{name}': '{alias}' has no letters or digits to match.")
    return Term(name, slugify(str(main_text(entry, "term") or name)), definition.strip(), category, tuple(aliases), tuple(related),
                cite.strip() if cite else None, introduced, match_case, line)


def _string_list(entry: dict, key: str, name: str, path: str, line: int) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise CourseError(path, _field_line(entry, key, line),
                          f"term '{name}': '{key}' must be a list of names, e.g. {key}: [WTO, ВТО].")
    return [" ".join(item.split()) for item in value]


def _check_unique(terms: list[Term], entries: list[Any], path: str) -> None:
    """No name may point to two terms: terms and aliases share one case-insensitive namespace."""
    seen: dict[str, tuple[str, int]] = {}  # key -> (owning term, line)
    slugs: dict[str, Term] = {}
    for term, entry in zip(terms, entries):
        for index, name in enumerate(term.names):
            key = _key(name)
            line = term.line if index == 0 else _field_line(entry, "aliases", term.line)
            if key in seen:
                owner, first = seen[key]
                if index == 0 and owner == name:
                    message = f"term '{name}' is defined twice (first at line {first}). Keep one and merge the aliases."
                elif owner == term.name:
                    message = f"term '{term.name}' lists '{name}' twice. Keep it once."
                else:
                    what = f"term '{name}'" if index == 0 else f"alias '{name}' of term '{term.name}'"
                    message = (f"{what} is already a name of term '{owner}' (line {first}). "
                               "Each name may point to one term only: keep it on one of them.")
                raise CourseError(path, line, message)
            seen[key] = (term.name, line)
        if term.slug in slugs:
            raise CourseError(path, term.line, f"term '{term.name}' gets the same page anchor as "
                              f"'{slugs[term.slug].name}' (line {slugs[term.slug].line}). Rename one of them.")
        slugs[term.slug] = term


def _field_line(entry: dict, key: str, default: int) -> int:
    """The line of one field of an entry (YAML scalars carry no line of their own)."""
    return getattr(entry, "field_lines", {}).get(key, default)


def _mark_field_lines(data: Any, lines: list[str]) -> None:
    """Give each entry a field_lines map, {field: line}, read from the file's text."""
    entries = data.get("terms") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        start = line_of(entry)
        if not isinstance(entry, dict) or not start:
            continue
        found: dict[str, int] = {}
        indent = None
        for number in range(start, len(lines) + 1):
            match = FIELD_LINE.match(lines[number - 1])
            if match is None:
                continue
            column = match.start("key")
            if indent is None:
                indent = column
            elif match.group("dash") or column < indent:
                break  # the next entry, or the end of the list
            if column == indent:
                found.setdefault(match.group("key"), number)
        entry.field_lines = found




__all__ = ["CATEGORIES", "Glossary", "LessonLink", "Term", "check_introduced", "escape_attribute", "find_terms",
           "link_first_uses", "load_glossary", "slugify", "sort_key", "terms_used"]
