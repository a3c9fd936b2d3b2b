"""The glossary core: loading and validating data/glossary.yml, matching, linking, rendering."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from course.errors import CourseError
from course.glossary import Glossary, LessonLink, Term, find_terms, link_first_uses, load_glossary, slugify, terms_used
from course.glossary_page import (definitions_script, definitions_uri, render_glossary_page, render_key_terms,
                                  shown_names)
from course.templates import Templates
from helpers import ROOT, english_words

WORDS = english_words()

URL = "../../glossary/"


def term(name: str, *aliases: str, match_case: bool | None = None, definition: str = "A definition.") -> Term:
    return Term(name, slugify(name), definition, "concept", tuple(aliases), match_case=match_case, line=1)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary([
        term("Eurasian Economic Union", "EAEU"),
        term("Eurasian Economic Community", "EurAsEC", "ЕврАзЭС"),
        term("European Union", "EU"),
        term("union"),
        term("Commonwealth of Independent States", "CIS"),
        term("customs union", "customs unions"),
        term("Central Asia"),
        term("Central Asia-skepticism"),
        term("CA-5"),
        term("CA+X"),
        term("ASEAN way"),
        term("chaikhana"),
        term("hard institutionalism"),
    ], "data/glossary.yml")


def linked(markdown: str, glossary: Glossary) -> list[str]:
    """The text of every term link in the linked Markdown."""
    html, _ = link_first_uses(markdown, glossary, URL)
    return re.findall(r'<a class="course-term"[^>]*>(.*?)</a>', html, re.DOTALL)


# Matching


def test_longest_name_wins(glossary):
    assert linked("The Eurasian Economic Union and a union.", glossary) == ["Eurasian Economic Union", "union"]


def test_word_boundaries(glossary):
    assert linked("Reunion, unions, unionist and precise.", glossary) == []
    assert linked("The Central Asia-only track.", glossary) == []


def test_hyphenated_term_beats_its_prefix(glossary):
    assert linked("Central Asia-skepticism, then Central Asia.", glossary) == ["Central Asia-skepticism", "Central Asia"]


def test_case_insensitive_words_but_exact_acronyms(glossary):
    assert linked("The CUSTOMS UNION of the CIS", glossary) == ["CUSTOMS UNION", "CIS"]
    assert linked("the cis and the Cis and eaeu", glossary) == []
    assert linked("ЕврАзЭС, not ЕВРАЗЭС", glossary) == ["ЕврАзЭС"]


def test_case_rule_can_be_forced(glossary):
    exact = Glossary([term("Central Asian Union", match_case=True)], "g.yml")
    assert linked("a Central Asian union; the Central Asian Union", exact) == ["Central Asian Union"]


def test_aliases_and_plurals_link_to_the_term(glossary):
    html, used = link_first_uses("Two customs unions, then the EAEU.", glossary, URL)
    assert [t.name for t in used] == ["customs union", "Eurasian Economic Union"]
    assert f'href="{URL}#customs-union"' in html and f'href="{URL}#eurasian-economic-union"' in html


def test_symbols_inside_names(glossary):
    assert linked("Formats: CA-5 and CA+X; not CA-50.", glossary) == ["CA-5", "CA+X"]


def test_only_the_first_use_is_linked_and_carries_the_tooltip(glossary):
    html, _ = link_first_uses("The EU met. The EU left. The European Union stayed.", glossary, URL)
    assert html.count("course-term") == 1
    assert '<a class="course-term" href="../../glossary/#european-union" title="European Union: A definition.">EU</a>' in html


def test_tooltip_is_plain_text_and_escaped():
    tricky = Glossary([term("chaikhana", definition='A *teahouse* "with" <b>tea</b> | sugar.')], "g.yml")
    html, _ = link_first_uses("| the chaikhana |", tricky, URL)
    assert 'title="A teahouse “with” &lt;b&gt;tea&lt;/b&gt; &#124; sugar."' in html


def test_multiword_names_match_across_a_line_break(glossary):
    assert linked("the Eurasian Economic\nUnion", glossary) == ["Eurasian Economic\nUnion"]


@pytest.mark.parametrize("markdown", [
    "# The EU\n## The EU in 1993 {#eu}\nThe EU\n===",                       # headings, ATX and setext
    "```\nEU\n```\n\n~~~text\nEU\n~~~",                                    # fenced code
    "Use `EU` here.",                                                       # inline code
    "[the EU](page.md) and ![EU](x.png) and [the EU][ref] and [^EU]",       # links, images, footnotes
    "[ref]: https://example.org/EU 'EU'",                                   # reference definition
    "> The EU is a union.",                                                 # blockquote
    "He wrote “the EU is a union”.",                                        # quotation in curly quotes
    '!!! note "The EU"\n\n??? tip "EU"\n\n???+ tip "EU"',                    # admonition titles
    '(<a class="course-cite" href="#ref-x" title="EU and union">EU 2018</a>)',  # citation from the hook
    '<span title="the EU">x</span> <img alt="EU">',                         # HTML attributes
    "<!-- quiz -->\n<!-- key-terms -->\n<!-- EU -->",                       # markers and comments
    '<ul class="course-references">\n<li>EU</li>\n</ul>',                   # raw HTML block
    "/// caption\n///",                                                     # block fences
    "See https://example.org/EU now.",                                      # bare URL
    "---\ntitle: EU\n---\n",                                                # front matter
    "*[EU]: European Union",                                                # abbreviation definition
])
def test_protected_regions_are_never_linked(glossary, markdown):
    assert linked(markdown, glossary) == [], markdown


def test_text_after_a_protected_region_is_still_linked(glossary):
    markdown = "# EU\n\n`EU` [EU](x.md) “EU” > not a quote\n\nThe EU."
    html, used = link_first_uses(markdown, glossary, URL)
    assert [t.name for t in used] == ["European Union"]
    assert html.startswith("# EU\n\n`EU` [EU](x.md) “EU” > not a quote\n\nThe <a class=")


def test_emphasis_tables_and_admonition_bodies_are_linked(glossary):
    markdown = '!!! note "Title"\n\n    The *chaikhana* works.\n\n| a | b |\n|---|---|\n| ASEAN way | x |'
    assert linked(markdown, glossary) == ["chaikhana", "ASEAN way"]


def test_terms_used_lists_each_term_once_in_order(glossary):
    used = terms_used("EU, CIS, the European Union, EurAsEC.", glossary)
    assert [t.name for t in used] == ["European Union", "Commonwealth of Independent States", "Eurasian Economic Community"]


def test_find_terms_gives_offsets(glossary):
    assert [(start, end) for start, end, _ in find_terms("a EU b", glossary)] == [(2, 4)]


# Rendering


def test_key_terms_box_names_its_terms_alphabetically_and_the_definitions_file(glossary):
    box = render_key_terms([glossary["EU"], glossary["CIS"]], URL, WORDS, "../../assets/definitions.1234abcd.js")
    assert box.startswith('<div class="course-key-terms" data-search-exclude '
                          'data-definitions="../../assets/definitions.1234abcd.js" '
                          f'data-glossary="{URL}" hidden>')
    assert "<summary>Key terms in this lesson (2)</summary>" in box and "A definition." not in box
    assert render_key_terms([], URL, WORDS, "x.js") == ""


def test_the_definitions_file_holds_every_term_in_order_and_is_named_by_its_content(glossary):
    script = definitions_script(glossary)
    assert script.startswith("window.courseDefinitions = [[") and script.endswith("]];\n")
    data = json.loads(script.removeprefix("window.courseDefinitions = ").rstrip().removesuffix(";"))
    assert [entry[0] for entry in data] == [term.slug for term in glossary.sorted()]  # the box's order
    assert ["european-union", "European Union", "A definition.", "A definition."] in data
    uri = definitions_uri(script)
    assert re.fullmatch(r"assets/definitions\.[0-9a-f]{8}\.js", uri)
    assert definitions_uri(script.replace("A definition.", "Another.", 1)) != uri


def test_glossary_page_has_letters_filter_entries_and_used_in(glossary):
    lesson = LessonLink(3, "Experiments", "../lessons/03-x/")
    page = render_glossary_page(glossary, {"European Union": [lesson]}, Templates(ROOT), WORDS)
    assert page.startswith("# Glossary\n")
    assert '<a href="#letter-e">E</a>' in page and "## E {#letter-e}" in page
    assert '<form class="glossary-filter" hidden>' in page
    assert '<div class="glossary-entry" id="european-union" data-category="concept">' in page
    assert '<strong>Also:</strong> <span lang="ru">ЕврАзЭС</span>' not in page  # aliases keep their order
    assert '<span lang="ru">ЕврАзЭС</span>' in page
    assert '<strong>Used in:</strong> <a href="../lessons/03-x/">Lesson 3</a>' in page


def test_an_entry_shows_other_names_not_other_forms_of_a_name():
    meeting = term("консультативная встреча", "консультативные встречи", "консультативных встреч лидеров",
                   "консультативной встречи лидеров", "жёсткий регионализм", "жесткого регионализма",
                   "ОЦАС", "ОЦАЭС", "EAEU", "EEU", "consultative meeting", "consultative meetings")
    assert shown_names(meeting) == ["консультативных встреч лидеров", "жёсткий регионализм", "ОЦАС", "ОЦАЭС",
                                    "EAEU", "EEU", "consultative meeting"]


def test_names_in_another_language_than_the_page_are_marked(glossary):
    english = render_glossary_page(glossary, {}, Templates(ROOT), WORDS)
    assert '<strong>Also:</strong> EurAsEC, <span lang="ru">ЕврАзЭС</span></dd>' in english
    russian = render_glossary_page(glossary, {}, Templates(ROOT), WORDS, language="ru")
    assert '<strong>Also:</strong> <span lang="en">EurAsEC</span>, ЕврАзЭС</dd>' in russian


# Loading and validation


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text("terms:\n" + body, encoding="utf-8")
    return path


GOOD = """
  - term: European Union
    category: organisation
    definition: A union.
    aliases: [EU]
