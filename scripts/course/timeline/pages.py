"""The three generated pages (timeline, organisations, comparison) and the pieces lessons embed
(a year's membership grid, the comparison table). Citations stay `[@key]` for the citations hook.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..markup import render_markdown
from .chart import render_chart
from ..templates import Templates
from ..words import Words
from .model import COMPARATOR, Cite, Event, History, Membership, Organisation, status_text


# Rendering: the pieces


def members_in(history: History, year: int) -> dict[str, dict[str, Membership]]:
    """organisation id -> state id -> the membership that covers the year."""
    grid: dict[str, dict[str, Membership]] = {}
    for member in history.memberships:
        if member.covers(year):
            grid.setdefault(member.organisation, {})[member.state] = member
    return grid


def render_year_grid(history: History, year: int, cite: Cite, words: Words) -> str:
    """A states × organisations table for one year: who belonged to what in that year."""
    grid = members_in(history, year)
    organisations = [o for o in history.organisations.values() if o.id in grid and o.track != COMPARATOR]
    states = [s for s in history.states.values() if any(s.id in grid[o.id] for o in organisations)]
    head = "".join(f'<th scope="col"><abbr title="{_attr(o.full_name)}">{_text(o.short)}</abbr></th>'
                   if o.acronyms else f'<th scope="col">{_text(o.short)}</th>' for o in organisations)
    rows = []
    for state in states:
        cells = []
        for organisation in organisations:
            member = grid[organisation.id].get(state.id)
            cells.append(f"<td>{_status_mark(member, words)}</td>")
        rows.append(f'<tr><th scope="row">{_text(state.name)}</th>{"".join(cells)}</tr>')
    keys = _unique(key for o in organisations for m in grid[o.id].values() for key in m.sources)
    # One HTML block (no line break), so that a caption placed after the marker wraps table and sources.
    return (f'<div class="course-membership-grid" data-year="{year}"><table>'
            f'<thead><tr><th scope="col">{_text(words("timeline.state_in", year=year))}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
            f'<p class="course-membership-sources">{_text(words("timeline.sources"))} {cite(keys)}.</p></div>')


def render_membership_table(history: History, cite: Cite, words: Words) -> str:
    """Every membership as a table row: the chart's equivalent for screen readers and print."""
    rows = []
    for organisation in history.organisations.values():
        for member in organisation.members:
            note = f" {render_markdown(member.note, inline=True)}" if member.note else ""
            rows.append(
                f'<tr data-organisation="{organisation.id}" data-state="{member.state}" '
                f'data-from="{member.joined}" data-to="{member.left or ""}">'
                f"<td>{_text(organisation.short)}</td><td>{_text(history.states[member.state].name)}</td>"
                f"<td>{_text(status_text(member, words))}</td>"
                f"<td>{member.joined}</td>"
                f"<td>{member.left if member.left else _text(words('timeline.still_member', year=history.last_year))}</td>"
                f"<td>{cite(member.sources)}{note}</td></tr>")
    # Tables without a class get Material's table style, so the class sits on a wrapper.
    head = "".join(f'<th scope="col">{_text(words(f"timeline.columns.{column}"))}</th>'
                   for column in ("organisation", "state", "status", "joined", "left", "sources"))
    return (f'<div class="course-membership-table"><table><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def render_comparison_table(history: History, words: Words) -> str:
    """Rows are the dimensions, columns the models: the table of lesson 6 and of the comparison page."""
    comparison = history.comparison
    head = "".join(f'<th scope="col">{_text(model.label)}</th>' for model in comparison.models)
    rows = []
    for dimension, label in comparison.dimensions:
        cells = "".join(f"<td>{render_markdown(model.cells[dimension], inline=True)}</td>"
                        for model in comparison.models)
        rows.append(f'<tr><th scope="row">{_text(label)}</th>{cells}</tr>')
    return (f'<div class="course-comparison"><table><thead><tr><th scope="col">{_text(words("timeline.columns.dimension"))}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


# Rendering: the pages


def render_timeline_page(history: History, lesson_link: Callable[[str], tuple[str, str]],
                         organisations_url: str, templates: Templates, words: Words,
                         organisations_page: str = "organisations.md") -> str:
    """The Timeline page (data/pages/timeline.md filled in). Citations stay `[@key]` for the citations hook.

    lesson_link(slug) gives (url relative to this page, label) for links in HTML;
    organisations_url is the organisations page's URL relative to this page (for HTML) and
    organisations_page its Markdown source path (for Markdown links, which MkDocs checks).
    """
    state_options = _options((s.id, s.name, s.group) for s in history.states.values()
                             if any(s.id in e.states for e in history.events))
    used_orgs = {o for e in history.events for o in e.organisations}
    org_options = _options((o.id, o.full_name, history.tracks[o.track]) for o in history.organisations.values()
                           if o.id in used_orgs)
    form = [
        '<form class="course-timeline-filter" hidden>',
        f'<label for="tl-state">{_text(words("timeline.filter.state"))}</label> '
        f'<select id="tl-state" data-filter="states"><option value="">{_text(words("timeline.filter.all_states"))}</option>'
        f'{state_options}</select> ',
        f'<label for="tl-organisation">{_text(words("timeline.filter.organisation"))}</label> '
        f'<select id="tl-organisation" data-filter="organisations"><option value="">'
        f'{_text(words("timeline.filter.all_organisations"))}</option>{org_options}</select> ',
        f'<button type="reset">{_text(words("timeline.filter.show_all"))}</button>',
        '<p class="course-timeline-status" role="status"></p>',
        "</form>",
    ]
    lines = []
    for period in history.periods:
        events = [e for e in history.events if period.start <= e.year <= period.end]
        if not events:
            continue
        # The label is data: escaped, and "[" too so that Markdown makes no link of it.
        label = _text(period.label).replace("[", "&#91;")
        lines += [f"## {label} {{#{period.slug}}}", "", '<ol class="course-timeline">']
        lines += [_event_item(event, history, lesson_link, organisations_url, words) for event in events]
        lines += ["</ol>", f'<p class="course-timeline-none" hidden>{_text(words("timeline.no_event"))}</p>', ""]
    return templates.render("timeline.md", first_year=history.first_year, last_year=history.last_year,
                            events=len(history.events), organisations_page=organisations_page,
                            filter="\n".join(form), periods="\n".join(lines))


def render_organisations_page(history: History, templates: Templates, words: Words, chart_style: str = "") -> str:
    """The Organisations and membership page (data/pages/organisations.md filled in)."""
    snapshots = []
    for year in history.snapshot_years:
        snapshots += [f"### {year}", "", render_year_grid(history, year, _markdown_cite, words), ""]
    entries = []
    for organisation in history.organisations.values():
        entries += [f"### {_heading_text(organisation.full_name)} {{#{organisation.id}}}", "",
                    _organisation_entry(organisation, history, words), ""]
    return templates.render(
        "organisations.md", first_year=history.first_year, last_year=history.last_year,
        organisations=len(history.organisations), memberships=len(history.memberships),
        chart=render_chart(history, words, chart_style), table=render_membership_table(history, _markdown_cite, words),
        snapshots="\n".join(snapshots), entries="\n".join(entries))


def render_comparison_page(history: History, lesson_page: str | None, templates: Templates, words: Words) -> str:
    """The Comparison of regionalisms page (data/pages/comparison.md filled in); lesson_page: the
    Markdown path of the lesson that holds the comparison, relative to this page (None: no lesson does)."""
    comparison = history.comparison
    profiles = "".join(
        f"<li><strong>{_text(model.label)}</strong>: {history.types[model.type].lower()}"
        + (f" ({render_markdown(history.organisations[model.organisation].type_reason, inline=True)})"
           if model.organisation else "")
        + "</li>"
        for model in comparison.models)
    return templates.render("comparison.md", lesson_page=lesson_page, profiles=f'<ul class="course-profiles">{profiles}</ul>',
                            table=render_comparison_table(history, words), sources=_markdown_cite(comparison.sources))


def linked_citation(keys: Sequence[str], labels: Mapping[str, tuple[str, str]], bibliography_url: str) -> str:
    """Author-date citations as HTML links to the bibliography page, for tables put into lessons.

    labels maps a key to (label, full reference as text). Used where the citations hook has
    already run, so "[@key]" would no longer be rendered.
    """
    links = [f'<a class="course-cite-bib" href="{_attr(bibliography_url)}#ref-{key}" '
             f'title="{_attr(labels[key][1])}">{_text(labels[key][0])}</a>' for key in keys]
    return "(" + "; ".join(links) + ")"


# Helper functions


def _event_item(event: Event, history: History, lesson_link: Callable[[str], tuple[str, str]],
                organisations_url: str, words: Words) -> str:
    url, label = lesson_link(event.lesson)
    states = ", ".join(_text(history.states[s].name) for s in event.states) or _text(words("timeline.none_named"))
    orgs = ", ".join(f'<a href="{_attr(organisations_url)}#{o}">{_text(history.organisations[o].short)}</a>'
                     for o in event.organisations)
    context = " course-event-context" if event.context else ""
    return (
        f'<li class="course-event{context}" data-states="{" ".join(event.states)}" '
        f'data-organisations="{" ".join(event.organisations)}">'
        f'<p class="course-event-date"><time datetime="{event.iso}">{_text(event.when(words))}</time></p>'
        f'<p class="course-event-title"><strong>{render_markdown(event.title, inline=True)}</strong></p>'
        f"<p>{render_markdown(event.text, inline=True)}</p>"
        f'<p class="course-event-meta">{_text(words("timeline.event.states"))} {states}.'
        + (f' {_text(words("timeline.event.organisations"))} {orgs}.' if orgs else "")
        + f' {_text(words("timeline.event.lesson"))} <a href="{_attr(url)}">{_text(label)}</a>.'
        + f' {_text(words("timeline.event.source"))} {_markdown_cite(event.sources)}.</p></li>')


def _organisation_entry(organisation: Organisation, history: History, words: Words) -> str:
    def term(key: str) -> str:
        return f"<dt>{_text(words(f'timeline.entry.{key}'))}</dt>"

    def status(member: Membership) -> str:
        return "" if member.status == "member" else f" ({_text(words('timeline.status.' + member.status))})"

    members = "".join(
        f"<li>{_text(history.states[m.state].name)}: {_text(m.years(words))}{status(m)}"
        f"{' ' + _text(words('timeline.entry.undated')) if m.approximate else ''} {_markdown_cite(m.sources)}"
        f"{f' {render_markdown(m.note, inline=True)}' if m.note else ''}</li>"
        for m in organisation.members)
    note = f"<p>{render_markdown(organisation.members_note, inline=True)}</p>" if organisation.members_note else ""
    replaced = history.organisations.get(organisation.replaced_by or "")
    fate = render_markdown(organisation.fate, inline=True)
    if replaced:
        link = f'<a href="#{replaced.id}">{_text(replaced.full_name)}</a>'
        fate += " " + _text(words("timeline.entry.succeeded_by", name="\0")).replace("\0", link)
    names = f"{term('also_known')}<dd>{_text(', '.join(organisation.acronyms[1:]))}</dd>" \
        if len(organisation.acronyms) > 1 else ""
    return (
        f'<dl class="course-organisation">{names}'
        f"{term('years')}<dd>{_text(organisation.years(words))}</dd>"
        f"{term('track')}<dd>{history.tracks[organisation.track]}</dd>"
        f"{term('type')}<dd>{history.types[organisation.type]}: {render_markdown(organisation.type_reason, inline=True)}</dd>"
        f"{term('members')}<dd>{f'<ul>{members}</ul>' if members else ''}{note}</dd>"
        f"{term('fate')}<dd>{fate}</dd>"
        f"{term('sources')}<dd>{_markdown_cite(organisation.sources)}</dd></dl>")


def _markdown_cite(keys: Sequence[str]) -> str:
    """Left as Markdown for the citations hook, which turns it into an author-date link."""
    return "[" + "; ".join(f"@{key}" for key in keys) + "]"


def _status_mark(member: Membership | None, words: Words) -> str:
    if member is None:
        return f'<span aria-hidden="true">–</span><span class="course-sr">{_text(words("timeline.not_member"))}</span>'
    return _text(status_text(member, words))



def _options(items: Any) -> str:
    groups: dict[str, list[str]] = {}
    for value, label, group in items:
        groups.setdefault(group, []).append(f'<option value="{_attr(value)}">{_text(label)}</option>')
    return "".join(f'<optgroup label="{_attr(group)}">{"".join(options)}</optgroup>'
                   for group, options in groups.items())


def _heading_text(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>#])", r"\\\1", text)


def _unique(keys: Any) -> list[str]:
    return list(dict.fromkeys(keys))


def _text(text: Any) -> str:
    return html.escape(str(text), quote=False)


def _attr(text: Any) -> str:
    return html.escape(str(text), quote=True)
