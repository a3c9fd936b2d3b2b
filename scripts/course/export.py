"""The whole course as plain Markdown: what `make export` writes (scripts/export.py runs the
build and hands the results here).

The export is the course as the features leave it: every page's Markdown after them
(citations, glossary links and key terms, figures and tables in place), each quiz as raw
HTML where its marker was, the generated pages (glossary, syllabus, timeline, review quiz,
answer key...) as files, generated assets (maps) as files, and mkdocs.yml without `hooks:`.
Plain MkDocs + Material builds it strictly with the same pages and the same text, and so can
another engine that reads mkdocs.yml (the road past Material 9's end of life in 2027).
"""
from __future__ import annotations

import json
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

# What the export holds besides mkdocs.yml and the docs folder: what a plain build reads
# (the theme overrides; data/, which `watch:` names) and the pinned requirements. Not our
# Python: nothing of ours runs at build time any more.
ALSO_EXPORTED = ("data", "overrides", "requirements.txt")


def without_hooks(config_text: str) -> str:
    """The config with the top-level `hooks:` list (and the comment just above it) removed.

    A text edit, not a YAML round trip: tags such as `!ENV` and every comment survive."""
    return re.sub(r"(?:^#[^\n]*\n)*^hooks:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*)\n)*", "", config_text, flags=re.MULTILINE)


def page_source(markdown: str, meta: Mapping) -> str:
    """A page as a file again: its front matter (as MkDocs read it), then its Markdown."""
    front = f"---\n{yaml.safe_dump(dict(meta), allow_unicode=True, sort_keys=True)}---\n\n" if meta else ""
    return front + markdown


def with_nav(config_text: str, nav: Any) -> str:
    """The config with its `nav:` block replaced by the nav the build used (an edition may leave
    pages out); without a nav block, the config as it was."""
    block = yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return re.sub(r"^nav:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*)\n)*", lambda _: block, config_text, flags=re.MULTILINE)


def with_extra(config_text: str, key: str, value: Any) -> str:
    """The config with `extra.<key>` set to value (as one line of JSON, which is YAML): what a
    hook put into config.extra at build time, which a build without hooks must find written."""
    line = f"  {key}: {json.dumps(value, ensure_ascii=False)}\n"
    return re.sub(r"^extra:[ \t]*(#[^\n]*)?\n", lambda m: m.group(0) + line, config_text, count=1, flags=re.MULTILINE)


def write_export(project: Path, dest: Path, docs_dir: str, config_name: str, pages: Mapping[str, str],
                 assets: Mapping[str, bytes], nav: Any = None, extra: Mapping[str, Any] | None = None) -> None:
    """Copy the docs folder and ALSO_EXPORTED to dest, then put in the pages (src_uri -> file
    text) and the generated assets (uri -> bytes) under its docs folder, and the config without
    hooks, with the nav the build used. A page the build left out (another edition's) is left out."""
    if dest.exists():
        shutil.rmtree(dest)
    for part in (docs_dir, *ALSO_EXPORTED):
        source = project / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / part)
    docs = dest / docs_dir
    for page in docs.rglob("*.md"):
        if page.relative_to(docs).as_posix() not in pages:
            page.unlink()
    for uri, content in assets.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_bytes(content)
    for src_uri, text in pages.items():
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(text, encoding="utf-8")
    config = (project / config_name).read_text(encoding="utf-8")
    config = without_hooks(config)
    for key, value in (extra or {}).items():
        config = with_extra(config, key, value)
    (dest / config_name).write_text(with_nav(config, nav) if nav else config, encoding="utf-8")
