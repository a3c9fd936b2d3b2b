"""The glossary: terms kept as data, linked into lessons, listed on a generated page.

data/glossary.yml is loaded and validated once. All terms and aliases are compiled into
ONE regular expression (a character trie, so shared prefixes are tried once), joined
with the regions a link must never enter (headings, code, links, HTML, quotations...).
Linking a page is then a single left-to-right pass, whatever the number of terms.
"""
from __future__ import annotations

import difflib
import functools
import html
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fields
from .errors import Collector, CourseError
from .markup import plain_text
from .slugs import transliterate
from .sources import line_of, load_yaml, read_text
from .translations import main_text

CATEGORIES = ("concept", "organisation", "agreement", "place", "person", "format")
FIELDS = fields.TERM

# Regions of a page where a term is never linked. Each alternative is tried at every
# position before a term is, so a term inside one of them is skipped with the region.
# The order is part of the meaning (the first alternative that matches wins). Written for
# speed, as one flat alternation: Python's regex engine rejects an alternative that starts
# with a plain character on a one-character test, but must enter every other one; so the
# line-start regions share one `^`, and inline code and images start with their character.
PROTECTED = "|".join((
    r"\A---[ \t]*\n[\s\S]*?^(?:---|\.\.\.)[ \t]*$",            # YAML front matter
    r"^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*(?P=fence)[ \t]*$|\Z)",  # fenced code
    r"`(?P<tick>`*)[\s\S]*?`(?P=tick)",                         # inline code
    "^(?:" + "|".join((
        r"[ \t]{0,3}#{1,6}(?:[ \t][^\n]*)?$",                  # ATX heading
        r"[^\n]+\n[ \t]{0,3}(?:=+|-+)[ \t]*$",                  # setext heading
        r"[ \t]*(?:!!!|\?\?\?\+?)[^\n]*$",                     # admonition / details title line
        r"[ \t]*///[^\n]*$",                                    # pymdownx block fence (caption)
        r"[ \t]*>[^\n]*$",                                      # blockquote line
        r"[ \t]*\*\[[^\]\n]*\]:[^\n]*$",                        # abbreviation definition
        r"[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$",                      # link reference definition
    )) + ")",
    r"<!--[\s\S]*?-->",                                         # HTML comment (the markers)
    r"<(?P<elem>a|code|pre|kbd|samp|script|style|svg|abbr|dfn|cite|q|h[1-6]|button|textarea)\b"
    r"[^>]*>[\s\S]*?</(?P=elem)\s*>",                           # HTML element whose text is off limits
    r"^<(?P<block>[A-Za-z][\w-]*)\b[^>]*>[\s\S]*?^</(?P=block)>[ \t]*$",  # raw HTML block
    r"</?[A-Za-z!][^>]*>",                                      # any other tag, attributes included
    r"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])?",  # image
    r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])?",  # link, footnote ref
    r"https?://[^\s<>)\]]+",                                    # bare URL
    r"\{:?[ \t]*[.#][^}\n]*\}",                                 # attribute list
    r"“[^”\n]*”",                                               # quotation in curly quotes
))
FIELD_LINE = re.compile(r"^(?P<dash>[ \t]*-[ \t]+)?[ \t]*(?P<key>[A-Za-z_]+)[ \t]*:")
WORD_START = r"(?<![\w])(?<!\w-)"   # not inside a word, nor after "Central-" in "Central-Asia"
WORD_END = r"(?![\w])(?!-\w)"       # "Black Sea" does not match in "Black Sea-only"


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
    for term, entry in zip(terms, entries):
        related: dict[str, str] = {}  # name -> anchor: a translated name is not its term's anchor
        for name in term.related:
            target = by_key.get(_key(name))
            if target is None:
                close = difflib.get_close_matches(name, [t.name for t in terms], n=1)
                hint = f" Did you mean '{close[0]}'?" if close else ""
                raise CourseError(
                    display_path, _field_line(entry, "related", term.line),
                    f"term '{term.name}' lists related term '{name}', which is not in the glossary.{hint} "
                    "Add that term or fix the spelling.")
            if target is term:
                raise CourseError(display_path, _field_line(entry, "related", term.line),
                                  f"term '{term.name}' lists itself as related. Remove it from 'related'.")
            related[target.name] = target.slug
        if term.cite is not None and citation_keys is not None and term.cite not in citation_keys:
            close = difflib.get_close_matches(term.cite, list(citation_keys), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise CourseError(display_path, _field_line(entry, "cite", term.line),
                              f"term '{term.name}' cites unknown key '{term.cite}'.{hint} "
                              f"Use a key from {bibliography_path}.")
        resolved.append(Term(**{**term.__dict__, "related": tuple(related), "related_slugs": tuple(related.values())}))
    return Glossary(resolved, display_path)


def check_introduced(glossary: Glossary, lessons: Collection[str]) -> None:
    """Every 'introduced' names an existing lesson file (its stem, e.g. 01-concepts)."""
    for term in glossary.terms:
        if term.introduced is not None and term.introduced not in lessons:
            close = difflib.get_close_matches(term.introduced, list(lessons), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise CourseError(glossary.path, term.line,
                              f"term '{term.name}' is introduced in '{term.introduced}', which is not a lesson.{hint} "
                              "Use a lesson file name without '.md', e.g. 01-concepts.")


# Matching


def compile_pattern(terms: Iterable[Term]) -> re.Pattern[str]:
    """One pattern for a whole page: a protected region (skipped whole) or a term (group "term").

    Terms are merged into a trie, so a page position costs a few character tests however
    many terms there are, and longer names are tried before their prefixes. The trie
    matches in any case; find_terms() then holds acronyms to their exact case.
    """
    trie: dict[str, Any] = {}
    for term in terms:
        for name in term.names:
            node = trie
            for char in _key(name):
                node = node.setdefault(char, {})
            node[""] = {}  # a name ends here
    alternatives = _trie_regex(trie) or r"(?!)"
    return re.compile(
        rf"{PROTECTED}|(?P<term>{WORD_START}(?i:{alternatives}){WORD_END})",
        re.MULTILINE,
    )


def find_terms(markdown: str, glossary: Glossary) -> list[tuple[int, int, Term]]:
    """Every use of a term outside protected regions, as (start, end, term), in page order."""
    found = []
    position = 0
    while match := glossary.pattern.search(markdown, position):
        position = match.end()
        if match.group("term") is None:
            continue
        hit = _exact_hit(markdown, match.start(), match.end(), glossary)
        if hit is not None:
            found.append(hit)
            position = hit[1]
    return found


def terms_used(markdown: str, glossary: Glossary) -> list[Term]:
    """The terms a page uses, each once, in order of first use."""
    return list(dict.fromkeys(term for _, _, term in find_terms(markdown, glossary)))


def link_first_uses(markdown: str, glossary: Glossary, glossary_url: str) -> tuple[str, list[Term]]:
    """Link the first use of each term to its entry, with the definition as a tooltip.

    glossary_url is the glossary page's URL relative to this page. Returns the new
    Markdown and the terms used, in order of first use. Later uses stay plain text.
    """
    pieces: list[str] = []
    used: dict[Term, None] = {}
    last = 0
    for start, end, term in find_terms(markdown, glossary):
        if term in used:
            continue
        used[term] = None
        pieces += [markdown[last:start], _term_link(term, markdown[start:end], glossary_url)]
        last = end
    pieces.append(markdown[last:])
    return "".join(pieces), list(used)


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


def _key(name: str) -> str:
    """How names are compared: case-insensitively and with any run of spaces as one."""
    return " ".join(name.split()).lower()


def _case_matches(text: str, name: str, match_case: bool | None) -> bool:
    """Whether text, found case-insensitively, is written as name requires.

    Without an explicit match_case, a word with a capital after its first letter ("CIS",
    "EurAsEC", "ЕврАзЭС") must match exactly; other words match in any case.
    """
    for found, wanted in zip(text.split(), name.split()):
        exact = match_case if match_case is not None else any(c.isupper() for c in wanted[1:])
        if exact and found != wanted:
            return False
    return True


def _exact_hit(markdown: str, start: int, end: int, glossary: Glossary) -> tuple[int, int, Term] | None:
    """The longest name in markdown[start:end] that also passes its case rule.

    Almost always the whole span; when the case is wrong (e.g. "Ca-5"), shorter names
    that end on a word boundary are tried, longest first.
    """
    for stop in range(end, start, -1):
        if stop < end and not _ends_word(markdown, stop):
            continue
        entry = glossary.names.get(_key(markdown[start:stop]))
        if entry is not None and _case_matches(markdown[start:stop], entry[0], entry[1].match_case):
            return start, stop, entry[1]
    return None


def _ends_word(text: str, index: int) -> bool:
    following = text[index:index + 2]
    return not (following[:1].isalnum() or following[:1] == "_" or
                (following[:1] == "-" and len(following) == 2 and (following[1].isalnum() or following[1] == "_")))


def _token_regex(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _trie_regex(node: dict[str, Any]) -> str:
    # Children first and the end-of-name last, so the longest name wins; if its word-end
    # check fails, the regex engine backtracks to the shorter name.
    branches = [_token_regex(char) + _trie_regex(child) for char, child in node.items() if char != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@functools.cache
def _plain(definition: str) -> str:
    return plain_text(definition)  # a Markdown render: once per definition, not once per page


def _term_link(term: Term, text: str, glossary_url: str) -> str:
    tooltip = term.tooltip if _key(text) == _key(term.name) else f"{term.name}: {term.tooltip}"
    return (f'<a class="course-term" href="{escape_attribute(glossary_url)}#{term.slug}" '
            f'title="{escape_attribute(tooltip)}">{text}</a>')


def escape_attribute(value: str) -> str:
    # "|" would split a Markdown table cell; "*" and "_" are harmless inside a stashed tag.
    return html.escape(value, quote=True).replace("|", "&#124;")
