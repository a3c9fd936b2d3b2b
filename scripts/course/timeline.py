"""Who belonged to what, when: the timeline, the organisations and the comparison of regionalisms.

Two data files feed three generated pages and two lesson markers:
data/organisations.yml (states, organisations with their members, the comparison) and
data/timeline.yml (periods and dated events). Everything is validated once; a mistake is one
CourseError naming the file and line. The membership chart is SVG written here, styled through
CSS variables so that it follows Material's light and dark schemes and prints in ink.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CourseError
from .markup import render_markdown
from .sources import line_of, load_yaml

FIRST_YEAR, LAST_YEAR = 1991, 2018
TYPES = {  # the hard–soft scale, hardest first: id -> label shown on the pages
    "hard": "Hard",
    "hard-on-paper": "Hard on paper",
    "intermediate": "Intermediate",
    "soft": "Soft",
}
TRACKS = {
    "central-asian": "Central Asia-only",
    "post-soviet": "Russia-centred, post-Soviet",
    "outside": "Led from outside the region",
    "comparator": "Comparison",
}
STATUSES = ("member", "associate", "observer")
DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2]))?$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

STATE_KEYS = {"name", "group"}
ORGANISATION_KEYS = {"id", "name", "acronyms", "founded", "ended", "end_decided", "replaced_by", "fate",
                     "track", "type", "type_reason", "source", "members", "members_note", "context", "short"}
MEMBER_KEYS = {"state", "joined", "left", "status", "approximate", "context", "source", "note"}
EVENT_KEYS = {"date", "effective", "title", "text", "states", "organisations", "lesson", "source", "context"}
MODEL_KEYS = {"id", "label", "organisation", "type"}

Cite = Callable[[Sequence[str]], str]  # citation keys -> text to show (Markdown or HTML)


@dataclass(frozen=True)
class State:
    id: str
    name: str
    group: str


@dataclass(frozen=True)
class Membership:
    organisation: str
    state: str
    joined: int
    left: int | None
    status: str
    sources: tuple[str, ...]
    approximate: bool = False
    note: str = ""
    line: int | None = None

    def covers(self, year: int) -> bool:
        return self.joined <= year and (self.left is None or year <= self.left)

    def years(self) -> str:
        return _span(self.joined, self.left)


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    acronyms: tuple[str, ...]
    founded: int
    ended: int | None
    end_decided: int | None
    replaced_by: str | None
    fate: str
    track: str
    type: str
    type_reason: str
    sources: tuple[str, ...]
    members: tuple[Membership, ...]
    members_note: str = ""
    short_name: str = ""
    line: int | None = None

    @property
    def short(self) -> str:
        return self.short_name or (self.acronyms[0] if self.acronyms else self.name)

    @property
    def full_name(self) -> str:
        return f"{self.name} ({self.acronyms[0]})" if self.acronyms else self.name

    def years(self) -> str:
        text = _span(self.founded, self.ended)
        if self.end_decided and self.end_decided != self.ended:
            text += f" (end decided {self.end_decided}, in effect {self.ended})"
        return text


@dataclass(frozen=True)
class Event:
    year: int
    month: int | None
    title: str
    text: str
    states: tuple[str, ...]
    organisations: tuple[str, ...]
    lesson: str
    sources: tuple[str, ...]
    effective: int | None = None
    context: bool = False
    line: int | None = None

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.year, self.month or 0)

    @property
    def iso(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)

    def when(self) -> str:
        text = f"{MONTHS[self.month - 1]} {self.year}" if self.month else str(self.year)
        if self.effective:
            text += f" (decided); in effect {self.effective}"
        return text


@dataclass(frozen=True)
class Period:
    label: str
    start: int
    end: int

    @property
    def slug(self) -> str:
        return "period-" + re.sub(r"[^a-z0-9]+", "-", self.label.lower()).strip("-")


@dataclass(frozen=True)
class Model:
    id: str
    label: str
    organisation: str | None
    type: str
    cells: Mapping[str, str]


@dataclass(frozen=True)
class Comparison:
    dimensions: tuple[tuple[str, str], ...]  # (id, label)
    models: tuple[Model, ...]
    sources: tuple[str, ...]


@dataclass
class History:
    """Everything the two data files say, validated."""

    states: dict[str, State]
    organisations: dict[str, Organisation]
    comparison: Comparison
    periods: list[Period] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def memberships(self) -> list[Membership]:
        return [member for organisation in self.organisations.values() for member in organisation.members]


# Loading


def load_history(organisations_file: Path, timeline_file: Path, citation_keys: Collection[str],
                 lessons: Collection[str], organisations_path: str = "data/organisations.yml",
                 timeline_path: str = "data/timeline.yml", cache_dir: Path | None = None) -> History:
    """Load and validate both files; lessons are the slugs of the lessons in the nav."""
    history = load_organisations(organisations_file, organisations_path, citation_keys, cache_dir)
    history.periods, history.events = load_timeline(timeline_file, timeline_path, history, citation_keys, lessons,
                                                    cache_dir)
    return history


def load_organisations(path: Path, display_path: str, citation_keys: Collection[str],
                       cache_dir: Path | None = None) -> History:
    data = load_yaml(path, display_path, cache_dir)
    check = _Checker(display_path, citation_keys)
    root = check.mapping(data, "the file", 1, {"states", "organisations", "comparison"})
    states: dict[str, State] = {}
    states_map = check.mapping(check.required(root, "states", 1), "`states`", line_of(root, 1))
    for state_id, entry in states_map.items():
        line = line_of(entry, line_of(states_map))
        fields = check.mapping(entry, f"state '{state_id}'", line, STATE_KEYS)
        states[str(state_id)] = State(str(state_id), check.text(fields, "name", line),
                                      check.text(fields, "group", line, required=False) or "Other states")
    entries = check.listing(check.required(root, "organisations", 1), "`organisations`", line_of(root, 1))
    organisations: dict[str, Organisation] = {}
    first_line: dict[str, int | None] = {}
    for entry in entries:
        organisation = _read_organisation(entry, states, check, line_of(entries))
        if organisation.id in organisations:
            check.fail(organisation.line, f"organisation id '{organisation.id}' is used twice (first at line "
                                          f"{first_line[organisation.id]}). Give each organisation its own id.")
        organisations[organisation.id] = organisation
        first_line[organisation.id] = organisation.line
    for organisation in organisations.values():
        if organisation.replaced_by and organisation.replaced_by not in organisations:
            check.fail(organisation.line, f"organisation '{organisation.id}' is replaced_by "
                                          f"'{organisation.replaced_by}', which is not an organisation in this "
                                          "file. Use one of its ids or remove replaced_by.")
    comparison = _read_comparison(check.required(root, "comparison", 1), organisations, check)
    return History(states, organisations, comparison)


def load_timeline(path: Path, display_path: str, history: History, citation_keys: Collection[str],
                  lessons: Collection[str], cache_dir: Path | None = None) -> tuple[list[Period], list[Event]]:
    data = load_yaml(path, display_path, cache_dir)
    check = _Checker(display_path, citation_keys)
    root = check.mapping(data, "the file", 1, {"periods", "events"})
    periods = []
    for entry in check.listing(check.required(root, "periods", 1), "`periods`", line_of(root, 1)):
        line = line_of(entry)
        fields = check.mapping(entry, "a period", line, {"label", "from", "to"})
        period = Period(check.text(fields, "label", line), check.year(fields, "from", line, context=True),
                        check.year(fields, "to", line, context=True))
        if period.end < period.start:
            check.fail(line, f"period '{period.label}' ends ({period.end}) before it starts ({period.start}). "
                             "Swap from and to.")
        periods.append(period)
    events = []
    for entry in check.listing(check.required(root, "events", 1), "`events`", line_of(root, 1)):
        event = _read_event(entry, history, lessons, check)
        if not any(period.start <= event.year <= period.end for period in periods):
            check.fail(event.line, f"event '{event.title}' ({event.year}) falls in no period. "
                                   "Add a period under `periods` that covers it.")
        events.append(event)
    events.sort(key=lambda event: event.sort_key)
    return periods, events


# Rendering: the pieces


def members_in(history: History, year: int) -> dict[str, dict[str, Membership]]:
    """organisation id -> state id -> the membership that covers the year."""
    grid: dict[str, dict[str, Membership]] = {}
    for member in history.memberships:
        if member.covers(year):
            grid.setdefault(member.organisation, {})[member.state] = member
    return grid


def render_year_grid(history: History, year: int, cite: Cite) -> str:
    """A states × organisations table for one year: who belonged to what in that year."""
    grid = members_in(history, year)
    organisations = [o for o in history.organisations.values() if o.id in grid and o.track != "comparator"]
    states = [s for s in history.states.values() if any(s.id in grid[o.id] for o in organisations)]
    head = "".join(f'<th scope="col"><abbr title="{_attr(o.full_name)}">{_text(o.short)}</abbr></th>'
                   if o.acronyms else f'<th scope="col">{_text(o.short)}</th>' for o in organisations)
    rows = []
    for state in states:
        cells = []
        for organisation in organisations:
            member = grid[organisation.id].get(state.id)
            cells.append(f"<td>{_status_mark(member)}</td>")
        rows.append(f'<tr><th scope="row">{_text(state.name)}</th>{"".join(cells)}</tr>')
    keys = _unique(key for o in organisations for m in grid[o.id].values() for key in m.sources)
    # One HTML block (no line break), so that a caption placed after the marker wraps table and sources.
    return (f'<div class="course-membership-grid" data-year="{year}"><table>'
            f'<thead><tr><th scope="col">State in {year}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
            f'<p class="course-membership-sources">Sources: {cite(keys)}.</p></div>')


def render_membership_table(history: History, cite: Cite) -> str:
    """Every membership as a table row: the chart's equivalent for screen readers and print."""
    rows = []
    for organisation in history.organisations.values():
        for member in organisation.members:
            note = f" {render_markdown(member.note, inline=True)}" if member.note else ""
            rows.append(
                f'<tr data-organisation="{organisation.id}" data-state="{member.state}" '
                f'data-from="{member.joined}" data-to="{member.left or ""}">'
                f"<td>{_text(organisation.short)}</td><td>{_text(history.states[member.state].name)}</td>"
                f"<td>{member.status}{' (dates approximate)' if member.approximate else ''}</td>"
                f"<td>{member.joined}</td><td>{member.left if member.left else 'still a member in 2018'}</td>"
                f"<td>{cite(member.sources)}{note}</td></tr>")
    # Tables without a class get Material's table style, so the class sits on a wrapper.
    return ('<div class="course-membership-table"><table><thead><tr><th scope="col">Organisation</th>'
            '<th scope="col">State</th><th scope="col">Status</th><th scope="col">Joined</th>'
            '<th scope="col">Left</th><th scope="col">Source and notes</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def render_comparison_table(history: History) -> str:
    """Rows are the dimensions, columns the models: the table of lesson 6 and of the comparison page."""
    comparison = history.comparison
    head = "".join(f'<th scope="col">{_text(model.label)}</th>' for model in comparison.models)
    rows = []
    for dimension, label in comparison.dimensions:
        cells = "".join(f"<td>{render_markdown(model.cells[dimension], inline=True)}</td>"
                        for model in comparison.models)
        rows.append(f'<tr><th scope="row">{_text(label)}</th>{cells}</tr>')
    return (f'<div class="course-comparison"><table><thead><tr><th scope="col">Dimension</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def render_chart(history: History) -> str:
    """The membership chart: one row per organisation, one bar per membership across 1991–2018."""
    left, right, top, row, gap = 230, 950, 44, 14, 10
    year_width = (right - left) / (LAST_YEAR + 1 - FIRST_YEAR)

    def x(year: int) -> float:
        return round(left + (min(max(year, FIRST_YEAR), LAST_YEAR + 1) - FIRST_YEAR) * year_width, 1)

    parts, y = [], top
    for organisation in history.organisations.values():
        end = organisation.ended if organisation.ended else LAST_YEAR
        height = row * (1 + len(organisation.members)) + 4
        parts.append(f'<g class="tlc-org tlc-{organisation.track}" data-organisation="{organisation.id}">')
        parts.append(f'<rect class="tlc-life" x="{x(organisation.founded)}" y="{y}" '
                     f'width="{round(x(end + 1) - x(organisation.founded), 1)}" height="{height - 4}"/>')
        parts.append(f'<text class="tlc-name" x="4" y="{y + row - 3}">{_text(_clip(organisation.short, 34))} '
                     f'({_text(organisation.years().split(" (")[0])})</text>')
        if not organisation.members and organisation.members_note:
            parts.append(f'<text x="{left + 4}" y="{y + 2 * row - 3}">members not charted (see the entry)</text>')
        for index, member in enumerate(organisation.members, start=1):
            bar_y = y + index * row
            start, stop = member.joined, (member.left if member.left else LAST_YEAR) + 1
            label = (f"{history.states[member.state].name} in {organisation.short}: {member.status}, "
                     f"{member.years()}{', dates approximate' if member.approximate else ''}")
            classes = f"tlc-bar tlc-{member.status}" + (" tlc-approx" if member.approximate else "")
            parts.append(f'<text x="16" y="{bar_y + row - 3}">{_text(history.states[member.state].name)}</text>')
            parts.append(
                f'<rect class="{classes}" x="{x(start)}" y="{bar_y + 2}" width="{round(x(stop) - x(start), 1)}" '
                f'height="{row - 4}" data-organisation="{organisation.id}" data-state="{member.state}" '
                f'data-from="{member.joined}" data-to="{member.left or ""}"><title>{_text(label)}</title></rect>')
            if member.joined < FIRST_YEAR:
                parts.append(f'<text class="tlc-since" x="{x(FIRST_YEAR) + 3}" y="{bar_y + row - 4}">'
                             f'since {member.joined}</text>')
        parts.append("</g>")
        y += height + gap
    axis = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        labelled = year in (FIRST_YEAR, LAST_YEAR) or year % 5 == 0
        axis.append(f'<line class="tlc-grid{" tlc-major" if labelled else ""}" x1="{x(year)}" y1="{top - 6}" '
                    f'x2="{x(year)}" y2="{y}"/>')
        if labelled:
            for text_y in (top - 12, y + 16):
                axis.append(f'<text class="tlc-year" x="{round(x(year) + year_width / 2, 1)}" '
                            f'y="{text_y}">{year}</text>')
    count = len(history.memberships)
    title = f"Who belonged to what, {FIRST_YEAR}–{LAST_YEAR}"
    desc = (f"{len(history.organisations)} organisations, one band each, with one bar per membership "
            f"({count} in all) drawn from the year a state joined to the year it left. Outlined bars are "
            "associate memberships. The table after the chart gives the same data.")
    return (f'<svg class="course-chart" role="img" aria-labelledby="tlc-title tlc-desc" '
            f'viewBox="0 0 960 {y + 24}" width="100%" xmlns="http://www.w3.org/2000/svg" '
            f'font-family="system-ui, sans-serif" font-size="11">'
            f'<title id="tlc-title">{title}</title><desc id="tlc-desc">{_text(desc)}</desc>'
            f"<style>{CHART_STYLE}</style>"
            f'{"".join(axis)}{"".join(parts)}</svg>')


# The chart follows the page: Material's colour variables in light and dark, ink in print.
CHART_STYLE = (
    ".course-chart text{fill:currentColor}"
    ".course-chart .tlc-name{font-weight:700}"
    ".course-chart .tlc-year{text-anchor:middle}"
    ".course-chart .tlc-since{font-size:9px;fill:var(--md-default-bg-color,#fff)}"
    ".course-chart .tlc-grid{stroke:currentColor;stroke-opacity:.12}"
    ".course-chart .tlc-major{stroke-opacity:.35}"
    ".course-chart .tlc-life{fill:currentColor;fill-opacity:.05}"
    ".course-chart .tlc-bar{fill:var(--md-typeset-a-color,#00695c);stroke:var(--md-typeset-a-color,#00695c)}"
    ".course-chart .tlc-central-asian .tlc-bar{fill:var(--md-accent-fg-color,#b3400f);"
    "stroke:var(--md-accent-fg-color,#b3400f)}"
    ".course-chart .tlc-associate,.course-chart .tlc-observer{fill-opacity:0!important;stroke-width:1.5;"
    "stroke-dasharray:3 2}"
    ".course-chart .tlc-approx{stroke-dasharray:1 2}"
    "@media print{.course-chart text{fill:#000}.course-chart .tlc-bar{fill:#444;stroke:#000}}"
)


# Rendering: the pages


def render_timeline_page(history: History, lesson_link: Callable[[str], tuple[str, str]],
                         organisations_url: str, organisations_page: str = "organisations.md") -> str:
    """The Timeline page (Markdown with HTML blocks). Citations stay `[@key]` for the citations hook.

    lesson_link(slug) gives (url relative to this page, label) for links in HTML;
    organisations_url is the organisations page's URL relative to this page (for HTML) and
    organisations_page its Markdown source path (for Markdown links, which MkDocs checks).
    """
    state_options = _options((s.id, s.name, s.group) for s in history.states.values()
                             if any(s.id in e.states for e in history.events))
    used_orgs = {o for e in history.events for o in e.organisations}
    org_options = _options((o.id, o.full_name, TRACKS[o.track]) for o in history.organisations.values()
                           if o.id in used_orgs)
    lines = [
        f"# Timeline, {FIRST_YEAR}–{LAST_YEAR}",
        "",
        f"The {len(history.events)} events below trace regional cooperation in Central Asia from independence "
        "to the new momentum of 2017–2018, with a few dates from elsewhere for context. Each event names the "
        "states and organisations involved, links to the lesson that discusses it and cites its source. "
        f"Membership over the whole period is charted on [Organisations and membership]({organisations_page}).",
        "",
        '<form class="course-timeline-filter" hidden>',
        '<label for="tl-state">State</label> '
        f'<select id="tl-state" data-filter="states"><option value="">All states</option>{state_options}</select> ',
        '<label for="tl-organisation">Organisation</label> '
        f'<select id="tl-organisation" data-filter="organisations"><option value="">All organisations</option>'
        f"{org_options}</select> ",
        '<button type="reset">Show all</button>',
        '<p class="course-timeline-status" role="status"></p>',
        "</form>",
        "",
    ]
    for period in history.periods:
        events = [e for e in history.events if period.start <= e.year <= period.end]
        if not events:
            continue
        # The label is data: escaped, and "[" too so that Markdown makes no link of it.
        label = _text(period.label).replace("[", "&#91;")
        lines += [f"## {label} {{#{period.slug}}}", "", '<ol class="course-timeline">']
        lines += [_event_item(event, history, lesson_link, organisations_url) for event in events]
        lines += ["</ol>", '<p class="course-timeline-none" hidden>No event in this period matches the filter.</p>',
                  ""]
    return "\n".join(lines) + "\n"


def render_organisations_page(history: History, snapshot_years: Sequence[int] = (1995, 2003, 2007, 2018)) -> str:
    markdown_cite = _markdown_cite
    lines = [
        "# Organisations and membership",
        "",
        f"Who belonged to what, and when: the {len(history.organisations)} regional organisations and agreements "
        f"this course discusses, with {len(history.memberships)} memberships from {FIRST_YEAR} to {LAST_YEAR}. "
        "The chart draws one band per organisation and one bar per member state; the table after it gives the "
        "same information in text. Each organisation then has an entry with its years, its place on the "
        "hard–soft scale, its members and what became of it.",
        "",
        "## Who belonged to what, 1991–2018",
        "",
        f'<figure class="course-chart-figure">{render_chart(history)}'
        "<figcaption>Membership of regional organisations, 1991–2018. Filled bars: members "
        "(orange for Central Asia-only bodies); outlined bars: associate status; dotted outline: dates "
        "approximate. Every bar is listed, with its source, in the table below.</figcaption></figure>",
        "",
        "### The same data as a table",
        "",
        render_membership_table(history, markdown_cite),
        "",
        "## Membership in selected years",
        "",
        "Each table lists the states that belonged to at least one organisation in that year. "
        "“Member” means full membership.",
        "",
    ]
    for year in snapshot_years:
        lines += [f"### {year}", "", render_year_grid(history, year, markdown_cite), ""]
    lines += ["## The organisations", ""]
    for organisation in history.organisations.values():
        lines += [f"### {_heading_text(organisation.full_name)} {{#{organisation.id}}}", "",
                  _organisation_entry(organisation, history), ""]
    return "\n".join(lines) + "\n"


def render_comparison_page(history: History, lesson_page: str) -> str:
    """lesson_page: the Markdown path of the lesson that discusses the comparison, relative to this page."""
    comparison = history.comparison
    profiles = "".join(
        f"<li><strong>{_text(model.label)}</strong>: {TYPES[model.type].lower()}"
        + (f" ({render_markdown(history.organisations[model.organisation].type_reason, inline=True)})"
           if model.organisation else "")
        + "</li>"
        for model in comparison.models)
    return "\n".join([
        "# Comparison of regionalisms",
        "",
        "Four models of regional governance side by side: the European Union (EU), the Eurasian Economic "
        "Union (EAEU), ASEAN and the soft regionalism that Moldashev and Qoraboyev propose for Central Asia "
        f"[@moldashev2018]. [Comparing regions]({lesson_page}) discusses each column; the lesson's table and this "
        "page are generated from the same data, so they always agree. The last column is a proposal, not a "
        "description of something that existed in 2018.",
        "",
        "## Profiles on the hard–soft scale",
        "",
        f'<ul class="course-profiles">{profiles}</ul>',
        "",
        "## Five dimensions",
        "",
        render_comparison_table(history),
        "",
        "/// table-caption",
        f"Four models of regionalism compared on five dimensions. Sources: {_markdown_cite(comparison.sources)}.",
        "///",
        "",
    ]) + "\n"


def linked_citation(keys: Sequence[str], labels: Mapping[str, tuple[str, str]], bibliography_url: str) -> str:
    """Author-date citations as HTML links to the bibliography page, for tables put into lessons.

    labels maps a key to (label, full reference as text). Used where the citations hook has
    already run, so "[@key]" would no longer be rendered.
    """
    links = [f'<a class="course-cite-bib" href="{_attr(bibliography_url)}#ref-{key}" '
             f'title="{_attr(labels[key][1])}">{_text(labels[key][0])}</a>' for key in keys]
    return "(" + "; ".join(links) + ")"


# Helper functions


class _Checker:
    """Small validators that raise one CourseError line naming the file and line."""

    def __init__(self, path: str, citation_keys: Collection[str]) -> None:
        self.path = path
        self.citation_keys = citation_keys

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
            for key in value:
                if key not in allowed:
                    self.fail(line_of(value, line), f"{what} has an unknown field '{key}'. "
                                                    f"Use only: {', '.join(sorted(allowed))}.")
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
        if not context and not FIRST_YEAR <= year <= LAST_YEAR:
            self.fail(line, f"{what} lies outside {FIRST_YEAR}–{LAST_YEAR}, the period this course covers. "
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
    fields = check.mapping(entry, "an organisation", line, ORGANISATION_KEYS)
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
    if kind not in TYPES:
        check.fail(line, f"{what} has type '{kind}'. Use one of: {', '.join(TYPES)}.")
    track = check.text(fields, "track", line)
    if track not in TRACKS:
        check.fail(line, f"{what} has track '{track}'. Use one of: {', '.join(TRACKS)}.")
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
    fields = check.mapping(entry, f"a member of '{org_id}'", line, MEMBER_KEYS)
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
        check.fail(line, f"{what}: membership {_span(joined, left)} lies outside the organisation's years "
                         f"{_span(founded, ended)}. Fix the years or give `left:`.")
    status = str(fields.get("status", "member"))
    if status not in STATUSES:
        check.fail(line, f"{what} has status '{status}'. Use one of: {', '.join(STATUSES)}.")
    return Membership(org_id, state, joined, left, status, check.sources(fields, line, what),
                      fields.get("approximate") is True, check.text(fields, "note", line, required=False), line)


def _read_event(entry: Any, history: History, lessons: Collection[str], check: _Checker) -> Event:
    line = line_of(entry)
    fields = check.mapping(entry, "an event", line, EVENT_KEYS)
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
    fields = check.mapping(value, "`comparison`", line, {"dimensions", "models", "sources"})
    dimensions = []
    for entry in check.listing(check.required(fields, "dimensions", line), "`dimensions`", line):
        entry_line = line_of(entry, line)
        dim = check.mapping(entry, "a dimension", entry_line, {"id", "label"})
        dimensions.append((check.text(dim, "id", entry_line), check.text(dim, "label", entry_line)))
    models = []
    for entry in check.listing(check.required(fields, "models", line), "`models`", line):
        entry_line = line_of(entry, line)
        model = check.mapping(entry, "a model", entry_line, MODEL_KEYS | {d for d, _ in dimensions})
        organisation = model.get("organisation")
        if organisation is not None and organisation not in organisations:
            check.fail(entry_line, f"model '{model.get('id')}' refers to unknown organisation '{organisation}'. "
                                   "Use an id from `organisations` or leave it out.")
        kind = check.text(model, "type", entry_line)
        if kind not in TYPES:
            check.fail(entry_line, f"model '{model.get('id')}' has type '{kind}'. Use one of: {', '.join(TYPES)}.")
        cells = {d: check.text(model, d, entry_line) for d, _ in dimensions}
        models.append(Model(check.text(model, "id", entry_line), check.text(model, "label", entry_line),
                            organisation, kind, cells))
    return Comparison(tuple(dimensions), tuple(models), check.sources(fields, line, "`comparison`", "sources"))


def _event_item(event: Event, history: History, lesson_link: Callable[[str], tuple[str, str]],
                organisations_url: str) -> str:
    url, label = lesson_link(event.lesson)
    states = ", ".join(_text(history.states[s].name) for s in event.states) or "none named"
    orgs = ", ".join(f'<a href="{_attr(organisations_url)}#{o}">{_text(history.organisations[o].short)}</a>'
                     for o in event.organisations)
    context = " course-event-context" if event.context else ""
    return (
        f'<li class="course-event{context}" data-states="{" ".join(event.states)}" '
        f'data-organisations="{" ".join(event.organisations)}">'
        f'<p class="course-event-date"><time datetime="{event.iso}">{_text(event.when())}</time></p>'
        f'<p class="course-event-title"><strong>{render_markdown(event.title, inline=True)}</strong></p>'
        f"<p>{render_markdown(event.text, inline=True)}</p>"
        f'<p class="course-event-meta">States: {states}.'
        + (f" Organisations: {orgs}." if orgs else "")
        + f' Lesson: <a href="{_attr(url)}">{_text(label)}</a>. Source: {_markdown_cite(event.sources)}.</p></li>')


def _organisation_entry(organisation: Organisation, history: History) -> str:
    members = "".join(
        f"<li>{_text(history.states[m.state].name)}: {m.years()}"
        f"{'' if m.status == 'member' else f' ({m.status})'}"
        f"{' (start not dated in the sources)' if m.approximate else ''} {_markdown_cite(m.sources)}"
        f"{f' {render_markdown(m.note, inline=True)}' if m.note else ''}</li>"
        for m in organisation.members)
    note = f"<p>{render_markdown(organisation.members_note, inline=True)}</p>" if organisation.members_note else ""
    replaced = history.organisations.get(organisation.replaced_by or "")
    fate = render_markdown(organisation.fate, inline=True)
    if replaced:
        fate += f' Succeeded by <a href="#{replaced.id}">{_text(replaced.full_name)}</a>.'
    names = f"<dt>Also known as</dt><dd>{_text(', '.join(organisation.acronyms[1:]))}</dd>" \
        if len(organisation.acronyms) > 1 else ""
    return (
        f'<dl class="course-organisation">{names}'
        f"<dt>Years</dt><dd>{_text(organisation.years())}</dd>"
        f"<dt>Track</dt><dd>{TRACKS[organisation.track]}</dd>"
        f"<dt>Type</dt><dd>{TYPES[organisation.type]}: {render_markdown(organisation.type_reason, inline=True)}</dd>"
        f"<dt>Members</dt><dd>{f'<ul>{members}</ul>' if members else ''}{note}</dd>"
        f"<dt>What became of it</dt><dd>{fate}</dd>"
        f"<dt>Sources</dt><dd>{_markdown_cite(organisation.sources)}</dd></dl>")


def _markdown_cite(keys: Sequence[str]) -> str:
    """Left as Markdown for the citations hook, which turns it into an author-date link."""
    return "[" + "; ".join(f"@{key}" for key in keys) + "]"


def _status_mark(member: Membership | None) -> str:
    if member is None:
        return '<span aria-hidden="true">–</span><span class="course-sr">not a member</span>'
    label = member.status + (" (dates approximate)" if member.approximate else "")
    return _text(label)


def _options(items: Any) -> str:
    groups: dict[str, list[str]] = {}
    for value, label, group in items:
        groups.setdefault(group, []).append(f'<option value="{_attr(value)}">{_text(label)}</option>')
    return "".join(f'<optgroup label="{_attr(group)}">{"".join(options)}</optgroup>'
                   for group, options in groups.items())


def _span(start: int, end: int | None) -> str:
    if end is None:
        return f"since {start}"
    return str(start) if start == end else f"{start}–{end}"


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _heading_text(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>#])", r"\\\1", text)


def _unique(keys: Any) -> list[str]:
    return list(dict.fromkeys(keys))


def _text(text: Any) -> str:
    return html.escape(str(text), quote=False)


def _attr(text: Any) -> str:
    return html.escape(str(text), quote=True)
