"""The course written out as its hooks render it: the "written out" side of step 1, made by
`make export` (scripts/export.py, course/export.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from course.export import without_hooks

from .settings import ENV, ROOT

__all__ = ["freeze", "without_hooks"]


def freeze(config: Path, dest: Path) -> None:
    """Write out the course as its hooks render it (see step_overhead), into dest."""
    command = [sys.executable, str(ROOT / "scripts" / "export.py"), "--config", str(config), "--out", str(dest)]
    done = subprocess.run(command, cwd=config.parent, env=ENV, text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"writing out the course failed: {done.stderr.strip()[-500:]}")
