"""Quizzes in the built site: the pages the hook makes, the errors it stops on, and what a
student does with a quiz in Chromium (mouse, keyboard, reload, broken storage, no script)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from course.assets import bundle
from course.quizzes import load_quizzes
from helpers import ROOT, axe, build, copy_project, html_pages, problems

QUIZZES = load_quizzes(ROOT / "data" / "quizzes", "data/quizzes")
LESSON = "lessons/03-hard-institutionalism/"
SINGLE = "#quiz-03-hard-institutionalism-tashkent-protocol-signatories"
ORDERING = "#quiz-03-hard-institutionalism-order-1993-2002"
RIGHT, WRONG = "The leaders of all five Central Asian states", "Kazakhstan, Kyrgyzstan and Uzbekistan only"
STORAGE_KEY = "course-quiz:03-hard-institutionalism:tashkent-protocol-signatories"


def soup(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path / "index.html").read_text(encoding="utf-8"), "html.parser")


# The built site


def test_every_lesson_shows_its_whole_quiz_where_the_marker_was(site_dir):
    for slug, quiz in QUIZZES.items():
        page = soup(site_dir, f"lessons/{slug}/")
        quizzes = page.select(".course-quiz")
        assert len(quizzes) == 1, slug
        assert len(quizzes[0].select("fieldset.course-quiz__question > legend")) == len(quiz.questions), slug
        assert "<!-- quiz -->" not in str(page)
        heading = page.find(id="check-your-understanding")
        assert heading and heading.find_next(class_="course-quiz") is quizzes[0], slug


def test_without_script_no_feedback_or_explanation_is_shown(site_dir):
    text = soup(site_dir, LESSON).get_text(" ")
    for question in QUIZZES["03-hard-institutionalism"].questions:
        for option in question.options:
            assert not option.feedback or option.feedback[:60] not in text, question.id
        assert not question.explanation or question.explanation[:60] not in text, question.id
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(doc["text"] for doc in index["docs"])
    first = QUIZZES["03-hard-institutionalism"].questions[0]
    assert first.options[0].feedback[:60] not in indexed  # nor can search spoil it


def test_review_page_holds_every_question_and_an_overall_score(site_dir):
    page = soup(site_dir, "review-quiz/")
    total = sum(len(q.questions) for q in QUIZZES.values())
    assert page.h1.get_text(strip=True).startswith("Review quiz")
    assert len(page.select(".course-quiz")) == len(QUIZZES)
    assert len(page.select("fieldset.course-quiz__question")) == total
    assert page.select_one(".course-quiz-total").get_text() == f"Overall score: 0 of {total}"
    folds = page.select("details.course-quiz-lesson")  # one per lesson, closed until the reader opens it
    assert len(folds) == len(QUIZZES) and not any(fold.has_attr("open") for fold in folds)
    for fold in folds:
        count = len(fold.select("fieldset.course-quiz__question"))
        assert fold.summary.get_text() == f"{count} question{'s' * (count != 1)}"
    link = page.select_one(".course-quiz__section a")["href"]
    assert link.startswith("../lessons/") and "#" in link
    nav = [a.get_text(" ", strip=True) for a in soup(site_dir, "").select(".md-nav__link")]
    assert "Review quiz" in nav


def test_answer_key_lists_every_question_with_its_answer_in_the_instructors_section(site_dir):
    page = soup(site_dir, "instructors/answer-key/")
    assert page.h1.get_text(strip=True).startswith("Answer key")
    for slug, quiz in QUIZZES.items():
        for question in quiz.questions:
            entry = page.find(id=f"key-{slug}-{question.id}")
            assert entry is not None, question.id
            if question.kind != "ordering":
                assert "Right:" in entry.get_text(), question.id
    instructors = soup(site_dir, "instructors/")
    assert instructors.select_one('.md-nav a[href$="answer-key/"]') is not None


def test_quiz_assets_weigh_at_most_10_kb_minified():
    # Served inside our one stylesheet and one script (tests/test_assets.py checks those).
    sources = [(name, (ROOT / "docs" / name).read_text(encoding="utf-8")) for name in ("assets/js/quiz.js", "assets/css/quiz.css")]
    size = len(bundle(sources[:1], "js").encode()) + len(bundle(sources[1:], "css").encode())
    assert size <= 10 * 1024


def test_pages_without_a_quiz_have_no_quiz_markup(site_dir):
    quiz_pages = {f"lessons/{slug}/" for slug in QUIZZES} | {"review-quiz/"}
    for path in html_pages(site_dir):
        if path not in quiz_pages:
            assert not soup(site_dir, path).select(".course-quiz"), path


@pytest.mark.slow
@pytest.mark.parametrize("change, expected", [
    (("docs/lessons/03-hard-institutionalism.md", "<!-- quiz -->", ""),
     "docs/lessons/03-hard-institutionalism.md: has no <!-- quiz --> markers but "
     "data/quizzes/03-hard-institutionalism.yml holds its quiz."),
    (("data/quizzes/03-hard-institutionalism.yml", None, None),
     "docs/lessons/03-hard-institutionalism.md:{marker_line}: the page has a <!-- quiz --> marker but there is no "
     "data/quizzes/03-hard-institutionalism.yml."),
    (("data/quizzes/09-epilogue.yml", None, "copy"),
     "data/quizzes/09-epilogue.yml: there is no lesson 'lessons/09-epilogue.md' in the nav of mkdocs.yml."),
    (("data/quizzes/03-hard-institutionalism.yml", "section: the-1995-customs-union", "section: the-1995-customs"),
     "data/quizzes/03-hard-institutionalism.yml:{customs_line}: question 'customs-union-1995-members': section "
     "'the-1995-customs' is not a heading of docs/lessons/03-hard-institutionalism.md. "
     "Did you mean 'the-1995-customs-union'?"),
    (("data/quizzes/03-hard-institutionalism.yml", "    kind: true-false", "    kind: yes-no"),
     "data/quizzes/03-hard-institutionalism.yml:{trade_line}: question 'trade-regime-1990s': unknown kind 'yes-no'."),
    (("data/quizzes/03-hard-institutionalism.yml", "questions:\n", "questions:\n  - id: [\n"),
     "data/quizzes/03-hard-institutionalism.yml:{first_line}: YAML syntax error"),
    (("docs/review-quiz.md", None, "# My review\n"),
     "docs/review-quiz.md: this page is generated from data/quizzes/ by the quiz hook. Delete the file."),
])
def test_a_quiz_problem_stops_the_build_with_one_clear_line(tmp_path, change, expected):
    project = copy_project(tmp_path / "project")
    path, old, new = change
    target = project / path
    if new == "copy":
        target.write_bytes((project / "data/quizzes/03-hard-institutionalism.yml").read_bytes())
    elif old is None and new is None:
        target.unlink()
    elif old is None:
        target.write_text(new, encoding="utf-8")
    else:
        text = target.read_text(encoding="utf-8")
        assert old in text, path
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    lesson = (ROOT / "docs/lessons/03-hard-institutionalism.md").read_text(encoding="utf-8")
    quiz = {q.id: q.line for q in QUIZZES["03-hard-institutionalism"].questions}
    expected = expected.format(marker_line=lesson[:lesson.index("<!-- quiz -->")].count("\n") + 1,
                               customs_line=quiz["customs-union-1995-members"], trade_line=quiz["trade-regime-1990s"],
                               first_line=min(quiz.values()) + 1)  # the broken "- id: [" opens the first question
    assert result.returncode != 0
    assert any(expected in line for line in problems(result.stdout)), result.stdout
    assert "Traceback" not in result.stdout


# In the browser

in_browser = pytest.mark.browser


def answer(page, question: str, label: str) -> str:
    box = page.locator(question)
    box.get_by_label(label, exact=True).check()
    box.get_by_role("button", name="Check").click()
    page.locator(f".course-quiz[data-said]:has({question})").wait_for(state="attached")  # its feedback script is in
    return box.locator(".course-quiz__feedback").inner_text()


def score(page) -> str:
    return page.locator(".course-quiz__score").inner_text()


@in_browser
def test_wrong_then_right_answer_gives_its_feedback_and_updates_the_score(visit):
    visit.goto(LESSON)
    question = QUIZZES["03-hard-institutionalism"].questions[0]
    total = len(QUIZZES["03-hard-institutionalism"].questions)
    assert score(visit.page) == f"Score: 0 of {total}"
    feedback = answer(visit.page, SINGLE, WRONG)
    assert feedback.startswith("Not quite.") and question.options[1].feedback[:40] in feedback
    assert question.explanation[:40] not in feedback
    assert score(visit.page) == f"Score: 0 of {total}"
    visit.page.locator(SINGLE).get_by_role("button", name="Try again").click()
    feedback = answer(visit.page, SINGLE, RIGHT)
    assert feedback.startswith("Correct.") and question.options[0].feedback[:40] in feedback
    assert question.explanation[:40] in feedback
    assert score(visit.page) == f"Score: 1 of {total}"
    assert visit.errors == [] and visit.console == []


@in_browser
def test_the_feedback_comes_when_the_reader_turns_to_the_quiz(visit):
    """Most of a quiz's bytes are its feedback: a reader who only reads the lesson never fetches
    them; the first answer does, and a returning reader's stored answers bring them at once."""
    visit.goto(LESSON)
    visit.page.wait_for_load_state("networkidle")
    fetched = lambda: [url for url in visit.requests if "/assets/quizzes/" in url]  # noqa: E731
    assert fetched() == []
    question = QUIZZES["03-hard-institutionalism"].questions[0]
    assert question.options[0].feedback[:40] in answer(visit.page, SINGLE, RIGHT)
    assert len(fetched()) == 1 and fetched()[0].endswith(".js")
    visit.page.reload(wait_until="networkidle")
    visit.page.locator(".course-quiz[data-said]").wait_for(state="attached")
    assert question.options[0].feedback[:40] in visit.page.locator(SINGLE).locator(".course-quiz__feedback").inner_text()
    assert visit.errors == [] and visit.console == []


