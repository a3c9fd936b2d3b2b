"""`make lesson TITLE="Water and energy"`: scaffold a lesson in the course's lesson form.

Writes docs/lessons/NN-slug.md (every required section, with notes on what goes where) and
data/quizzes/NN-slug.yml (one sample question to replace), and adds the lesson to the end of
the Lessons section of the nav in mkdocs.yml. Every note to replace starts with FIXME, and the
strict build names each one left (scripts/hooks/placeholders.py), so none reaches students.
A title in Cyrillic gets a Latin file name; a lesson with the same title or name is refused.
Usage: python scripts/new_lesson.py "Water and energy" [--root .]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from course.placeholders import MARKER
from course.slugs import slugify

ROOT = Path(__file__).resolve().parents[1]
NAV_LESSON = re.compile(r"^(?P<indent>[ \t]+)- (?:[^:\n]+: )?lessons/\d+-[\w-]+\.md[ \t]*$", re.MULTILINE)

LESSON = """\
---
teaching: 50          # minutes of teaching (the syllabus adds these up)
exercises: 30         # minutes of activities
readings: [{reading}]   # 1-3 keys from data/references.bib: the required reading
---

# {title}

!!! objectives "Learning objectives"

    By the end of this lesson you will be able to:

    - {fixme} Explain ... (3-5 items, each starting with a verb).
    - {fixme} Compare ...
    - {fixme} Assess ...

!!! question "Opening question"

    {fixme} One question a student can think about before reading.

<!-- key-terms -->

## {fixme} First section

{fixme} Write 1,800-3,000 words of your own prose in sections with headings a reader can scan.
Cite where a fact is used, for example [@{reading}], and cite at least five works in all.

<!-- A figure: an SVG in docs/assets/figures/{slug}-<name>.svg, embedded as
![What the figure shows](../assets/figures/{slug}-<name>.svg)

/// caption
Figure 1. What the figure shows.
///
-->

!!! keypoints "Key points"

    - {fixme} Four to seven points a student should remember.

!!! discussion "Discussion questions"

    1. {fixme} Three to five open questions to argue about in class.

## Check your understanding

<!-- quiz -->

## Further reading

- {fixme} The chapter the course is built on [@{reading}]: one sentence on why to read it.
"""

QUIZ = """\
# Quiz for lessons/{slug}.md: at least 8 questions in the end. Kinds: single, multiple,
# true-false, ordering (see data/quizzes/03-hard-institutionalism.yml for each kind).
# Replace every FIXME text: the build names each one left.
shuffle: true
questions:
  - id: {slug}-sample
    kind: single
    objective: [1, 2, 3]   # the objectives (numbered from 1 in the lesson's box) it checks
    prompt: {prompt}
    options:
      - text: "{fixme} The right answer"
        correct: true
        feedback: "{fixme} Why this answer is right, in your own words."
      - text: "{fixme} A tempting wrong answer"
        feedback: "{fixme} Why this answer is wrong, in your own words."
      - text: "{fixme} Another wrong answer"
        feedback: "{fixme} Why this one is wrong too."
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("title", nargs="?", default="")
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    args = parser.parse_args(argv)
    try:
        lesson, quiz = scaffold(args.root, args.title)
    except ValueError as error:
        print(f"make lesson: {error}", file=sys.stderr)
        return 1
    print(f"Created {lesson.relative_to(args.root)} and {quiz.relative_to(args.root)}, and added the lesson "
          "to the nav in mkdocs.yml.\nNext: write the lesson, replace the sample question, then `make serve`.")
    return 0


def scaffold(root: Path, title: str) -> tuple[Path, Path]:
    title = " ".join(title.split())
    if not title:
        raise ValueError('give the lesson a title: make lesson TITLE="Water and energy"')
    lessons = root / "docs" / "lessons"
    numbers = [int(match.group(1)) for path in lessons.glob("*.md") if (match := re.match(r"(\d+)-", path.name))]
    name = slugify(title)
    slug = f"{max(numbers, default=0) + 1:02d}-{name}"
    _refuse_a_lesson_that_exists(root, lessons, title, name)
    lesson, quiz = lessons / f"{slug}.md", root / "data" / "quizzes" / f"{slug}.yml"
    for path in (lesson, quiz):
        if path.exists():
            raise ValueError(f"{path.relative_to(root)} already exists. Choose another title.")
    config = root / "mkdocs.yml"
    nav = _add_to_nav(config.read_text(encoding="utf-8"), f"lessons/{slug}.md")
    lesson.write_text(LESSON.format(title=title, slug=slug, fixme=MARKER, reading=_first_reference(root)),
                      encoding="utf-8")
    quiz.parent.mkdir(parents=True, exist_ok=True)
    # JSON strings are YAML strings: a title with a colon, a quote or a # stays one value.
    prompt = json.dumps(f"{MARKER} A sample question about \"{title}\". Replace it.", ensure_ascii=False)
    quiz.write_text(QUIZ.format(slug=slug, prompt=prompt, fixme=MARKER), encoding="utf-8")
    config.write_text(nav, encoding="utf-8")
    return lesson, quiz


# Helper functions


def _refuse_a_lesson_that_exists(root: Path, lessons: Path, title: str, name: str) -> None:
    """A ValueError when a lesson already has this file name (whatever its number) or this title."""
    for path in sorted(lessons.glob("[0-9]*.md")):
        same_name = re.sub(r"^\d+-", "", path.stem) == name
        heading = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        same_title = heading is not None and heading.group(1).strip().casefold() == title.casefold()
        if same_name or same_title:
            raise ValueError(f"{path.relative_to(root)} is already a lesson {'titled' if same_title else 'named'} "
                             f"like \"{title}\". Edit that lesson, or choose another title.")


def _add_to_nav(config: str, path: str) -> str:
    """The nav with `- path` after its last lesson, at the same indent (comments and layout kept)."""
    entries = list(NAV_LESSON.finditer(config))
    if not entries:
        raise ValueError(f"found no lessons/NN-....md entry in the nav of mkdocs.yml; add `- {path}` "
                         "to the Lessons section yourself.")
    last = entries[-1]
    return f"{config[:last.end()]}\n{last.group('indent')}- {path}{config[last.end():]}"


def _first_reference(root: Path) -> str:
    """The first work of data/references.bib: the scaffold's example reading and citation."""
    bib = root / "data" / "references.bib"
    match = re.search(r"^[ \t]*@\w+\s*\{\s*([^,\s]+)\s*,", bib.read_text(encoding="utf-8"), re.MULTILINE) \
        if bib.is_file() else None
    return match.group(1) if match else "FIXME"


if __name__ == "__main__":
    sys.exit(main())
