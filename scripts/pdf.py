"""`make pdf`: printable handouts, printed by headless Chromium from a locally served build.

Writes to dist/pdf/, for the student edition (course/editions.py; no instructor page or note):
  lessons/<lesson>.pdf   one per lesson in the nav, quizzes as worksheets (no answers)
  <course>.pdf           the whole course: cover, contents, lessons, glossary, bibliography
and to dist/pdf/instructor/, for the instructor edition (each page marked as such):
  lessons/<lesson>.pdf, <course>-instructor.pdf   the same with the inline instructor notes
  <course>-answer-key.pdf  the instructors' answer key, kept apart from the students' copies
and the same for each other language of the course (extra.alternate) in dist/pdf/<lang>/, from
its own build (mkdocs.<lang>.yml), named after its own title, in its own words (data/messages).
Nothing is fetched from the network: the site is built here and served on 127.0.0.1, and
every request to another host is refused.
Usage: python scripts/pdf.py [--out dist/pdf] [--edition student|instructor] [--lang ru] [--site a/built/site]
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup
from pypdf import PdfReader

from course.catalogue import load_messages
from course.edition import languages
from course.editions import EDITIONS, student_nav

from course.lessons import is_lesson
from course.nav import nav_paths
from course.lms import file_slug
from course.words import Words
from lms import course_title, read_config
from localsite import CHROMIUM, CHROMIUM_ARGS, SiteServer

ROOT = Path(__file__).resolve().parents[1]
# Material's scripts make every link absolute (http://127.0.0.1:port/...); print.css writes out
# the address of http links, so links within the site are turned back into paths first.
LOCAL_LINKS = """() => { for (const link of document.querySelectorAll("a[href]"))
  if (link.origin === location.origin) link.setAttribute("href", link.pathname + link.search + link.hash) }"""
# The Key terms boxes' definitions come from a file the page loads (overrides/assets/javascripts/
# titles.js): printed once they are in.
DEFINITIONS_IN = "window.courseDefinitionsReady ? courseDefinitionsReady().then(() => null) : null"
BOOK_FILE = "print-course.html"  # written into the served copy of the site only
MARGIN = {"top": "14mm", "bottom": "16mm", "left": "15mm", "right": "15mm"}
BOOK_CSS = """
.book-part { break-before: page; }
.book-cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center; }
.md-typeset .book-cover h1 { font-size: 2.6em; margin: 0 0 .3em; color: #000; }
.book-cover .book-subtitle { font-size: 1.4em; margin: 0 0 3em; }
.book-cover p { margin: .3em 0; }
.md-typeset .book-contents ol { list-style: none; margin: 0; padding: 0; }
.md-typeset .book-contents li { display: flex; gap: .5em; margin: .4em 0; }
.book-contents a { text-decoration: none !important; }
.book-contents .book-dots { flex: auto; border-bottom: 1px dotted #666; margin-bottom: .35em; }
"""


@dataclass(frozen=True)
class Part:
    src_uri: str     # as in the nav, e.g. lessons/01-concepts.md
    kind: str        # lesson | glossary | bibliography | answer-key

    @property
    def url_path(self) -> str:
        """Where MkDocs (use_directory_urls) puts the page: lessons/01-concepts/."""
        stem = self.src_uri[:-3]
        return stem[: -len("index")] if stem.endswith("index") else stem + "/"

    @property
    def slug(self) -> str:
        return Path(self.src_uri).stem


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "pdf")
    parser.add_argument("--site", type=Path, help="a site already built, of the one --edition and --lang given "
                        "(default: build each edition of each language)")
    parser.add_argument("--edition", choices=EDITIONS, action="append",
                        help="student or instructor (default: COURSE_EDITION if set, else both; "
                             "the instructor edition goes to <out>/instructor/)")
    parser.add_argument("--lang", help="only this language (default: every language of the course; "
                        "another than the main one goes to <out>/<lang>/)")
    args = parser.parse_args(argv)
    chosen = os.environ.get("COURSE_EDITION")  # `make pdf EDITION=student` prints one edition
    editions = args.edition or ([chosen] if chosen in EDITIONS else list(EDITIONS))
    if args.site and (len(editions) != 1 or not args.lang):
        parser.error("--site is one edition's site in one language: say which with --edition and --lang")
    started = time.monotonic()
    known = languages(read_config(ROOT))
    if args.lang and args.lang not in known:
        parser.error(f"--lang {args.lang}: the course's languages are {', '.join(known)} (extra.alternate)")
    written: list[Path] = []
    for language in [args.lang] if args.lang else known:
        out = args.out if language == known[0] else args.out / language
        config_file = "mkdocs.yml" if language == known[0] else f"mkdocs.{language}.yml"
        for edition in editions:
            done = print_edition(read_config(ROOT, language), config_file, language, known[0], edition,
                                 out if edition == "student" else out / edition, args.site)
            if done is None:
                return 1
            written += done
    for path in written:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
              f"{len(PdfReader(path).pages)} pages, {path.stat().st_size / 1000:.0f} kB")
    print(f"make pdf: {len(written)} PDFs in {time.monotonic() - started:.1f} s")
    return 0


def print_edition(config: dict, config_file: str, language: str, main_language: str, edition: str, out: Path,
                  built: Path | None) -> list[Path] | None:
    """One edition of one language: its lessons, its book and (instructor edition) its answer key."""
    words = Words(load_messages(ROOT, language, main_language)[0], f"data/messages/{language}.yml")
    course = (config.get("extra") or {}).get("course") or {}
    title = course_title(config)
    slug = file_slug(title)
    nav = config.get("nav") or []
    parts = find_parts(student_nav(nav) if edition == "student" else nav)
    label = title if edition == "student" else f"{title} · {course.get('instructor_mark') or words('instructor_edition')}"
    book_name = f"{slug}.pdf" if edition == "student" else f"{slug}-{edition}.pdf"
    written = []
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        if built:
            subprocess.run(["cp", "-r", str(built), str(site)], check=True)
        else:
            build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config_file,
                                    "-d", str(site)], cwd=ROOT,
                                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1", COURSE_EDITION=edition))
            if build.returncode != 0:
                print(f"make pdf: the {edition} edition's build of {config_file} failed (see above); no PDF written.",
                      file=sys.stderr)
                return None
        (out / "lessons").mkdir(parents=True, exist_ok=True)
        with SiteServer(site) as server, chromium(server.origin) as page:
            origin = server.origin
            for part in parts:
                if part.kind == "lesson":
                    written.append(print_page(page, f"{origin}/{part.url_path}",
                                              out / "lessons" / f"{part.slug}.pdf", label))
            key = next((part for part in parts if part.kind == "answer-key"), None)
            if key:
                written.append(print_page(page, f"{origin}/{key.url_path}", out / f"{slug}-answer-key.pdf",
                                          words("pdf.answer_key", title=title)))
            book = [part for part in parts if part.kind != "answer-key"]
            written.append(print_book(page, origin, site, book, course, config, out / book_name, label,
                                      language, words))
    return written


def find_parts(nav: Any) -> list[Part]:
    """The nav's lessons in order, then the glossary and bibliography, and the answer key."""
    paths = list(nav_paths(nav))
    parts = [Part(p, "lesson") for p in paths if is_lesson(p)]  # the course's one rule
    parts += [Part(p, "glossary") for p in paths if Path(p).stem == "glossary"]
    parts += [Part(p, "bibliography") for p in paths if Path(p).stem == "bibliography"]
    parts += [Part(p, "answer-key") for p in paths if "answer-key" in p]
    return parts


def print_page(page: Any, url: str, target: Path, footer: str) -> Path:
    page.goto(url, wait_until="networkidle")
    page.evaluate(LOCAL_LINKS)
    page.evaluate(DEFINITIONS_IN)
    heading = page.locator("article h1").first
    if heading.count():  # the footer names the lesson as well as the course
        footer = f"{footer} · {heading.inner_text().strip().rstrip('¶').strip()}"
    page.emulate_media(media="print")
    page.pdf(path=str(target), format="A4", print_background=True, margin=MARGIN, outline=True, tagged=True,
             display_header_footer=True, header_template="<span></span>", footer_template=_footer(footer))
    return target


def print_book(page: Any, origin: str, site: Path, parts: list[Part], course: dict, config: dict,
               target: Path, title: str, language: str, words: Words) -> Path:
    """One document: each part's article as the browser shows it (quiz options shuffled), ids
    made unique per part, links between parts turned into links inside the PDF."""
    bodies = []
    for number, part in enumerate(parts, start=1):
        page.goto(f"{origin}/{part.url_path}", wait_until="networkidle")
        page.evaluate(LOCAL_LINKS)
        page.evaluate(DEFINITIONS_IN)
        article = page.locator("article.md-content__inner").first.evaluate("node => node.innerHTML")
        bodies.append(_relink(article, number, part, parts))
    head, body_attrs = _site_head(site)
    titles = [BeautifulSoup(body, "html.parser").find("h1") for body in bodies]
    names = [heading.get_text(" ", strip=True).rstrip("¶").strip() if heading else part.slug
             for heading, part in zip(titles, parts)]

    def document(pages: dict[str, int]) -> str:
        contents = "".join(
            f'<li><a href="#part-{n}">{html.escape(name)}</a><span class="book-dots"></span>'
            f'<span>{pages.get(f"part-{n}", "")}</span></li>' for n, name in enumerate(names, start=1))
        sections = "".join(f'<section class="book-part md-typeset" id="part-{n}">{body}</section>'
                           for n, body in enumerate(bodies, start=1))
        return (f"<!doctype html><html lang=\"{html.escape(language)}\"><head>{head}<style>{BOOK_CSS}</style>"
                f"<title>{html.escape(title)}</title></head><body {body_attrs}><div class=\"md-typeset\">"
                f"{_cover(course, config, title, words)}"
                f'<section class="book-part book-contents"><h2 id="contents">{html.escape(words("pdf.contents"))}</h2>'
                f"<ol>{contents}</ol></section>"
                f"{sections}</div></body></html>")

    book = site / BOOK_FILE
    book.write_text(document({}), encoding="utf-8")
    _print_book_file(page, f"{origin}/{BOOK_FILE}", target, title)
    # Second pass: the page each part starts on, read from the PDF's own link targets.
    book.write_text(document(_destination_pages(target)), encoding="utf-8")
    _print_book_file(page, f"{origin}/{BOOK_FILE}", target, title)
    return target


# Helper functions


def _print_book_file(page: Any, url: str, target: Path, title: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    page.pdf(path=str(target), format="A4", print_background=True, margin=MARGIN, outline=True, tagged=True,
             display_header_footer=True, header_template="<span></span>", footer_template=_footer(title))


def _destination_pages(pdf: Path) -> dict[str, int]:
    """Named destinations Chromium wrote for the contents' links: part-N -> 1-based page."""
    reader = PdfReader(pdf)
    found = {}
    for name, destination in reader.named_destinations.items():
        name = str(name).lstrip("/")
        if re.fullmatch(r"part-\d+", name):
            found[name] = reader.get_destination_page_number(destination) + 1
    return found


def _relink(article: str, number: int, part: Part, parts: list[Part]) -> str:
    """Prefix every id with p<number>-; point links to other parts inside the book; drop the rest."""
    soup = BeautifulSoup(article, "html.parser")
    prefix = f"p{number}-"
    for node in soup.find_all(id=True):
        node["id"] = prefix + node["id"]
    for node in soup.find_all(attrs={"for": True}):
        node["for"] = prefix + node["for"]
    for attribute in ("aria-labelledby", "aria-describedby", "aria-controls"):
        for node in soup.find_all(attrs={attribute: True}):
            node[attribute] = " ".join(prefix + token for token in str(node[attribute]).split())
    here = "/" + part.url_path
    index = {"/" + other.url_path: n for n, other in enumerate(parts, start=1)}
    for link in soup.find_all("a", href=True):
        href = str(link["href"])
        if urlparse(href).scheme:
            continue  # http(s), mailto: printed as written
        path, fragment = urldefrag(urljoin(here, href))
        if path in index:
            link["href"] = f"#p{index[path]}-{fragment}" if fragment else f"#part-{index[path]}"
        else:
            link.unwrap()  # a page not in the book (timeline, about): keep the words
    for image in soup.find_all("img", src=True):
        image["src"] = urljoin(here, str(image["src"]))
    for node in soup.select(".headerlink, .md-content__button"):
        node.decompose()
    return str(soup)


def _site_head(site: Path) -> tuple[str, str]:
    """The site's stylesheets (with links made absolute) and the body's colour attributes."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    head = ['<meta charset="utf-8">']
    for link in soup.select('link[rel="stylesheet"]'):
        head.append(f'<link rel="stylesheet" href="{html.escape(urljoin("/", str(link["href"])))}">')
    body = soup.body
    attrs = " ".join(f'{name}="{html.escape(str(value))}"' for name, value in (body.attrs if body else {}).items()
                     if name.startswith(("data-md-color", "dir")))
    return "".join(head), attrs


def _cover(course: dict, config: dict, title: str, words: Words) -> str:
    def line(value: Any, css: str = "") -> str:
        return f'<p class="{css}">{html.escape(str(value))}</p>' if value else ""

    instructors = "; ".join(str(person.get("name", person)) if isinstance(person, dict) else str(person)
                            for person in course.get("instructors") or [])
    return ('<section class="book-cover">'
            f"<h1>{html.escape(title)}</h1>{line(course.get('subtitle'), 'book-subtitle')}"
            f"{line(course.get('institution'))}{line(course.get('term'))}{line(instructors)}"
            f"{line(config.get('copyright'))}{line(words('pdf.printed', date=dt.date.today().isoformat()))}</section>")


def _footer(title: str) -> str:
    return ('<div style="font-size:8pt;width:100%;margin:0 15mm;display:flex;justify-content:space-between;'
            f'color:#555;font-family:system-ui,sans-serif"><span>{html.escape(title)}</span>'
            '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')






@contextmanager
def chromium(origin: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit(f"make pdf needs Chromium at {CHROMIUM}: run `make system-deps` (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context()
        # Only the local copy of the site: anything else is refused, so the PDFs never depend on the network.
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                      or route.request.url.startswith(("data:", "blob:")) else route.abort())
        try:
            yield context.new_page()
        finally:
            browser.close()


if __name__ == "__main__":
    sys.exit(main())
