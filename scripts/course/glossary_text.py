"""Finding and linking glossary terms in a page's Markdown (course/glossary.py holds the terms).

All terms and aliases are compiled into ONE regular expression (a character trie, so shared
prefixes are tried once), joined with the regions a link must never enter (headings, code,
links, HTML, quotations...). Linking a page is then a single left-to-right pass, whatever the
number of terms.
"""
from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .markup import plain_text

if TYPE_CHECKING:
    from .glossary import Glossary, Term

# Regions of a page where a term is never linked. Each alternative is tried at every
# position before a term is, so a term inside one of them is skipped with the region.
# The order is part of the meaning (the first alternative that matches wins). Written for
# speed, as one flat alternation: Python's regex engine rejects an alternative that starts
# with a plain character on a one-character test, but must enter every other one; so the
# line-start regions share one `^`, and inline code and images start with their character.
PROTECTED = "|".join((
    r"\A---[ \t]*\n[\s\S]*?^(?:---|\.\.\.)[ \t]*$",            # YAML front matter
    r"^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*(?P=fence)[ \t]*$|\Z)",  # fenced code
    r"`(?P<tick>`*)[\s\S]*?`(?P=tick)",                         # inline code
    "^(?:" + "|".join((
        r"[ \t]{0,3}#{1,6}(?:[ \t][^\n]*)?$",                  # ATX heading
        r"[^\n]+\n[ \t]{0,3}(?:=+|-+)[ \t]*$",                  # setext heading
        r"[ \t]*(?:!!!|\?\?\?\+?)[^\n]*$",                     # admonition / details title line
        r"[ \t]*///[^\n]*$",                                    # pymdownx block fence (caption)
        r"[ \t]*>[^\n]*$",                                      # blockquote line
        r"[ \t]*\*\[[^\]\n]*\]:[^\n]*$",                        # abbreviation definition
        r"[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$",                      # link reference definition
    )) + ")",
    r"<!--[\s\S]*?-->",                                         # HTML comment (the markers)
    r"<(?P<elem>a|code|pre|kbd|samp|script|style|svg|abbr|dfn|cite|q|h[1-6]|button|textarea)\b"
    r"[^>]*>[\s\S]*?</(?P=elem)\s*>",                           # HTML element whose text is off limits
    r"^<(?P<block>[A-Za-z][\w-]*)\b[^>]*>[\s\S]*?^</(?P=block)>[ \t]*$",  # raw HTML block
    r"</?[A-Za-z!][^>]*>",                                      # any other tag, attributes included
    r"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])?",  # image
    r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\([^)\n]*\)|\[[^\]\n]*\])?",  # link, footnote ref
    r"https?://[^\s<>)\]]+",                                    # bare URL
    r"\{:?[ \t]*[.#][^}\n]*\}",                                 # attribute list
    r"“[^”\n]*”",                                               # quotation in curly quotes
))
WORD_START = r"(?<![\w])(?<!\w-)"   # not inside a word, nor after "Central-" in "Central-Asia"
WORD_END = r"(?![\w])(?!-\w)"       # "Black Sea" does not match in "Black Sea-only"


def compile_pattern(terms: Iterable[Term]) -> re.Pattern[str]:
    """One pattern for a whole page: a protected region (skipped whole) or a term (group "term").

    Terms are merged into a trie, so a page position costs a few character tests however
    many terms there are, and longer names are tried before their prefixes. The trie
    matches in any case; find_terms() then holds acronyms to their exact case.
    """
    trie: dict[str, Any] = {}
    for term in terms:
        for name in term.names:
            node = trie
            for char in _key(name):
                node = node.setdefault(char, {})
            node[""] = {}  # a name ends here
    alternatives = _trie_regex(trie) or r"(?!)"
    return re.compile(
        rf"{PROTECTED}|(?P<term>{WORD_START}(?i:{alternatives}){WORD_END})",
        re.MULTILINE,
    )


