"""Shared test helpers: copy the project, build it, serve it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from localsite import CHROMIUM, CHROMIUM_ARGS, TEST_FONTS, chromium_env  # noqa: F401  (re-exported for the tests)
from localsite import SiteServer as StaticServer  # noqa: F401
from localsite import copy_project  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]


def build(project: Path, site_dir: Path, config: str = "mkdocs.yml",
          edition: str | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as an author runs it; output (stdout + stderr) in .stdout.
    edition: student or instructor (COURSE_EDITION), else the one mkdocs.yml sets."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1", **({"COURSE_EDITION": edition} if edition else {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(site_dir)],
        cwd=project, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300,
    )


def other_languages(project: Path) -> list[tuple[str, str]]:
    """(config, folder in the site) of each edition but the main one: [("mkdocs.ru.yml", "ru")]."""
    import yaml

    alternate = (yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
                 .get("extra", {}).get("alternate") or [])
    return [(f"mkdocs.{entry['lang']}.yml", str(entry["link"]).strip("./")) for entry in alternate[1:]
            if (project / f"mkdocs.{entry['lang']}.yml").is_file()]


def _tolerant_loader() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # MkDocs' !ENV
    return Loader


_Tolerant = _tolerant_loader()


def problems(output: str) -> list[str]:
    """The lines of a build log an author must act on."""
    return [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR", "Error"))]


def html_pages(site_dir: Path, all_languages: bool = False) -> list[str]:
    """Every page of a built site as a URL path ('' for the home page), 404 page excluded; the
    other editions' pages (ru/...) only with other_editions."""
    pages = []
    skip = () if all_languages else tuple(folder + "/" for _, folder in other_languages(ROOT))
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.parent.relative_to(site_dir).as_posix()
        if relative.startswith("assets") or (relative + "/").startswith(skip):
            continue
        pages.append("" if relative == "." else relative + "/")
    return pages


def axe() -> object:
    """axe-core from package.json (newer than the copy axe-playwright-python bundles), run by that library."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe.from_file(ROOT / "node_modules" / "axe-core" / "axe.min.js")


def axe_findings(page: object, where: str, ignore: tuple[str, ...] = ()) -> list[str]:
    """axe-core's violations on the open page, one line per element, with axe's own account
    of what fails: for a contrast failure, the two colours and their ratio, so an author who
    picked a palette sees which pair to change."""
    found = []
    for violation in axe().run(page).response["violations"]:
        if violation["id"] in ignore:
            continue
        for node in violation["nodes"][:5]:
            checks = node.get("any") or node.get("all") or node.get("none") or []
            detail = checks[0].get("message", "") if checks else ""
            found.append(f"{where}: {violation['id']} ({violation['impact']}) at {' '.join(node['target'])}: "
                         f"{detail or violation['help']}")
    return found


def assert_lesson_labels_match_the_nav(site: Path, order: list[str]) -> None:
    """Every link labelled "Lesson N" on every page goes to the nav's Nth lesson; no "Lesson N"
    names a lesson beyond the last."""
    from bs4 import BeautifulSoup

    wrong = []
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("article a[href]"):
            label = re.fullmatch(r"Lesson (\d+)", link.get_text(" ", strip=True))
            if not label:
                continue
            target = re.search(r"(\d+-[a-z0-9-]+)/(?:index\.html)?(?:#.*)?$", link["href"])
            if target and target.group(1) in order and order.index(target.group(1)) + 1 != int(label.group(1)):
                wrong.append(f"{path.relative_to(site)}: '{label.group()}' links {target.group(1)}")
        article = soup.select_one("article")
        for number in re.findall(r"\bLesson (\d+)\b", article.get_text(" ") if article else ""):
            if int(number) > len(order):
                wrong.append(f"{path.relative_to(site)}: 'Lesson {number}' but there are {len(order)} lessons")
    assert wrong == [], "\n".join(wrong)


def english_words() -> "Words":
    """The interface words of the main language, as a build gives them to the core."""
    from course.catalogue import load_messages
    from course.words import Words

    return Words(load_messages(ROOT, "en", "en")[0])


def course_edition(language: str | None = None) -> "Course":
    """This course in one of its languages, as `make lms` and `make worksheets` read it."""
    from mkdocs.utils.yaml import yaml_load

    from course.edition import edition_course

    with open(ROOT / "mkdocs.yml", "rb") as handle:
        config = yaml_load(handle)
    return edition_course(ROOT / "mkdocs.yml", config, language)
