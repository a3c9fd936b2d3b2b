"""Markdown from data files never turns into live script."""
from __future__ import annotations

import pytest
from course.markup import plain_text, render_markdown


def test_markdown_is_rendered():
    assert render_markdown("An *informal* [norm](../glossary.md#norm)", inline=True) == (
        'An <em>informal</em> <a href="../glossary.md#norm">norm</a>')


@pytest.mark.parametrize("evil, forbidden", [
    ("<script>alert(1)</script>", "<script"),
    ('<img src=x onerror="alert(1)">', "<img"),
    ("[click](javascript:alert(1))", "javascript:"),
    ("[click](JaVaScRiPt:alert(1))", "href"),
    ("[click](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ('<a href="javascript:alert(1)">x</a>', "<a "),
    ("![x](javascript:alert(1))", "<img"),
])
def test_script_in_data_never_becomes_markup(evil, forbidden):
    assert forbidden not in render_markdown(evil)


def test_plain_text_for_tooltips():
    assert plain_text("The *ASEAN way* & <b>more</b>") == "The ASEAN way & <b>more</b>"


def test_renders_are_kept_between_builds(tmp_path, monkeypatch):
    import pickle

    from course import cache, markup

    def new_build() -> None:  # a fresh process: no renders in memory
        for name, value in (("_cache_dir", None), ("_stored", {}), ("_made", {})):
            monkeypatch.setattr(markup, name, value)
        markup._render_markdown.cache_clear()
        markup.use_cache(tmp_path)

    try:
        new_build()
        rendered = render_markdown("It's *new*")
        markup.save_cache()
        digest, stored = pickle.loads((tmp_path / "markup.pickle").read_bytes())
        assert stored == {"0It's *new*": rendered}
        cache.write(tmp_path, "markup", digest, {"0It's *new*": "<p>from the cache</p>"})
        new_build()
        assert render_markdown("It's *new*") == "<p>from the cache</p>"
        assert render_markdown("plain text") == "<p>plain text</p>"  # never stored: costs nothing to make
        markup.save_cache()
        assert pickle.loads((tmp_path / "markup.pickle").read_bytes())[1] == {"0It's *new*": "<p>from the cache</p>"}
    finally:
        markup._render_markdown.cache_clear()
