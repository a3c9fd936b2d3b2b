"""Fixtures: the real site built once per session, served on 127.0.0.1, and a browser."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, TEST_FONTS, StaticServer, build, chromium_env, other_languages, problems


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real course, built with --strict into a temporary folder; no warning allowed.
    The instructor edition: every page (the student edition has fewer; test_editions.py)."""
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site, edition="instructor")
    assert result.returncode == 0, result.stdout
    assert problems(result.stdout) == [], result.stdout
    for config, folder in other_languages(ROOT):  # as `make build`: the Russian edition into site/ru/
        result = build(ROOT, site / folder, config, edition="instructor")
        assert result.returncode == 0 and problems(result.stdout) == [], result.stdout
    return site


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[StaticServer]:
    with StaticServer(site_dir) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make system-deps` (or apt-get install chromium)"
    assert all(Path(font).exists() for font in TEST_FONTS), "the test fonts are missing: run `make system-deps`"
    # Only the fonts tests/fonts.conf names: layout checks give the same answer on every machine.
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
                                              env=chromium_env())
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """A browser tab that records what a page does: console messages, errors, and every request."""

    page: object
    origin: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to any host but the site's own (data: and blob: URLs stay inside the page)."""
        own = urlparse(self.origin).netloc if self.origin.startswith("http") else ""
        return [url for url in self.requests
                if urlparse(url).scheme in ("http", "https", "ws", "wss") and urlparse(url).netloc != own]

    def goto(self, path: str = "") -> None:
        self.page.goto(f"{self.origin}/{path}", wait_until="networkidle")


def open_visit(browser: object, origin: str, **context_options: object) -> Visit:
    context = browser.new_context(**context_options)
    page = context.new_page()
    visit = Visit(page, origin)
    page.on("console", lambda msg: visit.console.append(f"{msg.type}: {msg.text}")
            if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: visit.errors.append(str(error)))
    # Every request is recorded; any to another host is refused, so none can leave the machine.
    def route(route: object) -> None:
        visit.requests.append(route.request.url)
        if route.request.url in visit.foreign_requests():
            route.abort()
        else:
            route.continue_()
    context.route("**/*", route)
    return visit


@pytest.fixture
def visit(browser: object, server: StaticServer) -> Iterator[Visit]:
    visit = open_visit(browser, server.origin)
    yield visit
    visit.page.context.close()
