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

# Starts with the literal "title=" (the space before it is checked behind): the regex engine
# then jumps from one title to the next instead of trying every position of the page.
TITLE = re.compile(r'title=(?<=\stitle=)(?P<quote>["\'])(?P<value>.*?)(?P=quote)', re.DOTALL)


def text_only_titles(html: str) -> str:
    """Every title="..." in `html` with "<" escaped once more (as `&amp;lt;`)."""
    return TITLE.sub(_escape_title, html)


# Helper functions


def _escape_title(match: re.Match[str]) -> str:
    value = match["value"].replace("&lt;", "&amp;lt;").replace("<", "&amp;lt;")
    return f"title={match['quote']}{value}{match['quote']}"
