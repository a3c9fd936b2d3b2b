"""The classroom copy: with Material's offline plugin on (mkdocs-offline.yml), make the site
work from file:// and make no request to another host.

The offline plugin loads its `iframe-worker` shim (search in a Worker on file://) from
unpkg.com; we ship the npm package's file (scripts/vendor/iframe-worker) inside the site
instead, and switch off instant navigation, which needs fetch() and so cannot work from a folder.
In the online build (no offline plugin) this hook does nothing but one thing: where a page
says `<!-- offline-zip -->`, it links the zip the Pages workflow publishes beside the site,
named after the course in its main language (course.slugs.offline_zip_name, as `make offline`
names it: one zip holds every language), from every language's pages.
"""
from __future__ import annotations

from pathlib import Path

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.yaml import yaml_load

from course.slugs import offline_zip_name

SHIM_SOURCE = Path(__file__).resolve().parents[1] / "vendor" / "iframe-worker" / "shim.js"
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"
ONLINE_ONLY_FEATURE = "navigation.instant"  # and navigation.instant.progress, .prefetch, ...
OFFLINE_ZIP_MARKER = "<!-- offline-zip -->"

# Hooks


# Hooks run after plugins: Material's offline plugin has added its unpkg address, which we replace.
def on_config(config: MkDocsConfig) -> None:
    if not _offline(config):
        return
    features = config.theme.get("features", [])
    config.theme["features"] = [name for name in features if not name.startswith(ONLINE_ONLY_FEATURE)]
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [SHIM_URI if "iframe-worker" in str(url) else url for url in polyfills]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _offline(config):
        notice = "/* iframe-worker 1.0.4 (npm) | MIT licence | (c) 2020-2022 Martin Donath */\n"
        files.append(File.generated(config, SHIM_URI, content=notice + SHIM_SOURCE.read_text(encoding="utf-8")))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: object) -> str:
    if OFFLINE_ZIP_MARKER not in markdown:
        return markdown
    editions = config.extra.get("site_languages") or ()  # the languages hook's; the main one first
    edition = next((e for e in editions if e.lang == config.theme["language"]), None)
    course = config.extra.get("course") or {}
    if edition is not None and edition != editions[0]:
        with open(Path(config.config_file_path).parent / "mkdocs.yml", "rb") as handle:  # the main language's
            course = (yaml_load(handle).get("extra") or {}).get("course") or {}
    name = offline_zip_name(str(course.get("title") or config.site_name))
    if _offline(config):  # the reader already holds the copy: name it, link nothing
        return markdown.replace(OFFLINE_ZIP_MARKER, f"<code>{name}</code>")
    # Raw HTML, not a Markdown link: the zip sits beside the published site, not in docs/
    # (another language's pages are in its folder: site/ru/).
    to_root = "../" * (page.url.count("/") + (edition.path.count("/") if edition else 0))
    return markdown.replace(OFFLINE_ZIP_MARKER, f'<a href="{to_root}{name}" download>{name}</a>')


# Helper functions


def _offline(config: MkDocsConfig) -> bool:
    """True when the build has Material's offline plugin switched on."""
    return any(isinstance(plugin, OfflinePlugin) and plugin.config.enabled for plugin in config.plugins.values())
