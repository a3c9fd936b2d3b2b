"""`make lms`: the quizzes for a learning management system, per lesson and for the course.

Writes to dist/lms/ (docs/instructors/lms-moodle.md and lms-canvas.md say how to import):
  <course>.moodle.xml           Moodle XML, a question bank category per lesson (Moodle 4.4+)
  <course>.moodle-matching.xml  the same, ordering questions as matching (Moodle before 4.4)
  <course>.gift.txt             GIFT, the same bank as text
  <course>.canvas-qti.zip       a Canvas QTI 1.2 package, a quiz per lesson
  lessons/<lesson>.<format>     each of these for one lesson
Usage: python scripts/lms.py [--root .] [--out dist/lms]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

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
    args = parser.parse_args(argv)
    try:
        written = write_lms(args.root, args.out or args.root / "dist" / "lms")
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


class ExportErrors(Exception):
    def __init__(self, errors: list[CourseError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


def write_lms(root: Path, out: Path) -> list[Path]:
    """Every export of the course at root into out; raises CourseError or ExportErrors (all at once)."""
    with open(root / "mkdocs.yml", "rb") as handle:
        config = yaml_load(handle)
    course_title = str(((config.get("extra") or {}).get("course") or {}).get("title") or config.get("site_name"))
    lessons = lesson_quizzes(root, config.get("nav") or [], config.get("docs_dir") or "docs")
    errors = check_exportable(lessons)
    if errors:
        raise ExportErrors(errors)
    (out / "lessons").mkdir(parents=True, exist_ok=True)
    written = []
    for name, group in [(file_slug(course_title), lessons)] + [(f"lessons/{lesson.slug}", [lesson]) for lesson in lessons]:
        for suffix, content in ((".moodle.xml", moodle_xml(group, course_title)),
                                (".moodle-matching.xml", moodle_xml(group, course_title, ordering_as="matching")),
                                (".gift.txt", gift(group, course_title)),
                                (".canvas-qti.zip", qti_package(group, course_title))):
            path = out / f"{name}{suffix}"
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    sys.exit(main())
