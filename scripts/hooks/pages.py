"""Hand-written pages: every Markdown file under docs/ must be UTF-8 before MkDocs reads it.

MkDocs itself meets a page saved in another encoding with a Python traceback; this hook
checks every page first (on_files, before any page is read) and stops the build with one
line: the file, the line of the first bad byte, and what to do.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from course.errors import CourseError
from course.sources import display_path, read_text

# Hooks


# Before every other hook's on_files, some of which read the lessons' text.
@event_priority(100)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    for file in files.documentation_pages():
        if file.generated_by or not file.abs_src_path:
            continue
        try:
            read_text(Path(file.abs_src_path), display_path(Path(file.abs_src_path), root))
        except CourseError as error:
            raise PluginError(str(error)) from None
    return files


# Helper functions
