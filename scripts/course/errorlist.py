"""Several author mistakes reported together, one `file:line: what. What to do.` per line."""
from __future__ import annotations

from .errors import CourseError


class CourseErrors(CourseError):
    """All the mistakes found in one data file, so the author fixes them in one go."""

    def __init__(self, errors: list[CourseError]) -> None:
        self.errors = errors
        super().__init__(errors[0].path, errors[0].line, errors[0].message)

    def __str__(self) -> str:
        return "\n".join(CourseError.__str__(error) for error in self.errors)
