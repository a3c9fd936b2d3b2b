"""Publishing a fork: the Pages workflow deploys from the default branch (whatever its
name), adapt.md says how to switch Actions and Pages on, and the site links the offline
zip the workflow publishes beside it."""
from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from helpers import ROOT

from course.slugs import offline_zip_name

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def test_the_workflow_publishes_from_the_default_branch_not_only_main():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # PyYAML reads the key `on:` as True
    push = triggers.get("push") or {}
    assert "branches" not in push, "a fork whose branch is not `main` would never publish"
    assert workflow["jobs"]["build"]["if"] == "github.ref_name == github.event.repository.default_branch"
    steps = " ".join(str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"])
    assert "make offline" in steps and "-offline.zip site/" in steps


def test_adapt_md_says_how_to_switch_on_actions_and_pages_in_a_fork():
    guide = (ROOT / "docs" / "adapt.md").read_text(encoding="utf-8")
    section = guide[guide.index("Publish on GitHub Pages"):]
    for words in ("Actions** tab", "enable", "**Pages**", "GitHub Actions", "default branch", "offline zip"):
        assert words in section, words


def test_the_about_page_links_the_published_offline_zip(site_dir: Path):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    name = offline_zip_name((config.get("extra") or {}).get("course", {}).get("title") or config["site_name"])
    about = BeautifulSoup((site_dir / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in about.select("article a[href$='.zip']")]
    assert links == [f"../{name}"]
