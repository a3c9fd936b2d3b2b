"""This course's lessons read at or below Flesch–Kincaid grade 12, with at most one sentence
in twenty over 30 words (running prose only; see course/readability.py). Many students read
in their second language. `make readability` prints the figures."""
from __future__ import annotations

import pytest
from course.readability import LONG_SENTENCE_WORDS, measure_markdown, prose_blocks, split_sentences, words_of
from helpers import ROOT

LESSONS = sorted((ROOT / "docs" / "lessons").glob("[0-9][0-9]-*.md"))
MAX_GRADE = 12.0
MAX_LONG_SHARE = 1 / 20


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_prose_is_plain_enough_for_second_language_readers(path):
    text = path.read_text(encoding="utf-8")
    figures = measure_markdown(text)
    long = [sentence for block in prose_blocks(text) for sentence in split_sentences(block)
            if len(words_of(sentence)) > LONG_SENTENCE_WORDS]
    assert figures.sentences > 50, "too little running prose to measure: is the lesson parsed?"
    assert figures.grade <= MAX_GRADE, f"grade {figures.grade:.1f}: shorten sentences, prefer short words"
    assert figures.long_share <= MAX_LONG_SHARE, (
        f"{figures.long_sentences} of {figures.sentences} sentences are over {LONG_SENTENCE_WORDS} words:\n"
        + "\n".join(f"- {sentence[:120]}" for sentence in long))
