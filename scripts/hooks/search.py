"""Search: both spellings of a name find it, "Börzel" and "Borzel" (course/search.py says how).

Runs after Material's search plugin has written search/search_index.json (hooks come after
plugins). The offline copy's search_index.js is written from the file before this runs.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from course.search import with_plain_spellings

# Hooks


def on_post_build(config: MkDocsConfig) -> None:
    index_file = Path(config.site_dir, "search", "search_index.json")
    if not index_file.is_file():  # search is off in this build
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index_file.write_text(json.dumps(with_plain_spellings(index), ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
