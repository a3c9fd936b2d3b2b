"""Reading the author's files: UTF-8 text and YAML that remembers line numbers.

Every loader in the core reads through here, so an instructor gets the same kind of
message for a bad byte or a bad indent in any data file.
"""
from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from .cache import cached, source_of
from .errors import CourseError


class LineDict(dict):
    """A YAML mapping that knows the line it starts on (1-based), for error messages."""

    line: int = 0
    main: dict = {}  # noqa: RUF012  (course/translations.py: a translated field's main-language text)


class LineList(list):
    line: int = 0


def read_text(path: Path, display_path: str) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CourseError(display_path, None, "file not found. Create it or fix the path in mkdocs.yml.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise CourseError(
            display_path, line,
            "is not UTF-8 text. Save the file as UTF-8 in your editor.",
        ) from None
    # Windows (CRLF) and old Mac (CR) line ends read as "\n", as MkDocs reads pages: a course
    # saved on any system builds the same site, and every pattern of the core sees one kind.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml(path: Path, display_path: str, cache_dir: Path | None = None, localized: bool = True) -> Any:
    """Parse a YAML file; mappings come back as LineDict, lists as LineList.

    Bad YAML, a key given twice in one mapping and an empty file are CourseErrors. With
    cache_dir, an unchanged file is read back from an earlier build's result (course/cache.py).
    A text given in several languages ({en: ..., ru: ...}) comes back as the one text of the
    edition being built (course/translations.py); localized=False keeps every language.
    """
    from .translations import localize  # it builds on this module's LineDict

    text = read_text(path, display_path)
    tree = cached(cache_dir, f"yaml-{display_path}", [display_path, text, source_of(__file__), yaml.__version__,
                                                       _BASE_LOADER.__name__], lambda: _parse(text, display_path))
    return localize(tree) if localized else tree


def _parse(text: str, display_path: str) -> Any:
    try:
        with _no_cycle_collection():
            data = yaml.load(text, Loader=lined_loader(display_path, text))
    except CourseError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or error.context or "invalid YAML"
        raise CourseError(
            display_path, line,
            f"YAML syntax error: {problem}. Check the indentation and quote text that contains ': '.",
        ) from None
    except yaml.YAMLError as error:
        raise CourseError(display_path, None, f"YAML syntax error: {error}") from None
    if data is None:
        raise CourseError(display_path, None, "is empty. Add content or remove the file.")
    return data


_FRONT_MATTER_START = re.compile(r"\A-{3}[ \t]*\n")
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)


def check_front_matter(text: str, display_path: str) -> None:
    """A page that opens with '---' has front matter: closed by a '---' line and a YAML mapping.
    MkDocs prints front matter it cannot read as text at the top of the page, so any page's
    unclosed or broken front matter is a CourseError at its line."""
    if not _FRONT_MATTER_START.match(text):
        return
    block = _FRONT_MATTER.match(text)
    if not block:
        raise CourseError(display_path, 1, "the front matter opened by this '---' is never closed. Add a line "
                          "'---' after its last `key: value` line (or, for a horizontal rule, leave a blank line "
                          "above it).")
    try:
        data = yaml.load(block.group(1), Loader=_BASE_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise CourseError(display_path, 2 + mark.line if mark else 1,
                          f"front matter is not valid YAML: {error.problem or error.context}. Write `key: value` "
                          "lines between the two '---' lines.") from None
    if not isinstance(data, dict):
        raise CourseError(display_path, 2, "front matter must be `key: value` lines between the two '---' lines.")


def display_path(path: Path, root: Path) -> str:
    """A file's path as the author sees it from the project root, e.g. docs/lessons/01-concepts.md.

    A link (an edition's merged folder of pages, course/editions.py) names the file it links."""
    if path.is_symlink():
        path, root = path.resolve(), root.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def line_of(node: Any, default: int | None = None) -> int | None:
    return getattr(node, "line", None) or default


def strings_with_lines(node: Any, line: int = 1) -> Iterator[tuple[str, int]]:
    """Every string in a YAML tree, with the line of the nearest mapping or list that holds it."""
    line = getattr(node, "line", 0) or line
    if isinstance(node, str):
        yield node, line
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings_with_lines(value, line)
    elif isinstance(node, list):
        for value in node:
            yield from strings_with_lines(value, line)


def line_holding(lines: list[str], start: int, token: str) -> int:
    """The first line from `start` on that holds `token` (a text may span lines); else `start`."""
    for number in range(max(start, 1), len(lines) + 1):
        if token and token in lines[number - 1]:
            return number
    return start


_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?(?P<target>[^)\s>]+)")


def relative_links_in_data(data: Any, text: str, display_path: str) -> list[CourseError]:
    """A data text (a definition, an event, a question) is turned into HTML by the core and shown on
    generated pages and in tooltips, so MkDocs never checks or converts a link in it: a relative
    link ('lessons/01-concepts.md') ships as a broken '.md' address. Each is an error at its line."""
    lines = text.split("\n")
    errors = []
    for value, line in strings_with_lines(data):
        for link in _MARKDOWN_LINK.finditer(value):
            target = link["target"]
            if re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("#"):
                continue  # https://, mailto: ... and anchors are left as written
            errors.append(CourseError(display_path, line_holding(lines, line, target),
                                      f"the link '{target}' is not checked or converted here (this text is shown on "
                                      "generated pages and in tooltips), so it would break. Use a full https:// "
                                      "address, or name the lesson in words."))
    return errors
