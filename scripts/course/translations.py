"""Texts in several languages in the data files, and what each edition still lacks.

A text of a data file may be written once (the main language only) or in several languages
side by side, the translation under the English it translates:

    prompt:
      en: Which term fits best?
      ru: Какой термин подходит лучше всего?

Every loader reads data through course.sources.load_yaml, which hands back each such mapping
as the one text of the edition being built (`localize`; `use` names the edition, once per
build). What counts as a text to translate is listed once, per data file, in TEXT_FIELDS;
`gaps` walks a file and lists every such text without its translation, with its line.
"""
from __future__ import annotations

import fnmatch
import re
from contextlib import contextmanager
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalogue import Gap
from .sources import LineDict, LineList, line_of

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")

# The fields of each data file whose values are read by students (ids, years, keys are not).
# "group.key" names a field only inside the mapping `group` (the ladder's legend.reached is a
# text; an organisation's reached is a rung's name, the same in every language).
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "data/quizzes/*.yml": ("prompt", "text", "feedback", "true", "false", "explanation", "items"),  # true/false: feedback of a true-false question
    "data/glossary.yml": ("term", "definition"),
    "data/timeline.yml": ("label", "title", "text"),
    "data/organisations.yml": ("name", "fate", "type_reason", "members_note", "note", "short", "label",
                               "legal_bindingness", "institutions", "delegation", "decision_rules",
                               "non_state_actors"),
    # The map's `focus` and `highlight` name countries of the geometry, and the ladder's
    # `aimed` and `reached` name rungs in the main language: references, not texts.
    "data/map.yml": ("text", "title", "alt", "caption", "description", "enlarge", "text_heading"),
    "data/ladder.yml": ("title", "alt", "caption", "enlarge", "text_heading", "legend.reached", "legend.aimed",
                        "words.reached", "words.aimed", "words.nobody", "name", "meaning", "note"),
    "data/leaders.yml": ("state", "leader", "years", "caption", "chapter_heading", "silent", "general",
                         "name", "note", "chapter"),
}


@dataclass
class Languages:
    """The edition a build writes (language) among the course's languages, the main one first."""

    language: str = "en"
    languages: tuple[str, ...] = ("en",)

    @property
    def main(self) -> str:
        return self.languages[0]


_EDITION = Languages()  # set once per build by use(); read by localize() through load_yaml


def use(language: str, languages: Sequence[str]) -> None:
    """The edition this build writes: before any data file is read (the languages hook's on_config)."""
    _EDITION.language = language
    _EDITION.languages = tuple(languages) or (language,)


@contextmanager
def edition(language: str, languages: Sequence[str]) -> Iterator[None]:
    """`use` for a while (a script reading one edition, then another), then the edition before."""
    before = Languages(_EDITION.language, _EDITION.languages)
    use(language, languages)
    try:
        yield
    finally:
        use(before.language, before.languages)


def language_suffix() -> str:
    """"" in the main language, else ".ru": what a language's build keeps in .cache/ is its own
    (the same data file holds every language; a lesson shown untranslated has the same text)."""
    return "" if _EDITION.language == _EDITION.main else f".{_EDITION.language}"


def localize(tree: Any, edition: Languages | None = None) -> Any:
    """tree with each text given in several languages replaced by the edition's (else the main one's)."""
    edition = edition or _EDITION
    if isinstance(tree, Mapping):
        if is_texts(tree, edition.languages):
            chosen = tree.get(edition.language)
            return localize(chosen if _given(chosen) else tree.get(edition.main), edition)
        copy = LineDict((key, localize(value, edition)) for key, value in tree.items())
        copy.line = line_of(tree) or 0
        # The main language's text of each translated field: what other entries refer to it by
        # (a glossary term's anchor and its `related` names stay those of the main edition).
        copy.main = {key: value[edition.main] for key, value in tree.items() if is_texts(value, edition.languages)}
        return copy
    if isinstance(tree, list):
        items = LineList(localize(item, edition) for item in tree)
        items.line = line_of(tree) or 0
        return items
    return tree


def main_text(entry: Any, key: str) -> Any:
    """entry[key] in the main language, however the edition's data were localized."""
    return getattr(entry, "main", {}).get(key, entry.get(key)) if isinstance(entry, Mapping) else None


def is_texts(node: Any, languages: Sequence[str]) -> bool:
    """A mapping of language codes only, the main language among them: one text in several languages.
    With one language known (outside a build), any codes of two or three small letters count."""
    if not isinstance(node, Mapping) or not node or languages[0] not in node:
        return False
    if len(languages) < 2:
        return all(isinstance(key, str) and LANGUAGE_CODE.fullmatch(key) for key in node)
    return all(key in languages for key in node)


