"""Step 6: `mkdocs serve` rebuild time."""
from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from .freeze import freeze
from .report import Report, say
from .settings import ENV, SERVE_BUDGET
from .synthetic import lesson_slugs


# Step 6: `mkdocs serve` rebuild


def step_serve(report: Report, *, project: Path, work: Path, **_: Any) -> None:
    """Saving a lesson until `mkdocs serve` serves it rebuilt: the course with its hooks, and
    the same site written out without them (step 1's B side), edited the same way."""
    lesson = lesson_slugs(project)[0]
    frozen = work / "frozen"
    if not (frozen / "mkdocs.yml").is_file():  # step 1 writes it; alone, this step does
        freeze(project / "mkdocs.yml", frozen)
    sides = {"hooks": project, "written out": frozen}
    results = {side: _serve_edits(root, lesson, side) for side, root in sides.items()}
    median = {side: statistics.median(times) for side, (_, times) in results.items()}
    ratio = median["hooks"] / median["written out"]
    report.data["serve"] = {side: {"first_build_s": first, "rebuild_s": times} for side, (first, times) in results.items()}
    report.data["serve"]["ratio"] = ratio
    report.add("6 serve", "save a lesson -> page served, median of 3",
               f"{median['hooks']:.2f} s vs {median['written out']:.2f} s",
               note=f"hooks vs written out; first start {results['hooks'][0]:.1f} s")
    report.add("6 serve", "save -> served, hooks / written out", f"{ratio:.2f}x", f"<= {SERVE_BUDGET:.2f}x",
               ratio <= SERVE_BUDGET)
    say(f"[serve] median {median['hooks']:.2f} s from saving a lesson to the rebuilt page, "
        f"{median['written out']:.2f} s written out: {ratio:.2f}x")


def _serve_edits(root: Path, lesson: str, side: str) -> tuple[float, list[float]]:
    port = _free_port()
    source = root / "docs" / "lessons" / f"{lesson}.md"
    original = source.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/lessons/{lesson}/"
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                              "-f", str(root / "mkdocs.yml")], cwd=root, env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        t0 = time.perf_counter()
        _wait_for(url, None, timeout=120)
        first = time.perf_counter() - t0
        for run in range(3):
            time.sleep(1.0)  # let the watcher settle between edits
            marker = f"bench-edit-{run}-{time.time_ns()}"
            t0 = time.perf_counter()
            source.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            _wait_for(url, marker, timeout=120)
            times.append(time.perf_counter() - t0)
            say(f"[serve] {side}, edit {run + 1}/3: the rebuilt page was served after {times[-1]:.2f} s")
    finally:
        serve.terminate()
        try:
            serve.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serve.kill()
        source.write_text(original, encoding="utf-8")
    return first, times


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str | None, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text is None or text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {'the change' if text else 'up'} within {timeout:.0f} s")
