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

from .report import Report, say
from .settings import ENV
from .synthetic import lesson_slugs


# Step 6: `mkdocs serve` rebuild


def step_serve(report: Report, *, project: Path, **_: Any) -> None:
    port = _free_port()
    lesson = lesson_slugs(project)[0]
    source = project / "docs" / "lessons" / f"{lesson}.md"
    original = source.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/lessons/{lesson}/"
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
                              "-f", str(project / "mkdocs.yml")], cwd=project, env=ENV,
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
            say(f"[serve] edit {run + 1}/3: the rebuilt page was served after {times[-1]:.2f} s")
    finally:
        serve.terminate()
        try:
            serve.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serve.kill()
        source.write_text(original, encoding="utf-8")
    median = statistics.median(times)
    report.data["serve"] = {"first_build_s": first, "rebuild_s": times}
    report.add("6 serve", "save a lesson -> page served, median of 3", f"{median:.2f} s",
               note=f"first start {first:.1f} s")
    say(f"[serve] median {median:.2f} s from saving a lesson to the rebuilt page; start-up {first:.1f} s")


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
