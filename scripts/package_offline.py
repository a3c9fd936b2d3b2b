"""`make offline`: build the classroom copy (mkdocs-offline.yml) and zip it for a USB stick.

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

from course.slugs import offline_zip_name, slugify

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs-offline.yml"
README = """{title}: offline copy

Open index.html in this folder with any web browser (double-click it).
Everything works without the internet: lessons, search, quizzes, glossary and timeline.
Quiz answers are kept in this browser on this computer only.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip (default: dist/)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    title = course_title(CONFIG)
    slug = slugify(title, max_length=80, default="course")
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / slug
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(CONFIG), "-d", str(site)],
            cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
        if result.returncode != 0:
            print("make offline: the build failed (see above); no zip written.", file=sys.stderr)
            return result.returncode
        (site / "README.txt").write_text(README.format(title=title), encoding="utf-8")
        args.out.mkdir(parents=True, exist_ok=True)
        archive = args.out / offline_zip_name(title)
        write_zip(site, archive)
    size = archive.stat().st_size
    print(f"{archive.relative_to(ROOT) if archive.is_relative_to(ROOT) else archive}: "
          f"{size / 1_000_000:.1f} MB, built in {time.monotonic() - started:.1f} s")
    return 0


def course_title(config_file: Path) -> str:
    """extra.course.title, else site_name (mkdocs' own loader follows INHERIT)."""
    with open(config_file, "rb") as handle:
        config = yaml_load(handle)
    course = (config.get("extra") or {}).get("course") or {}
    return str(course.get("title") or config.get("site_name") or "course")


def write_zip(site: Path, archive: Path) -> None:
    """Files in a stable order under one top folder, so two builds of the same site zip the same."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                bundle.write(path, (Path(site.name) / path.relative_to(site)).as_posix())


if __name__ == "__main__":
    sys.exit(main())
