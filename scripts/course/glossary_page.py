"""The glossary as pages show it: the generated Glossary page and a lesson's "Key terms" box
(the terms themselves, their loading and their linking: course/glossary.py)."""
from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Iterable

from .assets import content_uri
from .glossary import CATEGORIES, Glossary, LessonLink, Term, escape_attribute, sort_key
from .markup import render_markdown
from .templates import Templates
from .words import Words

# Rendering


def render_key_terms(terms: Iterable[Term], glossary_url: str, words: Words, definitions_url: str) -> str:
    """The "Key terms" box for a lesson: a collapsed block listing each term with its definition,
    linked to its entry: the terms the lesson links. The page holds only its title: titles.js
    lists the page's linked terms in it from definitions_url (the course's definitions_script,
    one file for every lesson) when the reader first reaches for a term or opens the box, so a
    phone's first visit does not carry sixty definitions it may never read. Without JavaScript
    the box stays hidden; each term's link in the text still leads to its entry."""
    ordered = sorted(terms, key=lambda term: sort_key(term.name))
    if not ordered:
        return ""
    title = html.escape(words("glossary.key_terms", n=len(ordered)))
    # Out of the search index (Material skips data-search-exclude): a wall of unrelated
    # definitions was the top hit for a name; the glossary page answers for each term.
    return (f'<div class="course-key-terms" data-search-exclude data-definitions="{escape_attribute(definitions_url)}" '
            f'data-glossary="{escape_attribute(glossary_url)}" hidden>\n<details class="key-terms">\n<summary>{title}</summary>\n<ul></ul>\n</details>\n</div>\n')


def definitions_script(glossary: Glossary) -> str:
    """Every term's anchor, name (text), definition (HTML, for the Key terms box) and tooltip (a
    title), in the glossary's order, which the Key terms box keeps: one script for the whole
    course, loaded once for every lesson. A script, not JSON, because the offline copy
    (file://) may load scripts but fetch nothing."""
    # The tooltip with "<" escaped, as every title of the site (course/tooltips.py): Material's
    # tooltip inserts a title as HTML, and tap-to-define turns it back into text.
    data = [[term.slug, term.name, render_markdown(term.definition, inline=True), term.tooltip.replace("<", "&lt;")]
            for term in glossary.sorted()]
    return f"window.courseDefinitions = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"


def definitions_uri(script: str) -> str:
    """Where definitions_script's file goes in the site: named by its content, so a browser may
    keep it as long as it likes and never shows a stale definition."""
    return content_uri("assets/definitions", script, "js")


def render_glossary_page(glossary: Glossary, used_in: dict[str, list[LessonLink]], templates: Templates,
                         words: Words, introduced: dict[str, LessonLink] | None = None, title: str = "Glossary",
                         language: str = "en") -> str:
    """The glossary page (data/pages/glossary.md filled in): A–Z sections, a category filter,
    one entry per term. Citations are left as [@key] for the citations hook, which also adds
    the References. used_in maps a term's name to the lessons (in course order) that use it.
    """
    introduced = introduced or {}
    groups: dict[str, list[Term]] = {}
    for term in glossary.sorted():
        groups.setdefault(_letter(term.name), []).append(term)
    counts = {category: sum(term.category == category for term in glossary.terms) for category in CATEGORIES}
    letters = " ".join(f'<a href="#{_letter_id(letter)}">{html.escape(_letter_label(letter, words))}</a>' for letter in groups)
    options = "\n".join(
        f'<label><input type="radio" name="glossary-category" value="{category}"> '
        f"{html.escape(words(f'glossary.categories.{category}'))} ({count})</label>"
        for category, count in counts.items() if count
    )
    form = [
        '<form class="glossary-filter" hidden>',
        f'<fieldset><legend>{html.escape(words("glossary.show"))}</legend>',
        f'<label><input type="radio" name="glossary-category" value="" checked> {html.escape(words("glossary.all_terms"))}</label>',
        options,
        "</fieldset>",
        '<p class="glossary-count" role="status"></p>',
        "</form>",
    ]
    lines = []
    for letter, terms in groups.items():
        lines += [f"## {_letter_label(letter, words)} {{#{_letter_id(letter)}}}", "", '<dl class="glossary">']
        lines += [_render_entry(term, used_in.get(term.name, []), introduced.get(term.name), words, language)
                  for term in terms]
        lines += ["</dl>", ""]
    return templates.render("glossary.md", title=title, terms=len(glossary.terms),
                            letters=f'<nav class="glossary-letters" aria-label="{html.escape(words("glossary.by_letter"))}">'
                                    f'{letters}</nav>',
                            filter="\n".join(form), entries="\n".join(lines))


