"""Glossary: data/glossary.yml becomes a generated Glossary page, first-use links with a
tooltip in every lesson, and the "Key terms" box where a lesson puts `<!-- key-terms -->`.

Each lesson is scanned once, when its first uses are linked; the glossary page, which
MkDocs reads after the lessons (it is added to the files last), is written from what they
used, so it can say where each term is used. A lesson taken out of the nav drops out.

Tooltips: a term link carries the definition in its `title`; Material's content.tooltips
turns that into a tooltip shown on hover and on keyboard focus (and names it with
aria-describedby). On a touch screen a tap simply follows the link to the term's entry on
the Glossary page (highlighted with :target; Back returns to the same place in the lesson).
We chose that over a tap-to-show tooltip: it needs no script of ours, it is how every other
link behaves, the entry gives more than the tooltip (other names, related terms, a source,
where else the term is used), and the lesson's Key terms box lists every definition in place.
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from markdown import __version__ as markdown_version
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from course import markup
from course.cache import CACHE_DIR, digest_of, read, source_of, write
from course.citations import load_bibliography
from course.errors import CourseError
from course.sources import display_path
from course.glossary import (
    Glossary, LessonLink, Term, check_introduced, link_first_uses, load_glossary, render_glossary_page,
    render_key_terms, terms_used,
)

log = logging.getLogger("mkdocs.plugins.course.glossary")

GLOSSARY_FILE = "data/glossary.yml"
BIBLIOGRAPHY_FILE = "data/references.bib"
GLOSSARY_PAGE = "glossary.md"
KEY_TERMS_MARKER = "<!-- key-terms -->"
LINKS_CACHE = "glossary-links"
LESSON = re.compile(r"^lessons/(?!index\.md$)[^/]+\.md$")
H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)

# Module state survives between rebuilds of `mkdocs serve`: on_config resets it.
glossary: Glossary | None = None
glossary_digest = ""  # what a lesson's links depend on besides its own text
glossary_file: File | None = None
cache_dir: Path | None = None
# Each lesson's links as (digest of its text and URL, linked Markdown, names of the terms
# used): those of the last build, read from the cache, and those of this build, written back.
links_kept: dict[str, tuple[str, str, list[str]]] = {}
links_made: dict[str, tuple[str, str, list[str]]] = {}
lessons: dict[str, tuple[LessonLink, Page]] = {}  # src_uri -> the lesson in the nav, in course order
used_by_lesson: dict[str, list[Term]] = {}  # src_uri -> the terms the lesson links, once it is rendered

# Hooks


def on_config(config: MkDocsConfig) -> None:
    global glossary, glossary_digest, cache_dir, glossary_file, lessons, used_by_lesson, links_kept, links_made
    root = Path(config.config_file_path).parent
    glossary_file, lessons, used_by_lesson, cache_dir = None, {}, {}, root / CACHE_DIR
    markup.use_cache(cache_dir)  # before the first render of a definition
    try:
        keys = load_bibliography(root / BIBLIOGRAPHY_FILE, BIBLIOGRAPHY_FILE, cache_dir).references
        glossary = load_glossary(root / GLOSSARY_FILE, GLOSSARY_FILE, keys, BIBLIOGRAPHY_FILE, cache_dir)
    except CourseError as error:
        raise PluginError(str(error)) from None
    # The terms, their names and tooltips come from the data file, the matching and the
    # tooltips' text from our code and Markdown: any change to them and no link is reused.
    glossary_digest = digest_of([(root / GLOSSARY_FILE).read_bytes(), source_of(sys.modules[Glossary.__module__].__file__),
                                 source_of(markup.__file__), markdown_version])
    links_kept, links_made = read(cache_dir, LINKS_CACHE, glossary_digest) or {}, {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global glossary_file
    assert glossary is not None
    existing = files.get_file_from_path(GLOSSARY_PAGE)
    if existing is not None and not existing.generated_by:
        raise PluginError(str(CourseError(
            display_path(Path(config.docs_dir) / GLOSSARY_PAGE, Path(config.config_file_path).parent), None,
            f"this page is generated from {GLOSSARY_FILE}. Delete it and edit the data file instead.")))
    try:
        check_introduced(glossary, [Path(f.src_uri).stem for f in files.documentation_pages() if LESSON.match(f.src_uri)])
    except CourseError as error:
        raise PluginError(str(error)) from None
    # The content is written in on_pre_page, once the lessons have been rendered.
    glossary_file = File.generated(config, GLOSSARY_PAGE, content="# Glossary\n")
    files.append(glossary_file)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global lessons
    assert glossary_file is not None
    lessons = {}
    for number, page in enumerate((page for page in nav.pages if LESSON.match(page.file.src_uri)), start=1):
        markdown, _ = get_data(page.file.content_string)
        heading = H1.search(markdown)
        lessons[page.file.src_uri] = (LessonLink(number, heading.group(1) if heading else page.file.name,
                                                 page.file.url_relative_to(glossary_file)), page)
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if glossary_file is not None and page.file is glossary_file:
        glossary_file.content_string = _glossary_markdown()
    return page


# After citations (100), which have become raw <a> tags the matcher skips, and before
# the timeline (30) and quiz (10) hooks insert their HTML.
@event_priority(50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if glossary is None or glossary_file is None or not LESSON.match(page.file.src_uri):
        return markdown
    url = glossary_file.url_relative_to(page.file)
    # A lesson whose text (and glossary) has not changed since the last build is linked as then.
    digest = digest_of([markdown, url])
    kept = links_kept.get(page.file.src_uri)
    if kept is not None and kept[0] == digest:
        markdown, names = kept[1], kept[2]
    else:
        markdown, used = link_first_uses(markdown, glossary, url)
        names = [term.name for term in used]
    links_made[page.file.src_uri] = (digest, markdown, names)
    used = [glossary[name] for name in names]
    used_by_lesson[page.file.src_uri] = used
    return markdown.replace(KEY_TERMS_MARKER, render_key_terms(used, url), 1)


def on_post_build(config: MkDocsConfig) -> None:
    markup.save_cache()  # the Markdown renders of data text, for the next build
    if cache_dir is not None and links_made != links_kept:  # one file for all lessons: one write
        write(cache_dir, LINKS_CACHE, glossary_digest, links_made)


# Helper functions


def _glossary_markdown() -> str:
    """The glossary page, from the terms each lesson in the nav uses; warns about unused terms."""
    assert glossary is not None
    used_in: dict[str, list[LessonLink]] = {}
    introduced: dict[str, LessonLink] = {}
    for src_uri, (lesson, page) in lessons.items():
        used = used_by_lesson.get(src_uri)
        if used is None:  # not rendered in this build (`mkdocs serve --dirty`): scan its source
            used = terms_used(get_data(page.file.content_string)[0], glossary)
        for term in used:
            used_in.setdefault(term.name, []).append(lesson)
            if term.introduced == Path(src_uri).stem:
                introduced[term.name] = lesson
    for term in glossary.terms:
        if term.name not in used_in:
            log.warning(f"{GLOSSARY_FILE}:{term.line}: term '{term.name}' is not used in any lesson in the nav. "
                        "Use it in a lesson, or remove it from the glossary.")
    return render_glossary_page(glossary, used_in, introduced)
