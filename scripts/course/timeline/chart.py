"""The membership chart: SVG written at build time, one band per organisation and one bar per
membership. Its styles (docs/assets/css/chart.css) come in as text, so that it follows
Material's light and dark schemes and prints in ink.
"""
from __future__ import annotations

import html
from typing import Any

from ..words import Words
from .model import History, span, status_text


def render_chart(history: History, words: Words, style: str = "") -> str:
    """The membership chart: one row per organisation, one bar per membership across the years the course covers.

    style: the chart's CSS (docs/assets/css/chart.css, minified), put in the SVG's own <style>.
    """
    left, right, top, row, gap = 230, 950, 44, 14, 10
    first, last = history.years
    year_width = (right - left) / (last + 1 - first)

    def x(year: int) -> float:
        return round(left + (min(max(year, first), last + 1) - first) * year_width, 1)

    parts, y = [], top
    for organisation in history.organisations.values():
        end = organisation.ended if organisation.ended else last
        rows: dict[str, list[Any]] = {}  # a state that joined twice, or changed status, keeps one row
        for member in organisation.members:
            rows.setdefault(member.state, []).append(member)
        height = row * (1 + len(rows)) + 4
        parts.append(f'<g class="tlc-org tlc-{organisation.track}" data-organisation="{organisation.id}">')
        parts.append(f'<rect class="tlc-life" x="{x(organisation.founded)}" y="{y}" '
                     f'width="{round(x(end + 1) - x(organisation.founded), 1)}" height="{height - 4}"/>')
        parts.append(f'<text class="tlc-name" x="4" y="{y + row - 3}">{_text(_clip(organisation.short, 34))} '
                     f'({_text(span(organisation.founded, organisation.ended, words))})</text>')
        if not organisation.members and organisation.members_note:
            parts.append(f'<text x="{left + 4}" y="{y + 2 * row - 3}">{_text(words("timeline.chart.not_charted"))}</text>')
        for index, (state, members) in enumerate(rows.items(), start=1):
            bar_y = y + index * row
            parts.append(f'<text x="16" y="{bar_y + row - 3}">{_text(history.states[state].name)}</text>')
            for member in members:
                start, stop = member.joined, (member.left if member.left else last) + 1
                label = words("timeline.chart.bar", state=history.states[member.state].name,
                              organisation=organisation.short, status=status_text(member, words), years=member.years(words))
                classes = f"tlc-bar tlc-{member.status}" + (" tlc-approx" if member.approximate else "")
                parts.append(
                    f'<rect class="{classes}" x="{x(start)}" y="{bar_y + 2}" width="{round(x(stop) - x(start), 1)}" '
                    f'height="{row - 4}" data-organisation="{organisation.id}" data-state="{member.state}" '
                    f'data-from="{member.joined}" data-to="{member.left or ""}"><title>{_text(label)}</title></rect>')
                if member.joined < first:
                    parts.append(f'<text class="tlc-since" x="{x(first) + 3}" y="{bar_y + row - 4}">'
                                 f'{_text(words("timeline.since", year=member.joined))}</text>')
        parts.append("</g>")
        y += height + gap
    axis = []
    for year in range(first, last + 1):
        labelled = year in (first, last) or year % 5 == 0
        axis.append(f'<line class="tlc-grid{" tlc-major" if labelled else ""}" x1="{x(year)}" y1="{top - 6}" '
                    f'x2="{x(year)}" y2="{y}"/>')
        if labelled:
            for text_y in (top - 12, y + 16):
                axis.append(f'<text class="tlc-year" x="{round(x(year) + year_width / 2, 1)}" '
                            f'y="{text_y}">{year}</text>')
    count = len(history.memberships)
    title = _text(words("timeline.chart.title", first=first, last=last))
    desc = words("timeline.chart.desc", organisations=len(history.organisations), memberships=count)
    return (f'<svg class="course-chart" role="img" aria-labelledby="tlc-title tlc-desc" '
            f'viewBox="0 0 960 {y + 24}" width="100%" xmlns="http://www.w3.org/2000/svg" '
            f'font-family="system-ui, sans-serif" font-size="11">'
            f'<title id="tlc-title">{title}</title><desc id="tlc-desc">{_text(desc)}</desc>'
            f"{f'<style>{style}</style>' if style else ''}"
            f'{"".join(axis)}{"".join(parts)}</svg>')


# Helper functions


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def _text(text: Any) -> str:
    return html.escape(str(text), quote=False)
