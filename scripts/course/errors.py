"""One error type for everything an author can get wrong."""
from __future__ import annotations


class CourseError(Exception):
    """A mistake in the course's content, reported as one line an instructor can act on.

    str(error) reads "data/glossary.yml:42: term 'customs union' is defined twice (first at line 17).
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


class CourseErrors(CourseError):
    """Every mistake found at once (in one data file, or in the whole build), one line each."""

    def __init__(self, errors: list[CourseError], warnings: tuple[str, ...] = ()) -> None:
        self.warnings = warnings  # what the build would also have warned about (course/lesson_refs.py)
        flat = [each for error in errors for each in (getattr(error, "errors", None) or [error])]
        unique = {CourseError.__str__(error): error for error in reversed(flat)}  # the same mistake: said once
        self.errors = [unique[key] for key in dict.fromkeys(CourseError.__str__(error) for error in flat)]
        super().__init__(self.errors[0].path, self.errors[0].line, self.errors[0].message)

    def __str__(self) -> str:
        return "\n".join(CourseError.__str__(error) for error in self.errors)


class Collector:
    """Gathers CourseErrors instead of stopping at the first: `with errors.check(): ...` per
    independent piece, then `errors.raise_any()` once everything that can be checked was."""

    def __init__(self) -> None:
        self.errors: list[CourseError] = []

    def check(self) -> "_Catch":
        return _Catch(self)

    def raise_any(self) -> None:
        if self.errors:
            raise CourseErrors(self.errors)


class _Catch:
    def __init__(self, collector: Collector) -> None:
        self.collector = collector

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, error: BaseException | None, traceback: object) -> bool:
        if isinstance(error, CourseError):  # CourseErrors, a group of mistakes: each one
            self.collector.errors.extend(getattr(error, "errors", None) or [error])
            return True
        return False
