"""Title attributes that stay text in Material's tooltips.

With `content.tooltips`, Material builds each tooltip from an element's `title` by inserting
it as HTML (its bundle assigns the title to innerHTML). A title is text by the HTML rules, so
every generator escapes it for the attribute only; but once decoded, a definition such as
"<img src=x onerror=...>" would become a live element on hover. Escaping `<` a second time
makes the decoded title show the same characters in the tooltip without creating any element.
Without JavaScript the browser's own tooltip would show "&lt;", a fair price for titles that
hold a "<" at all (ours normally never do).
"""
from __future__ import annotations

import re

# A start tag, read as the HTML rules read one: a name, then attributes whose quoted values may
# hold anything but their quote (even "<" or ">"). Text is never a tag: `<a title="<b>">` shown
# as inline code is `&lt;a title=...` in the page, so it is left exactly as written.
START_TAG = re.compile(r"""<[A-Za-z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*/?>""")
TITLE = re.compile(r'(?<=\s)title=(?P<quote>["\'])(?P<value>.*?)(?P=quote)', re.DOTALL)


def text_only_titles(html: str) -> str:
    """Every title="..." attribute of an element in `html` with "<" escaped once more (as `&amp;lt;`)."""
    if "title=" not in html:
        return html
    return START_TAG.sub(lambda tag: TITLE.sub(_escape_title, tag[0]) if "title=" in tag[0] else tag[0], html)


# Helper functions


def _escape_title(match: re.Match[str]) -> str:
    value = match["value"].replace("&lt;", "&amp;lt;").replace("<", "&amp;lt;")
    return f"title={match['quote']}{value}{match['quote']}"
