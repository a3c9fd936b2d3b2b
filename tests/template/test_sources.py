"""Reading authors' files: YAML with line numbers, and clear errors for broken files."""
from __future__ import annotations

import pickle

import pytest
from course.errors import CourseError
from course.sources import load_yaml, read_text


def test_yaml_mappings_and_lists_know_their_line(tmp_path):
    path = tmp_path / "q.yml"
    path.write_text("title: x\nitems:\n  - name: a\n  - name: b\n", encoding="utf-8")
    data = load_yaml(path, "q.yml")
    assert data.line == 1
    assert [item.line for item in data["items"]] == [3, 4]


@pytest.mark.parametrize("text, expected", [
    ("a: 1\na: 2\n", "q.yml:2: key 'a' appears twice in the same entry (first at line 1)"),
    ("a: [1, 2\n", "q.yml:2: YAML syntax error"),
    ("a:\n  b: 1\n c: 2\n", "q.yml:3: YAML syntax error"),
    ("", "q.yml: is empty"),
    ("# only a comment\n", "q.yml: is empty"),
])
def test_broken_yaml_is_one_line(tmp_path, text, expected):
    path = tmp_path / "q.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        load_yaml(path, "q.yml")
    assert str(caught.value).startswith(expected)
    assert "\n" not in str(caught.value)


def test_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "g.yml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(CourseError, match=r"^g.yml:2: is not UTF-8 text. Save the file as UTF-8"):
        read_text(path, "g.yml")


def test_missing_file(tmp_path):
    with pytest.raises(CourseError, match="file not found"):
        read_text(tmp_path / "nope.yml", "data/nope.yml")


def test_cached_yaml_keeps_lines_and_is_made_again_after_an_edit(tmp_path):
    from course import cache
    path, folder = tmp_path / "q.yml", tmp_path / "cache"
    path.write_text("title: x\nitems:\n  - name: a\n", encoding="utf-8")
    first = load_yaml(path, "q.yml", folder)
    (stored,) = folder.iterdir()
    digest, value = pickle.loads(stored.read_bytes())
    assert value == first and value["items"][0].line == 3
    value["title"] = "from the cache"  # the next build reads the file instead of parsing
    cache.write(folder, "yaml-q.yml", digest, value)
    again = load_yaml(path, "q.yml", folder)
    assert again["title"] == "from the cache" and again.line == 1 and again["items"][0].line == 3
    path.write_text("title: y\nitems:\n  - name: a\n", encoding="utf-8")
    assert load_yaml(path, "q.yml", folder)["title"] == "y"


def test_broken_yaml_is_reported_the_same_with_a_cache_and_never_cached(tmp_path):
    path, folder = tmp_path / "q.yml", tmp_path / "cache"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CourseError, match=r"^q.yml:2: key 'a' appears twice"):
            load_yaml(path, "q.yml", folder)
    assert not folder.exists() or not any(folder.iterdir())



def test_a_relative_link_in_a_data_text_is_an_error_at_its_line_and_an_address_is_not(tmp_path):
    from course.sources import load_yaml, relative_links_in_data

    text = "terms:\n  - term: a\n    definition: >-\n      See [x](https://example.org)\n      and [y](../x.md#b).\n"
    path = tmp_path / "g.yml"
    path.write_text(text, encoding="utf-8")
    errors = relative_links_in_data(load_yaml(path, "data/g.yml"), text, "data/g.yml")
    assert [str(error).split(": the link ")[0] for error in errors] == ["data/g.yml:5"]
