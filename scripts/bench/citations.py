"""Step 3: citations, per page."""
from __future__ import annotations

import re
import statistics
import time
from pathlib import Path
from typing import Any

from .report import Report, say
from .settings import ROOT, CITATIONS_BUDGET_MS
from .worker import timed_build


# Step 3: citations


def step_citations(report: Report, *, project: Path, work: Path, **_: Any) -> None:
    from course.citations import load_bibliography, render_citations, render_reference_list

    t0 = time.process_time()
    bibliography = load_bibliography(ROOT / "data/references.bib", "data/references.bib")
    load_ms = (time.process_time() - t0) * 1000
    per_page: dict[str, float] = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = re.sub(r"\A---\n.*?\n---\n", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        samples = []
        for _ in range(20):
            t = time.process_time()
            markdown, cited = render_citations(text, bibliography, path.name)
            if cited:
                render_reference_list(sorted((bibliography.references[k] for k in cited), key=lambda r: r.sort_key))
            samples.append(time.process_time() - t)
        per_page[path.relative_to(ROOT).as_posix()] = statistics.median(samples) * 1000
    worst = max(per_page, key=per_page.get)
    # The same work seen from inside a real build: the hook's share, per page.
    build = timed_build(project / "mkdocs.yml", work / "site-citations")
    hook_ms = build["by_event"].get("hook:citations.page_markdown", 0.0) * 1000 / max(1, build["markdown_pages"])
    report.data["citations"] = {"load_ms": load_ms, "core_ms_per_page": per_page, "hook_ms_per_page": hook_ms}
    report.add("3 citations", "core, slowest page", f"{per_page[worst]:.2f} ms", f"<= {CITATIONS_BUDGET_MS:.0f} ms",
               per_page[worst] <= CITATIONS_BUDGET_MS, worst)
    report.add("3 citations", "hook in a build, per page", f"{hook_ms:.2f} ms", f"<= {CITATIONS_BUDGET_MS:.0f} ms",
               hook_ms <= CITATIONS_BUDGET_MS, f"+ {load_ms:.0f} ms once per build to load the .bib")
    say(f"[citations] core {statistics.mean(per_page.values()):.2f} ms/page on average, slowest {worst} "
         f"{per_page[worst]:.2f} ms; hook {hook_ms:.2f} ms/page in a build; loading the .bib {load_ms:.0f} ms once")
