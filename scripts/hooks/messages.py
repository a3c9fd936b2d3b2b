"""MkDocs' own warnings (broken links and anchors, missing images, nav entries) in the author's
terms: project-relative path, the line of the link, what to do (course/messages.py).

A logging filter on the MkDocs loggers that write them rewrites each record before any
handler prints or counts it; `--strict` still fails the build on them, as before.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from course.messages import Project, in_author_terms, nav_problems
from course.nav import nav_paths
from course.sources import display_path

DATA_FOLDER = "data"
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.structure.files", "mkdocs.commands.build")
log = logging.getLogger("mkdocs.plugins.course.messages")

# Hooks


# First of the hooks in mkdocs.yml: the filter is in place before any warning, and the nav is
# checked before the course is built from it.
def on_config(config: MkDocsConfig) -> None:
    project = _project(config)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        # One filter per logger for the whole process: `mkdocs serve` loads this file again for each
        # build, so an earlier build's filter is of an earlier AuthorTerms class, found by its name.
        for old in [f for f in logger.filters if type(f).__name__ == AuthorTerms.__name__]:
            logger.removeFilter(old)
        logger.addFilter(AuthorTerms(project))
    # Before the hooks that read the nav's lessons (syllabus, quizzes): they would blame the
    # lesson file or the quiz, not the nav line that names it.
    problems = nav_problems(project, list(nav_paths(config.nav or [])), only_case=True)
    for problem in problems[:-1]:
        log.error(problem)
    if problems:
        raise PluginError(problems[-1])


# Helper functions


class AuthorTerms(logging.Filter):
    """Rewrites a warning in place; a warning about several pages becomes one record per page,
    and MkDocs' bare "Error reading page 'x':" before a hook's own error is dropped."""

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.said: set[str] = set()  # MkDocs reports some broken links twice: said once

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.INFO:
            return True
        lines = [line for line in in_author_terms(record.getMessage(), self.project) if line not in self.said]
        if not lines:
            return False
        self.said.add(lines[0])  # the others pass through here again as they are logged below
        record.msg, record.args = lines[0], ()
        for line in lines[1:]:
            logging.getLogger(record.name).log(record.levelno, line)
        return True


def _project(config: MkDocsConfig) -> Project:
    root = Path(config.config_file_path).parent.resolve()
    docs = Path(config.docs_dir)
    own = config.extra.get("pages_folder")  # another language's own pages (docs-ru), set by the languages hook
    return Project(own or display_path(docs, root), display_path(Path(config.config_file_path), root),
                   lambda path: _read(root / path),
                   tuple(sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())),
                   tuple(sorted(display_path(p, root) for p in (root / DATA_FOLDER).rglob("*.yml"))),
                   page_file=lambda page: display_path(docs / page, root))


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
