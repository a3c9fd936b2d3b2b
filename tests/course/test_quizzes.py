"""The quiz core: loading, validation (one test per kind of bad input), rendering. No MkDocs."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from course.errors import CourseError
from course.quiz_html import quiz_texts_script, quiz_texts_uri, render_answer_key, render_quiz
from course.quizzes import check_objectives, check_sections, load_quiz, load_quizzes, objective_lines
from helpers import ROOT, english_words

WORDS = english_words()

QUIZZES = ROOT / "data" / "quizzes"
LESSONS = ROOT / "docs" / "lessons"

GOOD = """\
shuffle: true
questions:
  - id: caec-founding
    kind: single
    prompt: Which states founded the *CAEC*?
    section: the-central-asian-economic-community
    options:
      - text: Four of them
        correct: true
        feedback: Right, four.
      - text: All five
        feedback: No, Turkmenistan stayed out.
  - id: pick-two
    kind: multiple
    prompt: Pick two.
    options:
      - {text: A, correct: true, feedback: Yes A.}
      - {text: B, correct: true, feedback: Yes B.}
      - {text: C, feedback: No C.}
  - id: binding
    kind: true-false
    prompt: The CAEC was binding.
    answer: false
    feedback:
      "true": Not so.
      "false": Correct.
  - id: order-steps
    kind: ordering
    prompt: Order these.
    items: [First (1993), Second (1994), Third (1998)]
    explanation: Earliest first.
