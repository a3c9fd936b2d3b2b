"""Reading a data file's fields while keeping every mistake for one CourseErrors (course/errors.py)."""
from __future__ import annotations

from typing import Any

from .errors import CourseError, CourseErrors
from .sources import line_of


class FieldReader:
    """Reads the fields of one YAML data file, keeping every mistake for one CourseErrors."""

    def __init__(self, display: str, data: Any) -> None:
        self.display, self.data = display, data
        self.errors: list[CourseError] = []

    def error(self, node: Any, message: str) -> None:
        self.errors.append(CourseError(self.display, line_of(node, line_of(self.data)), message))

    def text(self, node: Any, key: str, required: bool = True) -> str:
        """A text field with its spaces and line breaks folded; "" (and an error) if it is missing."""
        value = node.get(key) if isinstance(node, dict) else None
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.error(node, f"'{key}' is missing or empty. Write it as text.")
            return ""
        return " ".join(value.split())

    def raise_errors(self) -> None:
        if self.errors:
            raise CourseErrors(self.errors)


__all__ = ["CourseErrors", "FieldReader"]