"""


def load(tmp_path: Path, body: str) -> Glossary:
    return load_glossary(write(tmp_path, body), "data/glossary.yml", {"borzel2010", "acharya1997"})


def error(tmp_path: Path, body: str) -> str:
    with pytest.raises(CourseError) as caught:
        load(tmp_path, body)
    return str(caught.value)


def test_the_course_glossary_loads_and_is_large_enough():
    from course.citations import load_bibliography

    keys = load_bibliography(ROOT / "data" / "references.bib", "data/references.bib").references
    glossary = load_glossary(ROOT / "data" / "glossary.yml", "data/glossary.yml", keys)
    assert len(glossary.terms) >= 50
    categories = {t.category for t in glossary.terms}
    assert categories == {"concept", "organisation", "agreement", "place", "person", "format"}
    assert glossary["ЕврАзЭС"].name == "Eurasian Economic Community"


def test_a_good_entry_loads(tmp_path):
    glossary = load(tmp_path, GOOD)
    assert glossary["eu"].name == "European Union" and glossary.terms[0].line == 3


def test_duplicate_term(tmp_path):
    message = error(tmp_path, GOOD + GOOD.replace("aliases: [EU]", ""))
    assert message == ("data/glossary.yml:8: term 'European Union' is defined twice (first at line 3). "
                       "Keep one and merge the aliases.")


def test_duplicate_alias_is_case_insensitive(tmp_path):
    message = error(tmp_path, GOOD + """
  - term: Europe
    category: place
    definition: A continent.
    aliases: [eu]
