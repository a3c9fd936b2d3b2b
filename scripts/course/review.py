"""The two pages made of every lesson's quiz: the students' review quiz and the instructors'
answer key. Each lesson's part is a placeholder comment, filled with the quiz's HTML after
Markdown (the quizzes feature): Markdown never parses the quizzes' HTML."""
from __future__ import annotations

import html

from .model import QUIZ_FOLDER, Course


def quiz_placeholder(slug: str, what: str = "quiz") -> str:
    """Where a lesson's quiz ("quiz") or its answer key ("key") goes."""
    return f"<!-- course-{what}: {slug} -->"


def render_review_page(course: Course) -> str:
    """data/pages/review-quiz.md filled in: each lesson's questions fold away until opened (85
    questions laid out at once kept a phone busy for a third of a second, and a reader revises
    one lesson at a time); Material opens the fold when a link leads into it, and for printing."""
    lessons = [lesson for lesson in course.lessons if lesson.quiz]
    parts = []
    for lesson in lessons:
        count = lesson.quiz_questions
        summary = course.words("quiz.count_one") if count == 1 else course.words("quiz.count", n=count)
        parts.append(f"## {course.label(lesson)}: {lesson.title}\n\n"
                     f'<details class="course-quiz-lesson">\n<summary>{html.escape(summary)}'
                     f"</summary>\n{quiz_placeholder(lesson.slug)}\n</details>\n")
    return course.templates.render("review-quiz.md", total=sum(lesson.quiz_questions for lesson in lessons),
                                   lessons="\n".join(parts).rstrip("\n"))


def render_answer_key_page(course: Course) -> str:
    """data/pages/answer-key.md filled in (its front matter keeps it out of the search index)."""
    parts = [f"## {course.label(lesson)}: {lesson.title}\n\n{quiz_placeholder(lesson.slug, 'key')}\n"
             for lesson in course.lessons if lesson.quiz]
    return course.templates.render("answer-key.md", quiz_folder=QUIZ_FOLDER, lessons="\n".join(parts).rstrip("\n"))
