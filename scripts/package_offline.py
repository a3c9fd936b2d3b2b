"""`make offline`: build the classroom copy (mkdocs-offline.yml) and zip it for a USB stick.

Both editions (course/editions.py): <course>-offline.zip, the student edition to hand out,
and <course>-instructor-offline.zip, with the answer key and the instructor notes.
`make offline EDITION=student` (or --edition) builds one.

Both editions: <course>-offline.zip (the student edition, to hand out) and
<course>-instructor-offline.zip (with the answer key and the instructor notes).

The zip holds one folder named after the course; a student unzips it and opens index.html.
Usage: python scripts/package_offline.py [--out dist]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from course.editions import EDITIONS
from course.slugs import offline_zip_name, slugify

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs-offline.yml"
README = """{title}: offline copy

Open index.html in this folder with any web browser (double-click it).
Everything works without the internet: lessons, search, quizzes, glossary and timeline.
Quiz answers are kept in this browser on this computer only.
"""


INSTRUCTOR_README = """
This is the INSTRUCTOR EDITION: it holds the answer key and the instructor notes.
Give students the student edition ({student_zip}) instead.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip (default: dist/)")
    parser.add_argument("--edition", choices=EDITIONS, action="append",
                        help="student or instructor (default: COURSE_EDITION if set, else both)")
    args = parser.parse_args(argv)
    title = course_title(CONFIG)
    slug = slugify(title, max_length=80, default="course")
    for edition in args.edition or chosen_editions():
        started = time.monotonic()
        archive = args.out / edition_zip_name(title, edition)
        with tempfile.TemporaryDirectory() as temp:
            site = Path(temp) / (slug if edition == "student" else f"{slug}-{edition}")
            result = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG), "-d", str(site)],
                cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", COURSE_EDITION=edition),
            )
            for language, folder in other_languages(CONFIG):  # mkdocs-offline.ru.yml into ru/, ...
                if result.returncode == 0:
                    result = subprocess.run(
                        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(language), "-d",
                         str(site / folder)],
                        cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", COURSE_EDITION=edition),
                    )
            if result.returncode != 0:
                print(f"make offline: the {edition} edition's build failed (see above); no zip written.",
                      file=sys.stderr)
                return result.returncode
            readme = README.format(title=title)
            if edition != "student":
                readme += INSTRUCTOR_README.format(student_zip=offline_zip_name(title))
            (site / "README.txt").write_text(readme, encoding="utf-8")
            args.out.mkdir(parents=True, exist_ok=True)
            write_zip(site, archive)
        size = archive.stat().st_size
        print(f"{archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive} ({edition} edition): "
              f"{size / 1_000_000:.1f} MB, built in {time.monotonic() - started:.1f} s")
    return 0


def chosen_editions() -> list[str]:
    """The edition COURSE_EDITION names (as `make offline EDITION=student` sets it), else both."""
    chosen = os.environ.get("COURSE_EDITION")
    return [chosen] if chosen in EDITIONS else list(EDITIONS)


def edition_zip_name(title: str, edition: str) -> str:
    """<course>-offline.zip for students (what the site links), <course>-instructor-offline.zip."""
    name = offline_zip_name(title)
    return name if edition == "student" else name.replace("-offline.zip", f"-{edition}-offline.zip")


def course_title(config_file: Path) -> str:
    """extra.course.title, else site_name (mkdocs' own loader follows INHERIT)."""
    with open(config_file, "rb") as handle:
        config = yaml_load(handle)
    course = (config.get("extra") or {}).get("course") or {}
    return str(course.get("title") or config.get("site_name") or "course")


def other_languages(config_file: Path) -> list[tuple[Path, str]]:
    """(offline config, folder) of each language but the first in extra.alternate that has an
    offline config beside config_file: mkdocs-offline.ru.yml, built into ru/."""
    with open(config_file, "rb") as handle:
        alternate = (yaml_load(handle).get("extra") or {}).get("alternate") or []
    found = []
    for entry in alternate[1:]:
        edition = config_file.with_name(f"{config_file.stem}.{entry['lang']}.yml")
        if edition.is_file():
            found.append((edition, str(entry["link"]).removeprefix("./").strip("/")))
    return found


def write_zip(site: Path, archive: Path) -> None:
    """Files in a stable order under one top folder, so two builds of the same site zip the same."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                bundle.write(path, (Path(site.name) / path.relative_to(site)).as_posix())


if __name__ == "__main__":
    sys.exit(main())