""")
    assert message.startswith("data/glossary.yml:11: alias 'eu' of term 'Europe' is already a name of term "
                              "'European Union' (line 6).")


def test_alias_clashing_with_a_term(tmp_path):
    message = error(tmp_path, GOOD + """
  - term: eu
    category: concept
    definition: Two letters.
""")
    assert message.startswith("data/glossary.yml:8: term 'eu' is already a name of term 'European Union'")


def test_related_term_that_does_not_exist(tmp_path):
    message = error(tmp_path, GOOD + """
  - term: supranationality
    category: concept
    definition: Above the states.
    related: [European Onion]
""")
    assert message == ("data/glossary.yml:11: term 'supranationality' lists related term 'European Onion', not in the "
                       "glossary. Remove it from 'related', or add the term. If you misspelt it: did you mean 'European Union'?")


def test_related_terms_removed_on_purpose_are_all_listed_at_once_without_a_guess(tmp_path):
    """A fork that deletes terms meets every dangling `related` in one build, told to remove it,
    and is not offered a different term that merely looks alike."""
    with pytest.raises(CourseError) as caught:
        load(tmp_path, GOOD + """
  - term: supranationality
    category: concept
    definition: Above the states.
    related: [Eurasian Economic Community, Customs Union]
  - term: intergovernmentalism
    category: concept
    definition: Between the states.
    related: [Single Economic Space]
