"""One error type for everything an author can get wrong."""
from __future__ import annotations


class CourseError(Exception):
    """A mistake in the course's content, reported as one line an instructor can act on.

    str(error) reads "data/glossary.yml:42: term 'EAEU' is defined twice (first at line 17).
    Keep one and merge the aliases." The hooks turn it into a PluginError, which MkDocs
    prints without a traceback.
    """

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
