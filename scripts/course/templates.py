"""The words of the generated pages: Markdown templates an instructor edits (data/pages/*.md).

Each generated page (timeline, organisations, comparison, glossary, review quiz, answer key)
has its introduction, headings and captions in a template; the code fills in what it
computes (counts, years, tables, lists). Templates are Jinja: `{{ name }}` puts a value in,
`{% if ... %}` chooses. Jinja's comments are written `{## ... ##}`, so that Markdown's own
`{#anchor}` stays Markdown. A mistake in a template is one line naming its file and line.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from .errors import CourseError
from .sources import display_path, read_text

PAGES_FOLDER = "data/pages"


class Templates:
    """The templates of one course, each read once (when first used) and compiled once."""

    def __init__(self, root: Path, folder: str = PAGES_FOLDER) -> None:
        self.root, self.folder = root, root / folder
        self.environment = jinja2.Environment(
            undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False,
            comment_start_string="{##", comment_end_string="##}")
        self.compiled: dict[str, jinja2.Template] = {}

    def render(self, name: str, **context: Any) -> str:
        path = self._path(name)
        shown = display_path(path, self.root)
        try:
            if name not in self.compiled:
                self.compiled[name] = self.environment.from_string(read_text(path, shown))
            return self.compiled[name].render(**context)
        except jinja2.TemplateSyntaxError as error:
            raise CourseError(shown, error.lineno, f"template error: {error.message}. Check the {{{{ }}}} and "
                              "{% %} pairs.") from None
        except jinja2.UndefinedError as error:
            names = ", ".join(sorted(context))
            raise CourseError(shown, None, f"template error: {error.message}. The names this page offers: "
                              f"{names}.") from None

    def exists(self, name: str) -> bool:
        return self._path(name).is_file()

    def _path(self, name: str) -> Path:
        """data/pages/<lang>/<name> in another language's build when it is translated, else data/pages/<name>."""
        from .translations import language_suffix

        translated = self.folder / language_suffix().lstrip(".") / name
        return translated if language_suffix() and translated.is_file() else self.folder / name
