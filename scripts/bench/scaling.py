"""Step 2: scaling to 10x content."""
from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from .report import Report, say
from .settings import ROOT, RESULTS, ENV, SCALING_BUDGET, MIN_10X, SCALES
from .synthetic import DATA_FILES, make_synthetic_course, real_sizes, sizes_text
from .worker import timed_build


# Step 2: scaling to 10x content


def step_scaling(report: Report, *, work: Path, args: argparse.Namespace, **_: Any) -> None:
    real = real_sizes(ROOT)
    # 1x: whole copies of the real course, enough that 10x reaches the minimum sizes.
    unit = {kind: max(1, math.ceil(MIN_10X[kind] / 10 / real[kind])) for kind in DATA_FILES
            if kind in MIN_10X and real.get(kind)}  # organisations follow the events that name them
    unit["lessons"] = max(1, *(math.ceil(MIN_10X[k] / 10 / real[k]) for k in ("lessons", "questions") if real.get(k)))
    say(f"[scaling] real course: {sizes_text(real)}; 1x = copies of it: "
         + ", ".join(f"{kind} x{n}" for kind, n in unit.items()))
    results = {}
    for scale in SCALES:
        project = work / f"synthetic-{scale}x"
        sizes = make_synthetic_course(ROOT, project, {kind: n * scale for kind, n in unit.items()})
        result = timed_build(project / "mkdocs.yml", work / f"site-{scale}x")
        shutil.rmtree(work / f"site-{scale}x", ignore_errors=True)
        result["sizes"] = sizes
        results[scale] = result
        say(f"[scaling] {scale}x ({sizes_text(sizes)}): {result['seconds']:.1f} s for {result['pages']} pages, "
             f"{result['seconds'] / result['pages'] * 1000:.0f} ms/page"
             + (f"; {result['warnings']} warning(s), e.g. {result['messages'][0]}" if result["warnings"] else ""))
    base, top = results[SCALES[0]], results[SCALES[-1]]
    growth = top["seconds"] / base["seconds"]
    report.data["scaling"] = {"real": real, "unit_copies": unit, "results": {f"{s}x": r for s, r in results.items()}}
    for scale, result in results.items():
        report.add("2 scaling", f"{scale}x: {sizes_text(result['sizes'], short=True)}",
                   f"{result['seconds']:.1f} s, {result['seconds'] / result['pages'] * 1000:.0f} ms/page",
                   note=f"{result['pages']} pages")
    report.add("2 scaling", f"time {SCALES[-1]}x / {SCALES[0]}x", f"{growth:.1f}x", f"<= {SCALING_BUDGET:.0f}x",
               growth <= SCALING_BUDGET)
    # Each hook's own growth: a share growing faster than the content is the bug the issue names.
    # A hook spending under 50 ms at 1x is judged only on clearly superlinear growth (a loop
    # over all terms per page grows about 100x): at that size garbage collection and the
    # scheduler move its ratio by 20 % either way.
    hooks = sorted({name for r in results.values() for name in r["by_owner"] if name.startswith("hook:")})
    slow = []
    for name in hooks:
        low, high = base["by_owner"].get(name, 0.0), top["by_owner"].get(name, 0.0)
        hook_growth = high / low if low >= 0.005 else None
        limit = SCALING_BUDGET if low >= 0.050 else 2 * SCALING_BUDGET
        ok = None if hook_growth is None else hook_growth <= limit
        if ok is False:
            slow.append(name)
        report.add("2 scaling", f"  {name[5:]} hook {SCALES[-1]}x / {SCALES[0]}x",
                   f"{hook_growth:.1f}x" if hook_growth else "-",
                   f"<= {limit:.0f}x" if hook_growth else "",
                   ok, f"{low * 1000:.0f} ms -> {high * 1000:.0f} ms")
    say(f"[scaling] {SCALES[-1]}x content took {growth:.1f}x the time of {SCALES[0]}x (budget {SCALING_BUDGET}x)"
         + (f"; growing faster than the content: {', '.join(slow)}" if slow else ""))
    if args.profile:
        _profile(work, SCALES[-1], report)
    elif slow:
        say("[scaling] to see where the time goes: python -m bench --only scaling --profile")
    _glossary_linker(report)


def _glossary_linker(report: Report) -> None:
    """The glossary's own benchmark (scripts/bench_glossary.py): linking with 2,000 terms."""
    script = ROOT / "scripts" / "bench_glossary.py"
    if not script.exists():
        return
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, env=ENV, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    for line in done.stdout.strip().splitlines():
        say(f"[scaling] glossary: {line.strip()}")
    per_page = re.search(r"link a page, [\d,]+ terms:\s+median\s+([\d.]+) ms", done.stdout)
    ratio = re.search(r"costs ([\d.]+)x the course's real glossary", done.stdout)
    report.data.setdefault("scaling", {})["glossary_linker"] = done.stdout
    if done.returncode != 0 or not per_page:
        report.add("2 scaling", "glossary linker, 2,000 terms", "-", ok=False, note="bench_glossary.py failed")
        return
    report.add("2 scaling", "glossary linker, 2,000 terms", f"{per_page.group(1)} ms/page",
               note=f"{ratio.group(1)}x the real glossary's time on pages of the same length" if ratio else "")


def _profile(work: Path, scale: int, report: Report) -> None:
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        say("[scaling] profile skipped: `.venv/bin/pip install pyinstrument` to see where the time goes")
        return
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"profile-{scale}x.html"
    timed_build(work / f"synthetic-{scale}x" / "mkdocs.yml", work / "site-profile", profile=out)
    report.data.setdefault("scaling", {})["profile"] = str(out.relative_to(ROOT))
    say(f"[scaling] profile of the {scale}x build: {out.relative_to(ROOT)}")
