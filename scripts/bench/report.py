"""The bench's results: one row per measure, printed as a table and written as JSON."""
from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .settings import ROOT, RESULTS


@dataclass
class Row:
    """One line of the final table."""

    step: str
    measure: str
    value: str
    budget: str = ""
    ok: bool | None = None  # None: no budget, or not measured
    note: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def add(self, *args: Any, **kwargs: Any) -> Row:
        row = Row(*args, **kwargs)
        self.rows.append(row)
        return row


class StepSkipped(Exception):
    """A step whose tools are missing (e.g. no Node for Lighthouse): reported, not failed."""


# Output


def say(line: str) -> None:
    print(line, flush=True)


def kb(size: int | float | None) -> str:
    return "-" if size is None else f"{size / 1024:.0f} KB"


def render_table(rows: list[Row]) -> str:
    header = ("step", "measure", "value", "budget", "met", "note")
    cells = [header] + [(r.step, r.measure, r.value, r.budget,
                         {True: "yes", False: "NO", None: ""}[r.ok], r.note) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(5)]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 4)
    return "\n".join(line.rstrip() for line in lines)


def write_json(report: Report, table: str) -> Path:
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.strip()
    payload = {"when": stamp, "commit": commit, "cpus": os.cpu_count(),
               "rows": [asdict(row) for row in report.rows], "table": table, **report.data}
    path = RESULTS / f"bench-{stamp}.json"
    path.write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")
    (RESULTS / "latest.json").write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")
    return path
