"""`make bench`: `python -m bench` runs the steps in order, prints one table and writes the JSON."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

import bench
from localsite import copy_project

from .citations import step_citations
from .lighthouse import step_lighthouse
from .overhead import step_overhead
from .quiz import step_quiz
from .report import Report, StepSkipped, render_table, say, write_json
from .scaling import step_scaling
from .serve import step_serve
from .settings import ROOT, STEPS, WHOLE_BENCH_BUDGET
from .weight import step_weight
from .worker import timed_build


def main() -> int:
    parser = argparse.ArgumentParser(description=bench.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="builds per side in step 1 (default 5)")
    parser.add_argument("--only", nargs="+", choices=STEPS, help="run only these steps")
    parser.add_argument("--skip", nargs="+", choices=STEPS, default=[], help="skip these steps")
    parser.add_argument("--profile", action="store_true", help="profile the 10x build with pyinstrument")
    parser.add_argument("--check", action="store_true", help="(the default now: a missed budget exits 1)")
    args = parser.parse_args()

    steps = [s for s in (args.only or STEPS) if s not in args.skip]
    report = Report()
    started = time.perf_counter()
    say(f"bench: {', '.join(steps)} on {os.cpu_count()} CPUs; scratch copies in {tempfile.gettempdir()}")
    with tempfile.TemporaryDirectory(prefix="course-bench-") as scratch:
        work = Path(scratch)
        project = copy_project(work / "course")
        site = work / "site"
        if {"weight", "lighthouse", "quiz"} & set(steps):
            # Every language, as `make build` lays them out (mkdocs.<lang>.yml into site/<lang>/).
            for config in [project / "mkdocs.yml", *sorted(project.glob("mkdocs.*.yml"))]:
                language = config.name.split(".")[1] if config.name.count(".") == 2 else ""
                build = timed_build(config, site / language if language else site)
                if build["warnings"]:
                    say(f"  note: the {config.name} build logged {build['warnings']} warning(s): {build['messages'][:2]}")
        for step in steps:
            t0 = time.perf_counter()
            try:
                STEP_FUNCTIONS[step](report, project=project, site=site, work=work, args=args)
            except StepSkipped as skipped:
                report.add(step, "(skipped)", "-", note=str(skipped))
                say(f"[{step}] skipped: {skipped}")
            except Exception as error:  # one broken step must not lose the others' results
                report.add(step, "(failed)", "-", ok=False, note=f"{type(error).__name__}: {error}")
                say(f"[{step}] FAILED: {type(error).__name__}: {error}")
                traceback.print_exc()
            say(f"[{step}] done in {time.perf_counter() - t0:.0f} s")
    total = time.perf_counter() - started
    report.data["total_seconds"] = round(total, 1)
    if not args.only and not args.skip:
        report.add("all", "whole bench, wall clock", f"{total:.0f} s", f"<= {WHOLE_BENCH_BUDGET} s",
                   total <= WHOLE_BENCH_BUDGET, f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    table = render_table(report.rows)
    print("\n" + table + f"\n\nWhole bench: {total:.0f} s.")
    path = write_json(report, table)
    print(f"Results: {path.relative_to(ROOT)}")
    failed = any(row.measure == "(failed)" for row in report.rows)
    missed = any(row.ok is False for row in report.rows)
    return 1 if failed or missed else 0  # issue 19: the bench fails a budget that is not met


STEP_FUNCTIONS: dict[str, Callable[..., None]] = {
    "overhead": step_overhead, "scaling": step_scaling, "citations": step_citations,
    "weight": step_weight, "lighthouse": step_lighthouse, "serve": step_serve, "quiz": step_quiz,
}

if __name__ == "__main__":
    sys.exit(main())