"""


def write_quiz(tmp_path: Path, text: str, name: str = "03-hard-institutionalism.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> str:
    with pytest.raises(CourseError) as caught:
        load_quiz(write_quiz(tmp_path, text), "data/quizzes/03-hard-institutionalism.yml")
    message = str(caught.value)
    assert "\n" not in message
    return message


# Loading and rendering


def test_a_good_quiz_parses_into_questions(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, GOOD), "data/quizzes/03-hard-institutionalism.yml")
    assert quiz.slug == "03-hard-institutionalism"
    assert [q.kind for q in quiz.questions] == ["single", "multiple", "true-false", "ordering"]
    assert quiz.questions[0].line == 3 and quiz.questions[0].options[0].line == 8
    true_false = quiz.questions[2]
    assert [(o.text, o.correct, o.feedback) for o in true_false.options] == [
        ("True", False, "Not so."), ("False", True, "Correct.")]


def test_rendered_quiz_is_accessible_and_does_not_spoil_the_answers(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, GOOD), "data/quizzes/03-hard-institutionalism.yml")
    out = render_quiz(quiz, WORDS, {"the-central-asian-economic-community": ("#the-central-asian-economic-community", "The CAEC")})
    assert "\n\n" not in out  # one raw HTML block for Markdown
    assert out.count("<fieldset") == 4 and out.count("<legend>") == 4
    assert 'type="radio"' in out and 'type="checkbox"' in out
    assert "<em>CAEC</em>" in out  # Markdown in prompts
    assert 'href="#the-central-asian-economic-community">The CAEC</a>' in out
    assert out.count('aria-live="polite"') == 5  # the score and one feedback region per question
    # What a reader sees without JavaScript (text outside tags and attributes) holds no feedback.
    visible = re.sub(r"<[^>]+>", "", out)
    for secret in ("Right, four.", "No, Turkmenistan", "Yes A.", "Not so.", "Earliest first."):
        assert secret not in visible
    answers = json.loads(html.unescape(re.search(r"data-answers='([^']*)'", out).group(1)))
    assert answers["caec-founding"]["c"] == [0] and answers["caec-founding"]["f"][0] == "Right, four."
    assert answers["binding"]["c"] == [1] and answers["order-steps"]["n"] == 3


def test_with_a_texts_file_the_feedback_leaves_the_page_for_a_content_named_script(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, GOOD), "data/quizzes/03-hard-institutionalism.yml")
    out = render_quiz(quiz, WORDS, texts_url="../../assets/quizzes/x.js")
    assert 'data-texts="../../assets/quizzes/x.js"' in out and "Right, four." not in out
    answers = json.loads(html.unescape(re.search(r"data-answers='([^']*)'", out).group(1)))
    assert answers["caec-founding"] == {"h": answers["caec-founding"]["h"], "c": [0]}  # marks, but no words
    script = quiz_texts_script(quiz)
    assert script.startswith("(window.courseQuizTexts = window.courseQuizTexts || {})[\"03-hard-institutionalism\"] = {")
    texts = json.loads(script.split("] = ", 1)[1].rstrip().removesuffix(";"))
    assert texts["caec-founding"]["f"][0] == "Right, four." and "n" not in texts["order-steps"]
    uri = quiz_texts_uri(quiz)
    assert re.fullmatch(r"assets/quizzes/03-hard-institutionalism\.[0-9a-f]{8}\.js", uri)
    changed = load_quiz(write_quiz(tmp_path, GOOD.replace("Right, four.", "Right, four states.")),
                        "data/quizzes/03-hard-institutionalism.yml")
    assert quiz_texts_uri(changed) != uri  # a new name for new words: no stale feedback from a cache


def test_an_ordering_question_is_never_rendered_in_its_right_order(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, GOOD), "data/quizzes/03-hard-institutionalism.yml")
    out = render_quiz(quiz, WORDS)
    indexes = re.findall(r'data-index="(\d)"', out)
    assert sorted(indexes) == ["0", "1", "2"] and indexes != ["0", "1", "2"]


def test_true_false_keeps_true_before_false(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, GOOD), "data/quizzes/03-hard-institutionalism.yml")
    out = render_quiz(quiz, WORDS)
    block = out[out.index('data-id="binding"'):]
    assert block.index(">True<") < block.index(">False<")
    assert 'data-id="binding" data-kind="true-false" data-shuffle="false"' in out


def test_editing_a_question_changes_only_its_hash(tmp_path):
    before = load_quiz(write_quiz(tmp_path, GOOD), "q.yml")
    edited = GOOD.replace("Pick two.", "Pick the two.").replace("{text: C, feedback", "{text: C or D, feedback")
    after = load_quiz(write_quiz(tmp_path, edited), "q.yml")
    changed = [a.id for a, b in zip(before.questions, after.questions) if a.digest != b.digest]
    assert changed == ["pick-two"]
    reworded = load_quiz(write_quiz(tmp_path, GOOD.replace("Pick two.", "Pick the two.")), "q.yml")
    assert [q.digest for q in reworded.questions] == [q.digest for q in before.questions]  # prompt polish keeps answers


def test_data_text_cannot_inject_html(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, GOOD.replace("Pick two.", "<script>alert(1)</script> [x](javascript:alert(1))")),
                     "q.yml")
    out = render_quiz(quiz, WORDS) + render_answer_key(quiz, WORDS)
    assert "<script>" not in out and "javascript:" not in out


def test_answer_key_gives_every_right_answer_and_all_feedback(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, GOOD), "q.yml")
    key = render_answer_key(quiz, WORDS)
    assert "<strong>Right:</strong> Four of them" in key
    assert "No, Turkmenistan stayed out." in key and "Earliest first." in key
    assert key.index("First (1993)") < key.index("Second (1994)") < key.index("Third (1998)")


def test_every_lesson_has_a_quiz_of_at_least_eight_mixed_questions():
    quizzes = load_quizzes(QUIZZES, "data/quizzes")
    for lesson in sorted(LESSONS.glob("[0-9][0-9]-*.md")):
        assert lesson.stem in quizzes, f"no quiz for {lesson.name}"
        quiz = quizzes[lesson.stem]
        assert len(quiz.questions) >= 8, lesson.name
        assert len({q.kind for q in quiz.questions}) >= 3, lesson.name


def test_no_prompt_repeats_the_hint_the_page_shows_under_it():
    # The page adds "Select all that apply." (or its kind's hint) below every prompt: a phone
    # reader saw it twice when the prompt said it too.
    hints = ("select all that apply", "choose one answer", "true or false?")
    repeated = [f"data/quizzes/{path.name}:{question.line}: {question.id}"
                for path in sorted(QUIZZES.glob("*.yml")) for question in load_quiz(path, path.name).questions
                if any(hint in question.prompt.lower() for hint in hints)]
    assert repeated == [], "drop the hint from these prompts: " + ", ".join(repeated)


def test_an_ordering_question_covers_the_1991_to_2008_institutional_sequence():
    quizzes = load_quizzes(QUIZZES, "data/quizzes")
    orderings = [q for quiz in quizzes.values() for q in quiz.questions if q.kind == "ordering"]
    texts = [" ".join(o.text for o in q.options) + " " + q.explanation for q in orderings]
    assert any("CAEC" in t or "Central Asian Economic Community" in t for t in texts)
    assert any("EurAsEC" in t and ("2006" in t or "2008" in t) for t in texts)


# One test per kind of bad input: the message names the file, the line and the question.


@pytest.mark.parametrize("old, new, line, expected", [
    ("        correct: true\n        feedback: Right, four.", "        feedback: Right, four.", 3,
     "question 'caec-founding': no option is marked 'correct: true'"),
    ("      - text: All five\n", "      - text: All five\n        correct: true\n", 11,
     "question 'caec-founding': 2 options are marked correct (lines 8 and 11)"),
    ("        feedback: No, Turkmenistan stayed out.\n", "", 11,
     "question 'caec-founding': option 'All five' has no feedback"),
    ("    kind: multiple", "    kind: matching", 13, "question 'pick-two': unknown kind 'matching'"),
    ("  - id: pick-two", "  - id: caec-founding", 13,
     "question 'caec-founding': the id is used twice (first at line 3)"),
    ("    items: [First (1993), Second (1994), Third (1998)]", "    items: [First (1993), Second (1994)]", 30,
     "question 'order-steps': an ordering question needs at least 3 items"),
    ("        feedback: Right, four.", "        feedbak: Right, four.", 8,
     "question 'caec-founding': unknown field 'feedbak' in an option"),
    ('      "false": Correct.\n', "", 25, "question 'binding': the answer 'false' has no feedback"),
    ("    answer: false", "    answer: maybe", 20, "question 'binding': a true-false question needs 'answer: true'"),
    ("    explanation: Earliest first.\n", "", 27, "question 'order-steps': an ordering question needs an 'explanation:'"),
    ("  - id: pick-two", "  - id: Pick Two", 13, "question id 'Pick Two' is missing or not lowercase-with-dashes"),
])
def test_bad_question_names_file_line_and_question(tmp_path, old, new, line, expected):
    assert old in GOOD
    message = error_for(tmp_path, GOOD.replace(old, new))
    assert message.startswith(f"data/quizzes/03-hard-institutionalism.yml:{line}: {expected}"), message


def test_bad_yaml_names_file_and_line(tmp_path):
    message = error_for(tmp_path, GOOD.replace("    prompt: Pick two.", "    prompt: Pick: two: [."))
    assert message.startswith("data/quizzes/03-hard-institutionalism.yml:15: YAML syntax error"), message


def test_empty_questions_list_is_an_error(tmp_path):
    message = error_for(tmp_path, "shuffle: true\nquestions: []\n")
    assert message.startswith("data/quizzes/03-hard-institutionalism.yml:2: 'questions:' is missing or empty")


def test_section_that_is_not_a_heading_names_file_line_and_question(tmp_path):
    quiz = load_quiz(write_quiz(tmp_path, GOOD), "data/quizzes/03-hard-institutionalism.yml")
    check_sections(quiz, {"the-central-asian-economic-community"}, "docs/lessons/03-hard-institutionalism.md")
    with pytest.raises(CourseError) as caught:
        check_sections(quiz, {"caco-in-2002", "eurasec-in-2000"}, "docs/lessons/03-hard-institutionalism.md")
    assert str(caught.value) == (
        "data/quizzes/03-hard-institutionalism.yml:3: question 'caec-founding': section "
        "'the-central-asian-economic-community' is not a heading of docs/lessons/03-hard-institutionalism.md. "
        "Use one of: caco-in-2002, eurasec-in-2000.")
    with pytest.raises(CourseError, match="Did you mean 'the-central-asian-economic-communities'"):
        check_sections(quiz, {"the-central-asian-economic-communities", "caco-in-2002"}, "lesson.md")


LESSON_WITH_OBJECTIVES = """\
# A lesson