@in_browser
def test_multiple_choice_says_when_right_answers_are_missing(visit):
    visit.goto(LESSON)
    box = "#quiz-03-hard-institutionalism-customs-union-1995-members"
    feedback = answer(visit.page, box, "Belarus")
    assert "Some right answers are missing" in feedback and "Belarus:" in feedback


@in_browser
def test_answers_survive_a_reload_and_reset_clears_them(visit):
    visit.goto(LESSON)
    answer(visit.page, SINGLE, RIGHT)
    visit.page.locator(ORDERING).get_by_role("button", name="Show answer").click()
    visit.page.reload(wait_until="networkidle")
    visit.page.locator(".course-quiz[data-said]").wait_for(state="attached")
    box = visit.page.locator(SINGLE)
    assert box.get_by_label(RIGHT, exact=True).is_checked()
    assert box.locator(".course-quiz__feedback").inner_text().startswith("Correct.")
    assert visit.page.locator(ORDERING).locator(".course-quiz__feedback").inner_text().startswith("The answer:")
    assert score(visit.page).startswith("Score: 1 of")  # a shown answer does not score
    visit.page.get_by_role("button", name="Reset this quiz").click()
    assert score(visit.page).startswith("Score: 0 of") and not box.get_by_label(RIGHT, exact=True).is_checked()
    visit.page.reload(wait_until="networkidle")
    assert score(visit.page).startswith("Score: 0 of")
    assert visit.errors == [] and visit.console == []