def text_fields(display_path: str) -> tuple[str, ...]:
    for pattern, fields in TEXT_FIELDS.items():
        if fnmatch.fnmatch(display_path, pattern):
            return fields
    return ()


def gaps(tree: Any, source_text: str, display_path: str, language: str, languages: Sequence[str]) -> list[Gap]:
    """Every text of a data file (TEXT_FIELDS) that has no translation into language."""
    fields = text_fields(display_path)
    found: list[Gap] = []
    lines = source_text.splitlines()
    for key, value, owner, group in _entries(tree, languages):
        if key not in fields and f"{group}.{key}" not in fields:
            continue
        line = _field_line(lines, key, line_of(owner) or 1)
        if is_texts(value, languages):
            if not _given(value.get(language)):
                found.append(Gap(display_path, line_of(value) or line, key, _plain(value[languages[0]]),
                                 f"{display_path}:{line}", language))
        elif _given(value) and not isinstance(value, Mapping):
            found.append(Gap(display_path, line, key, _plain(value), f"{display_path}:{line}", language))
    return found


def data_files(root: Path) -> list[Path]:
    """The data files that hold texts to translate, in a stable order."""
    files: list[Path] = []
    for pattern in TEXT_FIELDS:
        files += sorted(root.glob(pattern))
    return files


# Helper functions


def _nav_titles(nav: Any) -> Iterator[str]:
    """The titles written in an mkdocs.yml nav (sections and pages), in order."""
    if isinstance(nav, dict):
        for title, value in nav.items():
            yield str(title)
            yield from _nav_titles(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_titles(item)


def _entries(tree: Any, languages: Sequence[str], group: str = "") -> Iterator[tuple[str, Any, Mapping, str]]:
    """(key, value, the mapping holding it, the key of that mapping or of the list holding it)
    for every entry of every mapping, not inside texts."""
    if isinstance(tree, Mapping):
        for key, value in tree.items():
            yield str(key), value, tree, group
            if not is_texts(value, languages):
                yield from _entries(value, languages, str(key))
    elif isinstance(tree, list):
        for item in tree:
            yield from _entries(item, languages, group)


def _field_line(lines: list[str], key: str, start: int) -> int:
    """The line of `key:` at or after the line where its entry starts (YAML keeps no line per scalar)."""
    pattern = re.compile(rf"^\s*(- )?{re.escape(key)}:")
    for number in range(start - 1, len(lines)):
        if pattern.match(lines[number]):
            return number + 1
    return start


def _given(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None and value is not False


def _plain(value: Any) -> str:
    return " / ".join(map(str, value)) if isinstance(value, list) else str(value)


def translation_gaps(root: Path, language: str, languages: Sequence[str], main_docs: str, edition_docs: str,
                 nav: Any) -> list[str]:
    """Everything the edition in `language` lacks, one `file:line: what. What to do.` each: its
    pages (docs-<lang>/ against docs/), the texts of the data files, its interface words and
    the nav's titles (data/messages/<lang>.yml)."""
    from .languages import missing_pages
    from .catalogue import NAV, load_messages, messages_path
    from .sources import load_yaml, read_text

    found = [f"{edition_docs}/{uri}: is missing: the translation of {main_docs}/{uri}. Copy the English "
             "page here and translate it." for uri in missing_pages(root / main_docs, root / edition_docs)]
    pages = root / "data" / "pages"  # the generated pages' words (course/templates.py)
    found += [f"data/pages/{language}/{path.name}: is missing: the translation of data/pages/{path.name}. Copy it "
              "there and translate its words (keep the {{ }} names)." for path in sorted(pages.glob("*.md"))
              if not (pages / language / path.name).is_file()]
    edition = Languages(language, tuple(languages))
    for path in data_files(root):
        shown = path.relative_to(root).as_posix()
        text = read_text(path, shown)
        raw = load_yaml(path, shown, None, localized=False)
        found += [str(gap.error()) for gap in gaps(raw, text, shown, edition.language, edition.languages)]
    messages, message_gaps = load_messages(root, language, languages[0])
    found += [str(gap.error()) for gap in message_gaps]
    titles = messages.get(NAV) or {}
    found += [f"{messages_path(language)}: the nav title '{title}' (mkdocs.yml) has no translation. Add it "
              f"under {NAV}: as '{title}: ...'." for title in _nav_titles(nav) if title not in titles]
    return found
