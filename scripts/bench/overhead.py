"""Step 1: hook overhead at course size."""
from __future__ import annotations

import argparse
import shutil
import statistics
from pathlib import Path
from typing import Any

from .freeze import freeze, without_hooks
from .report import Report, say
from .settings import OVERHEAD_BUDGET
from .worker import timed_build


# Step 1: hook overhead at course size


def step_overhead(report: Report, *, project: Path, work: Path, args: argparse.Namespace, **_: Any) -> None:
    """The course built by its hooks (A) against the same site written out by hand (B).

    B is "the same Markdown and config, hooks off" taken literally: every page's Markdown as
    the hooks leave it (citations, glossary links, key terms, timeline excerpts), the
    quizzes' HTML in place of their markers, the generated pages (glossary, timeline,
    syllabus...) as files, and no `hooks:`. So A and B build the same pages with the same
    content, and the difference is what the hooks cost. The plain "hooks removed" build is
    kept as a second row: it builds fewer and shorter pages, so it is not like for like.
    """
    config = project / "mkdocs.yml"
    frozen = work / "frozen"
    freeze(config, frozen)
    no_hooks = project / "mkdocs-nohooks.yml"
    no_hooks.write_text(without_hooks(config.read_text(encoding="utf-8")), encoding="utf-8")
    sides = {"hooks": config, "written out": frozen / "mkdocs.yml", "hooks removed": no_hooks}
    times: dict[str, list[float]] = {side: [] for side in sides}
    hook_seconds: list[dict[str, float]] = []
    pages: dict[str, int] = {}
    load_frozen = 0.0
    shutil.rmtree(project / ".cache", ignore_errors=True)
    cold = timed_build(config, work / "warm")  # a fresh clone's first build: no .cache/ yet
    for cfg in sides.values():
        timed_build(cfg, work / "warm")  # warm the disk cache, .cache/ and .pyc files, not measured
    for run in range(args.runs):
        order = list(sides) if run % 2 == 0 else list(reversed(sides))  # alternate, so drift hits every side
        for side in order:
            result = timed_build(sides[side], work / f"ab-{side.replace(' ', '')}")
            times[side].append(result["seconds"])
            pages[side] = result["pages"]
            if result["warnings"] and side != "hooks removed":  # that one has nav entries for missing pages
                raise RuntimeError(f"the {side} build logged warnings: {result['messages'][:2]}")
            if side == "hooks":
                hook_seconds.append(result["by_owner"])
            elif side == "written out":
                load_frozen = result["by_owner"].get("mkdocs:load_config", 0.0)
        say(f"[overhead] run {run + 1}/{args.runs}: " + ", ".join(f"{s} {times[s][-1]:.2f} s" for s in sides))
    median = {side: statistics.median(times[side]) for side in sides}
    ratio = median["hooks"] / median["written out"]
    owners = {name: statistics.median(run.get(name, 0.0) for run in hook_seconds)
              for name in hook_seconds[-1]}
    hooks_only = {name: round(s, 3) for name, s in owners.items() if name.startswith("hook:")}
    # The hooks' own code: their events, and importing them while the config loads.
    in_hooks = sum(hooks_only.values()) + max(0.0, owners.get("mkdocs:load_config", 0.0) - load_frozen)
    report.data["overhead"] = {"runs": args.runs, "seconds": times, "median": median, "ratio": ratio,
                               "cold_seconds": cold["seconds"],
                               "hook_seconds": hooks_only, "pages": pages, "in_hook_code": in_hooks}
    top = ", ".join(f"{k[5:]} {v * 1000:.0f}" for k, v in sorted(hooks_only.items(), key=lambda kv: -kv[1])[:5])
    report.add("1 overhead", f"build CPU time, median of {args.runs}",
               f"{median['hooks']:.2f} s vs {median['written out']:.2f} s",
               note=f"hooks vs the same {pages['written out']} pages written out by hand")
    report.add("1 overhead", "hooks / written out", f"{ratio:.2f}x", f"<= {OVERHEAD_BUDGET:.2f}x",
               ratio <= OVERHEAD_BUDGET, f"{in_hooks * 1000:.0f} ms in hook code (ms: {top})")
    rest = median["hooks"] - in_hooks
    report.add("1 overhead", "first build of a fresh clone", f"{cold['seconds']:.2f} s",
               note=f"no .cache/ yet (the A/B above reuses it, as every later build and `mkdocs serve` does): "
                    f"{cold['seconds'] / median['written out']:.2f}x the written-out build")
    report.add("1 overhead", "hook code / rest of the build", f"{in_hooks / rest:.0%}",
               note=f"the written-out side spends {(median['written out'] - rest) * 1000:.0f} ms more outside "
                    "hooks: Markdown parses the quizzes' HTML there, which the hook inserts after Markdown")
    report.add("1 overhead", "hooks / hooks removed", f"{median['hooks'] / median['hooks removed']:.2f}x",
               note=f"not like for like: {pages['hooks removed']} pages instead of {pages['hooks']}, "
                    "lessons without quiz, key terms or tooltips")
    say(f"[overhead] medians: " + ", ".join(f"{s} {median[s]:.2f} s" for s in sides) +
         f"; ratio {ratio:.2f}x (budget {OVERHEAD_BUDGET}x); {in_hooks * 1000:.0f} ms in hook code: {top}")
