"""The search index, made to find a name however a reader types it.

Material's search (lunr) matches words as they are spelt: "Borzel" finds no "Börzel" and
"Visegrad" no "Visegrád", and a phone keyboard makes the plain letters the likelier. Each
entry of search/search_index.json gets, after its text, the words of it that carry a
diacritic, spelt without it, so both spellings find the page. Readers do not see them: a
result shows the start of the text, and highlighting marks the words as typed.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

_WORD = re.compile(r"\w+")


def plain_spelling(word: str) -> str:
    """The word without its diacritics: "Börzel" -> "Borzel"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def with_plain_spellings(index: dict[str, Any]) -> dict[str, Any]:
    """The index with each entry's diacritic words added once, in plain letters."""
    for entry in index.get("docs", []):
        for field in ("title", "text"):
            plain = dict.fromkeys(plain_spelling(word) for word in _WORD.findall(entry.get(field, ""))
                                  if plain_spelling(word) != word and plain_spelling(word).isascii())
            if plain:
                entry["text"] = entry.get("text", "") + " " + " ".join(plain)
    return index
