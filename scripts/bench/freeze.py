"""The course written out as its hooks render it: the "written out" side of step 1."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .settings import ENV


def freeze(config: Path, dest: Path) -> None:
    """Write out the course as its hooks render it (see step_overhead), into dest."""
    command = [sys.executable, "-m", "bench.worker", "--freeze", str(config), str(dest)]
    done = subprocess.run(command, cwd=config.parent, env=ENV, text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"writing out the course failed: {done.stderr.strip()[-500:]}")


def freeze_worker(config_file: Path, dest: Path) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = config_file.parent
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns("site", "mkdocs-*.yml", "__pycache__"))
    config = load_config(str(config_file), site_dir=str(dest / "site-freeze"), strict=False)
    written: dict[str, str] = {}

    def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:  # after every hook's own
        meta = f"---\n{yaml.safe_dump(page.meta, allow_unicode=True)}---\n\n" if page.meta else ""
        written[page.file.src_uri] = meta + markdown
        return markdown

    # The quizzes hook swaps its placeholders for HTML after Markdown: put that HTML into the
    # written-out Markdown as a raw block, as an author writing it by hand would.
    # MkDocs keeps the loaded hook modules in config.hooks, by their path in mkdocs.yml.
    quizzes = next((module for path, module in config.hooks.items() if Path(path).stem == "quizzes"), None)
    if quizzes is not None:

        def on_page_content(html: str, page: Any, **_: Any) -> str:
            written[page.file.src_uri] = quizzes.fill_placeholders(written[page.file.src_uri], page, as_block=True)
            return html
        config.plugins.events["page_content"].append(on_page_content)
    config.plugins.events["page_markdown"].append(on_page_markdown)
    build(config)
    docs = dest / Path(config.docs_dir).relative_to(project)
    for src_uri, markdown in written.items():
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(markdown, encoding="utf-8")
    (dest / config_file.name).write_text(without_hooks(config_file.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.rmtree(dest / "site-freeze", ignore_errors=True)
    return 0


def without_hooks(config_text: str) -> str:
    """The same config with the top-level `hooks:` list removed (a text edit: tags survive)."""
    return re.sub(r"^hooks:[^\n]*\n(?:(?:[ \t]+[^\n]*|[ \t]*)\n)*", "", config_text, flags=re.MULTILINE)
