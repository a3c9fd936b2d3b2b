"""A fork, made the way docs/adapt.md tells an instructor: rename, new dates, indigo colours,
drop two lessons, swap two, add a lesson with a Cyrillic title, a term, a question, an event
and a new work in the .bib. Then: the strict build passes, no page names a dropped lesson,
every "Lesson N" matches the nav, the home page shows the new title and count, the header
is indigo. (`make check` inside the fork does not pass yet: tests/template's bad-input
catalogue, content-safety and export tests still edit this course's own files.)

The fork is a copy of the repository's files (as `git clone` gives them) in a temporary
folder; everything is done through the commands and files adapt.md names.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import ROOT, StaticServer, assert_lesson_labels_match_the_nav, build, problems

pytestmark = pytest.mark.slow

TITLE = "Water and Power in Central Asia"
SUBTITLE = "Rivers, dams and regional bargains"
DROPPED = ("04-absorption-and-skepticism", "06-comparing-regions")  # as in the issue: lessons 4 and 6
SWAPPED = ("02-case-for-a-region", "03-hard-institutionalism")
NEW_TITLE = "Суу жана энергия: Кыргызстан жана кошуналары"  # Kyrgyz: "Water and energy: Kyrgyzstan and its neighbours"
NEW_SLUG = "09-suu-zhana-energiya-kyrgyzstan-zhana"
INDIGO = "rgb(64, 81, 181)"  # Material's indigo, #4051b5


@dataclass
class Fork:
    root: Path
    site: Path
    order: list[str]
    log: list[tuple[str, float, str]] = field(default_factory=list)  # (step, seconds, what it printed)
    after_drops: str = ""  # the build's output right after `make drop-lesson` twice


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fork]:
    root = clone(tmp_path_factory.mktemp("fork") / "water-course")
    log: list[tuple[str, float, str]] = []

    def step(name: str, *command: str) -> str:
        started = time.monotonic()
        result = subprocess.run([sys.executable, *command], cwd=root, text=True, capture_output=True,
                                env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
        assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
        log.append((name, time.monotonic() - started, result.stdout))
        return result.stdout

    # 0. This fork teaches in English only: the Russian edition goes (adapt.md, step 11).
    for name in ("mkdocs.ru.yml", "mkdocs-offline.ru.yml"):
        (root / name).unlink(missing_ok=True)
    shutil.rmtree(root / "docs-ru", ignore_errors=True)
    # 1. Rename, 2. dates, 3. colours: the FIXME block of mkdocs.yml.
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^  alternate:\n(?:    - .*\n)+", "", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^site_name: .*$", f"site_name: {TITLE}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(    title: ).*$", rf"\g<1>{TITLE}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(    subtitle: ).*$", rf"\g<1>{SUBTITLE}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r'^(      start: )"[^"]*"', r'\1"2027-09-07"', text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(      weekdays: ).*$", r"\1[Tuesday, Friday]", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(      skip: ).*$", r'\1["2027-11-05"]', text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(\s+(?:primary|accent):)\s*\S+.*$", r"\1 indigo", text, flags=re.MULTILINE)
    # 4. Reorder: swap two lessons in the nav.
    first, second = (f"      - lessons/{slug}.md\n" for slug in SWAPPED)
    text = text.replace(first, "@@\n").replace(second, first).replace("@@\n", second)
    config.write_text(text, encoding="utf-8")

    # 5. Drop two lessons. One build then lists, for each, every place that still names it:
    #    reword those, and delete the glossary terms it says no lesson uses any more.
    for slug in DROPPED:
        step(f"make drop-lesson LESSON={slug}", "scripts/manage_lesson.py", "drop", slug)
    started = time.monotonic()
    first = build(root, root / "site", edition="instructor")  # every page, instructors' included
    listed = problems(first.stdout)
    log.append(("make build (after the drops)", time.monotonic() - started, "\n".join(listed)))
    for slug in DROPPED:
        reword_references(root, slug, first.stdout)
    remove_unused_terms(root, first.stdout)

    # 6. Add a lesson with a Cyrillic title, and write it (every FIXME replaced).
    step(f'make lesson TITLE="{NEW_TITLE}"', "scripts/new_lesson.py", NEW_TITLE)
    lesson = root / "docs" / "lessons" / f"{NEW_SLUG}.md"
    assert lesson.exists(), sorted(path.name for path in lesson.parent.iterdir())
    write_new_lesson(root, lesson)

    site = root / "site"
    started = time.monotonic()
    result = build(root, site, edition="instructor")
    log.append(("make build (strict)", time.monotonic() - started, "\n".join(problems(result.stdout))))
    assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    order = lesson_order(config.read_text(encoding="utf-8"))
    yield Fork(root, site, order, log, first.stdout)
    for name, seconds, printed in log:  # the journey, for the report (pytest -s shows it)
        print(f"\n$ {name}   ({seconds:.1f} s)\n{printed.strip()}")


def test_the_fork_builds_strictly_with_the_new_lesson_in_the_nav(fork: Fork):
    assert len(fork.order) == 7
    assert fork.order[1:3] == list(reversed(SWAPPED))
    assert fork.order[-1] == NEW_SLUG
    assert (fork.site / "lessons" / NEW_SLUG / "index.html").exists()


def test_one_build_after_the_drops_lists_every_place_that_names_them(fork: Fork):
    """After `make drop-lesson` twice, one build names everything left to fix: fixing what it
    lists (and nothing else) gives a clean build, with no second round."""
    for slug in DROPPED:
        messages = [line for line in fork.after_drops.splitlines()
                    if line.startswith("WARNING") and f"lessons/{slug}.md is not a lesson in the nav" in line]
        assert len(messages) <= 1, fork.after_drops  # one message per lesson, never one per place
    assert "Traceback" not in fork.after_drops


def test_no_page_names_a_dropped_lesson(fork: Fork):
    titles = {slug: original_title(slug) for slug in DROPPED}
    found = []
    for path in sorted(fork.site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for code in soup.select("code"):  # adapt.md's examples (make drop-lesson LESSON=06-...)
            code.decompose()
        html, text = str(soup), soup.get_text(" ")
        for slug, title in titles.items():
            if slug in html:
                found.append(f"{path.relative_to(fork.site)}: links or names {slug}")
            if title in text:
                found.append(f"{path.relative_to(fork.site)}: shows the title '{title}'")
    assert found == [], "\n".join(found)


def test_every_lesson_label_matches_the_nav(fork: Fork):
    assert_lesson_labels_match_the_nav(fork.site, fork.order)
    lesson_list = BeautifulSoup((fork.site / "lessons" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert NEW_TITLE in lesson_list.get_text(" ")


def test_the_home_page_shows_the_new_title_and_lesson_count(fork: Fork):
    home = BeautifulSoup((fork.site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("article h1").get_text(strip=True).rstrip("¶") == TITLE
    text = " ".join(home.select_one("article").get_text(" ").split())
    assert f"{SUBTITLE}, 1991–2018." in text and "in 7 lessons" in text
    for slug in DROPPED:
        assert slug not in str(home)
    table = home.select_one("article table")
    assert table is not None and "Lesson 8" not in table.get_text(" ")
    syllabus = BeautifulSoup((fork.site / "syllabus" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert TITLE in syllabus.get_text(" ") and "Tue" in syllabus.get_text(" ")


def test_the_instructor_guide_adds_up_the_forks_lessons(fork: Fork):
    guide = BeautifulSoup((fork.site / "instructors" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = guide.select("article table")[0].select("tbody tr")
    assert len(rows) == len(fork.order) + 1  # a row per lesson and the total
    minutes = [int(row.select("td")[3].get_text(strip=True)) for row in rows[:-1]]
    assert int(rows[-1].select("td")[3].get_text(strip=True).strip("*")) == sum(minutes)


@pytest.mark.browser
def test_the_forks_header_is_indigo(fork: Fork, browser):
    from conftest import open_visit

    with StaticServer(fork.site) as server:
        visit = open_visit(browser, server.origin)
        try:
            visit.goto("")
            colour = visit.page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        finally:
            visit.page.context.close()
    assert colour == INDIGO


# Helper functions


def clone(dest: Path) -> Path:
    """The repository's files as `git clone` gives them (the working tree's versions), plus the
    installed Node tools, which a fork gets from `make` (npm ci) and we do not download again."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    for name in ("docs", "data", "scripts", "tests", "overrides"):  # files not yet committed, too
        shutil.copytree(ROOT / name, dest / name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    if (ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def reword_references(root: Path, slug: str, printed: str) -> None:
    """What an instructor does with the list `make drop-lesson` prints: unlink and reword."""
    for line in printed.splitlines():
        match = re.match(r"^  (?P<path>(?:docs|data)/[^:]+):(?P<line>\d+): ", line)
        if not match:
            continue
        path = root / match.group("path")
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        number = int(match.group("line")) - 1
        text = lines[number]
        # A link keeps its words, unlinked; an empty-label link or a marker becomes plain words.
        text = re.sub(rf"\[\]\([^()\s]*{re.escape(slug)}\.md(?:#[^()\s]*)?\)", "an earlier lesson", text)
        text = re.sub(rf"\[([^\]]+)\]\([^()\s]*{re.escape(slug)}\.md(?:#[^()\s]*)?\)", r"\1", text)
        text = text.replace(f"[[{slug}]]", "an earlier lesson").replace(f"[[session:{slug}]]", "one")
        lines[number] = text
        path.write_text("".join(lines), encoding="utf-8")


def remove_unused_terms(root: Path, output: str) -> None:
    """The build lists the glossary terms no lesson uses any more: delete them, and take them
    out of other terms' `related:` lists."""
    unused = re.findall(r"term '([^']+)' is not used in any lesson", output)
    if not unused:
        return
    glossary = root / "data" / "glossary.yml"
    lines = glossary.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - term:")] + [len(lines)]
    kept: list[str] = lines[:starts[0]]
    for start, end in zip(starts, starts[1:]):
        name = lines[start].split(":", 1)[1].strip().strip("'\"")
        if not name and start + 1 < end:  # a term in several languages: `term:` then `en: ...`
            name = lines[start + 1].split(":", 1)[1].strip().strip("'\"")
        if name not in unused:
            kept += lines[start:end]
    def without_unused(match: re.Match[str]) -> str:
        names = [name.strip() for name in match.group(2).split(",")]
        left = [name for name in names if name.strip("'\"") not in unused]
        return f"{match.group(1)}[{', '.join(left)}]\n" if left else ""

    text = re.sub(r"^(\s+related: )\[([^\]\n]*)\]\n", without_unused, "".join(kept), flags=re.MULTILINE)
    glossary.write_text(text, encoding="utf-8")


def write_new_lesson(root: Path, lesson: Path) -> None:
    """The instructor's own text: every FIXME replaced, a new term used and defined, a new work
    cited, a question and a timeline event added."""
    text = re.sub(r"FIXME:? ", "", lesson.read_text(encoding="utf-8"))
    text = text.replace("## First section\n", "## First section\n\nThe water-energy nexus ties upstream and "
                        "downstream states together [@moldashev2018; @fork2027]. See also [[01-concepts]].\n")
    lesson.write_text(text, encoding="utf-8")
    bib = root / "data" / "references.bib"
    bib.write_text(bib.read_text(encoding="utf-8").rstrip() + "\n\n@book{fork2027,\n  author = {Example, Ann},\n"
                   "  title = {Rivers of Central Asia},\n  publisher = {Example Press},\n  year = {2027}\n}\n",
                   encoding="utf-8")
    glossary = root / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").rstrip() + """
  - term: water-energy nexus
    category: concept
    definition: >-
      The link between upstream states that need water for hydropower in winter and
      downstream states that need it for irrigation in summer.
    cite: fork2027
""", encoding="utf-8")
    quiz = root / "data" / "quizzes" / f"{lesson.stem}.yml"
    quiz.write_text(re.sub(r"FIXME:? ", "", quiz.read_text(encoding="utf-8")).rstrip() + """
  - id: nexus-upstream
    kind: single
    objective: 1
    prompt: Why do upstream states want to release water in winter?
    options:
      - text: To produce electricity when demand for heating is highest
        correct: true
        feedback: Right. Their dams are their main source of power in the cold months.
      - text: To help downstream farmers irrigate their fields
        feedback: Not quite. Farmers need the water in summer, which is the conflict.
""", encoding="utf-8")
    timeline = root / "data" / "timeline.yml"
    timeline.write_text(timeline.read_text(encoding="utf-8").rstrip() + f"""
  - date: 2018-03
    title: Water talks at the Astana meeting (fork test)
    text: A test event added by following the adaptation guide.
    states: [kz, kg]
    organisations: []
    lesson: {lesson.stem}
    source: fork2027
""", encoding="utf-8")


def lesson_order(config: str) -> list[str]:
    return re.findall(r"^\s+- lessons/(\d+-[a-z0-9-]+)\.md\s*$", config, flags=re.MULTILINE)


def original_title(slug: str) -> str:
    text = (ROOT / "docs" / "lessons" / f"{slug}.md").read_text(encoding="utf-8")
    return re.search(r"^# (.+)$", text, flags=re.MULTILINE).group(1).strip()