@in_browser
def test_a_link_to_a_review_question_opens_its_lesson_fold(visit):
    visit.goto(f"review-quiz/{SINGLE}")
    assert visit.page.locator(SINGLE).is_visible()
    assert visit.page.locator(f"details.course-quiz-lesson:has({SINGLE})").get_attribute("open") is not None
    assert not visit.page.locator("details.course-quiz-lesson").first.locator("fieldset").first.is_visible()
    assert visit.errors == []


@in_browser
def test_the_review_page_shares_progress_with_the_lessons(visit):
    visit.goto(LESSON)
    answer(visit.page, SINGLE, RIGHT)
    visit.goto("review-quiz/")
    total = sum(len(q.questions) for q in QUIZZES.values())
    assert visit.page.locator(".course-quiz-total").inner_text() == f"Overall score: 1 of {total}"
    assert visit.page.locator(SINGLE).get_by_label(RIGHT, exact=True).is_checked()


@in_browser
def test_folded_quizzes_are_set_up_after_the_page_each_in_a_task_of_its_own(visit):
    """Ninety questions set up in one go were a long task on a phone (Lighthouse's blocking
    time): the review quiz's folded lessons are set up one per task, and a fold the reader opens
    first is set up at once. A MutationObserver hears of the changes of one task together, at
    its end: one batch per quiz, not one for all."""
    visit.page.add_init_script("""window.readyBatches = [];
        new MutationObserver(records => {
          const ready = records.filter(r => r.attributeName === "data-ready").length;
          if (ready) window.readyBatches.push(ready);
        }).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-ready"]});""")
    visit.goto("review-quiz/")
    folds = visit.page.locator("details.course-quiz-lesson").count()
    visit.page.wait_for_function(f"document.querySelectorAll('.course-quiz[data-ready]').length === {folds}")
    assert visit.page.evaluate("window.readyBatches") == [1] * folds
    total = sum(len(q.questions) for q in QUIZZES.values())
    assert visit.page.locator(".course-quiz-total").inner_text() == f"Overall score: 0 of {total}"
    assert visit.errors == []


