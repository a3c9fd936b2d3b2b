"""`make serve` (mkdocs serve) rebuilds on a save anywhere an author edits: data/ and
overrides/ as well as docs/ and mkdocs.yml."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import copy_project

pytestmark = pytest.mark.slow


def test_serve_rebuilds_after_an_edit_in_data_and_overrides(tmp_path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    serve = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        origin = f"http://127.0.0.1:{port}"
        _wait_for(f"{origin}/glossary/", "</html>")
        edits = [  # (file, text replaced, page that shows it)
            ("data/glossary.yml", "belonging. Regions are drawn by people", "glossary/"),
            ("data/timeline.yml", "      en: ASEAN is founded\n", "timeline/"),
            ("overrides/main.html", '{% extends "base.html" %}\n', ""),
        ]
        for path, anchor, page in edits:
            marker = f"serve-edit-{time.time_ns()}"
            source = project / path
            text = source.read_text(encoding="utf-8")
            assert anchor in text, f"{path} changed: update this test's anchor"
            replacement = {
                "data/glossary.yml": f"belonging ({marker}). Regions are drawn by people",
                "data/timeline.yml": f"      en: ASEAN is founded {marker}\n",
                "overrides/main.html": f"{anchor}{{% block extrahead %}}<meta name=\"x-edit\" content=\"{marker}\">"
                                       "{% endblock %}\n",
            }[path]
            time.sleep(1.0)  # let the watcher settle between edits
            source.write_text(text.replace(anchor, replacement, 1), encoding="utf-8")
            _wait_for(f"{origin}/{page}", marker)
    finally:
        serve.terminate()
        try:
            serve.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serve.kill()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, text: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s: `mkdocs serve` did not rebuild")
