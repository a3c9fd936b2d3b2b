"""Markdown from data files (quiz feedback, glossary definitions, timeline events) to safe HTML.

Data files are edited by instructors who have never seen the code, and are copied between
forks: nothing written there may become a script in a student's browser. So raw HTML is
escaped before Markdown sees it, and a link may only point to a page, an anchor, http(s)
or mailto: a `javascript:` or `data:` link is written out as plain text.

Markdown is slow on short texts (about 0.15 ms each; smarty curls the apostrophes of most),
so its renders are kept between builds too: a hook calls use_cache() in on_config and
save_cache() in on_post_build (see course/cache.py).
"""
from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import markdown
from markdown.extensions.smarty import SmartyExtension

from .cache import digest_of, read, source_of, write

SAFE_URL = re.compile(r"^(?:https?:|mailto:|#|[^:]*$)", re.IGNORECASE)
LINK = re.compile(r'<a href="(?P<url>[^"]*)"(?P<rest>[^>]*)>(?P<label>.*?)</a>', re.DOTALL)
IMG = re.compile(r"<img\b[^>]*>")
# No character Markdown or smarty reads (escapes, code, emphasis, links, HTML, entities,
# quotes), no line break, and no start that makes a list, a quote or a heading.
PLAIN = re.compile(r"(?![ \t]*(?:\d+[.)]|[-+*>#=]))[^\\`*_\[\]<>&'\"\x00-\x1f]+")

CACHE_NAME = "markup"

# Renders by Markdown ("1" + text when inline, "0" + text when not): those of earlier builds,
# and those this process made or took (written back by save_cache, so unused ones drop out).
_stored: dict[str, str] = {}
_made: dict[str, str] = {}
_cache_dir: Path | None = None


def render_markdown(text: str, inline: bool = False) -> str:
    """Markdown to HTML with raw HTML escaped and unsafe links defused.

    inline=True drops the surrounding <p>, for text that sits inside a label or a list item.
    """
    return _render_markdown(str(text), inline)


def plain_text(text: str) -> str:
    """Markdown reduced to plain text, for title attributes and tooltips."""
    without_tags = re.sub(r"<[^>]+>", "", render_markdown(text, inline=True))
    return html.unescape(without_tags).strip()


def use_cache(cache_dir: Path) -> None:
    """Take the renders of earlier builds from cache_dir (once per process and folder)."""
    global _cache_dir
    if cache_dir == _cache_dir:
        return
    _cache_dir = cache_dir
    _stored.clear()
    _stored.update(read(cache_dir, CACHE_NAME, _cache_digest()) or {})


def save_cache() -> None:
    """Keep this process's renders for the next build, if they differ from what is kept."""
    if _cache_dir is not None and _made != _stored:
        write(_cache_dir, CACHE_NAME, _cache_digest(), dict(_made))
        _stored.clear()
        _stored.update(_made)


# Helper functions


# Cached: the same definition is rendered on every page that links its term, and a build
# renders thousands of them at 10x the course. A pure function, so never stale.
@functools.lru_cache(maxsize=16384)
def _render_markdown(text: str, inline: bool) -> str:
    if _is_plain(text):  # most feedback and definitions: one sentence, nothing to convert
        return text if inline else f"<p>{text}</p>"
    key = ("1" if inline else "0") + text
    rendered = _stored.get(key)
    if rendered is None:
        rendered = _convert(text, inline)
    _made[key] = rendered
    return rendered


def _convert(text: str, inline: bool) -> str:
    converter = _markdown()
    converter.reset()
    rendered = converter.convert(html.escape(text, quote=False))
    rendered = LINK.sub(_safe_link, rendered)
    rendered = IMG.sub("", rendered)  # images in a definition or feedback are not supported
    if inline and rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


@functools.cache
def _markdown() -> markdown.Markdown:
    """Made on first use: a build that finds every render in the cache never needs it."""
    return markdown.Markdown(extensions=[SmartyExtension()], output_format="html")


@functools.cache
def _cache_digest() -> str:
    """What a render depends on: this code and Markdown's version (smarty is part of it)."""
    return digest_of([source_of(__file__), markdown.__version__])


def _is_plain(text: str) -> bool:
    """True for one line of text in which neither Markdown nor smarty changes anything."""
    return (bool(PLAIN.fullmatch(text)) and text == text.strip()
            and not any(sequence in text for sequence in ("--", "...", "  ")))


def _safe_link(match: re.Match[str]) -> str:
    url = html.unescape(match.group("url")).strip()
    if SAFE_URL.match(url) and not re.match(r"^\s*(javascript|data|vbscript):", url, re.IGNORECASE):
        return match.group(0)
    return match.group("label")
