"""Step 4: page weight of a first load."""
from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

from localsite import CHROMIUM, CHROMIUM_ARGS, TEXT_TYPES, SiteServer

from .report import Report, say, kb
from .settings import FIRST_VISIT_BUDGET, OWN_ASSETS_BUDGET, OWN_OVERRIDE_SCRIPTS, PAGE_TYPES


# Step 4: page weight

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def step_weight(report: Report, *, site: Path, **_: Any) -> None:
    """Issue 19's first visit, as a student on a phone makes it (390 px, touch), in every
    language the site has; a desktop visit of each English page goes in the note (it may fetch
    more: images load lazily, and more of them are near a wider screen's view)."""
    from playwright.sync_api import sync_playwright

    own = _own_assets(site)
    own_total = sum(own.values())
    results: dict[str, dict[str, Any]] = {}
    desktop: dict[str, int] = {}
    languages = [""] + sorted(f"{d.name}/" for d in site.iterdir() if (d / "sitemap.xml").is_file())
    with SiteServer(site, compress=True) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for language in languages:
                for kind, paths in page_types(site / language).items():
                    for path in (language + p for p in paths):
                        results[path] = _first_load(browser, server.origin, path, PHONE)
                        results[path].update(type=kind, language=language.rstrip("/") or "en")
                        if not language:
                            desktop[path] = _first_load(browser, server.origin, path, {})["transferred"]
        finally:
            browser.close()
    report.data["weight"] = {"pages": results, "desktop": desktop, "own_assets": own}
    for language in languages:
        name = language.rstrip("/") or "en"
        for kind in PAGE_TYPES:
            measured = [p for p, r in results.items() if r["type"] == kind and r["language"] == name]
            label = f"{kind} first visit{f' ({name})' if language else ''}"
            if not measured:
                report.add("4 weight", label, "-", note="page not built yet")
                say(f"[weight] {label}: no such page in the site yet")
                continue
            path = max(measured, key=lambda p: results[p]["transferred"])
            r = results[path]
            parts = ", ".join(f"{part} {kb(size)}" for part, size in sorted(r["parts"].items(), key=lambda x: -x[1]))
            on_desktop = f"; desktop {max(desktop[p] for p in measured) / 1024:.1f} KB" if not language else ""
            # Issue 19: what a first visit transfers from a gzip-serving host, headers included.
            report.add("4 weight", f"{label}, phone, transferred ({r['requests']} requests)",
                       f"{r['transferred'] / 1024:.1f} KB", f"<= {kb(FIRST_VISIT_BUDGET)}",
                       r["transferred"] <= FIRST_VISIT_BUDGET, f"/{path}; {kb(r['bytes'])} uncompressed{on_desktop}")
            say(f"[weight] {label} /{path}: {r['requests']} requests, {kb(r['bytes'])} uncompressed, "
                f"{kb(r['gzip'])} gzip: {parts}{on_desktop}")
    report.add("4 weight", "own CSS + JS", kb(own_total), f"<= {kb(OWN_ASSETS_BUDGET)}",
               own_total <= OWN_ASSETS_BUDGET, ", ".join(f"{n} {s / 1024:.1f} KB" for n, s in own.items()))
    say(f"[weight] own CSS + JS: {own_total / 1024:.1f} KB (budget {kb(OWN_ASSETS_BUDGET)})")


def page_types(site: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for kind, candidates in PAGE_TYPES.items():
        for candidate in candidates:
            if candidate.endswith("*"):
                folder = site / candidate[:-1]
                paths = sorted(f"{p.parent.relative_to(site).as_posix()}/" for p in folder.glob("*/index.html"))
            else:
                paths = [candidate] if (site / candidate / "index.html").exists() else []
            if paths:
                found[kind] = paths
                break
    return found


def _first_load(browser: Any, origin: str, path: str, device: dict[str, Any]) -> dict[str, Any]:
    """Everything a browser with an empty cache fetches to show the page, until the network is idle."""
    context = browser.new_context(**device)
    page = context.new_page()
    bodies: list[tuple[str, bytes]] = []
    transferred: list[int] = []

    def record(response: Any) -> None:
        try:
            bodies.append((response.url, response.body()))
        except Exception:  # a redirect or an aborted request has no body
            pass

    def sizes(request: Any) -> None:
        if _part(request.url.replace(origin + "/", ""), path) != "search index + worker":  # fetched on demand
            size = request.sizes()
            transferred.append(size["responseBodySize"] + size["responseHeadersSize"])

    page.on("response", record)
    page.on("requestfinished", sizes)
    page.goto(f"{origin}/{path}", wait_until="networkidle")
    page.wait_for_timeout(300)  # a late request (the search index, were it not held back) still counts
    context.close()
    total = sum(len(b) for _, b in bodies)
    zipped = sum(len(gzip.compress(b, 6)) if _is_text(u) else len(b) for u, b in bodies)
    largest = sorted(((u.replace(origin + "/", "") or "/", len(b)) for u, b in bodies), key=lambda x: -x[1])
    parts: dict[str, int] = {}
    for url, body in bodies:
        part = _part(url.replace(origin + "/", ""), path)
        parts[part] = parts.get(part, 0) + len(body)
    return {"requests": len(bodies), "bytes": total, "gzip": zipped, "transferred": sum(transferred),
            "largest": largest, "parts": parts}


def _part(url: str, page: str) -> str:
    """What a fetched file is, for the weight breakdown (another language's files are under ru/...)."""
    url = re.sub(r"^[a-z]{2,3}/(?=(assets|search)/)", "", url.split("?")[0])
    if url.startswith("search/") or url.startswith("assets/javascripts/workers/"):
        return "search index + worker"
    if url.startswith("assets/course.") or url in OWN_OVERRIDE_SCRIPTS:
        return "own CSS+JS"
    if url.startswith(("assets/stylesheets/", "assets/javascripts/")):
        return "Material CSS+JS"
    if url == page or url == "":
        return "page HTML"
    return "images, other"


def _own_assets(site: Path) -> dict[str, int]:
    """Our CSS and JavaScript as the site serves them: the bundles and the theme's early script."""
    files = sorted((site / "assets").glob("course.*.min.*")) + [site / uri for uri in OWN_OVERRIDE_SCRIPTS]
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in files if p.is_file()}


def _is_text(url: str) -> bool:
    path = url.split("?")[0].split("#")[0]
    return path.endswith("/") or path.endswith(TEXT_TYPES)
