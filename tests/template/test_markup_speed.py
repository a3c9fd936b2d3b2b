"""The plain-text shortcut in markup.render_markdown gives exactly what Markdown gives."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from helpers import ROOT

from course import markup


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


# Made here from the extension's name, as MkDocs would: markup.py makes its own from the class.
CONVERTER = markup.markdown.Markdown(extensions=["smarty"], output_format="html")


def _through_markdown(text: str, inline: bool) -> str:
    CONVERTER.reset()
    rendered = CONVERTER.convert(markup.html.escape(text, quote=False))
    rendered = markup.IMG.sub("", markup.LINK.sub(markup._safe_link, rendered))
    if inline and rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered


DATA_TEXTS = sorted({text for path in sorted((ROOT / "data").rglob("*.yml"))
                     for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))})
TRICKY = ["1991. The start", "- a list", "> quote", "# heading", "a -- b", "wait...", "it's", "“curly”",
          "a  b", " lead", "x_y_z", "a *b*", "[link](x)", "a & b", "a < b", "Tashkent (1993): the protocol",
          "100% sure", "Central Asia-skepticism", "+ plus", "2004) after", "=== no", "ЕврАзЭС", "a\\b"]


@pytest.mark.parametrize("inline", [True, False])
def test_the_shortcut_matches_markdown_on_every_data_text_and_tricky_ones(inline: bool):
    assert len(DATA_TEXTS) > 100
    for text in DATA_TEXTS + TRICKY:
        markup._render_markdown.cache_clear()
        assert markup.render_markdown(text, inline) == _through_markdown(text, inline), text


def test_most_data_texts_take_the_shortcut():
    plain = [text for text in DATA_TEXTS if markup._is_plain(text)]
    assert len(plain) > len(DATA_TEXTS) / 4
