"""The nav is the syllabus: every hook that needs the course's pages in order asks here."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def nav_paths(nav: Any) -> Iterator[str]:
    """Every page path in an mkdocs.yml nav, in order, however the sections are nested."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_paths(item)
