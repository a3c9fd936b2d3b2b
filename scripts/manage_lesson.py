"""`make drop-lesson LESSON=06-comparing-regions` and `make rename-lesson LESSON=06-x TO=04-y`.

Both act on every language's pages (docs/, and docs-ru/ and the like: each mkdocs.<lang>.yml's docs_dir).

drop:   takes the lesson out of the nav and deletes its file (in every language), its quiz file and its figures;
        deletes the timeline events that belong to it and the glossary's `introduced:` lines
        that name it; then lists every other place that still names it (a link, a marker
        [[06-x]] in another page), to edit by hand. Lesson numbers need no edit: they follow the nav.
        Then renumbers, as `renumber` does.
renumber: in every language whose lessons are named with a number typed in a link
        ("[на занятии 7](07-x.md)", data/messages/<lang>.yml `lesson_words`), sets each such
        number to the lesson's place in the nav: after lessons are dropped or reordered.
rename: gives the lesson a new file name (a new number, a new name, or both) and rewrites every
        reference: nav, quiz file, figures, links, [[markers]], timeline `lesson:`, glossary
        `introduced:`. The lesson keeps its place in the nav; move the nav line to reorder it.

Usage: python scripts/manage_lesson.py drop 06-comparing-regions [--root .]
       python scripts/manage_lesson.py renumber [--root .]
       python scripts/manage_lesson.py rename 06-comparing-regions 04-comparing-regions [--root .]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from course.lesson_refs import lesson_numbers, references_to, renumber
from course.lessons import is_lesson
from course.nav import nav_paths

ROOT = Path(__file__).resolve().parents[1]
SLUG = re.compile(r"\d+-[a-z0-9-]+")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("drop", "rename", "renumber"))
    parser.add_argument("lesson", nargs="?", default="", help="the lesson's file name without .md, e.g. 06-comparing-regions")
    parser.add_argument("to", nargs="?", default="", help="rename: the new file name without .md")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    try:
        if args.action == "drop":
            done, left = drop(args.root, _slug(args.lesson, "LESSON", args.action))
            done += renumber_pages(args.root)
        elif args.action == "renumber":
            done, left = renumber_pages(args.root), []
        else:
            done, left = rename(args.root, _slug(args.lesson, "LESSON", args.action), _slug(args.to, "TO", args.action))
    except ValueError as error:
        print(f"make {args.action}-lesson: {error}", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    if left:
        print(f"\nStill names the lesson ({len(left)}); edit these by hand:")
        for reference in left:
            print(f"  {reference}")
    print("\nNext: `make build` lists anything else to fix (for example a glossary term no lesson uses now).")
    return 0


def drop(root: Path, slug: str) -> tuple[list[str], list[object]]:
    """Remove the lesson and what belongs only to it; return what was done and what still names it."""
    lesson = root / "docs" / "lessons" / f"{slug}.md"
    config = root / "mkdocs.yml"
    nav = config.read_text(encoding="utf-8")
    entry = _nav_entry(slug)
    if not lesson.exists() and not entry.search(nav):
        raise ValueError(f"there is no lesson {slug}: no docs/lessons/{slug}.md and no nav entry. "
                         "Give the file name without .md, as in the nav (e.g. 06-comparing-regions).")
    done = []
    if entry.search(nav):
        config.write_text(entry.sub("", nav, count=1), encoding="utf-8")
        done.append(f"mkdocs.yml: removed lessons/{slug}.md from the nav")
    others = other_page_folders(root)
    for path in [lesson, *(folder / "lessons" / f"{slug}.md" for folder in others),
                 root / "data" / "quizzes" / f"{slug}.yml", *sorted((root / "docs" / "assets" / "figures").glob(f"{slug}-*"))]:
        if path.exists():
            path.unlink()
            done.append(f"{path.relative_to(root).as_posix()}: deleted")
    timeline = root / "data" / "timeline.yml"
    if timeline.exists():
        text, titles = _drop_events(timeline.read_text(encoding="utf-8"), slug)
        if titles:
            timeline.write_text(text, encoding="utf-8")
            done.append(f"data/timeline.yml: deleted {len(titles)} event(s) of the lesson: " + "; ".join(titles))
    for page in [page for folder in (root / "docs", *others) for page in sorted(folder.rglob("*.md"))]:
        text, headings = _drop_sections(page.read_text(encoding="utf-8"), slug)
        if headings:
            page.write_text(text, encoding="utf-8")
            done.append(f"{page.relative_to(root).as_posix()}: deleted the section(s) about the lesson: "
                        + "; ".join(headings))
    glossary = root / "data" / "glossary.yml"
    if glossary.exists():
        text, count = re.subn(rf"^[ \t]+introduced:[ \t]*['\"]?{re.escape(slug)}['\"]?[ \t]*\n", "",
                              glossary.read_text(encoding="utf-8"), flags=re.MULTILINE)
        if count:
            glossary.write_text(text, encoding="utf-8")
            done.append(f"data/glossary.yml: removed `introduced: {slug}` from {count} term(s)")
    return done, references_to(slug, root, root / "docs", others)


def rename(root: Path, old: str, new: str) -> tuple[list[str], list[object]]:
    """Give the lesson a new file name and rewrite every reference to the old one."""
    lesson = root / "docs" / "lessons" / f"{old}.md"
    if not lesson.exists():
        raise ValueError(f"there is no docs/lessons/{old}.md. Give the file name without .md, as in the nav.")
    if (root / "docs" / "lessons" / f"{new}.md").exists():
        raise ValueError(f"docs/lessons/{new}.md already exists. Choose another name.")
    done, others = [], other_page_folders(root)
    moves = [(lesson, lesson.with_name(f"{new}.md")),
             *((folder / "lessons" / f"{old}.md", folder / "lessons" / f"{new}.md") for folder in others),
             (root / "data" / "quizzes" / f"{old}.yml", root / "data" / "quizzes" / f"{new}.yml")]
    moves += [(path, path.with_name(new + path.name[len(old):]))
              for path in sorted((root / "docs" / "assets" / "figures").glob(f"{old}-*"))]
    for source, target in moves:
        if source.exists():
            source.rename(target)
            done.append(f"{source.relative_to(root).as_posix()} -> {target.relative_to(root).as_posix()}")
    name = re.compile(rf"(?<![\w-]){re.escape(old)}(?=\.md\b|\]\]|-[\w-]*\.svg\b|['\"]?[ \t]*$)", re.MULTILINE)
    files = [root / "mkdocs.yml", *(page for folder in (root / "docs", *others) for page in sorted(folder.rglob("*.md"))),
             *sorted((root / "data").rglob("*.y*ml"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        changed, count = name.subn(new, text)
        if count:
            path.write_text(changed, encoding="utf-8")
            done.append(f"{path.relative_to(root).as_posix()}: {count} reference(s) rewritten")
    return done, references_to(old, root, root / "docs", others)


# Helper functions


def renumber_pages(root: Path) -> list[str]:
    """Each language's typed lesson numbers in links set to the nav's (course/lesson_refs.py renumber)."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    numbers = lesson_numbers([uri for uri in nav_paths(config.get("nav") or []) if is_lesson(uri)])
    done = []
    for folder, language in [(root / "docs", "en"), *language_folders(root)]:
        messages = root / "data" / "messages" / f"{language}.yml"
        words = (yaml.safe_load(messages.read_text(encoding="utf-8")) or {}).get("lesson_words") if messages.is_file() else []
        for page in sorted(folder.rglob("*.md")) if words else []:
            text, count = renumber(page.read_text(encoding="utf-8"), numbers, words)
            if count:
                page.write_text(text, encoding="utf-8")
                done.append(f"{page.relative_to(root).as_posix()}: {count} lesson number(s) set to the nav's")
    return done


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !!python/name) read as null: only the nav is needed here."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def language_folders(root: Path) -> list[tuple[Path, str]]:
    """(pages folder, language) of each other language: mkdocs.<lang>.yml's docs_dir."""
    found = []
    for config in sorted(root.glob("mkdocs.*.yml")):
        docs = re.search(r"^docs_dir:[ \t]*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.MULTILINE)
        if docs and (root / docs.group(1)).is_dir() and all(root / docs.group(1) != f for f, _ in found):
            found.append((root / docs.group(1), config.name.split(".")[1]))
    return found


def other_page_folders(root: Path) -> list[Path]:
    """The pages of the course's other languages: the docs_dir of each mkdocs.<lang>.yml."""
    return [folder for folder, _ in language_folders(root)]


def _slug(value: str, variable: str, action: str) -> str:
    value = value.strip().removesuffix(".md").removeprefix("lessons/")
    if not SLUG.fullmatch(value):
        example = "LESSON=06-comparing-regions" + (" TO=04-comparing-regions" if action == "rename" else "")
        raise ValueError(f"{variable} must be a lesson's file name without .md, e.g. make {action}-lesson {example}")
    return value


def _nav_entry(slug: str) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]+- (?:[^:\n]+: )?lessons/{re.escape(slug)}\.md[ \t]*\n", re.MULTILINE)


