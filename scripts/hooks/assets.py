"""Assets: our CSS and JavaScript served as one minified, content-named file of each kind.

The theme override's own scripts (overrides/assets/, which must load before Material's
bundle) stay separate files, but are minified in the built site the same way.

mkdocs.yml keeps listing the readable source files (`extra_css`, `extra_javascript`); this
hook swaps the local ones for a bundle (course/assets.py says why) and leaves web
addresses and scripts with attributes (`type`, `defer`, `async`) alone. A listed file that
is not in docs/ stops the build: MkDocs itself would link it and let it fail in the browser.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from course.assets import Kind, bundle, bundle_uri, lazy_images, preload_scripts, without_indentation
from course.errors import CourseError
from course.sources import display_path, read_text

# Hooks


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Swapped here, not in on_config: the pages read these lists only once they are rendered.
    try:
        config.extra_css = _bundle_local(config.extra_css, "css", "extra_css", config, files)
        config.extra_javascript = _bundle_local(config.extra_javascript, "js", "extra_javascript", config, files)
    except CourseError as error:
        raise PluginError(str(error)) from None
    # The theme override's scripts are in Files too (MkDocs adds the theme's before this event).
    theme_assets = Path(config.theme.custom_dir, "assets").resolve() if config.theme.custom_dir else None
    for file in list(files):
        source = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if theme_assets and source and source.suffix == ".js" and source.is_relative_to(theme_assets):
            text = read_text(source, display_path(source, Path(config.config_file_path).parent))
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=bundle([(source.name, text)], "js")))
    return files


def on_page_content(html: str, page: object, config: MkDocsConfig, files: Files) -> str:
    return lazy_images(html)  # images out of view wait for the reader (course/assets.py)


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    # Scripts fetched together under the CSP <meta>; the templates' indentation left out (course/assets.py).
    return preload_scripts(without_indentation(output))


# Helpers


def _bundle_local(entries: list, kind: Kind, option: str, config: MkDocsConfig, files: Files) -> list:
    """The entries with every plain local file replaced by one bundle, where the first was; in
    files, the sources (readers never fetch them: kept out of the site) give way to the bundle."""
    docs = Path(config.docs_dir)
    sources: list[tuple[str, str]] = []
    kept: list = []
    first = None
    for entry in entries:
        if not isinstance(entry, str) or "://" in entry or entry.startswith("/") or not entry.endswith("." + kind):
            kept.append(entry)
            continue
        path = docs / entry
        if not path.is_file():
            config_file = Path(config.config_file_path)
            raise CourseError(config_file.name, _line_of(config_file, entry), f"`{option}` lists {entry}, which is "
                              f"not in {docs.name}/. Fix the path, or remove the line.")
        sources.append((entry, read_text(path, display_path(path, Path(config.config_file_path).parent))))
        source = files.get_file_from_path(entry)
        if source is not None:
            files.remove(source)
        if first is None:
            first = len(kept)
            kept.append(None)  # the bundle's place, filled in below
    if first is None:
        return kept
    content = bundle(sources, kind)
    uri = bundle_uri(kind, content)
    files.append(File.generated(config, uri, content=content))
    kept[first] = uri
    return kept


def _line_of(config_file: Path, entry: str) -> int | None:
    """The line of mkdocs.yml that lists the entry (MkDocs keeps no line numbers)."""
    for number, line in enumerate(config_file.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip().lstrip("-").strip().strip("'\"") == entry:
            return number
    return None  # listed in an inherited file (INHERIT): the message still names the entry
