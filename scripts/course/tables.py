"""Tables that scroll sideways: a named region that takes focus, around every table.

On a phone a wide table scrolls inside its box. A keyboard user can scroll only what takes
focus, and a screen reader announces a region by its name: the table's caption (a figure's
figcaption, as pymdownx.blocks.caption writes it) or else the heading the table sits under.
Material still wraps the table in its own scroll box inside ours; our CSS lets ours scroll.
"""
from __future__ import annotations

import html
import re

# One pass over a page: headings (remembered as the current name) and tables with the
# figcaption that may follow them.
_HEADING_OR_TABLE = re.compile(
    r"<h[1-6][^>]*>(?P<heading>.*?)</h[1-6]>"
    r"|(?P<table><table\b.*?</table>)(?P<after>\s*<figcaption\b[^>]*>(?P<caption>.*?)</figcaption>)?",
    re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def label_tables(page_html: str) -> str:
    """The page with each <table> inside a focusable region named after its caption or heading."""
    heading = ""

    def wrap(match: re.Match[str]) -> str:
        nonlocal heading
        if match["heading"] is not None:
            heading = _plain(match["heading"])
            return match[0]
        name = _plain(match["caption"]) if match["caption"] is not None else heading
        label = f' aria-label="{html.escape(name)}"' if name else ""
        return (f'<div class="course-scroll" role="region" tabindex="0"{label}>{match["table"]}</div>'
                f'{match["after"] or ""}')

    return _HEADING_OR_TABLE.sub(wrap, page_html)


def _plain(fragment: str) -> str:
    """The text a reader sees, without the permalink sign."""
    return " ".join(html.unescape(_TAG.sub("", _HEADERLINK.sub("", fragment))).split())
