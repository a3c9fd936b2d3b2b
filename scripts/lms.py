"""`make lms`: the quizzes for a learning management system, per lesson and for the course.

Writes to dist/lms/ (docs/instructors/lms-moodle.md and lms-canvas.md say how to import):
  <course>.moodle.xml           Moodle XML, a question bank category per lesson (Moodle 4.4+)
  <course>.moodle-matching.xml  the same, ordering questions as matching (Moodle before 4.4)
  <course>.gift.txt             GIFT, the same bank as text
  <course>.canvas-qti.zip       a Canvas QTI 1.2 package, a quiz per lesson
  lessons/<lesson>.<format>     each of these for one lesson
and the same for each other language of the course (extra.alternate) in dist/lms/<lang>/.
Usage: python scripts/lms.py [--root .] [--out dist/lms] [--lang ru]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from course.edition import edition_course, languages
from course.errors import CourseError
from course.lms import check_exportable, file_slug, lesson_quizzes
from course.lms.canvas import qti_package
from course.lms.gift import gift
from course.lms.moodle import moodle_xml

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the course (default: this one)")
    parser.add_argument("--out", type=Path, help="where to write (default: <root>/dist/lms)")
    parser.add_argument("--lang", help="only this language (default: every language of the course)")
    args = parser.parse_args(argv)
    try:
        written = write_lms(args.root, args.out or args.root / "dist" / "lms", args.lang)
    except CourseError as error:
        print(f"make lms: {error}", file=sys.stderr)
        return 1
    except ExportErrors as errors:
        for error in errors.errors:
            print(f"make lms: {error}", file=sys.stderr)
        return 1
    for path in written:
        shown = path.relative_to(args.root) if path.is_relative_to(args.root) else path
        print(f"{shown}: {path.stat().st_size / 1000:.1f} kB")
    return 0


def read_config(root: Path, language: str | None = None) -> dict:
    """mkdocs.yml as MkDocs reads it; for another language, mkdocs.<lang>.yml's site_name and
    extra.course over it (the edition's title)."""
    with open(root / "mkdocs.yml", "rb") as handle:
        config = yaml_load(handle)
    edition = root / f"mkdocs.{language}.yml"
    if language and edition.is_file():
        with open(edition, "rb") as handle:
            own = yaml_load(handle) or {}
        config["site_name"] = own.get("site_name") or config.get("site_name")
        course = {**((config.get("extra") or {}).get("course") or {}), **((own.get("extra") or {}).get("course") or {})}
        config.setdefault("extra", {})["course"] = course
    return config


def course_title(config: dict) -> str:
    return str(((config.get("extra") or {}).get("course") or {}).get("title") or config.get("site_name"))


class ExportErrors(Exception):
    def __init__(self, errors: list[CourseError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def write_lms(root: Path, out: Path, only: str | None = None) -> list[Path]:
    """Every export of the course at root into out (another language: into out/<lang>/); raises
    CourseError(s) or ExportErrors (all at once)."""
    known = languages(read_config(root))
    written = []
    for language in [only] if only else known:
        written += _write_language(root, out if language == known[0] else out / language, language)
    return written


def _write_language(root: Path, out: Path, language: str) -> list[Path]:
    config = read_config(root, language)
    title = course_title(config)
    lessons = lesson_quizzes(edition_course(root / "mkdocs.yml", config, language))
    errors = check_exportable(lessons)
    if errors:
        raise ExportErrors(errors)
    (out / "lessons").mkdir(parents=True, exist_ok=True)
    written = []
    for name, group in [(file_slug(title), lessons)] + [(f"lessons/{lesson.slug}", [lesson]) for lesson in lessons]:
        for suffix, content in ((".moodle.xml", moodle_xml(group, title)),
                                (".moodle-matching.xml", moodle_xml(group, title, ordering_as="matching")),
                                (".gift.txt", gift(group, title)),
                                (".canvas-qti.zip", qti_package(group, title))):
            path = out / f"{name}{suffix}"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    sys.exit(main())
