"""Heads of state as data (data/leaders.yml) in, a Markdown table and the chapter's words out.

The table has three short columns (state, head of state, years), so it fits a phone's
screen; what the chapter says of each regime follows it as a list, with its citations,
for the citations hook to render.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errorlist import FieldReader
from .sources import load_yaml

WORDS = ("caption", "chapter_heading", "silent", "general")
HEADINGS = ("state", "leader", "years")


@dataclass(frozen=True)
class Leader:
    name: str
    start: int
    end: int | None  # None: still in office at the end of the period
    note: str = ""


@dataclass(frozen=True)
class StateLeaders:
    state: str
    leaders: tuple[Leader, ...]
    chapter: str = ""  # what the source says of the regime; "" where it says nothing


@dataclass(frozen=True)
class LeadersTable:
    states: tuple[StateLeaders, ...]
    headings: dict[str, str]
    words: dict[str, str]


def load_leaders(path: Path, display: str, cache_dir: Path | None = None) -> LeadersTable:
    """Read and check the leaders file; every mistake is reported at once."""
    data = load_yaml(path, display, cache_dir)
    fields = FieldReader(display, data)
    text = fields.text

    def year(node: dict, key: str, required: bool) -> int | None:
        value = node.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not 1900 < value < 2100:
            fields.error(node, f"'{key}' of {node.get('name', 'a leader')} is not "
                         "a year. Give four digits, e.g. 1999.")
            return None
        return value

    headings = data.get("headings") if isinstance(data, dict) else None
    headings = {key: text(headings, key) for key in HEADINGS} if isinstance(headings, dict) else {}
    if not headings:
        fields.error(data, "'headings' is missing. Give state, leader and years.")
    words = {key: text(data, key) for key in WORDS}
    states = []
    for node in data.get("states", []) if isinstance(data, dict) else []:
        leaders = []
        for leader in node.get("leaders", []) if isinstance(node, dict) else []:
            name, start, end = text(leader, "name"), year(leader, "from", True), year(leader, "to", False)
            if start and end and end < start:
                fields.error(leader, f"{name} leaves office ({end}) before taking "
                             f"it ({start}). Swap the years.")
            leaders.append(Leader(name, start or 0, end, text(leader, "note", required=False)))
        if not leaders:
            fields.error(node, "a state without 'leaders'. "
                         "List at least one, with its years.")
        states.append(StateLeaders(text(node, "state"), tuple(leaders), text(node, "chapter", required=False)))
    if not states:
        fields.error(data, "'states' is missing or empty. "
                     "List the states and their leaders.")
    fields.raise_errors()
    return LeadersTable(tuple(states), headings, words)


def render_leaders(table: LeadersTable) -> str:
    """The table (the state on every row, so each row reads alone), its caption, then the chapter's words."""
    heading = table.headings
    rows = [f"| {heading['state']} | {heading['leader']} | {heading['years']} |", "|---|---|---|"]
    for state in table.states:
        for leader in state.leaders:
            name = f"{leader.name} ({leader.note})" if leader.note else leader.name
            years = f"{leader.start}–{leader.end}" if leader.end else f"{leader.start}–"
            rows.append(f"| {state.state} | {name} | {years} |")
    notes = [f"- **{state.state}**: {state.chapter or table.words['silent']}" for state in table.states]
    return "\n".join([
        *rows, "", "/// table-caption", table.words["caption"], "///", "",
        f"**{table.words['chapter_heading']}.** {table.words['general']}", "", *notes, "",
    ])