""")
    messages = [str(error) for error in getattr(caught.value, "errors", [caught.value])]
    assert len(messages) == 2, messages
    assert messages[0].startswith("data/glossary.yml:11: term 'supranationality' lists related terms "
                                  "'Eurasian Economic Community', 'Customs Union', not in the glossary. Remove them")
    assert messages[1].startswith("data/glossary.yml:15: term 'intergovernmentalism' lists related term "
                                  "'Single Economic Space', not in the glossary. Remove it")
    assert not any("did you mean" in message for message in messages)


def test_empty_definition(tmp_path):
    message = error(tmp_path, GOOD + """
  - term: supranationality
    category: concept
    definition: "  "
""")
    assert message == ("data/glossary.yml:10: term 'supranationality' has an empty definition. "
                       "Write one to three sentences.")


def test_bad_category(tmp_path):
    message = error(tmp_path, GOOD + """
  - term: supranationality
    category: idea
    definition: Above the states.
""")
    assert message == ("data/glossary.yml:9: term 'supranationality' has category 'idea'. "
                       "Use one of: concept, organisation, agreement, place, person, format.")


def test_unknown_citation_key(tmp_path):
    message = error(tmp_path, GOOD + """
  - term: ASEAN way
    category: concept
    definition: Consensus.
    cite: acharya1998
""")
    assert message == ("data/glossary.yml:11: term 'ASEAN way' cites unknown key 'acharya1998'. "
                       "Did you mean 'acharya1997'? Use a key from data/references.bib.")


def test_unknown_field_and_missing_name(tmp_path):
    assert error(tmp_path, GOOD.replace("aliases:", "alias:")).startswith(
        "data/glossary.yml:3: unknown field 'alias'. Did you mean 'aliases'?")
    assert error(tmp_path, "\n  - definition: x\n    category: concept\n").startswith(
        "data/glossary.yml:3: entry has no 'term'.")


def test_no_terms_list(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("- term: x\n", encoding="utf-8")
    with pytest.raises(CourseError, match=r"^data/glossary.yml:1: needs a 'terms:' list"):
        load_glossary(path, "data/glossary.yml")


def test_links_taken_from_the_cache_follow_an_edit_of_the_glossary(tmp_path):
    """The second build reuses .cache/ (lessons, YAML, renders); an edited definition still
    reaches every tooltip and key-terms box (the definitions file the lesson names), and the
    site is otherwise the same."""
    from helpers import build, copy_project, problems
    project = copy_project(tmp_path / "project")

    def lesson(site: str) -> tuple[str, str]:
        done = build(project, tmp_path / site)
        assert done.returncode == 0 and not problems(done.stdout), done.stdout
        page = (tmp_path / site / "lessons" / "01-concepts" / "index.html").read_text(encoding="utf-8")
        named = re.search(r'data-definitions="\.\./\.\./(assets/definitions\.[0-9a-f]{8}\.js)"', page)
        assert named, "the Key terms box names no definitions file"
        return page, (tmp_path / site / named[1]).read_text(encoding="utf-8")

    first, first_definitions = lesson("site-1")
    assert (project / ".cache" / "course").is_dir()
    assert lesson("site-2") == (first, first_definitions)
    data = project / "data" / "glossary.yml"
    data.write_text(data.read_text(encoding="utf-8").replace(
        "The Russian-led union in force since 2015", "The Russian-led union (edited) in force since 2015"),
        encoding="utf-8")
    edited, definitions = lesson("site-3")
    assert "The Russian-led union (edited) in force since 2015" in definitions
    assert "The Russian-led union in force since 2015" not in definitions
    assert edited != first  # it names the new file