@in_browser
@pytest.mark.parametrize("stored", ["{not json", "null", "[1,2]", '{"h":"00000000","a":[0]}',
                                    '{"h":"%s","a":["x",99]}', '{"h":"%s","a":[0],"ok":true,"r":"yes"}'])
def test_garbage_or_stale_progress_is_dropped_without_an_error(visit, stored):
    digest = QUIZZES["03-hard-institutionalism"].questions[0].digest
    visit.goto(LESSON)
    visit.page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                        [STORAGE_KEY, stored.replace("%s", digest)])
    visit.page.reload(wait_until="networkidle")
    assert answer(visit.page, SINGLE, RIGHT).startswith("Correct.")
    assert visit.errors == [] and visit.console == []


@in_browser
def test_the_quiz_works_when_storage_is_blocked(browser, server):
    from conftest import open_visit

    visit = open_visit(browser, server.origin)
    visit.page.add_init_script("Object.defineProperty(window, 'localStorage', "
                               "{get() { throw new DOMException('blocked', 'SecurityError'); }});")
    try:
        # Material's own template throws when storage is blocked; the quiz must add nothing to that.
        visit.goto("about/")
        template_errors = list(visit.errors)
        visit.errors.clear()
        visit.goto(LESSON)
        assert answer(visit.page, SINGLE, RIGHT).startswith("Correct.")
        assert score(visit.page).startswith("Score: 1 of")
        assert visit.errors == template_errors and visit.console == []
    finally:
        visit.page.context.close()


@in_browser
def test_single_choice_by_keyboard_only(visit):
    visit.goto(LESSON)
    page = visit.page
    page.locator(SINGLE).locator("input").first.focus()
    for _ in range(4):  # arrow keys move through a radio group and select
        if page.locator(SINGLE).get_by_label(RIGHT, exact=True).is_checked():
            break
        page.keyboard.press("ArrowDown")
    assert page.locator(SINGLE).get_by_label(RIGHT, exact=True).is_checked()
    page.keyboard.press("Tab")  # out of the group, onto Check
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    assert page.locator(SINGLE).locator(".course-quiz__feedback").inner_text().startswith("Correct.")


@in_browser
def test_ordering_by_keyboard_only(visit):
    visit.goto(LESSON)
    page = visit.page
    items = page.locator(f"{ORDERING} li")
    count = items.count()
    # Selection sort with the move-up buttons, driven by Tab and Enter only: for each place,
    # focus the "Move up" button of the item that belongs there and press Enter until it arrives.
    for place in range(count):
        current = [int(i) for i in items.evaluate_all("els => els.map(e => e.dataset.index)")]
        position = current.index(place)
        page.locator(f"{ORDERING} li[data-index='{place}'] button[data-move='-1']").focus()
        for _ in range(position - place):
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.dataset.move") == "-1"  # focus stays on the button
    assert items.evaluate_all("els => els.map(e => +e.dataset.index)") == list(range(count))
    page.locator(f"{ORDERING} li[data-index='0'] button[data-move='-1']").focus()
    page.keyboard.press("Enter")  # already first: nothing moves, and the live region says where it is
    assert page.locator(f"{ORDERING} .course-quiz__feedback").inner_text().endswith(f": position 1 of {count}.")
    assert items.evaluate_all("els => els.map(e => +e.dataset.index)") == list(range(count))
    page.locator(f"{ORDERING} button[data-move='1']").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    feedback = page.locator(f"{ORDERING} .course-quiz__feedback").inner_text()
    assert feedback.startswith("Correct.") and f"{count} of {count} in the right place" in feedback
    assert visit.errors == []


