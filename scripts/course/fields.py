"""The fields every data file may hold, declared once, and the one way a wrong one is reported.

Each loader (quizzes, glossary, timeline, organisations, syllabus settings) checks its
entries against these sets with `unknown_field`, so a misspelt key reads the same in every
file: `unknown field 'feedbak' in an option. Did you mean 'feedback'? Use one of: ...`
(a misspelt key would otherwise be silently ignored, and the option left without feedback).
"""
from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable

# data/quizzes/<lesson>.yml
QUIZ = {"shuffle", "questions"}
QUESTION_COMMON = {"id", "kind", "prompt", "section", "objective", "explanation"}
QUESTION = {
    "single": QUESTION_COMMON | {"options"},
    "multiple": QUESTION_COMMON | {"options"},
    "true-false": QUESTION_COMMON | {"answer", "feedback"},
    "ordering": QUESTION_COMMON | {"items"},
}
OPTION = {"text", "correct", "feedback"}

# data/glossary.yml
GLOSSARY = {"terms"}
TERM = ("term", "definition", "category", "aliases", "related", "cite", "introduced", "match_case")

# data/organisations.yml
ORGANISATIONS_FILE = {"states", "organisations", "comparison", "types", "tracks", "snapshot_years"}
STATE = {"name", "group"}
ORGANISATION = {"id", "name", "acronyms", "founded", "ended", "end_decided", "replaced_by", "fate", "track", "type",
                "type_reason", "source", "members", "members_note", "context", "short"}
MEMBER = {"state", "joined", "left", "status", "approximate", "context", "source", "note"}
COMPARISON = {"dimensions", "models", "sources"}
DIMENSION = {"id", "label"}
MODEL = {"id", "label", "organisation", "type"}  # and one field per dimension id

# data/timeline.yml
TIMELINE_FILE = {"periods", "events"}
PERIOD = {"label", "from", "to"}
EVENT = {"date", "effective", "title", "text", "states", "organisations", "lesson", "source", "context"}

# mkdocs.yml extra.course
COURSE = {"title", "subtitle", "institution", "term", "instructors", "contact", "schedule", "location",
          "activity_headings", "years",
          "edition", "instructor_mark", "worksheet"}  # the last three: course/editions.py, worksheets.py
SCHEDULE = {"start", "weekdays", "dates", "skip", "session_minutes"}


def unknown_field(keys: Iterable[object], allowed: Collection[str], what: str = "") -> str | None:
    """The message for the first key that is not allowed (None when all are), with the nearest
    allowed name as a suggestion."""
    for key in keys:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), [str(name) for name in allowed], n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            where = f" in {what}" if what else ""
            return f"unknown field '{key}'{where}.{hint} Use one of: {', '.join(sorted(allowed))}."
    return None
