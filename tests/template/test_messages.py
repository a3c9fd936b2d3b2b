"""MkDocs' warnings in the author's terms (course/messages.py), on MkDocs 1.6's own wording."""
from __future__ import annotations

from course.messages import Project, in_author_terms, nav_problems

FILES = {
    "docs/about.md": "# About\n\nSee [the list](bibliografy.md).\n\n![Map](img/map.png)\n",
    "mkdocs.yml": "site_name: X\nnav:\n  - Home: index.md\n  - About:\n      - abuot.md\n      - lessons/01-Concepts.md\n",
}
PROJECT = Project("docs", "mkdocs.yml", FILES.get, ("about.md", "bibliography.md", "index.md", "lessons/01-concepts.md"))


def test_a_missing_page_names_the_file_the_line_and_the_likely_page():
    message = ("Doc file 'about.md' contains a link 'bibliografy.md', but the target is not found among "
               "documentation files. Did you mean 'bibliography.md'?")
    assert in_author_terms(message, PROJECT) == [
        "docs/about.md:3: the link 'bibliografy.md' leads to no page or file in docs/. Did you mean "
        "'bibliography.md'? Fix the link (it is relative to this page and case-sensitive), or create the page."]


def test_a_missing_image_is_called_an_image():
    message = ("Doc file 'about.md' contains a link 'img/map.png', but the target 'img/map.png' is not found among "
               "documentation files.")
    assert in_author_terms(message, PROJECT)[0].startswith("docs/about.md:5: the image 'img/map.png' is not in docs/")


def test_a_nav_typo_is_blamed_on_its_line_in_mkdocs_yml():
    message = ("A reference to 'abuot.md' is included in the 'nav' configuration, which is not found in the "
               "documentation files.")
    assert in_author_terms(message, PROJECT)[0].startswith(
        "mkdocs.yml:5: the nav lists 'abuot.md', which is not a page in docs/. Did you mean 'about.md'?")


def test_only_a_difference_of_capitals_is_checked_before_the_pages_are_generated():
    assert nav_problems(PROJECT, ["index.md", "abuot.md", "lessons/01-Concepts.md"], only_case=True) == [
        "mkdocs.yml:6: the nav lists 'lessons/01-Concepts.md', which is not a page in docs/. The page is "
        "'lessons/01-concepts.md': only the capitals differ. Fix the name in the nav (names are case-sensitive), "
        "or create the page."]


def test_each_page_left_out_of_the_nav_is_a_line_of_its_own():
    message = ('The following pages exist in the docs directory, but are not included in the "nav" '
               "configuration:\n  - a.md\n  - b/c.md")
    lines = in_author_terms(message, PROJECT)
    assert [line.split(":")[0] for line in lines] == ["docs/a.md", "docs/b/c.md"]


def test_a_link_on_a_generated_page_names_the_data_file_that_holds_it_and_an_unknown_message_is_kept():
    message = ("Doc file 'glossary.md' contains a link 'x.md#y', but the doc 'x.md' does not contain an anchor "
               "'#y'.")
    assert in_author_terms(message, PROJECT)[0].startswith("docs/glossary.md (a generated page): the link 'x.md#y'")
    files = dict(FILES, **{"data/glossary.yml": "terms:\n  - term: a\n    definition: See [y](x.md#y).\n"})
    with_data = Project("docs", "mkdocs.yml", files.get, PROJECT.pages, ("data/glossary.yml",))
    assert in_author_terms(message, with_data)[0].startswith(
        "data/glossary.yml:3 (on the generated page docs/glossary.md): the link 'x.md#y'")
    assert in_author_terms("Something new from MkDocs 1.7.", PROJECT) == ["Something new from MkDocs 1.7."]


def test_the_bare_announcement_before_a_hook_error_is_dropped_and_a_conflict_explained():
    assert in_author_terms("Error reading page 'lessons/03.md':", PROJECT) == []
    assert in_author_terms("Error reading page 'x.md': something broke", PROJECT) == [
        "Error reading page 'x.md': something broke"]  # a crash keeps MkDocs' words and its detail
    assert in_author_terms("Excluding 'README.md' from the site because it conflicts with 'index.md'.", PROJECT) == [
        "docs/README.md: left out of the site, because docs/index.md is the page of the same folder. Keep one of "
        "the two (rename or delete the other)."]


def test_the_filter_is_installed_once_however_often_serve_loads_the_hook():
    import importlib.util
    import logging

    from helpers import ROOT
    from mkdocs.config import load_config

    for _ in range(2):  # `mkdocs serve` imports the hook file anew for every rebuild
        spec = importlib.util.spec_from_file_location("messages_hook", ROOT / "scripts" / "hooks" / "messages.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.on_config(load_config(str(ROOT / "mkdocs.yml")))
    assert [type(f).__name__ for f in logging.getLogger("mkdocs.structure.pages").filters] == ["AuthorTerms"]
