"""Languages: the course in each language of extra.alternate, each page linked to its twins.

The main edition (mkdocs.yml) and every other (mkdocs.<lang>.yml, INHERITing it) are builds
of their own; course/languages.py says how they fit together. Here, for the edition being built:
its interface words (data/messages/<lang>.yml) go to config.extra.messages; an edition other
than the main one reads a merged folder of pages (its translations, else the English pages
when extra.translation.fallback allows, each with a note), its nav titles are translated,
and every page's language switch links the same page in each edition.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from course import translations
from course.languages import (OVERLAY_FOLDER, SiteLanguage, author_file, language_of, load_languages, overlay,
                              stray_pages, twin_links)
from course.errors import CourseError
from course.catalogue import NAV, load_messages
from course.sources import display_path


# Hooks


# First of all hooks: the others read config.docs_dir and config.extra.messages.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    lang = config.theme["language"]
    translation = config.extra.get("translation") or {}
    source = str(translation.get("source") or "docs")
    try:
        editions = load_languages(config.extra.get("alternate"))
        languages = [edition.lang for edition in editions] or [lang]
        translations.use(lang, languages)
        config.extra["messages"] = load_messages(root, lang, languages[0])[0]
        _markdown_words(config, config.extra["messages"].get("markdown") or {})
        current = language_of(editions, lang) if editions else None
        if editions and current is None:
            raise CourseError(Path(config.config_file_path).name, None, f"theme.language '{lang}' is not in "
                              "extra.alternate. Add the edition, or fix the language.")
        if current is not None and current != editions[0]:
            own = Path(config.docs_dir)
            errors = [] if translation.get("fallback") else translations.translation_gaps(
                root, lang, languages, source, display_path(own, root), config.nav)
            errors += [f"{display_path(own / uri, root)}: has no page {source}/{uri} to translate. Rename it "
                       "after its English page, or remove it." for uri in stray_pages(root / source, own)]
            if errors:
                raise PluginError("\n".join(errors))
            overlay(root / source, own, root / OVERLAY_FOLDER / lang)
            config.docs_dir = str(root / OVERLAY_FOLDER / lang)
            config.extra["pages_folder"] = display_path(own.resolve(), root.resolve())  # what messages name: docs-ru
            config.site_url = (config.site_url or "/").rstrip("/") + "/" + current.path
    except CourseError as error:
        raise PluginError(str(error)) from None
    config.extra["site_languages"] = editions
    if current is not None:
        # Material writes a head link per entry of extra.alternate and, on every page load, fetches
        # each linked language's sitemap.xml to find a page's twin, which our switch links already:
        # a true value that is not a list keeps the switch and makes neither links nor requests.
        config.extra["alternate"] = True
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, **_: object) -> Navigation:
    """The nav's titles in this edition's language (a title not translated stays as written)."""
    titles = config.extra["messages"].get(NAV) or {}
    for item in _items(nav.items):
        if item.title is not None:
            item.title = titles.get(item.title, item.title)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    source = Path(str(config.extra.get("translation", {}).get("source") or "docs"))
    main_docs = (Path(config.config_file_path).parent / source).resolve()
    editions = config.extra["site_languages"]
    if not editions or config.theme["language"] == editions[0].lang or page.file.abs_src_path is None:
        return markdown
    if not author_file(Path(page.file.abs_src_path)).is_relative_to(main_docs):
        return markdown
    note = config.extra["messages"]["untranslated"]
    box = f'!!! note "{note["title"]}"\n\n    {note["text"]}\n\n'
    body, heading = _after_title(markdown)
    return heading + box + body


def on_page_context(context: dict, page: Page, config: MkDocsConfig, **_: object) -> dict:
    editions: tuple[SiteLanguage, ...] = config.extra["site_languages"]
    current = language_of(editions, config.theme["language"])
    if current is not None:
        # Our switch (overrides/partials/alternate.html) links this page in each language, so it
        # works without JavaScript and from file://.
        twins = twin_links(editions, current, page.url)
        context["language_links"] = [{"name": e.name, "lang": e.lang, "href": twins[e.lang]} for e in editions]
    return context


# Helper functions


def _markdown_words(config: MkDocsConfig, words: dict) -> None:
    """The words Markdown's extensions write, in this edition's language (read when each page is
    converted, after on_config): numbered caption prefixes and the heading permalinks' title."""
    if "pymdownx.blocks.caption" in config.markdown_extensions and (words.get("figure") or words.get("table")):
        caption = config.mdx_configs.setdefault("pymdownx.blocks.caption", {})
        caption["types"] = ["caption", {"name": "figure-caption", "prefix": words.get("figure", "")},
                            {"name": "table-caption", "prefix": words.get("table", "")}]
    if "toc" in config.markdown_extensions and words.get("permalink"):
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = words["permalink"]


def _items(items: list) -> list:
    found = []
    for item in items:
        found.append(item)
        if isinstance(item, Section):
            found += _items(item.children)
    return [item for item in found if hasattr(item, "title")]


def _after_title(markdown: str) -> tuple[str, str]:
    """(the page after its front-matter-free H1, the H1 line) so that the note follows the title."""
    lines = markdown.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "".join(lines[index + 1:]), "".join(lines[: index + 1]) + "\n"
    return markdown, ""
