"""`make worksheets`: printable quizzes in two versions (A, B), each with its key, as PDF.

Writes to dist/worksheets/:
  lessons/<lesson>-A.pdf, <lesson>-B.pdf          one lesson's quiz, two shuffles
  lessons/<lesson>-A-key.pdf, <lesson>-B-key.pdf  the letters to circle, per version
  review-A.pdf, review-B.pdf, review-A-key.pdf, review-B-key.pdf   every lesson's questions
and the same for each other language of the course (extra.alternate) in dist/worksheets/<lang>/.
The shuffle is seeded (by default with the course's title), so a reprint gives the same
sheets; `--seed` makes new ones. Printed by headless Chromium, with no request to any host.
Usage: python scripts/worksheets.py [--root .] [--out dist/worksheets] [--seed TEXT] [--lang ru]
"""
from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path
from typing import Any

from course.edition import edition_course, languages
from course.errors import CourseError
from course.lms import LessonQuiz, lesson_quizzes
from course.worksheets import check_printable, make_versions, render_key, render_sheet
from lms import course_title, read_config
from localsite import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
MARGIN = {"top": "14mm", "bottom": "16mm", "left": "16mm", "right": "16mm"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the course (default: this one)")
    parser.add_argument("--out", type=Path, help="where to write (default: <root>/dist/worksheets)")
    parser.add_argument("--seed", help="any text: the same text gives the same shuffles (default: the course title)")
    parser.add_argument("--lang", help="only this language (default: every language of the course)")
    args = parser.parse_args(argv)
    try:
        out = args.out or args.root / "dist" / "worksheets"
        known = languages(read_config(args.root))
        written = []
        for language in [args.lang] if args.lang else known:
            written += write_worksheets(args.root, out if language == known[0] else out / language, args.seed,
                                        language=language)
    except CourseError as error:
        print(f"make worksheets: {error}", file=sys.stderr)
        return 1
    for path in written:
        shown = path.relative_to(args.root) if path.is_relative_to(args.root) else path
        print(f"{shown}: {path.stat().st_size / 1000:.0f} kB")
    return 0


def worksheet_documents(root: Path, seed: str | None = None, language: str | None = None) -> dict[str, str]:
    """Every sheet and key as HTML, by file name without .pdf (the PDFs' content, testable without a browser)."""
    config = read_config(root, language)
    title = course_title(config)
    course = edition_course(root / "mkdocs.yml", config, language)
    words = {key: course.words(f"worksheet.{key}") for key in course.words.catalogue.get("worksheet", {})}
    lessons = lesson_quizzes(course)
    errors = check_printable([lesson.quiz for lesson in lessons])
    if errors:
        raise CourseError(errors[0].path, errors[0].line, errors[0].message + (
            "" if len(errors) == 1 else f" ({len(errors) - 1} more: " + "; ".join(map(str, errors[1:])) + ")"))
    seed = seed or course_title(read_config(root))  # the main language's title: version A is one sheet in every language
    documents: dict[str, str] = {}
    sets: list[tuple[str, str, list[tuple[str, LessonQuiz]]]] = [
        (f"lessons/{lesson.slug}", lesson.category, [("", lesson)]) for lesson in lessons]
    sets.append(("review", words["review"], [(lesson.category, lesson) for lesson in lessons]))
    for name, subtitle, parts in sets:
        for version in make_versions([(heading, lesson.quiz) for heading, lesson in parts], f"{seed}/{name}"):
            documents[f"{name}-{version.name}"] = render_sheet(version, title, subtitle, words)
            documents[f"{name}-{version.name}-key"] = render_key(version, title, subtitle, words)
    return documents


def write_worksheets(root: Path, out: Path, seed: str | None = None, browser: Any = None,
                     language: str | None = None) -> list[Path]:
    """Every sheet and key as PDF in out; browser: a Playwright Chromium to print with (default: start one)."""
    documents = worksheet_documents(root, seed, language)
    (out / "lessons").mkdir(parents=True, exist_ok=True)
    if browser is not None:
        return _print(browser, documents, out)
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"make worksheets needs Chromium at {CHROMIUM}: run `make system-deps`.")
    with sync_playwright() as playwright:
        started = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            return _print(started, documents, out)
        finally:
            started.close()


def _print(browser: Any, documents: dict[str, str], out: Path) -> list[Path]:
    context = browser.new_context()
    context.route("**/*", lambda route: route.abort())  # the sheets are self-contained
    page = context.new_page()
    written = []
    try:
        for name, document in documents.items():
            page.set_content(document, wait_until="load")
            target = out / f"{name}.pdf"
            page.pdf(path=str(target), format="A4", margin=MARGIN, tagged=True, display_header_footer=True,
                     header_template="<span></span>", footer_template=_footer(page.title()))
            written.append(target)
    finally:
        context.close()
    return written


def _footer(title: str) -> str:
    return ('<div style="font-size:8pt;width:100%;margin:0 16mm;display:flex;justify-content:space-between;'
            f'font-family:sans-serif"><span>{html.escape(title)}</span>'
            '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


if __name__ == "__main__":
    sys.exit(main())
