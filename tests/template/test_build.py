"""Build tests: the real site, built strictly, read as HTML."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import ROOT, build, copy_project, problems


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as data: MkDocs' own tags (!ENV, !!python/name) become plain values."""


ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_sources(nav: list) -> list[str]:
    found: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += nav_sources(value)
        elif isinstance(value, str) and value.endswith(".md"):
            found.append(value)
    return found


def page_html(site_dir: Path, source: str) -> BeautifulSoup:
    if source == "index.md":
        path = site_dir / "index.html"
    elif source.endswith("index.md"):
        path = site_dir / source[: -len("index.md")] / "index.html"
    else:
        path = site_dir / source[: -len(".md")] / "index.html"
    assert path.exists(), f"{source} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_in_the_nav_is_built(site_dir):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=ConfigLoader)
    sources = nav_sources(config["nav"])
    assert "index.md" in sources and "bibliography.md" in sources and "about.md" in sources
    for source in sources:
        assert page_html(site_dir, source).find("h1"), source


def test_bibliography_lists_every_work(site_dir):
    bib = (ROOT / "data" / "references.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([^,]+),", bib, re.MULTILINE)
    page = page_html(site_dir, "bibliography.md")
    listed = [li["id"] for li in page.select("ul.course-references li")]
    assert sorted(listed) == sorted(f"ref-{key}" for key in keys)


def test_citations_are_author_date_and_link_to_a_reference_on_the_same_page(site_dir):
    cited_pages = 0
    for path in site_dir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cites = soup.select("a.course-cite")
        cited_pages += bool(cites)
        for cite in cites:
            assert re.fullmatch(r".+ (\d{4}[a-z]?|n\.d\.)(, .+)?", cite.get_text()), cite
            target = cite["href"].removeprefix("#")
            assert soup.find(id=target), f"{path}: {cite['href']} has no reference on the page"
        for code in soup.find_all("code"):  # the adapt guide shows the syntax in code
            code.decompose()
        assert "[@" not in soup.get_text(), f"{path}: a citation was left unrendered"
    assert cited_pages >= 9  # home, about, bibliography and every lesson


def test_home_page_says_who_it_is_for_and_how_to_use_it(site_dir):
    text = page_html(site_dir, "index.md").get_text()
    for heading in ("Who it is for", "What you will be able to do", "How to use this site", "How the course is organised"):
        assert heading in text


def test_about_page_gives_licence_and_how_to_cite(site_dir):
    text = page_html(site_dir, "about.md").get_text()
    assert "CC BY 4.0" in text and "MIT" in text and "How to cite the course" in text


def test_no_page_loads_anything_from_another_host(site_dir):
    """Static half of the privacy check (the browser tests watch the real requests)."""
    for path in site_dir.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                url = element.get(attr, "")
                if tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                    continue
                assert not re.match(r"(https?:)?//", url), f"{path}: {tag} loads {url}"
        assert "fonts.googleapis" not in str(soup) and "fonts.gstatic" not in str(soup)


@pytest.mark.slow
@pytest.mark.parametrize("page, old, new, expected", [
    ("docs/about.md", "[bibliography](bibliography.md)", "[bibliography](no-such-page.md)",
     "docs/about.md:14: the link 'no-such-page.md' leads to no page or file in docs/."),
    ("docs/about.md", "[bibliography](bibliography.md)", "[bibliography](bibliography.md#no-such-anchor)",
     "docs/about.md:14: the link 'bibliography.md#no-such-anchor' points to '#no-such-anchor', which is not a "
     "heading or anchor of docs/bibliography.md."),
    ("docs/about.md", "[@moldashev2018]", "[@moldashev2019]",
     "docs/about.md:12: unknown citation key 'moldashev2019'. Did you mean 'moldashev2018'?"),
])
def test_a_broken_link_anchor_or_citation_fails_the_build_naming_the_page(tmp_path, page, old, new, expected):
    project = copy_project(tmp_path / "project")
    source = project / page
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert any(expected in line for line in problems(result.stdout)), result.stdout
    assert "Traceback" not in result.stdout


def test_no_caption_repeats_its_number(site_dir):
    """The caption block numbers tables itself; an author who types "Table 1." gets it twice."""
    for path in site_dir.rglob("*.html"):
        for caption in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("figcaption"):
            text = " ".join(caption.get_text().split())
            assert not re.match(r"(Table|Figure) \d+\.?\s+(Table|Figure) \d+", text), f"{path}: {text[:60]}"
