"""Step 7: how soon a lesson's quiz answers a tap, on a throttled phone.

The phone profile of issue 19: 1.6 Mbps down, 150 ms latency, the CPU slowed 4x, an empty
cache. "Quiz ready" is the moment quiz.js marks the quiz `data-ready` (its buttons work); it
is compared with the same page whose script bundle has the quiz script taken out, at its
load event: the ratio is what the quiz costs a reader before they can use the page.
"""
from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from course.assets import bundle
from localsite import CHROMIUM, CHROMIUM_ARGS, SiteServer

from .report import Report, say
from .settings import QUIZ_PHONE, QUIZ_READY_BUDGET_S, QUIZ_READY_RATIO_BUDGET, QUIZ_RUNS, ROOT

# Set by a script that runs before the page's own (CDP, so the page's CSP does not apply).
_WATCH = """
new MutationObserver((_, observer) => {
  if (document.querySelector('.course-quiz[data-ready]')) { window.__quizReady = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-ready']});
"""


def step_quiz(report: Report, *, site: Path, **_: Any) -> None:
    from playwright.sync_api import sync_playwright

    lesson = sorted(p.parent.name for p in (site / "lessons").glob("0*/index.html"))[0]
    path = f"lessons/{lesson}/"
    without_quiz = _bundle_without_quiz()
    ready, loaded = [], []
    with SiteServer(site, compress=True) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for _run in range(QUIZ_RUNS):  # alternated, so a busy moment hits both sides alike
                ready.append(_visit(browser, server.origin, path, None))
                loaded.append(_visit(browser, server.origin, path, without_quiz))
        finally:
            browser.close()
    quiz_s, plain_s = statistics.median(ready), statistics.median(loaded)
    ratio = quiz_s / plain_s
    report.data["quiz"] = {"page": path, "quiz_ready_s": ready, "without_quiz_load_s": loaded}
    profile = f"{QUIZ_PHONE['mbps']} Mbps, {QUIZ_PHONE['latency_ms']} ms, {QUIZ_PHONE['cpu']}x CPU"
    report.add("7 quiz", f"quiz ready, throttled phone, median of {QUIZ_RUNS}", f"{quiz_s:.2f} s",
               f"<= {QUIZ_READY_BUDGET_S:.1f} s", quiz_s <= QUIZ_READY_BUDGET_S, f"/{path}, {profile}")
    report.add("7 quiz", "quiz ready / load without the quiz script", f"{ratio:.2f}x",
               f"<= {QUIZ_READY_RATIO_BUDGET:.2f}x", ratio <= QUIZ_READY_RATIO_BUDGET,
               f"without it the page loads in {plain_s:.2f} s")
    say(f"[quiz] /{path}: quiz ready after {quiz_s:.2f} s ({', '.join(f'{t:.2f}' for t in ready)}); "
        f"the page without the quiz script loads in {plain_s:.2f} s: {ratio:.2f}x")


def _visit(browser: Any, origin: str, path: str, replacement_bundle: str | None) -> float:
    """Seconds from navigation to quiz ready, or to the load event when the quiz script is left out."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    if replacement_bundle is not None:
        page.route("**/assets/course.*.min.js", lambda route: route.fulfill(
            body=replacement_bundle, content_type="text/javascript"))
    else:
        page.add_init_script(_WATCH)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": QUIZ_PHONE["latency_ms"],
        "downloadThroughput": QUIZ_PHONE["mbps"] * 1e6 / 8, "uploadThroughput": 0.75e6 / 8})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": QUIZ_PHONE["cpu"]})
    try:
        page.goto(f"{origin}/{path}", wait_until="load", timeout=60_000)
        if replacement_bundle is not None:
            return page.evaluate("performance.getEntriesByType('navigation')[0].loadEventStart") / 1000
        page.wait_for_selector(".course-quiz[data-ready]", state="attached", timeout=60_000)
        return page.evaluate("window.__quizReady") / 1000
    finally:
        context.close()


def _bundle_without_quiz() -> str:
    """Our script bundle as the site serves it, minus the quiz script."""
    import yaml

    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    sources = [(entry, (ROOT / "docs" / entry).read_text(encoding="utf-8"))
               for entry in config["extra_javascript"] if not entry.endswith("/quiz.js")]
    return bundle(sources, "js")
