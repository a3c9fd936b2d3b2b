"""Reading authors' files: YAML with line numbers, and clear errors for broken files."""
from __future__ import annotations

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
