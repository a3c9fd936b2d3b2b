"""Who belonged to what, when: the timeline, the organisations and the comparison of regionalisms.

Two data files feed three generated pages and two lesson markers:
data/organisations.yml (states, organisations with their members, the comparison) and
data/timeline.yml (periods and dated events).

    model.py   the data: State, Organisation, Membership, Period, Event, Comparison, History
    load.py    reading and validating the two files (one CourseError naming file and line)
    pages.py   the generated pages and the pieces lessons embed (year grid, comparison table)
    chart.py   the membership chart (SVG); its styles are docs/assets/css/chart.css
"""
from __future__ import annotations

from .chart import render_chart
from .load import load_history, load_organisations, load_timeline
from .model import (
    COMPARATOR, STATUSES, Comparison, Event, History, Membership, Model, Organisation,
    Period, State,
)
from .pages import (
    linked_citation, members_in, render_comparison_page, render_comparison_table, render_membership_table,
    render_organisations_page, render_timeline_page, render_year_grid,
)

__all__ = [
    "Comparison",
    "Event",
    "History",
    "Membership",
    "Model",
    "Organisation",
    "Period",
    "STATUSES",
    "State",
    "COMPARATOR",
    "linked_citation",
    "load_history",
    "load_organisations",
    "load_timeline",
    "members_in",
    "render_chart",
    "render_comparison_page",
    "render_comparison_table",
    "render_membership_table",
    "render_organisations_page",
    "render_timeline_page",
    "render_year_grid",
]