def line_in(source: str | None, text: str) -> int | None:
    """The line where text first appears in the author's file (features may have added lines since)."""
    if not source or not Path(source).is_file():
        return None
    content = Path(source).read_text(encoding="utf-8-sig", errors="replace")
    return content.count("\n", 0, content.index(text)) + 1 if text in content else None


def occurrence_line(source: str | None, markdown: str, match: "re.Match[str]") -> int:
    """The line, in the author's file, of the text a pattern matched in a page's Markdown (MkDocs
    has cut the front matter off it): the same occurrence of the same text, counted in the file."""
    nth = markdown.count(match.group(0), 0, match.start())
    path = Path(source or "")
    written = read_text(path, path.name) if source and path.is_file() else markdown
    at = -1
    for _ in range(nth + 1):
        at = written.find(match.group(0), at + 1)
    return written.count("\n", 0, at) + 1 if at >= 0 else markdown.count("\n", 0, match.start()) + 1


def load_config_block(config_file: Path, *keys: str) -> tuple[str, Any]:
    """(the file that holds it, the block) for e.g. keys ("extra", "course") of mkdocs.yml, with
    line numbers; along a short INHERIT chain (mkdocs.ru.yml -> mkdocs.yml) the blocks are merged
    as MkDocs merges them, mapping by mapping, the inheriting file's keys over the other's. The
    file named is the nearest that has the block. MkDocs tags such as `!ENV [SITE_URL, ...]`
    read as null. (None when absent.)"""
    path, found = config_file, []
    for _ in range(5):
        try:
            loader = lined_loader(path.name)
            loader.add_multi_constructor("!", lambda loader, suffix, node: None)
            data = yaml.load(read_text(path, path.name), Loader=loader)
        except (CourseError, yaml.YAMLError, ValueError):
            break  # MkDocs has read it, so this cannot happen in a build
        block = data
        for key in keys:
            block = block.get(key) if isinstance(block, dict) else None
        if block is not None:
            found.append((path.name, block))
        if not isinstance(data, dict) or "INHERIT" not in data:
            break
        path = path.parent / str(data["INHERIT"])
    if not found:
        return config_file.name, None
    merged = found[-1][1]
    for _, block in reversed(found[:-1]):
        merged = _merged(merged, block)
    return found[0][0], merged


# Helper functions


def _merged(base: Any, over: Any) -> Any:
    """MkDocs' INHERIT merge: mappings key by key (over's line), anything else replaced."""
    if not (isinstance(base, dict) and isinstance(over, dict)):
        return over
    merged = LineDict(base)
    merged.update({key: _merged(base.get(key), value) for key, value in over.items()})
    merged.line = line_of(over) or line_of(base) or 0
    return merged


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while YAML builds a tree: the tree holds no cycles (its
    garbage goes by reference counting alone), yet building it triggers collections that each
    walk every live object, so loading a large data file would cost more than in proportion."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _refuse_lost_comment(display_path: str, lines: list[str], key_node: yaml.Node, key: Any) -> None:
    line = lines[key_node.start_mark.line] if key_node.start_mark.line < len(lines) else ""
    lost = re.match(r"[^#]*?:[ \t]+(#\S+)", line)
    if lost:
        raise CourseError(display_path, key_node.start_mark.line + 1,
                          f"'{key}: {lost.group(1)}' leaves '{key}' empty: in YAML a '#' after a space starts a "
                          f"comment. Write {key}: \"{lost.group(1)}\" in quotes, or leave out the '#'.")


# libyaml's parser when PyYAML has it (its wheels do): about ten times faster than the
# pure-Python one, with the same nodes, marks and errors. The constructors below stay Python.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def lined_loader(display_path: str, text: str = "") -> type[yaml.SafeLoader]:
    """A loader whose mappings and lists know their line; given the text it loads, it also
    refuses `key: #value`, where YAML reads '#value' as a comment and the key as empty."""
    lines = text.split("\n")

    class Loader(_BASE_LOADER):  # type: ignore[valid-type, misc]
        pass

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in first_seen:
                raise CourseError(
                    display_path, key_node.start_mark.line + 1,
                    f"key '{key}' appears twice in the same entry (first at line {first_seen[key]}). "
                    "Keep one.",
                )
            first_seen[key] = key_node.start_mark.line + 1
            if text and isinstance(value_node, yaml.ScalarNode) and value_node.value == "" and not value_node.style:
                _refuse_lost_comment(display_path, lines, key_node, key)
            mapping[key] = loader.construct_object(value_node, deep=True)
        return mapping

    def construct_sequence(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> LineList:
        items = LineList(loader.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        return items

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return Loader
