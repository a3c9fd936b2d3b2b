"""Build output: a failed build leaves no site behind that looks fine.

In strict mode MkDocs writes every page and only then stops on the warnings it counted (a
broken link, a glossary term no lesson uses), so site/ would hold a complete-looking site
from a build that failed. On any build error this hook empties the output folder (the
folder only: MkDocs itself empties it at the start of every build, and never lets it hold
docs/). The author's files are never touched.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

config_seen: MkDocsConfig | None = None

# Hooks


def on_config(config: MkDocsConfig) -> None:
    global config_seen
    config_seen = config  # on_build_error is not given the config


def on_build_error(error: Exception) -> None:
    if config_seen is None:
        return
    site = Path(config_seen.site_dir)
    docs = Path(config_seen.docs_dir)
    if not site.is_dir() or docs.is_relative_to(site) or site.is_relative_to(docs):
        return  # never near the author's files (MkDocs refuses these layouts anyway)
    for child in site.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
