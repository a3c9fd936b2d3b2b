"""The bad-input catalogue: what an instructor may get wrong, and what the build tells them.

Each case breaks one thing in a scratch copy of the course and runs a real
`mkdocs build --strict`. The build must fail with one line that names the file (and the
line where there is one), the item, and what to do; never a Python traceback; the
author's files must be exactly as they were; and no site may be left in the output folder.
A case whose engine has not landed yet (its hook is not in mkdocs.yml) is skipped, so the
catalogue grows as the engines do.
"""
from __future__ import annotations

import hashlib
import os
import re
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import ROOT, build, copy_project, problems

pytestmark = pytest.mark.slow

QUIZZES = "scripts/hooks/entry.py"
GLOSSARY = "scripts/hooks/entry.py"
TIMELINE = "scripts/hooks/entry.py"
SYLLABUS = "scripts/hooks/entry.py"
FIGURES = "scripts/hooks/entry.py"


@dataclass(frozen=True)
class Case:
    id: str
    breaks: Callable[[Path], dict[str, object]]  # edits the copy; returns values for `expected` (e.g. a line)
    expected: str  # the substring the error line must contain, formatted with what `breaks` returned
    requires: str | None = None  # the hook that must be registered for this kind of input to exist


# Editing helpers: each asserts the text it changes is there, so a case cannot pass by accident.


def replace(project: Path, path: str, old: str, new: str) -> dict[str, object]:
    """Replace the first `old` in a file; returns the line where it was ({line})."""
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{path} no longer contains {old!r}: update the catalogue"
    line = text[: text.index(old)].count("\n") + 1
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return {"line": line}


def append_to_line_after(project: Path, path: str, entry: str, field: str, addition: str) -> dict[str, object]:
    """Add text to the end of the first line of `field`'s value in the first `entry` (the line
    after `field: >-`, or the field's own line); returns that line ({line})."""
    file = project / path
    lines = file.read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(entry))
    at = next(n for n in range(start, len(lines)) if lines[n].startswith(field))
    if lines[at].rstrip().endswith((">-", ">", "|", "|-")):
        at += 1
    lines[at] += addition
    file.write_text("\n".join(lines), encoding="utf-8")
    return {"line": at + 1}


def line_of(project: Path, path: str, text: str) -> int:
    content = (project / path).read_text(encoding="utf-8")
    assert text in content, f"{path} no longer contains {text!r}: update the catalogue"
    return content[: content.index(text)].count("\n") + 1


def first_quiz_question(project: Path, lesson: str = "01-concepts") -> tuple[str, str]:
    """The id of the lesson quiz's first question and the text `  - id: <id>`."""
    text = (project / f"data/quizzes/{lesson}.yml").read_text(encoding="utf-8")
    question_id = re.search(r"^  - id: (\S+)", text, re.MULTILINE).group(1)
    return question_id, f"  - id: {question_id}"


def quiz_edit(old_pattern: str, new: str, lesson: str = "01-concepts") -> Callable[[Path], dict[str, object]]:
    """Apply a regex edit inside the first question of a lesson's quiz."""
    def breaks(project: Path) -> dict[str, object]:
        path = project / f"data/quizzes/{lesson}.yml"
        text = path.read_text(encoding="utf-8")
        question_id, marker = first_quiz_question(project, lesson)
        start = text.index(marker)
        match = re.compile(old_pattern, re.MULTILINE).search(text, start)
        assert match, f"{path.name}: no {old_pattern!r} in the first question: update the catalogue"
        path.write_text(text[: match.start()] + match.expand(new) + text[match.end():], encoding="utf-8")
        return {"id": question_id, "line": text[:start].count("\n") + 1,
                "at": text[: match.start()].count("\n") + 1}
    return breaks


def remove_from_nav(lesson: str) -> Callable[[Path], dict[str, object]]:
    def breaks(project: Path) -> dict[str, object]:
        return replace(project, "mkdocs.yml", f"      - lessons/{lesson}.md\n", "")
    return breaks


def write(path: str, content: str | bytes) -> Callable[[Path], dict[str, object]]:
    def breaks(project: Path) -> dict[str, object]:
        file = project / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return {}
    return breaks


