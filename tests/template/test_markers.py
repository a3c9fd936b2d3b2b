"""Misspelt course markers are errors, not silent comments (course/markers.py)."""
from __future__ import annotations

import re

from course.markers import MARKERS, MATERIAL_ADMONITIONS, misspelt_markers
from helpers import ROOT


def test_a_comment_close_to_a_marker_is_reported_with_the_right_form():
    page = "# T\n<!-- key terms -->\n\n<!-- memberships 2003 -->\n<!--quiz-->\n<!-- a note to myself -->\n"
    assert [str(error) for error in misspelt_markers(page, "docs/x.md")] == [
        "docs/x.md:2: '<!-- key terms -->' is not a course marker, so nothing is put here. Write it as "
        "<!-- key-terms -->.",
        "docs/x.md:4: '<!-- memberships 2003 -->' is not a course marker, so nothing is put here. Write it as "
        "<!-- membership 2003 -->.",
        "docs/x.md:5: '<!--quiz-->' is not a course marker, so nothing is put here. Write it as <!-- quiz -->."]


def test_real_markers_notes_and_markers_shown_as_code_pass():
    page = ('<!-- quiz -->\n<!-- membership 2003 -->\n<!-- map eaeu-2018 "Map 1" -->\n<!-- check this date -->\n'
            "`<!-- key terms -->`\n```\n<!-- memberships 1999 -->\n```\n")
    assert misspelt_markers(page, "docs/x.md") == []


def test_every_marker_a_hook_replaces_is_known_here():
    code = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "scripts" / "hooks").glob("*.py")))
    names = set(re.findall(r"<!-- ([a-z][a-z-]*)(?= -->| [\w\"])", code))
    for alternatives in re.findall(r"<!--\\s\*\(\?P<kind>([a-z|-]+)\)", code):
        names.update(alternatives.split("|"))
    names = {name for name in names if not name.startswith("course-")}  # the hooks' own placeholders
    assert names - set(MARKERS) == set(), "add the new marker to course/markers.py"
    assert {"quiz", "key-terms", "membership", "comparison", "map", "leaders"} <= names  # the scan still works


def test_an_admonition_type_close_to_a_known_one_is_reported():
    page = "!!! keypoint \"Key points\"\n    Text.\n\n??? Note\n    x\n\n!!! exercise\n    New, styled nowhere: a note.\n"
    errors = [str(error) for error in misspelt_markers(page, "docs/x.md", MATERIAL_ADMONITIONS | {"keypoints"})]
    assert errors == [
        "docs/x.md:1: 'keypoint' is not a box type, so the box is drawn as a plain note. Did you mean 'keypoints'?",
        "docs/x.md:4: 'Note' is not a box type, so the box is drawn as a plain note. Did you mean 'note'?"]
