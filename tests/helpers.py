"""Shared test helpers: copy the project, build it, serve it."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "overrides", "scripts")
CHROMIUM = "/usr/bin/chromium"
# As the machine notes advise: without these, Chromium phones home and its requests fail.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def copy_project(dest: Path) -> Path:
    """A scratch copy of everything the build reads, for tests that break things on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def build(project: Path, site_dir: Path, config: str = "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as an author runs it; output (stdout + stderr) in .stdout."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(site_dir)],
        cwd=project, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300,
    )


def problems(output: str) -> list[str]:
    """The lines of a build log an author must act on."""
    return [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR", "Error"))]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class StaticServer:
    """Serves a built site on 127.0.0.1 on a free port, optionally with extra response headers."""

    def __init__(self, directory: Path, headers: dict[str, str] | None = None) -> None:
        handler = type("Handler", (QuietHandler,), {"extra_headers": headers or {}})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "StaticServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def html_pages(site_dir: Path) -> list[str]:
    """Every page of a built site as a URL path ('' for the home page), 404 page excluded."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.parent.relative_to(site_dir).as_posix()
        if relative.startswith("assets"):
            continue
        pages.append("" if relative == "." else relative + "/")
    return pages