@in_browser
def test_ordering_starts_shuffled_and_true_false_does_not(visit):
    visit.goto(LESSON)
    order = visit.page.locator(f"{ORDERING} li").evaluate_all("els => els.map(e => +e.dataset.index)")
    assert order != sorted(order)
    labels = visit.page.locator("#quiz-03-hard-institutionalism-trade-regime-1990s label").all_inner_texts()
    assert [label.strip() for label in labels] == ["True", "False"]


@in_browser
def test_quiz_works_after_instant_navigation(visit):
    visit.goto("lessons/02-case-for-a-region/")
    visit.page.locator(".md-footer__link--next").click()  # Material swaps the page without a reload
    visit.page.locator(SINGLE).wait_for()
    assert answer(visit.page, SINGLE, RIGHT).startswith("Correct.")
    assert visit.errors == []


@in_browser
def test_without_javascript_the_quiz_is_a_readable_worksheet(browser, server):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, java_script_enabled=False)
    try:
        visit.goto(LESSON)
        box = visit.page.locator(SINGLE)
        assert box.get_by_label(RIGHT, exact=True).is_visible()
        assert not box.get_by_role("button", name="Check").is_visible()
        ordering = next(q for q in QUIZZES["03-hard-institutionalism"].questions if q.id == "order-1993-2002")
        assert visit.page.locator(f"{ORDERING} li").count() == len(ordering.options)
    finally:
        visit.page.context.close()


@in_browser
def test_printed_quiz_has_no_buttons_and_no_feedback(visit):
    visit.goto(LESSON)
    answer(visit.page, SINGLE, RIGHT)
    visit.page.emulate_media(media="print")
    box = visit.page.locator(SINGLE)
    assert box.get_by_label(WRONG, exact=True).is_visible()
    assert not box.get_by_role("button", name="Check").is_visible()
    assert not box.locator(".course-quiz__feedback").is_visible()
    assert not visit.page.locator(".course-quiz__score").is_visible()
    # A ticked answer (the student's, or one "Show answer" set) does not print as ticked.
    assert box.get_by_label(RIGHT, exact=True).evaluate("e => e.checked && getComputedStyle(e).appearance") == "none"


@in_browser
def test_quiz_works_from_file_urls(browser, site_dir):
    from conftest import open_visit

    visit = open_visit(browser, site_dir.as_uri())
    try:
        visit.page.goto(f"{site_dir.as_uri()}/{LESSON}index.html")
        assert answer(visit.page, SINGLE, RIGHT).startswith("Correct.")
        assert visit.errors == []
    finally:
        visit.page.context.close()


@in_browser
@pytest.mark.parametrize("path", [LESSON, "review-quiz/"])
def test_no_axe_violation_in_the_quiz_before_and_after_answering(visit, path):
    visit.goto(path)
    if path == "review-quiz/":
        visit.page.locator(f"details.course-quiz-lesson:has({SINGLE}) > summary").click()
    checker = axe()
    found = [v["id"] for v in checker.run(visit.page, context=".course-quiz").response["violations"]]
    answer(visit.page, SINGLE, WRONG)
    visit.page.locator(ORDERING).get_by_role("button", name="Show answer").click()
    found += [v["id"] for v in checker.run(visit.page, context=".course-quiz").response["violations"]]
    assert found == []


@in_browser
def test_no_axe_violation_in_the_quiz_in_dark_mode(browser, server):
    from conftest import open_visit

    visit = open_visit(browser, server.origin, color_scheme="dark")
    try:
        visit.goto(LESSON)
        answer(visit.page, SINGLE, WRONG)
        assert [v["id"] for v in axe().run(visit.page, context=".course-quiz").response["violations"]] == []
    finally:
        visit.page.context.close()
