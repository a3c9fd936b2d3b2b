"""Our stylesheets and scripts, served as one minified file of each kind.

Authors keep readable, commented files, one per concern (docs/assets/css/quiz.css, ...),
listed in mkdocs.yml `extra_css` and `extra_javascript` as usual. Readers on a phone get
one stylesheet and one script instead of eight files, without the comments: the pages
request fewer files and our share of each first visit stays under 15 KB.

Minifying is done by rcssmin and rjsmin (C extensions, well under a millisecond here):
they drop comments and white space only and never rename anything, so the output is the
same program. The file name carries a hash of the content, so a browser that cached an
old version can never mix it with new pages.
"""
from __future__ import annotations

import hashlib
import re
from typing import Literal

import rcssmin
import rjsmin

Kind = Literal["css", "js"]


def bundle(sources: list[tuple[str, str]], kind: Kind) -> str:
    """The sources, (name, text) in the order given, minified into one text."""
    if kind == "css":
        return "\n".join(rcssmin.cssmin(text) for _, text in sources) + "\n"
    # Each script is complete on its own; the newline and semicolon keep one file's last
    # statement from running into the next file's first.
    return ";\n".join(rjsmin.jsmin(text).rstrip(";") for _, text in sources) + ";\n"


def content_uri(stem: str, content: str, suffix: str) -> str:
    """A site path named by the file's content, stem.1a2b3c4d.suffix: a browser may keep such a
    file as long as it likes and still never shows a stale one."""
    return f"{stem}.{hashlib.sha256(content.encode('utf-8')).hexdigest()[:8]}.{suffix}"


def bundle_uri(kind: Kind, content: str) -> str:
    """Where the bundle is served, named by its content: assets/course.1a2b3c4d.min.css."""
    return content_uri("assets/course", content, f"min.{kind}")


# A <meta http-equiv="Content-Security-Policy"> stops Chromium's look-ahead fetching of the
# scripts that follow it: each script at the end of <body> was fetched only when the parser
# reached it, one after another (about 0.8 s more on a throttled phone). A preload link for
# each, right after the policy, starts them together; the policy still applies to them.
_CSP_META = '<meta http-equiv="Content-Security-Policy"'
_SCRIPT_SRC = re.compile(r'<script src="([^"]+)"')


def preload_scripts(html: str) -> str:
    """The page with a preload link for each script after its CSP <meta> (unchanged without one)."""
    start = html.find(_CSP_META)
    if start < 0:
        return html
    end = html.index(">", start) + 1
    sources = dict.fromkeys(_SCRIPT_SRC.findall(html, end))  # in page order, once each
    links = "".join(f'<link rel="preload" href="{src}" as="script">' for src in sources)
    return html[:end] + links + html[end:]


# Material's templates indent their output deeply and leave blank lines: on a lesson, 0.8 KB
# gzipped of a phone's first visit. Where white space is kept as written (pre, textarea) it
# stays; elsewhere a line break followed by more white space shows exactly as the line break.
_INDENT_OR_KEPT = re.compile(r"(?P<kept><(pre|textarea)\b.*?</\2>)|\n\s+", re.DOTALL | re.IGNORECASE)


def without_indentation(html: str) -> str:
    """The page without the white space that opens its lines (the page reads and renders the same)."""
    return _INDENT_OR_KEPT.sub(lambda match: match.group("kept") or "\n", html)


# Images in a page's content load when the reader scrolls near them: a phone's first visit
# fetches only those in view (a lesson's figures and maps are 2-20 KB each).
_EAGER_IMG = re.compile(r"<img (?![^>]*\bloading=)")


def lazy_images(html: str) -> str:
    """The content with loading="lazy" on every <img> that does not say how to load."""
    return _EAGER_IMG.sub('<img loading="lazy" ', html)
