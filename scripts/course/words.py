"""The site's own words in the language of the pages being built: "Lesson 3", "Check", "Key terms
in this lesson". They live in data/messages/<lang>.yml (course/catalogue.py merges a translation
with the main language's words), never in Python: a fork renames a label, or translates the
whole interface, by editing that file.

    words = Words(catalogue, "data/messages/en.yml")
    words("lesson", n=3)          -> "Lesson 3"      (the text at key `lesson`, {n} filled in)
    words("quiz.check")           -> "Check"         (a dotted key: `quiz:` then `check:`)
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import CourseError


@dataclass(frozen=True)
class Words:
    catalogue: Mapping[str, Any] = field(default_factory=dict)
    source: str = "data/messages/en.yml"

    def __call__(self, key: str, **values: object) -> str:
        text: Any = self.catalogue
        for part in key.split("."):
            text = text.get(part) if isinstance(text, Mapping) else None
        if not isinstance(text, str):
            raise CourseError(self.source, None, f"has no text for '{key}'. Add it (the course template's "
                              f"{self.source} has every key the pages use).")
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError):
            names = ", ".join("{" + name + "}" for name in values) or "none"
            raise CourseError(self.source, None, f"the text of '{key}' (\"{text}\") has a {{name}} this label "
                              f"does not give. Use only these: {names}.") from None
