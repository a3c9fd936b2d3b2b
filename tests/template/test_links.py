"""Every internal link and anchor of the built site resolves, generated pages included.

MkDocs validates links written in Markdown; links that hooks write as raw HTML (glossary,
timeline, quizzes, citations, syllabus) are not seen by it, so this reads the built HTML.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

LINKING = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"))


@functools.lru_cache(maxsize=None)
def page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@functools.lru_cache(maxsize=None)
def anchors(path: Path) -> frozenset[str]:
    soup = page(path)
    return frozenset([tag["id"] for tag in soup.find_all(id=True)] + [tag["name"] for tag in soup.find_all("a", attrs={"name": True})])


def target_file(site_dir: Path, url_path: str) -> Path:
    target = site_dir / unquote(url_path).lstrip("/")
    return target / "index.html" if url_path.endswith("/") or target.is_dir() else target


def test_every_internal_link_and_anchor_resolves(site_dir):
    broken = []
    pages = sorted(site_dir.rglob("*.html"))
    for source in pages:
        base = "/" + source.relative_to(site_dir).as_posix()
        for tag, attr in LINKING:
            for element in page(source).find_all(tag, attrs={attr: True}):
                url = element[attr]
                parsed = urlparse(url)
                if parsed.scheme or url.startswith("//") or re.match(r"\s*(javascript|mailto|data):", url, re.I):
                    continue  # outside links are checked by test_build (none may load anything)
                resolved = urlparse(urljoin(base, url))
                where = f"{base}: <{tag} {attr}={url!r}>"
                if resolved.path.endswith("-offline.zip"):  # published at the site's root by the Pages
                    if resolved.path.count("/") != 1:       # workflow (tests/test_publish.py), for every language
                        broken.append(f"{where} does not point to the site's root")
                    continue
                target = target_file(site_dir, resolved.path)
                if not target.is_file():
                    broken.append(f"{where} points to a missing file")
                elif resolved.fragment and target.suffix == ".html" and unquote(resolved.fragment) not in anchors(target):
                    broken.append(f"{where}: no id '{unquote(resolved.fragment)}' there")
    assert broken == [], "\n".join(broken)
