"""Every table sits in a focusable region named after its caption or heading (course/tables.py)."""
from __future__ import annotations

from course.tables import label_tables

TABLE = "<table><tr><td>1</td></tr></table>"


def test_a_table_is_named_after_the_heading_above_it_without_the_permalink():
    page = ('<h2 id="a">Who &amp; when<a class="headerlink" href="#a" title="Link">&para;</a></h2>'
            f"<p>Text.</p>{TABLE}")
    assert label_tables(page) == (
        '<h2 id="a">Who &amp; when<a class="headerlink" href="#a" title="Link">&para;</a></h2><p>Text.</p>'
        f'<div class="course-scroll" role="region" tabindex="0" aria-label="Who &amp; when">{TABLE}</div>')


def test_a_caption_names_its_table_before_any_heading():
    page = (f'<h2>Heading</h2><figure>\n{TABLE}\n<figcaption>\n<p><span class="caption-prefix">Table 1.</span> '
            'The "debate".</p>\n</figcaption>\n</figure>')
    wrapped = label_tables(page)
    assert f'aria-label="Table 1. The &quot;debate&quot;.">{TABLE}</div>\n<figcaption>' in wrapped


def test_each_table_takes_the_nearest_heading_and_a_page_without_one_gets_no_name():
    page = f"{TABLE}<h3>First</h3>{TABLE}<h3>Second</h3>{TABLE}"
    wrapped = label_tables(page)
    assert wrapped.count('class="course-scroll"') == 3
    assert wrapped.startswith(f'<div class="course-scroll" role="region" tabindex="0">{TABLE}')
    assert 'aria-label="First"' in wrapped and 'aria-label="Second"' in wrapped


def test_a_table_shown_as_code_is_left_alone():
    page = "<pre><code>&lt;table&gt;&lt;/table&gt;</code></pre>"
    assert label_tables(page) == page
