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


def bundle_uri(kind: Kind, content: str) -> str:
    """Where the bundle is served, named by its content: assets/course.1a2b3c4d.min.css."""
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
    return f"assets/course.{digest}.min.{kind}"
