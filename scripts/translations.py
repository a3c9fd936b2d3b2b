"""`make translations`: what each edition of the course still lacks, one line per text.

For every edition but the main one (mkdocs.<lang>.yml beside mkdocs.yml): the pages not yet in
its folder, the data texts without their translation, its missing interface words and nav
titles, each as `file:line: what. What to do.`, then a count. Exit status 1 when anything is
missing, so that a fork can make it a check. Usage: python scripts/translations.py [ru ...]
"""
from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from course.languages import load_languages
from course.errors import CourseError
from course.translations import translation_gaps

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    config = _read(ROOT / "mkdocs.yml")
    extra = config.get("extra") or {}
    try:
        editions = load_languages(extra.get("alternate"))
    except CourseError as error:
        print(error, file=sys.stderr)
        return 2
    languages = [edition.lang for edition in editions]
    source = str((extra.get("translation") or {}).get("source") or "docs")
    missing = 0
    for edition in editions[1:]:
        if argv and edition.lang not in argv:
            continue
        own = _read(ROOT / f"mkdocs.{edition.lang}.yml").get("docs_dir") or f"docs-{edition.lang}"
        gaps = translation_gaps(ROOT, edition.lang, languages, source, str(own), config.get("nav"))
        for line in gaps:
            print(line)
        print(f"{edition.name} ({edition.lang}): {len(gaps)} to translate" if gaps else
              f"{edition.name} ({edition.lang}): complete")
        missing += len(gaps)
    return 1 if missing else 0


def _read(path: Path) -> dict:
    with open(path, "rb") as handle:
        return yaml_load(handle) or {}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
