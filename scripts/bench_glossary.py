"""Benchmark (not a test): the glossary linker on a synthetic 2,000-term glossary and 200
generated pages, against the course's real glossary and lessons.

    .venv/bin/python scripts/bench_glossary.py [--terms 2000] [--pages 200] [--seed 1]

Linking is one pass of one compiled pattern over each page, so the time per page should
grow with the page's length, not with the number of terms. To show it, the same pages are
also linked with a 100-term glossary, and a few with a naive loop of one search per term.
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import string
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
from course.citations import load_bibliography
from course.glossary import Glossary, Term, link_first_uses, load_glossary, slugify
from mkdocs.utils.meta import get_data

FILLER = ("the of and to in a is that for on as with by states region between was were this which "
          "their its from it be are cooperation trade border water leaders summit treaty policy").split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    real, lessons = real_course()
    real_times = [timed(lambda text=text: link_first_uses(text, real, "../../glossary/")) for text in lessons]
    real_chars = statistics.mean(len(text) for text in lessons)

    terms = synthetic_terms(args.terms, rng)
    started = time.process_time()
    big = Glossary(terms, "synthetic.yml")
    compile_ms = (time.process_time() - started) * 1000
    small = Glossary(terms[:100], "synthetic-100.yml")
    pages = [synthetic_page(terms, rng, words=len(text.split())) for text in lessons * (args.pages // len(lessons) + 1)]
    pages = pages[:args.pages]
    big_times = [timed(lambda page=page: link_first_uses(page, big, "../glossary/")) for page in pages]
    small_times = [timed(lambda page=page: link_first_uses(page, small, "../glossary/")) for page in pages]
    linked = statistics.mean(link_first_uses(page, big, "../glossary/")[0].count('class="course-term"') for page in pages[:20])
    searches = [(term, re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)) for term in terms for name in term.names]
    naive_times = [timed(lambda page=page: naive_link(page, searches), repeat=1) for page in pages[:5]]

    print(f"Course: {len(real.terms)} terms, {len(lessons)} lessons, {real_chars:,.0f} characters per lesson")
    print(f"  {'link a lesson:':<28}{summary(real_times)}")
    print(f"Synthetic: {len(terms):,} terms ({sum(len(t.names) for t in terms):,} names with aliases), "
          f"{len(pages)} pages of {statistics.mean(len(p) for p in pages):,.0f} characters, "
          f"{linked:.0f} terms linked per page")
    print(f"  {'build the pattern once:':<28}{compile_ms:.0f} ms")
    print(f"  {f'link a page, {len(terms):,} terms:':<28}{summary(big_times)}   (all {len(pages)} pages: {sum(big_times):.2f} s)")
    print(f"  {'link a page, 100 terms:':<28}{summary(small_times)}")
    print(f"  {f'naive loop, {len(terms):,} terms:':<28}{summary(naive_times)}   (5 pages, one search per name: for comparison)")
    print("Times are CPU time, best of 3 runs per page.")
    ratio = statistics.median(big_times) / statistics.median(real_times)
    print(f"Per page, the 2,000-term glossary costs {ratio:.1f}x the course's real glossary on pages of the same length.")


def real_course() -> tuple[Glossary, list[str]]:
    keys = load_bibliography(ROOT / "data" / "references.bib", "data/references.bib").references
    glossary = load_glossary(ROOT / "data" / "glossary.yml", "data/glossary.yml", keys)
    lessons = [get_data(path.read_text(encoding="utf-8"))[0] for path in sorted((ROOT / "docs" / "lessons").glob("[0-9][0-9]-*.md"))]
    return glossary, lessons


def synthetic_terms(count: int, rng: random.Random) -> list[Term]:
    terms: list[Term] = []
    seen: set[str] = set()
    while len(terms) < count:
        words = [pseudo_word(rng) for _ in range(rng.choice((1, 2, 2, 3, 4)))]
        name = " ".join(words)
        acronym = "".join(w[0] for w in words).upper() + rng.choice(string.ascii_uppercase)
        aliases = [alias for alias in (acronym, name + "s") if alias.lower() not in seen]
        if name.lower() in seen:
            continue
        seen.update(n.lower() for n in (name, *aliases))
        terms.append(Term(name, slugify(name) + f"-{len(terms)}", f"Definition of {name}.", "concept", tuple(aliases)))
    return terms


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def synthetic_page(terms: list[Term], rng: random.Random, words: int) -> str:
    """A page shaped like a lesson: headings, paragraphs with terms, code, links, a citation."""
    lines = ["# A generated lesson", ""]
    paragraph: list[str] = []
    for index in range(words):
        if rng.random() < 0.04:
            paragraph.append(rng.choice(rng.choice(terms).names))
        else:
            paragraph.append(rng.choice(FILLER))
        if index % 120 == 119:
            paragraph.append('(<a class="course-cite" href="#ref-x" title="A reference">Author 2000</a>). '
                             "See [the next lesson](next.md) and `code here`.")
            lines += [" ".join(paragraph), ""]
            paragraph = []
            if rng.random() < 0.2:
                lines += [f"## {rng.choice(terms).name} in context", ""]
    lines.append(" ".join(paragraph))
    return "\n".join(lines)


def naive_link(page: str, searches: list[tuple[Term, re.Pattern[str]]]) -> str:
    """What the one-pass pattern replaces: one precompiled search per name (and no protected
    regions at all), for comparison only."""
    done: set[str] = set()
    for term, search in searches:
        if term.slug in done:
            continue
        match = search.search(page)
        if match:
            done.add(term.slug)
            page = page[:match.start()] + f'<a href="#{term.slug}">{match.group(0)}</a>' + page[match.end():]
    return page


def timed(action, repeat: int = 3) -> float:
    """CPU seconds of the best of `repeat` runs: steady on a machine busy with other work."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        action()
        best = min(best, time.process_time() - started)
    return best


def summary(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"median {statistics.median(ms):6.1f} ms, p95 {p95:6.1f} ms, max {ms[-1]:6.1f} ms"


if __name__ == "__main__":
    main()