def find_terms(markdown: str, glossary: Glossary) -> list[tuple[int, int, Term]]:
    """Every use of a term outside protected regions, as (start, end, term), in page order."""
    found = []
    position = 0
    while match := glossary.pattern.search(markdown, position):
        position = match.end()
        if match.group("term") is None:
            continue
        hit = _exact_hit(markdown, match.start(), match.end(), glossary)
        if hit is not None:
            found.append(hit)
            position = hit[1]
    return found


def terms_used(markdown: str, glossary: Glossary) -> list[Term]:
    """The terms a page uses, each once, in order of first use."""
    return list(dict.fromkeys(term for _, _, term in find_terms(markdown, glossary)))


def link_first_uses(markdown: str, glossary: Glossary, glossary_url: str,
                    titles: bool = True) -> tuple[str, list[Term]]:
    """Link the first use of each term to its entry, with the definition as a tooltip.

    glossary_url is the glossary page's URL relative to this page. Returns the new
    Markdown and the terms used, in order of first use. Later uses stay plain text.
    titles=False: the page lists every definition in its Key terms box, and the links leave
    their tooltips to the page's script (overrides/assets/javascripts/titles.js), which
    reads them from there: each definition travels once, not twice.
    """
    pieces: list[str] = []
    used: dict[Term, None] = {}
    last = 0
    for start, end, term in find_terms(markdown, glossary):
        if term in used:
            continue
        used[term] = None
        pieces += [markdown[last:start], _term_link(term, markdown[start:end], glossary_url, titles)]
        last = end
    pieces.append(markdown[last:])
    return "".join(pieces), list(used)


def _key(name: str) -> str:
    """How names are compared: case-insensitively and with any run of spaces as one."""
    return " ".join(name.split()).lower()


def _case_matches(text: str, name: str, match_case: bool | None) -> bool:
    """Whether text, found case-insensitively, is written as name requires.

    Without an explicit match_case, a word with a capital after its first letter ("CIS",
    "EurAsEC", "ЕврАзЭС") must match exactly; other words match in any case.
    """
    for found, wanted in zip(text.split(), name.split()):
        exact = match_case if match_case is not None else any(c.isupper() for c in wanted[1:])
        if exact and found != wanted:
            return False
    return True


def _exact_hit(markdown: str, start: int, end: int, glossary: Glossary) -> tuple[int, int, Term] | None:
    """The longest name in markdown[start:end] that also passes its case rule.

    Almost always the whole span; when the case is wrong (e.g. "Ca-5"), shorter names
    that end on a word boundary are tried, longest first.
    """
    for stop in range(end, start, -1):
        if stop < end and not _ends_word(markdown, stop):
            continue
        entry = glossary.names.get(_key(markdown[start:stop]))
        if entry is not None and _case_matches(markdown[start:stop], entry[0], entry[1].match_case):
            return start, stop, entry[1]
    return None


def _ends_word(text: str, index: int) -> bool:
    following = text[index:index + 2]
    return not (following[:1].isalnum() or following[:1] == "_" or
                (following[:1] == "-" and len(following) == 2 and (following[1].isalnum() or following[1] == "_")))


def _token_regex(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _trie_regex(node: dict[str, Any]) -> str:
    # Children first and the end-of-name last, so the longest name wins; if its word-end
    # check fails, the regex engine backtracks to the shorter name.
    branches = [_token_regex(char) + _trie_regex(child) for char, child in node.items() if char != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@functools.cache
def _plain(definition: str) -> str:
    return plain_text(definition)  # a Markdown render: once per definition, not once per page


def _term_link(term: Term, text: str, glossary_url: str, with_title: bool = True) -> str:
    # The term's name leads the tooltip where the text is another form of it (an alias, a
    # Russian case); titles.js does the same.
    tooltip = term.tooltip if _key(text) == _key(term.name) else f"{term.name}: {term.tooltip}"
    title = f' title="{escape_attribute(tooltip)}"' if with_title else ""
    return f'<a class="course-term" href="{escape_attribute(glossary_url)}#{term.slug}"{title}>{text}</a>'



def escape_attribute(value: str) -> str:
    # "|" would split a Markdown table cell; "*" and "_" are harmless inside a stashed tag.
    return html.escape(value, quote=True).replace("|", "&#124;")
