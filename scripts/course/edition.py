"""The course in one of its languages, for what is written without MkDocs: LMS files,
worksheets (scripts/lms.py, scripts/worksheets.py). The same Course a build of that language
gets: its texts from the data files' `ru:` (or other) fields, its pages from docs-<lang>/
(the main language's where a page is not translated), its interface words from
data/messages/<lang>.yml.

    course = edition_course(root / "mkdocs.yml", config, "ru")   # config: mkdocs.yml, as read
    languages(config)                                            # ("en", "ru"): the main one first
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import translations
from .catalogue import load_messages
from .errors import CourseError
from .languages import OVERLAY_FOLDER, load_languages, overlay
from .model import Course, build_course


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
