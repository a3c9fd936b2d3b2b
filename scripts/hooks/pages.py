"""Hand-written pages: every Markdown file under docs/ must be UTF-8, its front matter closed
and valid, and every comment that looks like a course marker a real one, before MkDocs reads it.

MkDocs itself meets a page saved in another encoding with a Python traceback, and prints
front matter it cannot read as text at the top of the page; this hook checks every page
first (on_files, before any page is read) and stops the build with one line per page: the
file, the line, and what to do.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from course.errors import CourseError
from course.markers import MATERIAL_ADMONITIONS, misspelt_markers
from course.sources import check_front_matter, display_path, read_text

log = logging.getLogger("mkdocs.plugins.course.pages")

# Hooks


# Before every other hook's on_files, some of which read the lessons' text.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    errors = []
    admonitions = MATERIAL_ADMONITIONS | _classes_styled(config)
    for file in files.documentation_pages():
        if file.generated_by or not file.abs_src_path:
            continue
        shown = display_path(Path(file.abs_src_path), root)
        try:
            text = read_text(Path(file.abs_src_path), shown)
            check_front_matter(text, shown)
        except CourseError as error:
            errors.append(str(error))
            continue
        errors += [str(error) for error in misspelt_markers(text, shown, admonitions)]
    for error in errors[:-1]:
        log.error(error)
    if errors:
        raise PluginError(errors[-1])
    return files


# Helper functions


def _classes_styled(config: MkDocsConfig) -> frozenset[str]:
    """Every class the stylesheets in docs/ name: the course's own admonition types are among them
    (read from the files: by now the assets hook has put its bundle in extra_css)."""
    names: set[str] = set()
    for path in sorted(Path(config.docs_dir).rglob("*.css")):
        names.update(re.findall(r"\.([a-z][\w-]*)", path.read_text(encoding="utf-8-sig", errors="replace")))
    return frozenset(names)