# Helper functions


def _letter(name: str) -> str:
    first = sort_key(name)[:1].upper()
    return first if first.isalpha() else "#"  # a letter of any script: Russian terms under А, Б, В...


def _letter_id(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter != "#" else "letter-other"


def _letter_label(letter: str, words: Words) -> str:
    return letter if letter != "#" else words("glossary.other")


def shown_names(term: Term) -> list[str]:
    """The aliases a reader is shown as other names of the term. An alias that is only another
    grammatical form of a name already there (a plural, a Russian case: "встречи" beside
    "встреча") links the term in the lessons but would crowd the entry, so it is left out."""
    shown: list[str] = []
    for alias in term.aliases:
        if not any(_same_name(alias, name) for name in (term.name, *shown)):
            shown.append(alias)
    return shown


def _same_name(one: str, other: str) -> bool:
    """Word by word, the same stem with other endings: each pair of words shares its start and
    differs in at most its last few letters (an ending of up to four, as cases and plurals do).
    An acronym has no endings: ОЦАС and ОЦАЭС are two names. Ё is read as Е, as Russian allows."""
    words, others = one.replace("ё", "е").split(), other.replace("ё", "е").split()
    if len(words) != len(others):
        return False
    for word, that in zip(words, others):
        if word.isupper() or that.isupper():
            if word.lower() != that.lower():
                return False
            continue
        word, that = word.lower(), that.lower()
        stem = len(os.path.commonprefix([word, that]))
        if stem < min(3, len(word), len(that)) or max(len(word), len(that)) - stem > 4:
            return False
    return True


def _names_html(names: Iterable[str], language: str) -> str:
    """The names, each in the language it is written in where that is not the page's, so a
    screen reader says ЕАЭС on an English page, and EAEU on a Russian one, in the right voice."""
    def marked(name: str) -> str:
        written = "ru" if re.search("[\u0400-\u04ff]", name) else "en"
        text = html.escape(name)
        return text if written == language else f'<span lang="{written}">{text}</span>'
    return ", ".join(marked(name) for name in names)


def _render_entry(term: Term, lessons: list[LessonLink], introduced: LessonLink | None, words: Words,
                  language: str) -> str:
    def label(key: str) -> str:
        return f"<strong>{html.escape(words(f'glossary.{key}'))}</strong>"

    parts = [
        f'<div class="glossary-entry" id="{term.slug}" data-category="{term.category}">',
        f'<dt><dfn>{html.escape(term.name)}</dfn> '
        f'<span class="glossary-category">{html.escape(words(f"glossary.category.{term.category}"))}</span></dt>',
        f"<dd>{render_markdown(term.definition, inline=True)}</dd>",
    ]
    if term.aliases:
        parts.append(f"<dd>{label('also')} {_names_html(shown_names(term), language)}</dd>")
    if term.related:
        links = ", ".join(f'<a href="#{slug}">{html.escape(name)}</a>'
                          for name, slug in zip(term.related, term.related_slugs))
        parts.append(f"<dd>{label('related')} {links}</dd>")
    if term.cite:
        parts.append(f"<dd>{label('read')} [@{term.cite}]</dd>")
    if lessons:
        links = ", ".join(_lesson_link(lesson, lesson == introduced, words) for lesson in lessons)
        parts.append(f"<dd>{label('used_in')} {links}</dd>")
    parts.append("</div>")
    return "\n".join(parts)


def _lesson_link(lesson: LessonLink, first: bool, words: Words) -> str:
    note = f" {html.escape(words('glossary.introduced'))}" if first else ""
    return f'<a href="{escape_attribute(lesson.url)}">{html.escape(words("lesson", n=lesson.number))}</a>{note}'
