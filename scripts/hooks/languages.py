"""Languages: the course in each language of extra.alternate, each page linked to its twins.

The main edition (mkdocs.yml) and every other (mkdocs.<lang>.yml, INHERITing it) are builds
of their own; course/edition.py makes this build's edition and course/languages.py says how
they fit together. Here: its interface words go to config.extra.messages; a translated edition
reads its merged folder of pages (its translations, else the English pages when
extra.translation.fallback allows, each with a note), its nav titles are translated, and every
page's language switch links the same page in each edition.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from course.catalogue import NAV
from course.edition import markdown_options, open_edition, theme_options, titled_items, with_note_after_title
from course.errors import CourseError
from course.languages import SiteLanguage, author_file, language_of, twin_links

# Hooks


# First of all hooks: the others read config.docs_dir and config.extra.messages.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        edition = open_edition(root, Path(config.config_file_path).name, config.theme["language"],
                               config.extra.get("alternate"), config.extra.get("translation") or {},
                               config.docs_dir, config.nav)
    except CourseError as error:
        raise PluginError(str(error)) from None
    if edition.errors:
        raise PluginError("\n".join(edition.errors))
    config.extra["messages"] = edition.messages
    markdown_options(config.markdown_extensions, config.mdx_configs, edition.messages.get("markdown") or {})
    theme_options(config.theme["palette"], edition.messages.get("theme") or {})
    config.extra["site_languages"] = edition.editions
    if edition.current is not None:
        # Material writes a head link per entry of extra.alternate and, on every page load, fetches
        # each linked language's sitemap.xml to find a page's twin, which our switch links already:
        # a true value that is not a list keeps the switch and makes neither links nor requests.
        config.extra["alternate"] = True
    if edition.translated and edition.current is not None:  # (translated implies a current edition)
        config.docs_dir = edition.docs_dir
        config.extra["pages_folder"] = edition.pages_folder  # what messages name: docs-ru
        config.site_url = (config.site_url or "/").rstrip("/") + "/" + edition.current.path
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, **_: object) -> Navigation:
    """The nav's titles in this edition's language (a title not translated stays as written)."""
    titles = config.extra["messages"].get(NAV) or {}
    for item in titled_items(nav.items):
        if item.title is not None:
            item.title = titles.get(item.title, item.title)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    """A page of a translated edition shown in English (fallback) says so under its title."""
    source = Path(str(config.extra.get("translation", {}).get("source") or "docs"))
    main_docs = (Path(config.config_file_path).parent / source).resolve()
    editions = config.extra["site_languages"]
    if not editions or config.theme["language"] == editions[0].lang or page.file.abs_src_path is None:
        return markdown
    if not author_file(Path(page.file.abs_src_path)).is_relative_to(main_docs):
        return markdown
    return with_note_after_title(markdown, config.extra["messages"]["untranslated"])


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **_: object) -> dict:
    editions: tuple[SiteLanguage, ...] = config.extra["site_languages"]
    current = language_of(editions, config.theme["language"])
    if current is not None:
        # Our switch (overrides/partials/alternate.html) links this page in each language, so it
        # works without JavaScript and from file://.
        twins = twin_links(editions, current, page.url)
        context["language_links"] = [{"name": e.name, "lang": e.lang, "href": twins[e.lang]} for e in editions]
    return context
