"""The course in several languages: one edition per language, each a build of its own.

mkdocs.yml builds the main edition (English) into site/; each other edition has a small
config, mkdocs.<lang>.yml, that INHERITs mkdocs.yml and sets its language, its own folder of
translated pages (docs-<lang>/) and its place in the site (site/<lang>/). `extra.alternate`
(Material's language switch) lists the editions, the main one first:

    alternate:
      - {name: English, link: ./, lang: en}
      - {name: Русский, link: ./ru/, lang: ru}

An edition's folder holds only what is translated: a page missing there is taken from the main
edition's docs/ (when `extra.translation.fallback` allows it, with a "not yet translated" note),
and so are figures, styles and scripts. The build reads a merged folder (`overlay`): links to
each file, the edition's own where it has one.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CourseError

PAGE_SUFFIX = ".md"
OVERLAY_FOLDER = ".cache/languages"  # under the project root: the merged folder each edition builds from


@dataclass(frozen=True)
class SiteLanguage:
    lang: str
    name: str
    path: str  # where the edition lives under the main site's root: "" or "ru/"


def load_languages(alternate: Any, source: str = "mkdocs.yml") -> tuple[SiteLanguage, ...]:
    """The editions listed in extra.alternate (the first is the main one). None: one edition."""
    if not alternate:
        return ()
    editions = []
    for entry in alternate if isinstance(alternate, list) else []:
        if not isinstance(entry, Mapping) or not entry.get("lang") or entry.get("link") is None:
            raise CourseError(source, None, "each entry of extra.alternate needs name, link and lang, e.g. "
                              "{name: Русский, link: ./ru/, lang: ru}. Fix the entry.")
        path = str(entry["link"]).removeprefix("./").lstrip("/")
        editions.append(SiteLanguage(str(entry["lang"]), str(entry.get("name") or entry["lang"]),
                                path if not path or path.endswith("/") else path + "/"))
    if not editions or editions[0].path:
        raise CourseError(source, None, "extra.alternate must start with the main edition, whose link is ./ "
                          "(the site's root). Put it first.")
    return tuple(editions)


def language_of(editions: Iterable[SiteLanguage], lang: str) -> SiteLanguage | None:
    return next((edition for edition in editions if edition.lang == lang), None)


def twin_links(editions: Iterable[SiteLanguage], current: SiteLanguage, page_url: str) -> dict[str, str]:
    """lang -> the link from this page to the same page in each edition (relative, so that it
    works from file:// and under any address)."""
    to_root = "../" * (page_url.count("/") + current.path.count("/"))
    return {e.lang: (to_root + e.path + page_url) or "./" for e in editions}


def missing_pages(main_docs: Path, edition_docs: Path) -> list[str]:
    """The pages of the main edition (relative paths) that the edition has not translated."""
    return sorted(uri for uri in _files(main_docs) if uri.endswith(PAGE_SUFFIX)
                  and not (edition_docs / uri).is_file())


def stray_pages(main_docs: Path, edition_docs: Path) -> list[str]:
    """The edition's pages that have no page of the same name in the main edition (a typo)."""
    return sorted(uri for uri in _files(edition_docs) if uri.endswith(PAGE_SUFFIX)
                  and not (main_docs / uri).is_file())


def overlay(main_docs: Path, edition_docs: Path, target: Path) -> None:
    """Make target hold every file of the main edition, the edition's own where it has one:
    symbolic links (copies where the system allows no links), redone only where they changed."""
    wanted = {uri: main_docs / uri for uri in _files(main_docs)}
    wanted.update({uri: edition_docs / uri for uri in _files(edition_docs)})
    for uri in _files(target, links=True):
        if uri not in wanted:
            (target / uri).unlink()
    for uri, source in wanted.items():
        link = target / uri
        source = source.resolve()
        if link.is_symlink() and Path(os.readlink(link)) == source:
            continue
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or link.exists():
            link.unlink()
        try:
            link.symlink_to(source)
        except OSError:
            shutil.copy2(source, link)


def author_file(path: Path) -> Path:
    """The file an author edits for a file of an overlay (itself for any other file)."""
    return path.resolve() if path.is_symlink() else path


# Helper functions


def _files(folder: Path, links: bool = False) -> list[str]:
    if not folder.is_dir():
        return []
    found = []
    for path in folder.rglob("*"):
        if path.is_file() or (links and path.is_symlink()):
            found.append(path.relative_to(folder).as_posix())
    return found
