"""The readability counter (course.readability): what counts as prose, sentences, syllables."""
from __future__ import annotations

import pytest
from course.readability import (
    LONG_SENTENCE_WORDS,
    count_syllables,
    main,
    measure_blocks,
    measure_markdown,
    prose_blocks,
    split_sentences,
    words_of,
)


@pytest.mark.parametrize(("word", "syllables"), [
    ("the", 1), ("state", 1), ("states", 1), ("joined", 1), ("table", 2), ("region", 2),
    ("wanted", 2), ("cases", 2), ("people", 2), ("cooperation", 4), ("regionalism", 4),
    ("Uzbekistan", 4), ("institutionalism", 6), ("well-known", 2), ("2018", 1),
])
def test_syllables_are_estimated_from_vowel_groups(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_sentences_split_after_full_stops_but_not_after_abbreviations_or_initials() -> None:
    text = "Dr. Smith met K. Moldashev in St. Petersburg, e.g. in 2005. Then he left! Why? Fine."
    assert split_sentences(text) == [
        "Dr. Smith met K. Moldashev in St. Petersburg, e.g. in 2005.", "Then he left!", "Why?", "Fine."]


def test_dashes_and_slashes_separate_words_and_hyphens_join_them() -> None:
    assert words_of("Kazakh–Uzbek talks, 2017–2018, and/or a well-known rule.") == [
        "Kazakh", "Uzbek", "talks", "2017", "2018", "and", "or", "a", "well-known", "rule"]


def test_only_running_prose_counts() -> None:
    markdown = "\n".join([
        "---", "teaching: 50", "---", "", "# A heading is not prose", "",
        '!!! objectives "An admonition title is not prose"', "",
        "    An admonition body is prose.", "",
        "| a table | is not prose |", "|---|---|", "| x | y |", "",
        "```", "code is not prose.", "```", "",
        "<!-- quiz -->", "",
        "![An image is not prose.](figure.svg)", "",
        "A paragraph [with a link](page.md) and a citation [@acharya1997] that is dropped",
        "goes on over two lines.", "",
        "- A list item ends a sentence", "- so does this one", "",
        "*[EU]: European Union",
    ])
    assert prose_blocks(markdown) == [
        "An admonition body is prose.",
        "A paragraph with a link and a citation that is dropped goes on over two lines.",
        "A list item ends a sentence", "so does this one",
    ]


def test_citations_do_not_count_towards_a_sentences_length() -> None:
    words = " ".join(["word"] * LONG_SENTENCE_WORDS)
    cited = f"{words} [see @moldashev2018, p. 3; @acharya1997]."
    assert measure_markdown(cited).long_sentences == 0
    assert measure_markdown(f"{words} more.").long_sentences == 1


def test_grade_follows_the_flesch_kincaid_formula() -> None:
    figures = measure_blocks(["The cat sat on the mat.", "It was a good day for it."])
    assert (figures.sentences, figures.words, figures.syllables) == (2, 13, 13)
    assert figures.grade == pytest.approx(0.39 * 13 / 2 + 11.8 * 13 / 13 - 15.59)


def test_long_and_hard_prose_scores_higher_than_short_plain_prose() -> None:
    plain = measure_markdown("We met. We talked. We agreed on a plan.")
    hard = measure_markdown("Institutionalisation of intergovernmental cooperation necessitates "
                            "considerable organisational commitment by participating governments.")
    assert hard.grade > 12 > plain.grade
    assert measure_markdown("").grade == 0.0 and measure_markdown("").long_share == 0.0


def test_the_command_prints_one_line_per_file(tmp_path, capsys) -> None:
    lesson = tmp_path / "01-lesson.md"
    lesson.write_text("We met. We talked.\n", encoding="utf-8")
    assert main([str(lesson)]) == 0
    output = capsys.readouterr().out
    assert "01-lesson.md" in output and "grade" in output
