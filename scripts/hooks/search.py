"""Search: both spellings of a name find it, "Börzel" and "Borzel" (course/search.py says how).

The entries are changed in Material's search plugin before it writes search_index.json (so
the offline copy's index has them too), not read back and written again.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from course.search import add_plain_spellings

# Hooks


@event_priority(50)  # before the search plugin's own on_post_build, which writes the index
def on_post_build(config: MkDocsConfig) -> None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    if index is not None:  # search is on in this build
        add_plain_spellings(index.entries)
