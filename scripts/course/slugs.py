"""File names from titles in any of the course's languages: "Суу жана энергия" → "suu-zhana-energiya".

One function, used for lesson files (`make lesson`), the offline zip and the PDFs, so a
course titled in Russian or another Cyrillic or Latin alphabet gets readable names, not "lesson" or "course".
"""
from __future__ import annotations

import re
import unicodedata

# Cyrillic letters (Russian, and the Turkic alphabets written in Cyrillic), in a plain Latin spelling close to
# the one passports and maps use (BGN/PCGN-like, without diacritics so names stay ASCII).
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Turkic letters
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    # Uzbek Cyrillic
    "ў": "o", "ҳ": "h",
}
APOSTROPHES = "'’ʻʼ`"  # Uzbek Latin oʻ, gʻ and the apostrophe inside words


def transliterate(text: str) -> str:
    """Lowercase ASCII: Cyrillic spelled out in Latin letters, accents dropped (Türkiye → turkiye)."""
    lowered = "".join(CYRILLIC.get(char, char) for char in text.lower())
    lowered = "".join(char for char in lowered if char not in APOSTROPHES)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slugify(title: str, max_length: int = 40, default: str = "lesson") -> str:
    """Lowercase words joined by dashes, at most about `max_length` characters, cut at a word."""
    words = re.sub(r"[^a-z0-9]+", " ", transliterate(title)).split()
    slug = ""
    for word in words:
        if slug and len(slug) + len(word) + 1 > max_length:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug[:max_length] or default


def offline_zip_name(course_title: str) -> str:
    """The classroom copy's file name, `make offline`'s and the published site's: <course>-offline.zip."""
    return f"{slugify(course_title, max_length=80, default='course')}-offline.zip"
