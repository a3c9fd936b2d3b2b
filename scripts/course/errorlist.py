"""Several author mistakes reported together, one `file:line: what. What to do.` per line."""
from __future__ import annotations

from typing import Any

from .errors import CourseError
from .sources import line_of


class CourseErrors(CourseError):
    """All the mistakes found in one data file, so the author fixes them in one go."""

    def __init__(self, errors: list[CourseError]) -> None:
        self.errors = errors
        super().__init__(errors[0].path, errors[0].line, errors[0].message)

    def __str__(self) -> str:
        return "\n".join(CourseError.__str__(error) for error in self.errors)


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
