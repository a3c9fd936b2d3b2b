"""The citation core: loading the BibTeX file, author-date labels, rendering, errors."""
from __future__ import annotations

import dataclasses
import pickle
import re
from pathlib import Path

import pytest
from course.citations import find_citations, load_bibliography, render_citations, render_reference_list
from course.errors import CourseError
from helpers import ROOT

BIB = ROOT / "data" / "references.bib"


@pytest.fixture(scope="module")
def bibliography():
    return load_bibliography(BIB, "data/references.bib")


def write_bib(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "refs.bib"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_the_course_bibliography_holds_the_chapter_and_its_works(bibliography):
    assert "moldashev2018" in bibliography
    assert len(bibliography.references) >= 45
    assert bibliography.references["acharya1997"].label == "Acharya 1997"
    assert bibliography.references["rosset2014"].label == "Rosset and Svarin 2014"
    assert bibliography.references["borzelrisse2016"].label == "Börzel and Risse 2016"


def test_reference_is_author_date_with_accents_decoded(bibliography):
    ref = bibliography.references["borzel2010"]
    assert ref.text.startswith("Börzel, Tanja A. 2010. “European Governance")
    assert "<cite>JCMS: Journal of Common Market Studies</cite> 48, no. 2: 191–219." in ref.html
    assert 'href="https://doi.org/10.1111/j.1468-5965.2009.02049.x"' in ref.html


def test_citation_becomes_linked_author_date(bibliography):
    html, cited = render_citations("As argued [@acharya1997].", bibliography, "p.md")
    assert '(<a class="course-cite" href="#ref-acharya1997"' in html
    assert ">Acharya 1997</a>)" in html
    assert cited == ["acharya1997"]


def test_several_works_prefix_and_locator(bibliography):
    html, cited = render_citations("[see @bohr2004, p. 490; @tolipov2002]", bibliography, "p.md")
    assert html.startswith("(see <a")
    assert ">Bohr 2004, p. 490</a>; <a" in html
    assert cited == ["bohr2004", "tolipov2002"]


def test_code_links_and_footnotes_are_left_alone(bibliography):
    text = "`[@nokey]`\n\n```\n[@nokey]\n```\n\n[a link](x.md) [^1] [text]"
    html, cited = render_citations(text, bibliography, "p.md")
    assert html == text and cited == []


def test_unknown_key_names_page_line_and_suggests(bibliography):
    with pytest.raises(CourseError) as caught:
        render_citations("one\ntwo [@acharya1998]", bibliography, "docs/lessons/x.md", line_offset=4)
    assert str(caught.value) == (
        "docs/lessons/x.md:6: unknown citation key 'acharya1998'. Did you mean 'acharya1997'? "
        "Use a key from data/references.bib, or add the work there."
    )


def test_find_citations_reports_offsets(bibliography):
    found = find_citations("a [@bohr2004] b [@x; @y]")
    assert [item.key for _, items in found for item in items] == ["bohr2004", "x", "y"]


def test_same_author_and_year_get_letters(tmp_path):
    path = write_bib(tmp_path, """
@article{a1, author={Smith, Ann}, title={One}, journal={J}, year={2001}}
@article{a2, author={Smith, Ann}, title={Two}, journal={J}, year={2001}}
""")
    refs = load_bibliography(path, "refs.bib").references
    assert {refs["a1"].label, refs["a2"].label} == {"Smith 2001a", "Smith 2001b"}
    assert "2001a." in refs["a1"].text


def test_reference_list_has_anchors(bibliography):
    html = render_reference_list([bibliography.references["bohr2003"]])
    assert '<li id="ref-bohr2003">Bohr, Annette. 2003.' in html


@pytest.mark.parametrize("text, line, message", [
    ("@article{a, author={A, B}, title={T}, journal={J}, year={2000}}\n@book{a, author={C, D}, title={T}, year={1}}",
     2, "reference key 'a' is used twice (first at line 1)"),
    ("@article{a, author={A, B}, title={T}, journal={J}, year={2000}\n", 1,
     "BibTeX syntax error in entry 'a': a '}' is missing"),
    ("@article{a, title={T}, journal={J}, year={2000}}", 1, "reference 'a' has no author or editor"),
    ("@article{a, author={A, B}, title={T}, journal={J}}", 1, "reference 'a' has no year"),
    ("% nothing here\n", None, "holds no references"),
])
def test_bad_bibliography_is_one_clear_line(tmp_path, text, line, message):
    with pytest.raises(CourseError) as caught:
        load_bibliography(write_bib(tmp_path, text), "refs.bib")
    assert message in str(caught.value)
    assert str(caught.value).startswith("refs.bib" + (f":{line}:" if line else ""))
    assert "\n" not in str(caught.value)


def test_bibliography_not_utf8(tmp_path):
    path = write_bib(tmp_path, b"@article{a, author={B\xf6rzel, T}, title={T}, journal={J}, year={2000}}")
    with pytest.raises(CourseError, match=r"^refs.bib:1: is not UTF-8 text"):
        load_bibliography(path, "refs.bib")


def test_formatted_references_are_cached_on_disk_and_invalidated_by_an_edit(tmp_path):
    from course import bibliography as citations, cache  # the bibliography half of citing
    entry = "@article{a1, author={Smith, Ann}, title={One}, journal={J}, year={%s}}"
    path, folder = write_bib(tmp_path, entry % 2001), tmp_path / "cache"
    assert load_bibliography(path, "refs.bib", folder).references["a1"].label == "Smith 2001"
    stored_file = folder / "bibliography.pickle"
    digest, stored = pickle.loads(stored_file.read_bytes())
    assert list(stored.references) == ["a1"]
    # The next build reads the file instead of parsing: a marked entry shows it was used.
    stored.references["a1"] = dataclasses.replace(stored.references["a1"], label="From the cache")
    cache.write(folder, "bibliography", digest, stored)
    citations._loaded.clear()  # as in a new build process
    assert load_bibliography(path, "refs.bib", folder).references["a1"].label == "From the cache"
    # An edited .bib is parsed again; so is one whose cache file is broken (and the file is rewritten).
    path.write_text(entry % 2002, encoding="utf-8")
    citations._loaded.clear()
    assert load_bibliography(path, "refs.bib", folder).references["a1"].label == "Smith 2002"
    stored_file.write_bytes(b"not a pickle")
    citations._loaded.clear()
    assert load_bibliography(path, "refs.bib", folder).references["a1"].label == "Smith 2002"
    assert pickle.loads(stored_file.read_bytes())[1].references["a1"].label == "Smith 2002"


def test_a_broken_bibliography_is_never_cached(tmp_path):
    cache = tmp_path / "cache"
    with pytest.raises(CourseError, match="has no year"):
        load_bibliography(write_bib(tmp_path, "@article{a, author={A, B}, title={T}, journal={J}}"), "refs.bib", cache)
    assert not cache.exists() or not any(cache.iterdir())


def test_fields_formatted_without_the_tex_decoder_read_as_pybtex_reads_them(monkeypatch):
    import random

    from course import bibliography as citations  # pybtex parsing and formatting
    from pybtex.richtext import Text

    def through_pybtex(value: str) -> str:
        text = Text.from_latex(value).render(citations._plain_text_backend())
        for tex, typographic in (("``", "“"), ("''", "”"), ("`", "‘"), ("'", "’"), ("--", "–")):
            text = text.replace(tex, typographic)
        return text

    rng = random.Random(9)
    for alphabet in ("a-{}  -.,(?0é", "aA-{} .,:;/()?!0é[]=+*@|"):
        for _ in range(3000):
            value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
            if citations.BRACED_FIELD.fullmatch(value) and "---" not in value and ",," not in value:
                assert citations._latex(value) == through_pybtex(value), value
    # The whole course bibliography formats the same with the decoder for every field.
    text = BIB.read_text(encoding="utf-8")
    fast = citations._parse_bibliography(text, "refs.bib").references
    monkeypatch.setattr(citations, "BRACED_FIELD", re.compile(r"(?!)"))
    citations._latex.cache_clear()
    try:
        assert citations._parse_bibliography(text, "refs.bib").references == fast
    finally:
        citations._latex.cache_clear()


@pytest.mark.parametrize("text, message", [
    ("See [@acharya1997 p. 12].", "'[@acharya1997 p. 12]' is not a citation: the text after '@acharya1997' needs a "
     "comma before it. Write [@acharya1997, p. 12]"),
    ("See [@acharya1997; bohr2004].", "'bohr2004' has no '@' before its key. Write [@acharya1997; @bohr2004]"),
])
def test_a_malformed_citation_stops_with_its_line_instead_of_printing_raw(bibliography, text, message):
    with pytest.raises(CourseError) as caught:
        render_citations("first\n" + text, bibliography, "docs/x.md")
    assert str(caught.value).startswith("docs/x.md:2: ") and message in str(caught.value)
    assert render_citations("[write to me @ home]", bibliography, "docs/x.md")[0] == "[write to me @ home]"


def test_citations_in_data_are_checked_at_the_line_of_the_data_file(bibliography, tmp_path):
    from course.citations import citations_in_data
    from course.sources import load_yaml

    text = ("terms:\n  - term: a\n    definition: >-\n      Fine [@acharya1997],\n      then [@acharya1998].\n"
            "  - term: b\n    definition: Bad [@bohr2004 p. 3].\n")
    (tmp_path / "g.yml").write_text(text, encoding="utf-8")
    data = load_yaml(tmp_path / "g.yml", "data/g.yml")
    errors = [str(error) for error in citations_in_data(data, text, "data/g.yml", bibliography)]
    assert [error.split(": ", 1)[0] for error in errors] == ["data/g.yml:5", "data/g.yml:7"]
    assert "unknown citation key 'acharya1998'" in errors[0] and "needs a comma" in errors[1]
    quiz = citations_in_data(data, text, "data/quizzes/q.yml", bibliography, rendered=False)
    assert all("a citation is not rendered here" in str(error) or "needs a comma" in str(error) for error in quiz)


def test_an_unclosed_brace_is_reported_in_its_entry_not_the_next(tmp_path):
    text = ("@article{a, author={A, B}, journal={J}, year={2000},\n  title={T\n}\n\n"
            "@article{b, author={C, D}, title={U}, journal={J}, year={2001}}\n")
    with pytest.raises(CourseError, match=r"^refs.bib:1: BibTeX syntax error in entry 'a': a '\}' is missing"):
        load_bibliography(write_bib(tmp_path, text), "refs.bib")
    with pytest.raises(CourseError, match=r"^refs.bib:2: BibTeX syntax error in entry 'a': the '\{' of this field is never closed"):
        load_bibliography(write_bib(tmp_path, text.replace("title={T\n}", "title={T\n  note={N}}")), "refs.bib")


def test_a_citation_wrapped_onto_the_next_line_renders_and_a_blank_line_ends_it(bibliography):
    html, cited = render_citations("as argued [@moldashev2018;\n@acharya1997] here", bibliography, "p.md")
    assert "[@" not in html and cited == ["moldashev2018", "acharya1997"]
    assert render_citations("[a\n\n@b]", bibliography, "p.md")[0] == "[a\n\n@b]"  # two paragraphs: no citation
