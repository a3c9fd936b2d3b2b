"""Titles stay text in Material's tooltips (which insert the title as HTML)."""
from __future__ import annotations

import html

from course.tooltips import text_only_titles


def decoded_title(markup: str) -> str:
    """What the browser hands Material as el.title."""
    return html.unescape(markup.split('title="', 1)[1].split('"', 1)[0])


def test_an_escaped_tag_in_a_title_is_escaped_once_more():
    markup = '<a class="course-term" title="A &lt;img src=x onerror=&quot;alert(1)&quot;&gt; B">x</a>'
    title = decoded_title(text_only_titles(markup))
    assert "<" not in title  # innerHTML of this creates no element...
    assert html.unescape(title) == 'A <img src=x onerror="alert(1)"> B'  # ...and shows what the author typed


def test_a_raw_less_than_sign_in_a_title_is_escaped():
    assert "<" not in decoded_title(text_only_titles('<abbr title="a < b">x</abbr>'))


def test_single_quoted_titles_and_other_attributes():
    markup = "<a title='&lt;b&gt;' data-x=\"&lt;b&gt;\">&lt;b&gt;</a>"
    assert text_only_titles(markup) == "<a title='&amp;lt;b&gt;' data-x=\"&lt;b&gt;\">&lt;b&gt;</a>"


def test_ordinary_titles_are_untouched():
    markup = '<a title="Link to this section" href="#x">¶</a><a title="Trade &amp; aid">y</a>'
    assert text_only_titles(markup) == markup


def test_a_title_shown_as_text_is_left_as_written():
    # `<a title="<b>">` as inline code: text, not an element; Markdown escapes its "<" but not its quotes.
    markup = '<p><code>&lt;a title="&lt;b&gt;"&gt;</code> and <abbr title="x &lt; y">x</abbr></p>'
    assert text_only_titles(markup) == ('<p><code>&lt;a title="&lt;b&gt;"&gt;</code> and '
                                        '<abbr title="x &amp;lt; y">x</abbr></p>')
