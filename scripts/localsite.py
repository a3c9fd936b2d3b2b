"""A built site served on 127.0.0.1, the Chromium that reads it, and scratch copies of the project.

Shared by the tests, `make pdf` and `make bench`, so all three start Chromium the same
way and serve the site the same way.
"""
from __future__ import annotations

import gzip
import http.server
import io
import os
import shutil
import threading
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# As the machine notes advise: without these, Chromium phones home and its requests fail.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.ru.yml", "docs", "docs-ru", "data", "overrides", "scripts")


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


# The only fonts the browser tests let Chromium use (tests/fonts.conf), each Debian package by a
# file of it; `make system-deps` installs them. Layout (axe's scrollable regions, page width,
# screenshots) depends on the fonts, so every machine then measures the same page.
TEST_FONTS = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf": "fonts-dejavu-core",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf": "fonts-dejavu-extra",
}
TEST_FONTS_CONFIG = Path(__file__).resolve().parents[1] / "tests" / "fonts.conf"
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


def chromium_env() -> dict[str, str]:
    """The environment for a Chromium that sees only the test fonts."""
    return dict(os.environ, FONTCONFIG_FILE=str(TEST_FONTS_CONFIG))


class SiteServer:
    """Serves a folder on 127.0.0.1 on a free port, as a context manager; `.origin` is its URL.

    headers: extra response headers (a Content-Security-Policy, say).
    compress: gzip text files when the browser accepts it, as a real host does (for page weight).
    """

    def __init__(self, directory: Path, headers: dict[str, str] | None = None, compress: bool = False) -> None:
        handler = type("Handler", (_Handler,), {"extra_headers": headers or {}, "compress": compress, "cache": {}})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), lambda *args, **kwargs: handler(*args, directory=str(directory), **kwargs))
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str]
    compress: bool
    cache: dict[str, bytes]

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self) -> Any:
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            path = os.path.join(path, "index.html")
        if not (os.path.isfile(path) and path.endswith(TEXT_TYPES)):
            return super().send_head()
        if path not in self.cache:
            self.cache[path] = gzip.compress(Path(path).read_bytes(), 6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass
