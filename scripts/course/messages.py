"""MkDocs' own warnings in the author's terms: the file they edit, the line, what to do.

MkDocs says "Doc file 'about.md' contains a link 'x.md', but the target is not found among
documentation files": a path inside docs/, no line, no advice. `in_author_terms` turns each
kind of link and nav warning MkDocs 1.6 writes into "docs/about.md:12: the link 'x.md' leads
to no page. ...", finding the line in the author's file. Messages it does not know come back
unchanged, so a new MkDocs warning is never lost.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

_PAGE = r"Doc file '(?P<page>[^']+)' contains"
_GUESS = r"(?: Did you mean '(?P<guess>[^']*)'\?)?"
_MISSING_TARGET = re.compile(
    _PAGE + r" a link '(?P<link>[^']+)', but the target(?: '(?P<target>[^']+)')? is not found among "
    r"documentation files\." + _GUESS + "$")
_MISSING_ANCHOR = re.compile(
    _PAGE + r" a link '(?P<link>[^']+)', but (?:the doc '(?P<doc>[^']+)' does not contain an anchor "
    r"'#(?P<anchor>[^']+)'|there is no such anchor on this page)\.(?P<context>.*)$")
_FOLDER_LINK = re.compile(_PAGE + r" an unrecognized relative link '(?P<link>[^']+)', it was left as is\." + _GUESS + "$")
_ABSOLUTE_LINK = re.compile(_PAGE + r" an absolute link '(?P<link>[^']+)', it was left as is\." + _GUESS + "$")
_EXCLUDED_TARGET = re.compile(_PAGE + r" a link to '(?P<link>[^']+)' which is excluded from the built site\.$")
_NAV_MISSING = re.compile(
    r"A reference to '(?P<path>[^']+)' is included in the 'nav' configuration, which is not found in the "
    r"documentation files\.$")
_NAV_ABSOLUTE = re.compile(
    r"An absolute path to '(?P<path>[^']+)' is included in the 'nav' configuration, which presumably points "
    r"to an external resource\.$")
_NOT_IN_NAV = re.compile(
    r'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
    r"(?P<pages>(?:  - .+\n?)+)$")
# MkDocs announces the page a hook's error came from, then prints the error, which names it already.
_PAGE_FAILED = re.compile(r"Error (?:reading|building) page '[^']+':$")
_CONFLICT = re.compile(r"Excluding '(?P<left>[^']+)' from the site because it conflicts with '(?P<kept>[^']+)'\.$")
_IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")


@dataclass(frozen=True)
class Project:
    """What the messages need to know of the course: where docs/ and mkdocs.yml are, and how to
    read a file as the author saved it (None when it does not exist, e.g. a generated page)."""

    docs_dir: str  # "docs", as the author sees it from the project root
    config_file: str  # "mkdocs.yml"
    read: Callable[[str], str | None]  # a project-relative path -> its text
    pages: tuple[str, ...] = ()  # every page in docs/, relative to it, for "did you mean"
    data_files: tuple[str, ...] = ()  # project-relative: where a generated page's text comes from
    # A page (relative to the docs folder) -> the file the author edits: another language's build
    # reads a merged folder, whose pages are that language's own (docs-ru/) or the main one's.
    page_file: Callable[[str], str] | None = None

    def page(self, page: str) -> str:
        return self.page_file(page) if self.page_file else f"{self.docs_dir}/{page}"


def in_author_terms(message: str, project: Project) -> list[str]:
    """The author's version of one MkDocs warning: one line per problem (several pages left out of
    the nav are several problems, a bare announcement of the error that follows none); an unknown
    message comes back as it was."""
    if _PAGE_FAILED.match(message):
        return []
    if match := _CONFLICT.match(message):
        return [f"{project.page(match['left'])}: left out of the site, because {project.page(match['kept'])} "
                "is the page of the same folder. Keep one of the two (rename or delete the other)."]
    if match := _MISSING_TARGET.match(message):
        link, page = match["link"], match["page"]
        guess = f" Did you mean '{match['guess']}'?" if match["guess"] else ""
        if _is_image(link):
            return [f"{_where(project, page, link)}: the image '{link}' is not in {project.docs_dir}/ "
                    f"(looked for {project.docs_dir}/{match['target'] or link}).{guess} "
                    f"Save the image there, or fix its path (paths are relative to the page and case-sensitive)."]
        return [f"{_where(project, page, link)}: the link '{link}' leads to no page or file in "
                f"{project.docs_dir}/.{guess or _close_page(project, match['target'] or link)} Fix the link "
                f"(it is relative to this page and case-sensitive), or create the page."]
    if match := _MISSING_ANCHOR.match(message):
        link, page = match["link"], match["page"]
        anchor = match["anchor"] or link.split("#", 1)[-1]
        target = project.page(match["doc"]) if match["doc"] else "this page"
        return [f"{_where(project, page, link)}: the link '{link}' points to '#{anchor}', which is not a heading "
                f"or anchor of {target}.{match['context']} Use the id of one of its headings (shown in the "
                f"address bar when you click the heading's ¶ sign), or add the anchor."]
    if match := _FOLDER_LINK.match(message):
        link, page = match["link"], match["page"]
        guess = f"'{match['guess']}'" if match["guess"] else "its Markdown file"
        return [f"{_where(project, page, link)}: the link '{link}' names a folder or a page without its '.md'. "
                f"Link to {guess} instead, so the link works in every copy of the site."]
    if match := _ABSOLUTE_LINK.match(message):
        link, page = match["link"], match["page"]
        guess = f", e.g. '{match['guess']}'" if match["guess"] else ""
        return [f"{_where(project, page, link)}: the link '{link}' starts with '/', so it breaks when the site is "
                f"published under a sub-path or opened offline. Write it relative to this page{guess}."]
    if match := _EXCLUDED_TARGET.match(message):
        link, page = match["link"], match["page"]
        return [f"{_where(project, page, link)}: the link '{link}' leads to a page left out of the built site "
                f"(exclude_docs or draft_docs in {project.config_file}). Remove the link, or publish the page."]
    if match := _NAV_MISSING.match(message):
        return nav_problems(project, [match["path"]])
    if match := _NAV_ABSOLUTE.match(message):
        path = match["path"]
        return [f"{_where_in_config(project, path)}: the nav entry '{path}' starts with '/'. Write a page as its "
                f"path inside {project.docs_dir}/ (e.g. 'about.md'), or a full address (https://...)."]
    if match := _NOT_IN_NAV.match(message):
        return [f"{project.page(page)}: this page is not in the nav of {project.config_file}, so a reader "
                f"finds it only through links. Add it to the nav, or list it under not_in_nav in "
                f"{project.config_file} if that is meant."
                for page in re.findall(r"^  - (.+)$", match["pages"], re.MULTILINE)]
    return [message]


def nav_problems(project: Project, nav: list[str], only_case: bool = False) -> list[str]:
    """A line per nav entry that is no page in docs/. With only_case, only the entries whose
    file exists with other capitals: checked before any hook reads the nav's lessons (they
    would blame the lesson or its quiz), when generated pages are not yet known."""
    problems = []
    for path in nav:
        if "://" in path or path.startswith(("/", "mailto:")) or path in project.pages:
            continue
        hint = _close_page(project, path)
        if only_case and "only the capitals differ" not in hint:
            continue
        problems.append(f"{_where_in_config(project, path)}: the nav lists '{path}', which is not a page in "
                        f"{project.docs_dir}/.{hint} Fix the name in the nav (names are case-sensitive), or "
                        f"create the page.")
    return problems


# Helper functions


def _where(project: Project, page: str, link: str) -> str:
    """docs/<page>:<line of the link>. A generated page has no file: the data file that holds the
    link is named instead (data/glossary.yml:<line>), as the author wrote it there."""
    path = project.page(page)
    text = project.read(path)
    if text is None:
        for data_file in project.data_files:
            line = _line_of_link(project.read(data_file) or "", link)
            if line:
                return f"{data_file}:{line} (on the generated page {path})"
        return f"{path} (a generated page)"
    line = _line_of_link(text, link)
    return f"{path}:{line}" if line else path


def _where_in_config(project: Project, path: str) -> str:
    """mkdocs.yml:<line of the nav entry>."""
    in_nav = False
    for number, line in enumerate((project.read(project.config_file) or "").splitlines(), start=1):
        if re.match(r"[^\s#]", line):  # a top-level key: the nav starts or ends here
            in_nav = line.startswith("nav:")
        elif in_nav and re.search(rf"(?:^|[\s:'\"-]){re.escape(path)}(?:$|[\s'\"#])", line):
            return f"{project.config_file}:{number}"
    return project.config_file


def _line_of_link(text: str, link: str) -> int | None:
    """The line where the page writes the link: as a Markdown link or image, a reference
    definition, or an HTML attribute; else the first line that mentions it."""
    quoted = re.escape(link)
    for pattern in (rf"\]\(\s*<?{quoted}[\s)>]", rf"^\s*\[[^\]]+\]:\s*<?{quoted}", rf"(?:href|src)=[\"']{quoted}[\"']",
                    quoted):
        found = re.search(pattern, text, re.MULTILINE)
        if found:
            return text.count("\n", 0, found.start()) + 1
    return None


def _close_page(project: Project, path: str) -> str:
    same_but_case = [page for page in project.pages if page.lower() == path.lower()]
    if same_but_case:
        return f" The page is '{same_but_case[0]}': only the capitals differ."
    close = difflib.get_close_matches(path, project.pages, n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def _is_image(link: str) -> bool:
    return link.split("#", 1)[0].split("?", 1)[0].lower().endswith(_IMAGE_EXTENSIONS)
