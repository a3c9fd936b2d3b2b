"""Which glossary terms each lesson links, kept between builds.

Linking a lesson's first uses is the glossary's main cost; a lesson whose text (and the
glossary) has not changed since the last build is linked as then. The record of all lessons
is one cache file, read once per build and written once after it, only when it changed.
What this build linked is also what the glossary page lists under "used in".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markdown import __version__ as markdown_version

from . import glossary as glossary_module
from . import glossary_text
from . import markup
from .cache import digest_of, read, source_of, write
from .glossary import Glossary, Term, link_first_uses

CACHE_NAME = "glossary-links"


@dataclass
class LinkRecord:
    glossary: Glossary
    digest: str  # of what every lesson's links depend on besides its own text
    cache_dir: Path | None
    # src_uri -> (digest of the lesson's Markdown and URL, linked Markdown, names of the terms used)
    last_build: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)
    this_build: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)
    used: dict[str, list[Term]] = field(default_factory=dict)  # src_uri -> terms linked, as lessons render

    @classmethod
    def load(cls, glossary: Glossary, glossary_file: Path, cache_dir: Path | None) -> "LinkRecord":
        # The terms come from the data file, the matching and the tooltips' text from our
        # code and Markdown: any change to them and no link is reused.
        digest = digest_of([glossary_file.read_bytes(), source_of(glossary_module.__file__), source_of(glossary_text.__file__),
                            source_of(markup.__file__), markdown_version])
        kept = read(cache_dir, CACHE_NAME, digest) if cache_dir else None
        return cls(glossary, digest, cache_dir, kept or {})

    def link(self, src_uri: str, markdown: str, glossary_url: str, titles: bool = True) -> tuple[str, list[Term]]:
        """The lesson's Markdown with each term's first use linked, and the terms it uses
        (titles: see link_first_uses)."""
        digest = digest_of([markdown, glossary_url, str(titles)])
        kept = self.last_build.get(src_uri)
        if kept is not None and kept[0] == digest:
            markdown, names = kept[1], kept[2]
        else:
            markdown, terms = link_first_uses(markdown, self.glossary, glossary_url, titles)
            names = [term.name for term in terms]
        self.this_build[src_uri] = (digest, markdown, names)
        self.used[src_uri] = [self.glossary[name] for name in names]
        return markdown, self.used[src_uri]

    def save(self) -> None:
        if self.cache_dir is not None and self.this_build != self.last_build:  # one file for all lessons
            write(self.cache_dir, CACHE_NAME, self.digest, self.this_build)