!!! objectives "Learning objectives"

    By the end of this lesson you will be able to:

    - Name the four CAEC members.
    - Explain why Turkmenistan stayed out.
    - Date the CAEC.

## The CAEC
"""


def test_objective_lines_are_the_items_of_the_objectives_box():
    assert objective_lines(LESSON_WITH_OBJECTIVES) == [7, 8, 9]
    assert objective_lines("# No box\n\n- A list that is not objectives.\n") == []


def test_every_question_names_an_objective_and_every_objective_is_checked(tmp_path):
    text = GOOD.replace("    kind: single\n", "    kind: single\n    objective: 1\n", 1)
    text = text.replace("    kind: multiple\n", "    kind: multiple\n    objective: [1, 4]\n", 1)
    quiz = load_quiz(write_quiz(tmp_path, text), "data/quizzes/03-hard-institutionalism.yml")
    assert quiz.questions[1].objectives == (1, 4)
    messages = [str(e) for e in check_objectives(quiz, objective_lines(LESSON_WITH_OBJECTIVES), "docs/lessons/03.md")]
    # All mistakes at once: unnamed questions, a number past the box, objectives nobody checks.
    assert "data/quizzes/03-hard-institutionalism.yml:22: question 'binding': names no objective. " \
           "Add 'objective: N', the number (1 to 3) of the item in the objectives box of docs/lessons/03.md " \
           "that it checks." in messages
    assert any(m.startswith("data/quizzes/03-hard-institutionalism.yml:14: question 'pick-two': objective 4 "
                            "does not exist: docs/lessons/03.md lists 3.") for m in messages)
    assert any(m.startswith("docs/lessons/03.md:8: objective 2 is checked by no question") for m in messages)
    assert any(m.startswith("docs/lessons/03.md:9: objective 3 is checked by no question") for m in messages)
    assert not any("objective 1 is checked" in m for m in messages)
    assert check_objectives(quiz, [], "docs/lessons/03.md") == []  # a lesson without a box is not checked


@pytest.mark.parametrize("value", ["two", "0", "[]", "true", "[1, x]"])
def test_an_objective_that_is_not_a_positive_number_names_file_line_and_question(tmp_path, value):
    message = error_for(tmp_path, GOOD.replace("    kind: single\n", f"    kind: single\n    objective: {value}\n", 1))
    assert message.startswith("data/quizzes/03-hard-institutionalism.yml:3: question 'caec-founding': 'objective' is"), message


def test_every_question_of_the_course_checks_an_objective_of_its_lesson():
    quizzes = load_quizzes(QUIZZES, "data/quizzes")
    for lesson in sorted(LESSONS.glob("[0-9]*.md")):
        lines = objective_lines(lesson.read_text(encoding="utf-8"))
        assert lines, f"{lesson.name} has no objectives box"
        assert check_objectives(quizzes[lesson.stem], lines, lesson.name) == []
