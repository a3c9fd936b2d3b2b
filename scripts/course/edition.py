"""The course in one of its languages, for what is written without MkDocs: LMS files,
worksheets (scripts/lms.py, scripts/worksheets.py). The same Course a build of that language
gets: its texts from the data files' `ru:` (or other) fields, its pages from docs-<lang>/
(the main language's where a page is not translated), its interface words from
data/messages/<lang>.yml. And the edition a build writes (open_edition, for hooks/languages.py):
its language, its interface words and, for a translated edition, the folder of pages it reads.

    course = edition_course(root / "mkdocs.yml", config, "ru")   # config: mkdocs.yml, as read
    languages(config)                                            # ("en", "ru"): the main one first
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import translations
from .catalogue import load_messages
from .errors import CourseError
from .languages import OVERLAY_FOLDER, SiteLanguage, language_of, load_languages, overlay, stray_pages
from .model import Course, build_course
from .sources import display_path


def languages(config: Mapping[str, Any], source: str = "mkdocs.yml") -> tuple[str, ...]:
    """The course's languages (extra.alternate), the main one first; one language: theme.language."""
    editions = load_languages((config.get("extra") or {}).get("alternate"), source)
    theme = config.get("theme") or {}
    return tuple(edition.lang for edition in editions) or (str(theme.get("language") or "en"),)


def edition_course(config_file: Path, config: Mapping[str, Any], language: str | None = None) -> Course:
    """The Course in `language` (default: the main one); raises CourseError(s) as a build would."""
    root = config_file.parent
    known = languages(config, config_file.name)
    language = language or known[0]
    if language not in known:
        raise CourseError(config_file.name, None, f"'{language}' is not one of the course's languages "
                          f"({', '.join(known)}, from extra.alternate). Use one of them, or add the edition.")
    messages = load_messages(root, language, known[0])[0]
    docs = root / str(config.get("docs_dir") or "docs")
    if language != known[0]:  # as the languages hook builds it: the edition's pages over the main ones
        merged = root / OVERLAY_FOLDER / language
        overlay(docs, root / f"docs-{language}", merged)
        docs = merged
    with translations.edition(language, known):  # every data text read in this language
        return build_course(config_file, docs, config.get("nav"), language, messages=messages, main_language=known[0],
                            course_block=(config.get("extra") or {}).get("course"))


@dataclass
class Edition:
    editions: tuple[SiteLanguage, ...]  # every edition of extra.alternate, the main one first
    current: SiteLanguage | None  # this build's, or None for a course in one language
    messages: dict[str, Any]  # data/messages/<lang>.yml, for this edition
    docs_dir: str | None = None  # a translated edition reads its pages merged here (.cache/languages/<lang>)
    pages_folder: str | None = None  # the folder its author edits, as messages name it: docs-ru
    errors: list[str] = field(default_factory=list)  # `file:line: what. What to do.`, one each

    @property
    def translated(self) -> bool:
        return self.current is not None and self.current != self.editions[0]


def open_edition(root: Path, config_name: str, lang: str, alternate: Any, translation: dict[str, Any],
                 docs_dir: str, nav: Any) -> Edition:
    """The edition in `lang` (theme.language); raises CourseError for a language not in alternate.
    Before any data file is read: it sets the language they are read in (translations.use)."""
    source = str(translation.get("source") or "docs")
    editions = load_languages(alternate)
    languages = [each.lang for each in editions] or [lang]
    translations.use(lang, languages)
    edition = Edition(editions, language_of(editions, lang) if editions else None,
                      load_messages(root, lang, languages[0])[0])
    if editions and edition.current is None:
        raise CourseError(config_name, None, f"theme.language '{lang}' is not in extra.alternate. Add the "
                          "edition, or fix the language.")
    if not edition.translated:
        return edition
    own = Path(docs_dir)
    if not translation.get("fallback"):
        edition.errors += translations.translation_gaps(root, lang, languages, source, display_path(own, root), nav)
    edition.errors += [f"{display_path(own / uri, root)}: has no page {source}/{uri} to translate. Rename it "
                       "after its English page, or remove it." for uri in stray_pages(root / source, own)]
    if not edition.errors:
        overlay(root / source, own, root / OVERLAY_FOLDER / lang)
        edition.docs_dir = str(root / OVERLAY_FOLDER / lang)
        edition.pages_folder = display_path(own.resolve(), root.resolve())
    return edition


def markdown_options(extensions: list[str], options: dict[str, dict], words: dict[str, str]) -> None:
    """Markdown's own words in the edition's language, set in its extensions' options (read when
    each page is converted): numbered caption prefixes and the heading permalinks' title."""
    if "pymdownx.blocks.caption" in extensions and (words.get("figure") or words.get("table")):
        caption = options.setdefault("pymdownx.blocks.caption", {})
        caption["types"] = ["caption", {"name": "figure-caption", "prefix": words.get("figure", "")},
                            {"name": "table-caption", "prefix": words.get("table", "")}]
    if "toc" in extensions and words.get("permalink"):
        options.setdefault("toc", {})["permalink_title"] = words["permalink"]


def theme_options(palette: object, words: dict[str, list[str]]) -> None:
    """Material's own words that mkdocs.yml would hold in one language, set in this edition's:
    the name of each colour toggle, in the order of theme.palette."""
    if isinstance(palette, list):
        for option, name in zip(palette, words.get("palette_toggle") or []):
            if isinstance(option, dict) and isinstance(option.get("toggle"), dict):
                option["toggle"]["name"] = name


def titled_items(items: list) -> list:
    """Every nav item with a title, sections' children too (MkDocs' nav objects, read as they are)."""
    found = []
    for item in items:
        if hasattr(item, "title"):
            found.append(item)
        found += titled_items(getattr(item, "children", None) or [])
    return found


def with_note_after_title(markdown: str, note: dict[str, str]) -> str:
    """The page with the "not yet translated" note right after its H1."""
    box = f'!!! note "{note["title"]}"\n\n    {note["text"]}\n\n'
    lines = markdown.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "".join(lines[: index + 1]) + "\n" + box + "".join(lines[index + 1:])
    return box + markdown