def _drop_sections(text: str, slug: str) -> tuple[str, list[str]]:
    """The page without the sections whose heading names the lesson (`## [[06-x]]: ...`, or a link
    to it), each up to the next heading of the same or a higher level; and those headings."""
    names = re.compile(rf"\[\[{re.escape(slug)}\]\]|\]\([^()\s]*{re.escape(slug)}\.md[#)]")
    lines = text.splitlines(keepends=True)
    keep, headings, cutting, fence = [], [], 0, False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        heading = None if fence else re.match(r"^(#{2,6}) ", line)
        if heading and cutting and len(heading.group(1)) <= cutting:
            cutting = 0
        if heading and not cutting and names.search(line):
            cutting = len(heading.group(1))
            headings.append(line.strip().lstrip("#").strip())
        if not cutting:
            keep.append(line)
    return "".join(keep), headings


def _drop_events(text: str, slug: str) -> tuple[str, list[str]]:
    """The timeline without the events whose `lesson:` is slug, and those events' titles."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if re.match(r"^  - ", line)]
    keep, titles = list(lines), []
    for index, start in reversed(list(enumerate(starts))):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        # An item ends where a line comes back to the top level (a new key such as `periods:`).
        end = next((i for i in range(start + 1, end) if re.match(r"^\S", lines[i])), end)
        block = "".join(lines[start:end])
        if re.search(rf"^[ \t-]+lesson:[ \t]*['\"]?{re.escape(slug)}['\"]?[ \t]*$", block, re.MULTILINE):
            title = re.search(r"^[ \t-]+title:[ \t]*(.+)$", block, re.MULTILINE)
            titles.append(title.group(1).strip() if title else f"line {start + 1}")
            del keep[start:end]
    return "".join(keep), list(reversed(titles))


if __name__ == "__main__":
    sys.exit(main())
