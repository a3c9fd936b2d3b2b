"""How hard a lesson's prose is to read: Flesch–Kincaid grade and the share of long sentences.

Many students read the course in their second language, so each lesson's running prose is
kept at or below grade 12 with few long sentences. Measured offline, with our own counter:
current textstat releases fetch a dictionary at run time, and the build has no network.

What counts is running prose: paragraphs, list items, admonition bodies and captions.
Front matter, headings, admonition titles, tables, code, raw HTML, images, quiz markers and
citations ([@key] and [see @key, p. 3]) are left aside. A list item and a paragraph each end
a sentence even without a full stop. Syllables are estimated from vowel groups (the usual
heuristic, right for most English words within one syllable); a number counts as one word
of one syllable, as textstat counts it.

Run `python -m course.readability docs/lessons/*.md` (from scripts/) for the figures.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .editions import split_notes

# Flesch–Kincaid grade level (Kincaid et al. 1975).
WORDS_PER_SENTENCE_WEIGHT = 0.39
SYLLABLES_PER_WORD_WEIGHT = 11.8
GRADE_OFFSET = 15.59
LONG_SENTENCE_WORDS = 30

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+\S+(?:\s+"[^"]*")?\s*$')
BLOCK_FENCE = re.compile(r"^\s*///")  # pymdownx.blocks: `/// caption` ... `///`
TABLE_ROW = re.compile(r"^\s*\|")
ABBREVIATION = re.compile(r"^\s*\*\[[^\]]+\]:")
IMAGE_ONLY = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
LIST_MARKER = re.compile(r"^\s*(?:[-+*]|\d+[.)])\s+")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CITATION = re.compile(r"\[[^\[\]]*@[\w:.-]+[^\[\]]*\]")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
ATTRIBUTES = re.compile(r"\{[:.#][^}]*\}")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
EMPHASIS = re.compile(r"[*_`]+")
WORD = re.compile(r"[A-Za-zÀ-ÿ\u0100-\u024f\u0400-\u04ff'’]+(?:[-‑][A-Za-zÀ-ÿ\u0100-\u024f\u0400-\u04ff0-9'’]+)*|\d+(?:[,.]\d+)*")
# Full stops that do not end a sentence: common abbreviations and initials ("K. Moldashev").
NOT_AN_END = re.compile(
    r"\b(?:e\.g|i\.e|etc|cf|vs|p|pp|ch|no|vol|ed|eds|Dr|Mr|Mrs|Ms|St|Jr|al|[A-Z])\.$")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]*[A-Z0-9])")


@dataclass(frozen=True)
class Readability:
    """The figures for one text."""

    sentences: int
    words: int
    syllables: int
    long_sentences: int  # sentences of more than LONG_SENTENCE_WORDS words

    @property
    def grade(self) -> float:
        """Flesch–Kincaid grade; 0 for a text without words."""
        if not self.words or not self.sentences:
            return 0.0
        return (WORDS_PER_SENTENCE_WEIGHT * self.words / self.sentences
                + SYLLABLES_PER_WORD_WEIGHT * self.syllables / self.words - GRADE_OFFSET)

    @property
    def long_share(self) -> float:
        """The share of sentences over LONG_SENTENCE_WORDS words, from 0 to 1."""
        return self.long_sentences / self.sentences if self.sentences else 0.0


def measure_markdown(markdown: str) -> Readability:
    """Readability of a lesson's running prose (see the module's docstring for what counts);
    instructor notes are not what a student reads (course/editions.py)."""
    return measure_blocks(prose_blocks(split_notes(markdown)[0]))


def measure_blocks(blocks: list[str]) -> Readability:
    """Readability of plain-text blocks, each of which ends a sentence."""
    sentences = [s for block in blocks for s in split_sentences(block)]
    counts = [words_of(sentence) for sentence in sentences]
    counts = [words for words in counts if words]
    return Readability(
        sentences=len(counts),
        words=sum(len(words) for words in counts),
        syllables=sum(count_syllables(word) for words in counts for word in words),
        long_sentences=sum(1 for words in counts if len(words) > LONG_SENTENCE_WORDS),
    )


def prose_blocks(markdown: str) -> list[str]:
    """The running prose of a Markdown page as plain text, one string per paragraph or item."""
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(plain(" ".join(current)))
            current.clear()

    in_code = False
    for line in _without_front_matter(HTML_COMMENT.sub("", markdown)).splitlines():
        if FENCE.match(line):
            close()
            in_code = not in_code
            continue
        if in_code:
            continue
        if (not line.strip() or HEADING.match(line) or ADMONITION.match(line)
                or BLOCK_FENCE.match(line) or TABLE_ROW.match(line)
                or ABBREVIATION.match(line) or IMAGE_ONLY.match(line)):
            close()
            continue
        if LIST_MARKER.match(line):
            close()
            line = LIST_MARKER.sub("", line, count=1)
        current.append(line.strip().lstrip("> "))
    close()
    return [block for block in blocks if block]


def plain(text: str) -> str:
    """Inline Markdown reduced to the words a reader reads (citations dropped)."""
    text = CITATION.sub("", text)
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = ATTRIBUTES.sub("", text)
    text = TAG.sub("", text)
    text = EMPHASIS.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def split_sentences(text: str) -> list[str]:
    """Sentences of one block: split after . ! ? before a capital, except after abbreviations."""
    sentences: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        candidate = text[start:match.start()].rstrip("\"”’)] ")
        if NOT_AN_END.search(candidate):
            continue
        sentences.append(text[start:match.start()].strip())
        start = match.end()
    sentences.append(text[start:].strip())
    return [sentence for sentence in sentences if sentence]


def words_of(sentence: str) -> list[str]:
    """The words of a sentence; dashes and slashes separate, hyphens join."""
    return WORD.findall(re.sub(r"[–—/]", " ", sentence))


def count_syllables(word: str) -> int:
    """Estimated syllables of one word (a hyphenated word is the sum of its parts)."""
    if word[0].isdigit():
        return 1
    return sum(_syllables_of_part(part) for part in re.split(r"[-‑]", word) if part)


def format_table(figures: dict[str, Readability]) -> str:
    """One line per text: grade, sentences, long sentences and their share."""
    width = max([len("file"), *map(len, figures)])
    lines = [f"{'file':<{width}} {'grade':>5} {'sentences':>9} {'over 30':>7} {'share':>6}"]
    for name, figure in figures.items():
        lines.append(f"{name:<{width}} {figure.grade:>5.1f} {figure.sentences:>9} "
                     f"{figure.long_sentences:>7} {figure.long_share:>6.1%}")
    return "\n".join(lines)


# Helper functions


def _without_front_matter(markdown: str) -> str:
    if markdown.startswith("---\n"):
        end = markdown.find("\n---", 4)
        if end != -1:
            return markdown[end + 4:]
    return markdown


def _syllables_of_part(part: str) -> int:
    """Vowel groups, less a silent final e ("state"), -ed ("joined") or -es ("times")."""
    letters = re.sub(r"[^a-zà-ÿ]", "", part.lower().replace("’", "'"))
    if not letters:
        return 0
    if len(letters) <= 3:
        return 1
    groups = len(re.findall(r"[aeiouyà-ÿ]+", letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    if re.search(r"[^aeiouy]ed$", letters) and not re.search(r"[td]ed$", letters) and groups > 1:
        groups -= 1  # "changed", "joined": one syllable, not two
    if re.search(r"[^aeiouy]es$", letters) and not re.search(r"(?:[sxz]|[cs]h|ge|ce)es$", letters) and groups > 1:
        groups -= 1  # "states", "times"
    return max(1, groups)


def main(paths: list[str]) -> int:
    """Print the figures of each Markdown file named on the command line."""
    figures = {path: measure_markdown(Path(path).read_text(encoding="utf-8")) for path in paths}
    print(format_table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
