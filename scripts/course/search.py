"""The search index, made to find a name however a reader types it.

Material's search (lunr) matches words as they are spelt: "Borzel" finds no "Börzel" and
"Visegrad" no "Visegrád", and a phone keyboard makes the plain letters the likelier. Each
entry of the index gets, after its text, the words of it that carry a diacritic, spelt
without it, so both spellings find the page. Readers do not see them: a result shows the
start of the text, and highlighting marks the words as typed.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

_ACCENTED_LETTER = re.compile("[\u00c0-\u024f]")  # Latin letters with diacritics (Latin-1 to Extended-B)
_WORD = re.compile(r"\w+")


def plain_spelling(word: str) -> str:
    """The word without its diacritics: "Börzel" -> "Borzel"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def add_plain_spellings(entries: list[dict[str, Any]]) -> None:
    """Each index entry (location, title, text) with its diacritic words added once, in plain letters."""
    for entry in entries:
        found = f"{entry.get('title', '')} {entry.get('text', '')}"
        if not _ACCENTED_LETTER.search(found):  # most entries: nothing to do, found by one quick scan
            continue
        words = (word for word in _WORD.findall(found) if _ACCENTED_LETTER.search(word))
        plain = dict.fromkeys(p for p in map(plain_spelling, words) if p.isascii())
        if plain:
            entry["text"] = entry.get("text", "") + " " + " ".join(plain)