def make_non_utf8(path: str, word: str) -> Callable[[Path], dict[str, object]]:
    """Save one word as Latin-1, as an editor set to the wrong encoding would."""
    def breaks(project: Path) -> dict[str, object]:
        file = project / path
        raw = file.read_bytes()
        assert word.encode() in raw
        line = raw[: raw.index(word.encode())].count(b"\n") + 1
        file.write_bytes(raw.replace(word.encode(), word.replace("e", "é").encode("latin-1"), 1))
        return {"line": line}
    return breaks


CASES = [
    # Markdown conventions: citations, links, anchors, the nav, the encoding of a lesson.
    Case("citation-unknown-key",
         lambda p: replace(p, "docs/about.md", "[@moldashev2018]", "[@moldashev2019]"),
         "docs/about.md:{line}: unknown citation key 'moldashev2019'. Did you mean 'moldashev2018'?"),
    Case("citation-in-lesson-unknown-key",
         lambda p: replace(p, "docs/lessons/03-hard-institutionalism.md", "[@moldashev2018",
                           "[@moldashev2018; @nosuchwork1999"),
         "docs/lessons/03-hard-institutionalism.md:{line}: unknown citation key 'nosuchwork1999'"),
    # Malformed citations stop the build where they are written, whatever the text that holds them.
    Case("citation-locator-without-comma",
         lambda p: replace(p, "docs/about.md", "[@moldashev2018]", "[@moldashev2018 p. 5]"),
         "docs/about.md:{line}: '[@moldashev2018 p. 5]' is not a citation: the text after '@moldashev2018' needs a "
         "comma before it. Write [@moldashev2018, p. 5]"),
    Case("citation-second-key-without-at",
         lambda p: replace(p, "docs/about.md", "[@moldashev2018]", "[@moldashev2018; acharya1997]"),
         "docs/about.md:{line}: '[@moldashev2018; acharya1997]' is not a citation: 'acharya1997' has no '@' before "
         "its key. Write [@moldashev2018; @acharya1997]"),
    Case("citation-in-a-glossary-definition-unknown-key",
         lambda p: append_to_line_after(p, "data/glossary.yml", "      en: region", "      en: >-", " [@fawcet2004]"),
         "data/glossary.yml:{line}: unknown citation key 'fawcet2004'. Did you mean 'fawcett2004'?", GLOSSARY),
    Case("citation-in-a-timeline-event-malformed",
         lambda p: replace(p, "data/timeline.yml", "main example of soft regionalism.",
                           "main example of soft regionalism [@acharya1997 p. 3]."),
         "data/timeline.yml:{line}: '[@acharya1997 p. 3]' is not a citation", TIMELINE),
    Case("link-in-a-glossary-definition",  # rendered by the core: MkDocs never checked or converted it
         lambda p: append_to_line_after(p, "data/glossary.yml", "      en: region", "      en: >-",
                                        " See [lesson 1](lessons/01-concepts.md)."),
         "data/glossary.yml:{line}: the link 'lessons/01-concepts.md' is not checked or converted here", GLOSSARY),
    Case("citation-in-quiz-text",
         lambda p: append_to_line_after(p, "data/quizzes/01-concepts.yml", "  - id: ", "      en: >-", " [@acharya1997]"),
         "data/quizzes/01-concepts.yml:{line}: '[@acharya1997]': a citation is not rendered here", QUIZZES),
    # MkDocs' own warnings, in the author's terms (scripts/hooks/messages.py).
    Case("link-to-missing-page",
         lambda p: replace(p, "docs/about.md", "(bibliography.md)", "(bibliografy.md)"),
         "docs/about.md:{line}: the link 'bibliografy.md' leads to no page or file in docs/. Did you mean "
         "'bibliography.md'? Fix the link"),
    Case("link-to-missing-anchor",
         lambda p: replace(p, "docs/about.md", "(bibliography.md)", "(bibliography.md#no-such-heading)"),
         "docs/about.md:{line}: the link 'bibliography.md#no-such-heading' points to '#no-such-heading', which is "
         "not a heading or anchor of docs/bibliography.md."),
    Case("image-missing",
         lambda p: replace(p, "docs/about.md", "(bibliography.md)", "(bibliography.md) ![A map](img/map.png)"),
         "docs/about.md:{line}: the image 'img/map.png' is not in docs/ (looked for docs/img/map.png). Save the "
         "image there, or fix its path"),
    Case("link-to-a-folder",
         lambda p: replace(p, "docs/about.md", "(bibliography.md)", "(lessons/)"),
         "docs/about.md:{line}: the link 'lessons/' names a folder or a page without its '.md'. Link to "
         "'lessons/index.md' instead"),
    Case("link-absolute",
         lambda p: replace(p, "docs/about.md", "(bibliography.md)", "(/bibliography/)"),
         "docs/about.md:{line}: the link '/bibliography/' starts with '/', so it breaks when the site is "
         "published under a sub-path or opened offline."),
    Case("nav-typo-in-a-page",
         lambda p: replace(p, "mkdocs.yml", "  - About:\n      - about.md\n", "  - About:\n      - abuot.md\n")
         | {"nav": line_of(p, "mkdocs.yml", "      - abuot.md")},
         "mkdocs.yml:{nav}: the nav lists 'abuot.md', which is not a page in docs/. Did you mean 'about.md'?"),
    Case("nav-case-differs-from-the-file",
         lambda p: replace(p, "mkdocs.yml", "      - lessons/01-concepts.md\n", "      - lessons/01-Concepts.md\n"),
         "mkdocs.yml:{line}: the nav lists 'lessons/01-Concepts.md', which is not a page in docs/. The page is "
         "'lessons/01-concepts.md': only the capitals differ."),
    Case("page-left-out-of-the-nav",
         lambda p: write("docs/extra-reading.md", "# Extra reading\n\nMore.\n")(p)
         or replace(p, "docs/about.md", "(bibliography.md)", "(extra-reading.md)"),
         "docs/extra-reading.md: this page is not in the nav of mkdocs.yml, so a reader finds it only through "
         "links. Add it to the nav"),
    Case("nav-names-missing-lesson",
         lambda p: replace(p, "mkdocs.yml", "      - lessons/08-debate-and-assessment.md\n",
                           "      - lessons/08-debate-and-assessment.md\n      - lessons/09-missing.md\n"),
         "docs/lessons/09-missing.md: file not found. Create it or fix the path in mkdocs.yml."),
    Case("lesson-not-utf8",
         make_non_utf8("docs/lessons/02-case-for-a-region.md", "the"),
         "docs/lessons/02-case-for-a-region.md:{line}: is not UTF-8 text. Save the file as UTF-8"),
    Case("page-not-utf8",
         make_non_utf8("docs/about.md", "the"),
         "docs/about.md:{line}: is not UTF-8 text. Save the file as UTF-8"),
    # Front matter on any page, not only lessons (MkDocs prints what it cannot read as text).
    Case("page-front-matter-not-closed",
         lambda p: replace(p, "docs/about.md", "# About this course", "---\ntitle: About\n\n# About this course"),
         "docs/about.md:1: the front matter opened by this '---' is never closed. Add a line '---'"),
    Case("lesson-front-matter-not-closed",
         lambda p: replace(p, "docs/lessons/01-concepts.md", "readings: [moldashev2018, soderbaum2012, acharya1997]\n---\n",
                           "readings: [moldashev2018, soderbaum2012, acharya1997]\n\n"),
         "docs/lessons/01-concepts.md:1: the front matter opened by this '---' is never closed."),
    Case("page-front-matter-bad-yaml",
         lambda p: replace(p, "docs/about.md", "# About this course", "---\ntitle: [About\n---\n# About this course"),
         "docs/about.md:3: front matter is not valid YAML: did not find expected ',' or ']'."),
    # A misspelt course marker used to vanish as a comment: no box, no table, no quiz.
    Case("marker-key-terms-misspelt",
         lambda p: replace(p, "docs/lessons/02-case-for-a-region.md", "<!-- key-terms -->", "<!-- key terms -->"),
         "docs/lessons/02-case-for-a-region.md:{line}: '<!-- key terms -->' is not a course marker, so nothing is put "
         "here. Write it as <!-- key-terms -->."),
    Case("marker-membership-misspelt",
         lambda p: replace(p, "docs/lessons/03-hard-institutionalism.md", "<!-- membership 2003 -->",
                           "<!-- memberships 2003 -->"),
         "docs/lessons/03-hard-institutionalism.md:{line}: '<!-- memberships 2003 -->' is not a course marker"),
    Case("marker-quiz-without-spaces",
         lambda p: replace(p, "docs/lessons/05-new-momentum.md", "<!-- quiz -->", "<!--quiz-->"),
         "docs/lessons/05-new-momentum.md:{line}: '<!--quiz-->' is not a course marker"),
    Case("box-type-misspelt",
         lambda p: replace(p, "docs/lessons/04-absorption-and-skepticism.md", "!!! keypoints", "!!! keypoint"),
         "docs/lessons/04-absorption-and-skepticism.md:{line}: 'keypoint' is not a box type, so the box is drawn as a "
         "plain note. Did you mean 'keypoints'?"),
    # The bibliography.
    Case("bib-syntax-error",  # a field without its closing comma
         lambda p: replace(p, "data/references.bib", "  publisher = {Routledge},\n", "  publisher = {Routledge}\n"),
         "data/references.bib:{line}: BibTeX syntax error: this field needs a comma at its end"),
    Case("bib-unbalanced-brace",  # reported at the next entry before
         lambda p: replace(p, "data/references.bib", "Regional Structures and Security Management in {Central Asia}},",
                           "Regional Structures and Security Management in {Central Asia},"),
         "data/references.bib:{line}: BibTeX syntax error in entry 'allison2004': the '{{' of this field is never closed. Add the missing '}}'"),
    Case("bib-duplicate-key",
         lambda p: replace(p, "data/references.bib", "@book{acharya2009,", "@book{acharya1997,"),
         "reference key 'acharya1997' is used twice (first at line"),
    Case("bib-entry-without-year",
         lambda p: replace(p, "data/references.bib", "  address   = {London},\n  year      = {2009}\n",
                           "  address   = {London}\n") | {"entry": line_of(p, "data/references.bib", "@book{acharya2009,")},
         "data/references.bib:{entry}: reference 'acharya2009' has no year. Add one"),
    Case("bib-empty",
         write("data/references.bib", "% nothing yet\n"),
         "data/references.bib: holds no references. Add at least the course's source."),
    # The syllabus: extra.course in mkdocs.yml and lesson front matter.
    Case("course-schedule-bad-date",
         lambda p: replace(p, "mkdocs.yml", 'start: "2027-02-01"', 'start: "2027-02-30"'),
         "mkdocs.yml:{line}: extra.course.schedule.start: '2027-02-30' is not a date. Write dates as YYYY-MM-DD",
         SYLLABUS),
    Case("course-schedule-bad-weekday",
         lambda p: replace(p, "mkdocs.yml", "weekdays: [Monday, Thursday]", "weekdays: [Monday, Thrusday]"),
         "extra.course.schedule.weekdays: 'Thrusday' is not a weekday.", SYLLABUS),
    Case("course-unknown-setting",
         lambda p: replace(p, "mkdocs.yml", "    term: Any term", "    trem: Any term"),
         "extra.course: unknown field 'trem'. Did you mean 'term'? Use one of:", SYLLABUS),
    Case("lesson-front-matter-wrong-type",
         lambda p: replace(p, "docs/lessons/01-concepts.md", "teaching: 50", "teaching: fifty"),
         "docs/lessons/01-concepts.md:1: front matter needs `teaching:` as whole minutes", SYLLABUS),
    Case("lesson-reading-unknown-key",
         lambda p: replace(p, "docs/lessons/01-concepts.md", "readings: [moldashev2018,", "readings: [moldashev2081,"),
         "docs/lessons/01-concepts.md:1: front matter `readings:` names 'moldashev2081', which is not in "
         "data/references.bib", SYLLABUS),
    Case("syllabus-page-shadowed",
         write("docs/syllabus.md", "# My own syllabus\n"),
         "docs/syllabus.md: is generated from mkdocs.yml's extra.course and the nav. Delete the hand-written file",
         SYLLABUS),
    # The glossary: data/glossary.yml.
    Case("glossary-malformed-yaml",
         lambda p: replace(p, "data/glossary.yml", "      en: [regions]", "      en: [regions"),
         "data/glossary.yml:", GLOSSARY),
    Case("glossary-duplicate-term",
         lambda p: replace(p, "data/glossary.yml", "  - term:\n      en: regional cooperation", "  - term:\n      en: Regionalism")
         | {"first": line_of(p, "data/glossary.yml", "  - term:\n      en: regionalism\n")},
         "data/glossary.yml:{line}: term 'Regionalism' is already a name of term 'regionalism' (line {first}).",
         GLOSSARY),
    Case("glossary-duplicate-alias",
         lambda p: replace(p, "data/glossary.yml", "    aliases:\n      en: [regionalisation]", "    aliases:\n      en: [regionalisation, regions]"),
         "data/glossary.yml:{line}: alias 'regions' of term 'regionalization' is already a name of term 'region'",
         GLOSSARY),
    Case("glossary-related-term-dangling",
         lambda p: replace(p, "data/glossary.yml", "    related: [regional integration, intergovernmental]",
                           "    related: [regional integration, intergovernmentalism]"),
         "data/glossary.yml:{line}: term 'regional cooperation' lists related term 'intergovernmentalism', not in "
         "the glossary. Remove it from 'related', or add the term.", GLOSSARY),
    Case("glossary-missing-definition",
         lambda p: replace(p, "data/glossary.yml", "  - term:\n      en: region\n      ru: регион\n    category: concept\n    definition:",
                           "  - term:\n      en: region\n      ru: регион\n    category: concept\n    note:"),
         "data/glossary.yml:{line}: unknown field 'note'.", GLOSSARY),
    Case("glossary-unknown-category",
         lambda p: replace(p, "data/glossary.yml", "  - term:\n      en: region\n      ru: регион\n    category: concept",
                           "  - term:\n      en: region\n      ru: регион\n    category: idea")
         | {"cat": line_of(p, "data/glossary.yml", "    category: idea")},
         "data/glossary.yml:{cat}: term 'region' has category 'idea'. Use one of:", GLOSSARY),
    Case("glossary-unknown-citation-key",
         lambda p: replace(p, "data/glossary.yml", "    cite: fawcett2004", "    cite: fawcett2040"),
         "data/glossary.yml:{line}: term 'region' cites unknown key 'fawcett2040'. Did you mean 'fawcett2004'?",
         GLOSSARY),
    Case("glossary-term-never-used",
         lambda p: replace(p, "data/glossary.yml", "terms:\n",
                           "terms:\n  - term: Zollverein\n    category: concept\n    definition: A customs union.\n"),
         "data/glossary.yml:{next}: term 'Zollverein' is not used in any lesson in the nav.", GLOSSARY),
    Case("glossary-page-shadowed", write("docs/glossary.md", "# Glossary\n\nMy own list.\n"),
         "docs/glossary.md: this page is generated from data/glossary.yml. Delete it and edit the data file instead.",
         GLOSSARY),
    # The timeline and organisations: data/timeline.yml, data/organisations.yml.
    Case("timeline-invalid-date",
         lambda p: replace(p, "data/timeline.yml", "  - date: 1991-12\n    title:\n      en: Independence",
                           "  - date: 1991-13\n    title:\n      en: Independence"),
         "data/timeline.yml:{line}: event 'Independence of the five Central Asian republics' has date '1991-13'.",
         TIMELINE),
    Case("timeline-date-outside-the-course",
         lambda p: replace(p, "data/timeline.yml", "  - date: 1991-12\n    title:\n      en: Independence",
                           "  - date: 2031\n    title:\n      en: Independence"),
         "data/timeline.yml:{line}: the date of event 'Independence of the five Central Asian republics' (2031) "
         "lies outside", TIMELINE),
    Case("timeline-unknown-state",
         lambda p: replace(p, "data/timeline.yml", "    states: [kz, kg, tj, tm, uz]\n    organisations: []",
                           "    states: [kz, kg, tj, tm, uzb]\n    organisations: []"),
         "event 'Independence of the five Central Asian republics' refers to unknown state 'uzb'.", TIMELINE),
    Case("timeline-unknown-organisation",
         lambda p: replace(p, "data/timeline.yml", "    organisations: [cis]", "    organisations: [c.i.s.]"),
         "refers to unknown organisation 'c.i.s.'", TIMELINE),
    Case("timeline-unknown-citation-key",
         lambda p: replace(p, "data/timeline.yml", "    source: acharya2009", "    source: acharya2090"),
         "cites unknown key 'acharya2090'.", TIMELINE),
    Case("timeline-event-unknown-lesson",
         lambda p: replace(p, "data/timeline.yml", "    lesson: 02-case-for-a-region\n", "    lesson: 02-case-for-region\n")
         | {"event": line_of(p, "data/timeline.yml", "  - date: 1991-12\n    title:\n      en: Independence")},
         "data/timeline.yml:{event}: event 'Independence of the five Central Asian republics' belongs to lesson "
         "'02-case-for-region', which is not a lesson in the nav.", TIMELINE),
    Case("organisation-left-before-joined",
         lambda p: replace(p, "data/organisations.yml", "      - {state: tm, joined: 1991, left: 2004, source: allison2004}",
                           "      - {state: tm, joined: 2004, left: 1991, source: allison2004}"),
         "data/organisations.yml:{line}: ", TIMELINE),
    Case("organisation-duplicate-id",
         lambda p: replace(p, "data/organisations.yml", "  - id: caco\n", "  - id: cis\n"),
         "data/organisations.yml:{line}: organisation id 'cis' is used twice (first at line", TIMELINE),
    Case("organisation-member-unknown-state",
         lambda p: replace(p, "data/organisations.yml", "      - {state: kg, joined: 1991, source: allison2004}",
                           "      - {state: kgz, joined: 1991, source: allison2004}"),
         "data/organisations.yml:{line}: member 'kgz' of 'cis' is not a known state.", TIMELINE),
    Case("organisations-empty-file", write("data/organisations.yml", "\n"),
         "data/organisations.yml: is empty. Add content or remove the file.", TIMELINE),
    Case("timeline-page-shadowed", write("docs/timeline.md", "# Timeline\n"),
         "docs/timeline.md: is generated from data/organisations.yml and data/timeline.yml. Delete the hand-written "
         "file", TIMELINE),
    # Quizzes: data/quizzes/<lesson>.yml.
    Case("quiz-malformed-yaml",
         quiz_edit(r"^    kind: (\S+)$", r"    kind: \1\n   prompt: [unclosed"),
         "data/quizzes/01-concepts.yml:{at_next}: YAML syntax error:", QUIZZES),
    Case("quiz-empty-file", write("data/quizzes/01-concepts.yml", "# to do\n"),
         "data/quizzes/01-concepts.yml: is empty. Add content or remove the file.", QUIZZES),
    Case("quiz-not-utf8", make_non_utf8("data/quizzes/02-case-for-a-region.yml", "the"),
         "data/quizzes/02-case-for-a-region.yml:{line}: is not UTF-8 text.", QUIZZES),
    Case("quiz-unknown-kind", quiz_edit(r"^    kind: \S+$", "    kind: essay"),
         "data/quizzes/01-concepts.yml:{line}: question '{id}': unknown kind 'essay'. Use one of:", QUIZZES),
    Case("quiz-missing-prompt", quiz_edit(r"^    prompt:(?: (>-\n(      .*\n)+|.*\n)|\n(      .*\n)+)", ""),
         "data/quizzes/01-concepts.yml:{line}: question '{id}': the question has no 'prompt'. Add prompt:", QUIZZES),
    Case("quiz-duplicate-id",
         lambda p: replace(p, "data/quizzes/01-concepts.yml", "  - id: hard-features", "  - id: regionalization-example")
         | {"first": line_of(p, "data/quizzes/01-concepts.yml", "  - id: regionalization-example")},
         "data/quizzes/01-concepts.yml:{line}: question 'regionalization-example': the id is used twice "
         "(first at line {first})", QUIZZES),
    Case("quiz-no-correct-option", quiz_edit(r"^        correct: true\n", ""),
         "question '{id}': no option is marked 'correct: true'. Mark the right answer.", QUIZZES),
    Case("quiz-wrong-type", lambda p: replace(p, "data/quizzes/01-concepts.yml", "shuffle: true", "shuffle: often"),
         "data/quizzes/01-concepts.yml:{line}: 'shuffle' must be true or false.", QUIZZES),
    Case("quiz-duplicate-yaml-key", quiz_edit(r"^    kind: (\S+)$", r"    kind: \1\n    kind: \1"),
         "data/quizzes/01-concepts.yml:{at_next}: key 'kind' appears twice in the same entry", QUIZZES),
    Case("quiz-section-not-a-heading", quiz_edit(r"^    section: \S+$", "    section: no-such-heading"),
         "data/quizzes/01-concepts.yml:{line}: question '{id}': section 'no-such-heading' is not a heading of "
         "docs/lessons/01-concepts.md", QUIZZES),
    Case("quiz-section-as-a-bare-anchor",  # YAML reads "#..." as a comment: the Revisit link was lost
         quiz_edit(r"^    section: (\S+)$", r"    section: #\1"),
         "data/quizzes/01-concepts.yml:{at}: 'section: #", QUIZZES),
    Case("quiz-for-lesson-removed-from-nav", remove_from_nav("05-new-momentum"),
         "data/quizzes/05-new-momentum.yml: there is no lesson 'lessons/05-new-momentum.md' in the nav of "
         "mkdocs.yml. Rename the file after its lesson, or add the lesson to the nav.", QUIZZES),
    Case("quiz-for-lesson-that-does-not-exist",
         lambda p: (p / "data/quizzes/09-extra.yml").write_text(
             (p / "data/quizzes/01-concepts.yml").read_text(encoding="utf-8"), encoding="utf-8") and {},
         "data/quizzes/09-extra.yml: there is no lesson 'lessons/09-extra.md' in the nav", QUIZZES),
    Case("quiz-unknown-field", quiz_edit(r"^    prompt:", "    promt:"),
         "data/quizzes/01-concepts.yml:{line}: question '{id}': unknown field 'promt' in a single question. "
         "Did you mean 'prompt'? Use one of:", QUIZZES),
    Case("quiz-question-names-no-objective", quiz_edit(r"^    objective: \S+\n", ""),
         "data/quizzes/01-concepts.yml:{line}: question '{id}': names no objective. Add 'objective: N'", QUIZZES),
    Case("quiz-objective-checked-by-no-question",
         lambda p: replace(p, "docs/lessons/01-concepts.md", "    - Use this vocabulary",
                           "    - Name two regions.\n    - Use this vocabulary")
         | {"objective": line_of(p, "docs/lessons/01-concepts.md", "    - Use this vocabulary")},
         "docs/lessons/01-concepts.md:{objective}: objective 6 is checked by no question in "
         "data/quizzes/01-concepts.yml.", QUIZZES),
    Case("quiz-marker-missing-from-lesson",
         lambda p: replace(p, "docs/lessons/03-hard-institutionalism.md", "<!-- quiz -->", ""),
         "docs/lessons/03-hard-institutionalism.md: has no <!-- quiz --> markers but "
         "data/quizzes/03-hard-institutionalism.yml holds its quiz.", QUIZZES),
    Case("glossary-introduced-in-unknown-lesson",
         lambda p: replace(p, "data/glossary.yml", "    introduced: 01-concepts\n", "    introduced: 01-concept\n")
         | {"term": line_of(p, "data/glossary.yml", "  - term:\n      en: region\n")},
         "data/glossary.yml:{term}: term 'region' is introduced in '01-concept', which is not a lesson. "
         "Did you mean '01-concepts'?", GLOSSARY),
    # Our own assets, listed in mkdocs.yml and bundled by scripts/hooks/assets.py.
    Case("extra-css-missing-file",
         lambda p: replace(p, "mkdocs.yml", "  - assets/css/quiz.css\n", "  - assets/css/quizz.css\n"),
         "mkdocs.yml:{line}: `extra_css` lists assets/css/quizz.css, which is not in docs/. Fix the path, or remove the line.",
         requires="scripts/hooks/assets.py"),
    # Figures drawn from data: the map, the leaders table, the ladder.
    Case("map-marker-unknown-layer",
         lambda p: replace(p, "docs/lessons/02-case-for-a-region.md", '<!-- map states "Map 1" -->',
                           '<!-- map rivers "Map 1" -->'),
         "docs/lessons/02-case-for-a-region.md:{line}: map layer 'rivers' is not in data/map.yml. Use one of:",
         FIGURES),
    Case("map-focus-unknown-country",
         lambda p: replace(p, "data/map.yml", "focus: [Kazakhstan,", "focus: [Kazakstan,"),
         "data/map.yml:{line}: 'Kazakstan' in 'focus' is not a country of data/map/central-asia.geojson.", FIGURES),
    Case("leaders-year-not-a-year",
         lambda p: replace(p, "data/leaders.yml", "name: {en: Askar Akayev, ru: Аскар Акаев}\n        from: 1991\n",
                           "name: {en: Askar Akayev, ru: Аскар Акаев}\n        from: 91\n"),
         "data/leaders.yml:{line}: 'from' of Askar Akayev is not a year. Give four digits, e.g. 1999.", FIGURES),
    Case("ladder-unknown-rung",
         lambda p: replace(p, "data/ladder.yml", "EAEU 2015, ru: ЕАЭС 2015 года}\n    aimed: Economic union\n",
                           "EAEU 2015, ru: ЕАЭС 2015 года}\n    aimed: Single market\n"),
         "data/ladder.yml:{line}: 'aimed: Single market' of EAEU 2015 is not a rung.", FIGURES),
]


