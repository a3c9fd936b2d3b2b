"""`make export`: the course as plain Markdown in dist/export/, which plain MkDocs + Material
(or another engine that reads mkdocs.yml) builds with no hooks: same pages, same text.

    .venv/bin/python scripts/export.py [--config mkdocs.yml] [--out dist/export]

It builds the course once with its hooks, in this process, and keeps what they made: each
page's Markdown after every feature (course/export.py says what goes into the export).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

from course.export import page_source, write_export
from hooks.quizzes import fill_placeholders

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = "assets/course."  # our minified bundles: the export lists the readable files instead


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "export")
    args = parser.parse_args(argv)
    export(args.config.resolve(), args.out.resolve())
    print(f"The course as plain Markdown: {args.out} (build it with `mkdocs build -f {args.out / args.config.name}`)")
    return 0


def export(config_file: Path, dest: Path) -> None:
    """Build the course with its hooks into a scratch folder and write what they made into dest."""
    pages: dict[str, str] = {}
    assets: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="course-export-") as scratch:
        config = load_config(str(config_file), site_dir=scratch, strict=False)
        course = _entry_course(config)
        events = config.plugins.events

        def keep_markdown(markdown: str, page: Any, **_: Any) -> str:  # after every hook's own
            pages[page.file.src_uri] = page_source(markdown, page.meta)
            return markdown

        def keep_quizzes(html: str, page: Any, files: Any, **_: Any) -> str:  # quizzes go in after Markdown
            src = page.file.src_uri
            pages[src] = fill_placeholders(pages[src], page, files, course(), as_block=True)
            return html

        def keep_generated(files: Any, **_: Any) -> Any:  # maps and the like: made in on_files
            for file in files:
                if file.generated_by and not file.is_documentation_page() and not file.src_uri.startswith(BUNDLE):
                    assets[file.src_uri] = file.content_bytes
            return files

        events["page_markdown"].append(keep_markdown)
        events["page_content"].append(keep_quizzes)
        events["files"].append(keep_generated)
        build(config)
    project = config_file.parent
    write_export(project, dest, Path(config.docs_dir).relative_to(project).as_posix(), config_file.name, pages, assets,
                 config.nav, {"messages": config.extra["messages"]} if "messages" in config.extra else None)


def _entry_course(config: Any) -> Any:
    """The course the entry hook built for this build (it keeps it for the build's events)."""
    entry = next(module for path, module in config.hooks.items() if Path(path).stem == "entry")
    return lambda: entry.build.course


if __name__ == "__main__":
    sys.exit(main())
