"""The site's own words (buttons, filters, notes, nav titles) in a catalogue per language.

data/messages/en.yml holds the main language's words; every other language has a file with
the same keys (data/messages/ru.yml). A key the main catalogue has and a translation lacks is
a CourseError with the line of the English text, unless the course allows a fallback, when the
English text stands in. The `js` block is what our scripts read from the page (messages.js).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CourseError
from .sources import line_of, load_yaml

MESSAGES_FOLDER = "data/messages"
NAV = "nav"  # English nav title -> its translation (the main language needs none)


@dataclass(frozen=True)
class Gap:
    """One text of the main language with no translation: where it is, and where it should go."""

    path: str  # the translation's file
    line: int | None  # where the entry (or its parent) is in that file
    key: str  # e.g. "quiz.check" or a question id and field
    english: str
    english_at: str  # "data/messages/en.yml:12"
    language: str = ""  # the language it lacks

    def error(self) -> CourseError:
        if self.english_at.startswith(f"{self.path}:"):  # a data file: both languages side by side
            return CourseError(self.path, self.line, f"'{self.key}' (\"{_short(self.english)}\") has no "
                               f"{self.language} text. Write it under the English, as {self.key}: then "
                               f"`en: ...` and `{self.language}: ...` on their own lines.")
        return CourseError(self.path, self.line, f"'{self.key}' has no translation. Translate the English "
                           f"at {self.english_at} (\"{_short(self.english)}\") and add it here.")


def messages_path(lang: str) -> str:
    return f"{MESSAGES_FOLDER}/{lang}.yml"


def load_messages(root: Path, lang: str, main: str, cache_dir: Path | None = None) -> tuple[dict[str, Any], list[Gap]]:
    """The catalogue of lang, completed from the main language's where it lacks a key, and the gaps."""
    main_file = messages_path(main)
    english = load_yaml(root / main_file, main_file, cache_dir)
    if lang == main:
        return dict(english), []
    own_file = messages_path(lang)
    if not (root / own_file).is_file():
        raise CourseError(own_file, None, f"the interface words for '{lang}' are missing. Copy {main_file} to "
                          f"{own_file} and translate its texts (keep the keys).")
    own = load_yaml(root / own_file, own_file, cache_dir)
    gaps: list[Gap] = []
    merged = _merge(english, own, own_file, main_file, "", gaps)
    return merged, gaps


# Helper functions


def _merge(english: Any, own: Any, own_file: str, main_file: str, prefix: str, gaps: list[Gap]) -> Any:
    if not isinstance(english, Mapping):
        return own if (isinstance(own, str) and own.strip()) or (isinstance(own, list) and own) else english
    own = own if isinstance(own, Mapping) else {}
    merged = {}
    for key, value in english.items():
        dotted = f"{prefix}{key}"
        if key in own and (isinstance(value, (Mapping, list)) or (isinstance(own[key], str) and own[key].strip())):
            merged[key] = _merge(value, own[key], own_file, main_file, dotted + ".", gaps)
        else:
            merged[key] = value
            for leaf_key, text in _leaves(value, dotted):
                gaps.append(Gap(own_file, line_of(own), leaf_key, text, f"{main_file}:{line_of(english) or 1}",
                                 own_file.rsplit("/", 1)[-1].removesuffix(".yml")))
    if not prefix and isinstance(own.get(NAV), Mapping):  # the nav's titles: checked against the nav itself
        merged[NAV] = dict(own[NAV])
    return merged


def _leaves(value: Any, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, Mapping):
        for child, text in value.items():
            yield from _leaves(text, f"{key}.{child}")
    else:
        yield key, str(value)


def _short(text: str, length: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
