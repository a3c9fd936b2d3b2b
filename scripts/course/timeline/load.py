"""Reading and validating data/organisations.yml and data/timeline.yml into a History.

Everything is validated once; a mistake is one CourseError naming the file and line.
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from ..errors import Collector, CourseError
from ..fields import (
    COMPARISON, DIMENSION, EVENT, MEMBER, MODEL, ORGANISATION, ORGANISATIONS_FILE, PERIOD, STATE, TIMELINE_FILE,
    unknown_field,
)
from ..sources import line_of, load_yaml
from .model import (
    COMPARATOR, DATE, STATUSES, Comparison, Event, History, Membership, Model, Organisation, Period, State, span,
)


def load_history(organisations_file: Path, timeline_file: Path, citation_keys: Collection[str],
                 lessons: Collection[str], organisations_path: str = "data/organisations.yml",
                 timeline_path: str = "data/timeline.yml", cache_dir: Path | None = None,
                 years: tuple[int, int] | None = None) -> History:
    """Load and validate both files; lessons are the slugs of the lessons in the nav; years, the
    first and last year the course covers (extra.course.years): a date outside is a mistake
    unless marked `context: true`. Without years, the period is that of the data."""
    history = load_organisations(organisations_file, organisations_path, citation_keys, cache_dir, years)
    history.periods, history.events = load_timeline(timeline_file, timeline_path, history, citation_keys, lessons,
                                                    cache_dir, years)
    history.years = years or _years_of(history)
    return history


def load_organisations(path: Path, display_path: str, citation_keys: Collection[str],
                       cache_dir: Path | None = None, years: tuple[int, int] | None = None) -> History:
    data = load_yaml(path, display_path, cache_dir)
    check = _Checker(display_path, citation_keys, years)
    root = check.mapping(data, "the file", 1, ORGANISATIONS_FILE)
    check.types = _labels(check, root, "types", "hard: Hard")
    check.tracks = _labels(check, root, "tracks", f"{COMPARATOR}: Comparison")
    snapshots = root.get("snapshot_years") or []
    if not isinstance(snapshots, list) or not all(isinstance(year, int) for year in snapshots):
        check.fail(line_of(root, 1), "`snapshot_years` should be a list of years, e.g. [1995, 2003].")
    states: dict[str, State] = {}
    states_map = check.mapping(check.required(root, "states", 1), "`states`", line_of(root, 1))
    for state_id, entry in states_map.items():
        line = line_of(entry, line_of(states_map))
        fields = check.mapping(entry, f"state '{state_id}'", line, STATE)
        states[str(state_id)] = State(str(state_id), check.text(fields, "name", line),
                                      check.text(fields, "group", line, required=False) or "Other states")
    entries = check.listing(check.required(root, "organisations", 1), "`organisations`", line_of(root, 1))
    organisations: dict[str, Organisation] = {}
    first_line: dict[str, int | None] = {}
    errors = Collector()  # every organisation's mistakes, not only the first one's
    for entry in entries:
        with errors.check():
            organisation = _read_organisation(entry, states, check, line_of(entries))
            if organisation.id in organisations:
                check.fail(organisation.line, f"organisation id '{organisation.id}' is used twice (first at line "
                                              f"{first_line[organisation.id]}). Give each organisation its own id.")
            organisations[organisation.id] = organisation
            first_line[organisation.id] = organisation.line
    errors.raise_any()
    for organisation in organisations.values():
        if organisation.replaced_by and organisation.replaced_by not in organisations:
            check.fail(organisation.line, f"organisation '{organisation.id}' is replaced_by "
                                          f"'{organisation.replaced_by}', which is not an organisation in this "
                                          "file. Use one of its ids or remove replaced_by.")
    comparison = _read_comparison(check.required(root, "comparison", 1), organisations, check)
    return History(states, organisations, comparison, types=check.types, tracks=check.tracks,
                   snapshot_years=tuple(snapshots))


def load_timeline(path: Path, display_path: str, history: History, citation_keys: Collection[str],
                  lessons: Collection[str], cache_dir: Path | None = None,
                  years: tuple[int, int] | None = None) -> tuple[list[Period], list[Event]]:
    data = load_yaml(path, display_path, cache_dir)
    check = _Checker(display_path, citation_keys, years)
    root = check.mapping(data, "the file", 1, TIMELINE_FILE)
    periods = []
    for entry in check.listing(check.required(root, "periods", 1), "`periods`", line_of(root, 1)):
        line = line_of(entry)
        fields = check.mapping(entry, "a period", line, PERIOD)
        period = Period(check.text(fields, "label", line), check.year(fields, "from", line, context=True),
                        check.year(fields, "to", line, context=True))
        if period.end < period.start:
            check.fail(line, f"period '{period.label}' ends ({period.end}) before it starts ({period.start}). "
                             "Swap from and to.")
        periods.append(period)
    events = []
    errors = Collector()  # every event's mistakes (a fork that drops a lesson meets them all at once)
    for entry in check.listing(check.required(root, "events", 1), "`events`", line_of(root, 1)):
        with errors.check():
            event = _read_event(entry, history, lessons, check)
            if not any(period.start <= event.year <= period.end for period in periods):
                check.fail(event.line, f"event '{event.title}' ({event.year}) falls in no period. "
                                       "Add a period under `periods` that covers it.")
            events.append(event)
    errors.raise_any()
    events.sort(key=lambda event: event.sort_key)
    return periods, events


# Helper functions


class _Checker:
    """Small validators that raise one CourseError line naming the file and line."""

    def __init__(self, path: str, citation_keys: Collection[str], years: tuple[int, int] | None) -> None:
        self.path = path
        self.citation_keys = citation_keys
        self.years = years
        self.types: dict[str, str] = {}
        self.tracks: dict[str, str] = {}

    def fail(self, line: int | None, message: str) -> None:
        raise CourseError(self.path, line, message)

    def required(self, mapping: Mapping, key: str, line: int | None) -> Any:
        if mapping.get(key) is None:
            self.fail(line_of(mapping, line), f"`{key}` is missing. Add it (see the comment at the top of the file).")
        return mapping[key]

    def mapping(self, value: Any, what: str, line: int | None, allowed: set[str] | None = None) -> Mapping:
        if not isinstance(value, dict):
            self.fail(line_of(value, line), f"{what} should be a mapping of `key: value` lines.")
        if allowed is not None:
            message = unknown_field(value, allowed, what)
            if message:
                self.fail(line_of(value, line), message)
        return value

    def listing(self, value: Any, what: str, line: int | None) -> list:
        if not isinstance(value, list):
            self.fail(line_of(value, line), f"{what} should be a list of entries, each starting with '- '.")
        return value

    def text(self, mapping: Mapping, key: str, line: int | None, required: bool = True) -> str:
        value = mapping.get(key)
        if value is None or str(value).strip() == "":
            if required:
                self.fail(line, f"`{key}` is missing or empty. Add it.")
            return ""
        if not isinstance(value, (str, int, float)):
            self.fail(line, f"`{key}` should be text.")
        return str(value).strip()

    def year(self, mapping: Mapping, key: str, line: int | None, context: bool, required: bool = True) -> int | None:
        value = mapping.get(key)
        if value is None:
            if required:
                self.fail(line, f"`{key}` is missing. Give a year such as 2002.")
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 2999:
            self.fail(line, f"`{key}: {value}` is not a year. Write four digits, e.g. `{key}: 2002`.")
        self.in_range(value, f"`{key}: {value}`", line, context)
        return value

    def in_range(self, year: int, what: str, line: int | None, context: bool) -> None:
        if not context and self.years and not self.years[0] <= year <= self.years[1]:
            self.fail(line, f"{what} lies outside {self.years[0]}–{self.years[1]}, the period this course covers. "
                            "Fix the year, or add `context: true` if it is background on purpose.")

    def sources(self, mapping: Mapping, line: int | None, what: str, key: str = "source") -> tuple[str, ...]:
        value = mapping.get(key)
        keys = [value] if isinstance(value, str) else value
        if not keys or not isinstance(keys, list) or not all(isinstance(k, str) and k.strip() for k in keys):
            self.fail(line, f"{what} has no source. Add `{key}:` with a key from data/references.bib.")
        for key in keys:
            if key not in self.citation_keys:
                self.fail(line, f"{what} cites unknown key '{key}'. Use a key from data/references.bib "
                                "(or add the work there).")
        return tuple(keys)

    def ids(self, mapping: Mapping, key: str, line: int | None, known: Collection[str], kind: str,
            what: str) -> tuple[str, ...]:
        value = mapping.get(key, [])
        if not isinstance(value, list):
            self.fail(line, f"`{key}` of {what} should be a list such as [kz, uz].")
        for item in value:
            if str(item) not in known:
                self.fail(line, f"{what} refers to unknown {kind} '{item}'. Use an id from "
                                f"data/organisations.yml `{kind}s` (or add it there).".replace("ys`", "ies`"))
        return tuple(str(item) for item in value)


def _read_organisation(entry: Any, states: Mapping[str, State], check: _Checker, default: int | None) -> Organisation:
    line = line_of(entry, default)
    fields = check.mapping(entry, "an organisation", line, ORGANISATION)
    org_id = check.text(fields, "id", line)
    what = f"organisation '{org_id}'"
    context = fields.get("context") is True
    founded = check.year(fields, "founded", line, context)
    ended = check.year(fields, "ended", line, False, required=False)
    decided = check.year(fields, "end_decided", line, False, required=False)
    if ended is not None and ended < founded:
        check.fail(line, f"{what} ends ({ended}) before it was founded ({founded}). Fix one of the years.")
    if decided is not None and (ended is None or decided > ended):
        check.fail(line, f"{what}: end_decided ({decided}) needs an `ended` year no earlier than it.")
    kind = check.text(fields, "type", line)
    if kind not in check.types:
        check.fail(line, f"{what} has type '{kind}'. Use one of: {', '.join(check.types)}.")
    track = check.text(fields, "track", line)
    if track not in check.tracks:
        check.fail(line, f"{what} has track '{track}'. Use one of: {', '.join(check.tracks)}.")
    acronyms = fields.get("acronyms") or []
    if not isinstance(acronyms, list):
        check.fail(line, f"`acronyms` of {what} should be a list such as [CACO].")
    members_list = check.listing(fields.get("members", []), f"`members` of {what}", line)
    members = tuple(_read_member(m, org_id, founded, ended, states, check, line) for m in members_list)
    note = check.text(fields, "members_note", line, required=False)
    if not members and not note:
        check.fail(line, f"{what} has no members. List them, or explain in `members_note` why not.")
    replaced = fields.get("replaced_by")
    return Organisation(
        org_id, check.text(fields, "name", line), tuple(str(a) for a in acronyms), founded, ended, decided,
        str(replaced) if replaced else None, check.text(fields, "fate", line), track, kind,
        check.text(fields, "type_reason", line), check.sources(fields, line, what), members, note,
        check.text(fields, "short", line, required=False), line)


def _read_member(entry: Any, org_id: str, founded: int, ended: int | None, states: Mapping[str, State],
                 check: _Checker, default: int | None) -> Membership:
    line = line_of(entry, default)
    fields = check.mapping(entry, f"a member of '{org_id}'", line, MEMBER)
    state = check.text(fields, "state", line)
    if state not in states:
        check.fail(line, f"member '{state}' of '{org_id}' is not a known state. Add it under `states:` "
                         "or fix the id.")
    what = f"{states[state].name} in '{org_id}'"
    context = fields.get("context") is True
    joined = check.year(fields, "joined", line, context)
    left = check.year(fields, "left", line, False, required=False)
    if left is not None and left < joined:
        check.fail(line, f"{what} left ({left}) before it joined ({joined}). Swap or fix the years.")
    if joined < founded or (ended is not None and (left is None or left > ended)):
        check.fail(line, f"{what}: membership {span(joined, left)} lies outside the organisation's years "
                         f"{span(founded, ended)}. Fix the years or give `left:`.")
    status = str(fields.get("status", "member"))
    if status not in STATUSES:
        check.fail(line, f"{what} has status '{status}'. Use one of: {', '.join(STATUSES)}.")
    return Membership(org_id, state, joined, left, status, check.sources(fields, line, what),
                      fields.get("approximate") is True, check.text(fields, "note", line, required=False), line)


def _read_event(entry: Any, history: History, lessons: Collection[str], check: _Checker) -> Event:
    line = line_of(entry)
    fields = check.mapping(entry, "an event", line, EVENT)
    title = check.text(fields, "title", line)
    what = f"event '{title}'"
    match = DATE.match(str(fields.get("date", "")).strip())
    if not match:
        check.fail(line, f"{what} has date '{fields.get('date')}'. Write a year (2005) or a year and "
                         "month (2005-10).")
    context = fields.get("context") is True
    year, month = int(match["year"]), int(match["month"]) if match["month"] else None
    check.in_range(year, f"the date of {what} ({year})", line, context)
    effective = check.year(fields, "effective", line, context, required=False)
    if effective is not None and effective < year:
        check.fail(line, f"{what} takes effect ({effective}) before its date ({year}). Fix one of them.")
    lesson = check.text(fields, "lesson", line)
    if lesson not in lessons:
        check.fail(line, f"{what} belongs to lesson '{lesson}', which is not a lesson in the nav. "
                         f"Use one of: {', '.join(sorted(lessons))}.")
    return Event(
        year, month, title, check.text(fields, "text", line),
        check.ids(fields, "states", line, history.states, "state", what),
        check.ids(fields, "organisations", line, history.organisations, "organisation", what),
        lesson, check.sources(fields, line, what), effective, context, line)


def _read_comparison(value: Any, organisations: Mapping[str, Organisation], check: _Checker) -> Comparison:
    line = line_of(value, 1)
    fields = check.mapping(value, "`comparison`", line, COMPARISON)
    dimensions = []
    for entry in check.listing(check.required(fields, "dimensions", line), "`dimensions`", line):
        entry_line = line_of(entry, line)
        dim = check.mapping(entry, "a dimension", entry_line, DIMENSION)
        dimensions.append((check.text(dim, "id", entry_line), check.text(dim, "label", entry_line)))
    models = []
    for entry in check.listing(check.required(fields, "models", line), "`models`", line):
        entry_line = line_of(entry, line)
        model = check.mapping(entry, "a model", entry_line, MODEL | {d for d, _ in dimensions})
        organisation = model.get("organisation")
        if organisation is not None and organisation not in organisations:
            check.fail(entry_line, f"model '{model.get('id')}' refers to unknown organisation '{organisation}'. "
                                   "Use an id from `organisations` or leave it out.")
        kind = check.text(model, "type", entry_line)
        if kind not in check.types:
            check.fail(entry_line, f"model '{model.get('id')}' has type '{kind}'. Use one of: {', '.join(check.types)}.")
        cells = {d: check.text(model, d, entry_line) for d, _ in dimensions}
        models.append(Model(check.text(model, "id", entry_line), check.text(model, "label", entry_line),
                            organisation, kind, cells))
    return Comparison(tuple(dimensions), tuple(models), check.sources(fields, line, "`comparison`", "sources"))


def _labels(check: _Checker, root: Mapping, key: str, example: str) -> dict[str, str]:
    """`types:` or `tracks:` of the file: id -> the label the pages show, in order."""
    value = check.required(root, key, 1)
    if not isinstance(value, dict) or not all(isinstance(label, str) for label in value.values()):
        check.fail(line_of(value, line_of(root, 1)), f"`{key}` should be a mapping of ids to labels, e.g. {{{example}}}.")
    return {str(id_): label for id_, label in value.items()}


def _years_of(history: History) -> tuple[int, int]:
    """The period of the data itself: from the first founding or event to the last event or exit."""
    starts = [o.founded for o in history.organisations.values()] + [e.year for e in history.events]
    ends = [e.effective or e.year for e in history.events] + [m.left for m in history.memberships if m.left]
    return (min(starts, default=0), max(ends + starts, default=0))
