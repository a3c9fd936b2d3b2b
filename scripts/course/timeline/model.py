"""The history the timeline pages show: states, organisations and their members, periods,
dated events and the comparison of regionalisms, as plain data (load.py reads them).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..words import Words

# The hard–soft scale and the tracks, with the labels the pages show, are data
# (data/organisations.yml `types:` and `tracks:`); this one track id the code knows:
COMPARATOR = "comparator"  # organisations shown for comparison only (not in the year grids)
STATUSES = ("member", "associate", "observer")
DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2]))?$")


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

    def years(self, words: Words) -> str:
        return span(self.joined, self.left, words)


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

    def years(self, words: Words) -> str:
        text = span(self.founded, self.ended, words)
        if self.end_decided and self.end_decided != self.ended:
            text = words("timeline.end_decided", years=text, decided=self.end_decided, ended=self.ended)
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

    def when(self, words: Words) -> str:
        text = words("timeline.month_year", month=words(f"timeline.months.{self.month}"), year=self.year) \
            if self.month else str(self.year)
        if self.effective:
            text = words("timeline.decided", date=text, effective=self.effective)
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
    years: tuple[int, int] = (0, 0)  # the period the course covers (extra.course.years), first and last
    types: dict[str, str] = field(default_factory=dict)  # type id -> label, hardest first
    tracks: dict[str, str] = field(default_factory=dict)  # track id -> label
    snapshot_years: tuple[int, ...] = ()  # the years the organisations page tabulates

    @property
    def first_year(self) -> int:
        return self.years[0]

    @property
    def last_year(self) -> int:
        return self.years[1]

    @property
    def memberships(self) -> list[Membership]:
        return [member for organisation in self.organisations.values() for member in organisation.members]


def status_text(member: Membership, words: Words) -> str:
    """ "observer", or "member (dates approximate)", in the pages' words."""
    status = words(f"timeline.status.{member.status}")
    return f"{status} {words('timeline.approximate')}" if member.approximate else status


def span(start: int, end: int | None, words: Words | None = None) -> str:
    """ "1998–2002"; an open end: "since 1998" in the pages' words (without words, as error messages write it)."""
    if end is None:
        return words("timeline.since", year=start) if words else f"{start}–"
    return str(start) if start == end else f"{start}–{end}"