def author_files(project: Path) -> dict[str, str]:
    """A fingerprint of everything the author wrote, to show a failed build changed nothing."""
    found = {}
    for part in ("mkdocs.yml", "docs", "data", "overrides"):
        paths = [project / part] if (project / part).is_file() else sorted((project / part).rglob("*"))
        for path in paths:
            if path.is_file():
                found[path.relative_to(project).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def registered_hooks() -> str:
    return (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:", 1)[-1].split("\n\n", 1)[0]


@dataclass
class Outcome:
    expected: str = ""
    returncode: int = 0
    output: str = ""
    files_unchanged: bool = True
    site_left: list[str] = field(default_factory=list)  # what the failed build left in its output folder
    error: BaseException | None = None  # the case could not be set up (the text it edits has changed)


def run_case(case: Case, tmp: Path) -> Outcome:
    try:
        project = copy_project(tmp / "project")
        values = case.breaks(project) or {}
        if "line" in values:
            values["next"] = values["line"] + 1
        if "at" in values:
            values["at_next"] = values["at"] + 1
        before = author_files(project)
        result = build(project, tmp / "site")
        site = tmp / "site"
        left = sorted(path.name for path in site.iterdir()) if site.is_dir() else []
        return Outcome(case.expected.format(**values), result.returncode, result.stdout,
                       author_files(project) == before, left)
    except BaseException as error:  # reported by the case's own test, not by the fixture
        return Outcome(error=error)


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every selected case built up front, as many at a time as there are cores: each build is
    a separate `mkdocs build` process, so this nearly halves the catalogue's time on two cores."""
    selected = {item.callspec.id for item in request.session.items
                if item.module is request.module and hasattr(item, "callspec")}
    cases = [case for case in CASES if case.id in selected and landed(case)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = pool.map(lambda case: run_case(case, tmp_path_factory.mktemp(case.id)), cases)
        return {case.id: outcome for case, outcome in zip(cases, results)}


def landed(case: Case) -> bool:
    return case.requires is None or case.requires in registered_hooks()


def test_the_catalogue_covers_at_least_25_kinds():
    assert len({case.id for case in CASES}) == len(CASES) >= 25
    assert sum(landed(case) for case in CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_stops_the_build_with_one_clear_line(case: Case, outcomes: dict[str, Outcome]):
    if not landed(case):
        pytest.skip(f"{case.requires} has not landed yet")
    outcome = outcomes[case.id]
    if outcome.error is not None:
        raise outcome.error
    assert outcome.returncode != 0, f"the build passed:\n{outcome.output}"
    assert "Traceback" not in outcome.output, outcome.output
    lines = problems(outcome.output)
    assert any(outcome.expected in line for line in lines), f"expected {outcome.expected!r} in:\n" + "\n".join(lines)
    assert outcome.files_unchanged, "the failed build changed the author's files"
    assert outcome.site_left == [], "the failed build left a site that looks fine"
