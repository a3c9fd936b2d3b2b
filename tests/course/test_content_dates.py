"""This course's dates agree wherever they are repeated.

data/organisations.yml holds who belonged to what, and when; data/timeline.yml the dated
events. The lessons, the instructors' pages, the glossary, the quizzes and the figures repeat
many of the same years in prose. These tests read the years back out of all of them and
compare them with the membership data, so a correction made in one place (the 1995 Customs
Union, Uzbekistan's years in EurAsEC) cannot silently leave another place behind.

They test this course's content, not the code: a fork with other organisations keeps the
first three tests, which read only its own data, and may drop or adapt the prose checks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from course.quizzes import load_quiz
from course.translations import localize
from helpers import ROOT

# The English of each text given per language (en: / ru:): the dates are checked in the English prose.
ORGANISATIONS = localize(yaml.safe_load((ROOT / "data/organisations.yml").read_text(encoding="utf-8")))
TIMELINE = localize(yaml.safe_load((ROOT / "data/timeline.yml").read_text(encoding="utf-8")))
STATES = {key: value["name"] for key, value in ORGANISATIONS["states"].items()}
BY_ID = {org["id"]: org for org in ORGANISATIONS["organisations"]}
YEAR = r"(?P<year>1[89]\d\d|20\d\d)"

# Other names the prose uses for an organisation, beyond its name, short name and acronyms in
# data/organisations.yml. Matching is case-sensitive: "Customs Union" is the 1995 one, a
# "customs union" any customs union.
PROSE_NAMES = {
    "customs-union-1995": ["Customs Union", "Customs Union Agreement"],
    "single-economic-space": ["Single Economic Space", "Central Asian Union", "Central Asian Community"],
    "tashkent-protocol": ["Tashkent protocol"],
    "csto": ["Collective Security Treaty"],
    "bkr-customs-union": ["Belarus–Kazakhstan–Russia customs union"],
    "cis-fta": ["Treaty on a Free Trade Area"],
}
# Organisations whose `founded` is not the year the prose calls their founding: the CSTO's
# is the 1992 treaty's, while "the CSTO" as an organisation dates from 2002.
FOUNDING_NOT_CHECKED = {"csto"}


@dataclass(frozen=True)
class Mention:
    path: str
    line: int
    text: str
    year: int
    before: str  # the words before the match, in its sentence

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def prose_files() -> list[Path]:
    """Every file a reader sees that repeats dates: lessons, instructors' pages, data, figures."""
    parts = [ROOT / "docs/lessons", ROOT / "docs/instructors", ROOT / "data/quizzes"]
    files = [path for part in parts for path in sorted(part.glob("*")) if path.suffix in (".md", ".yml")]
    files += [ROOT / "data/glossary.yml", ROOT / "data/timeline.yml"]
    files += sorted((ROOT / "docs/assets/figures").glob("*.svg"))
    return files


def names_of(org: dict) -> list[str]:
    names = [org["name"], *(org.get("acronyms") or []), *PROSE_NAMES.get(org["id"], [])]
    if org.get("short"):
        names.append(org["short"])
    return sorted({name for name in names if name}, key=len, reverse=True)


def alternation(names: list[str]) -> str:
    # Not inside a longer word ("CACO" in "CACOs", "SCO" in "ASCO"), nor inside a longer name.
    return r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in names) + r")(?![\w-])"


def readable_text(path: Path) -> str:
    """The file's text; in a quiz, the text of each wrong option is blanked (line for line),
    since a distractor states a wrong date on purpose. Its feedback, which corrects it, stays."""
    text = path.read_text(encoding="utf-8")
    if path.parent.name != "quizzes":
        return text
    lines = text.split("\n")
    for question in load_quiz(path, path.name).questions:
        for option in question.options:
            if option.correct or option.line is None or question.kind in ("true-false", "ordering"):
                continue
            number = option.line - 1  # the option's "- text:" line, then any continuation lines
            while number < len(lines):
                if number > option.line - 1 and re.match(r"^\s*(?:-\s|correct:|feedback:)", lines[number]):
                    break
                lines[number] = ""
                number += 1
    return "\n".join(lines)


def find(pattern: re.Pattern[str]) -> list[Mention]:
    found = []
    for path in prose_files():
        text = readable_text(path)
        for match in pattern.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            year = match.groupdict().get("year") or match.groupdict().get("before")
            sentence = " ".join(re.split(r"[.;:]|\n\s*\n|\n\s*-", text[max(0, match.start() - 80):match.start()])[-1].split())
            found.append(Mention(path.relative_to(ROOT).as_posix(), line, " ".join(match.group(0).split()),
                                 int(year), sentence))
    return found


def spells(state: str, org: str) -> list[dict]:
    return [m for m in BY_ID[org]["members"] if m["state"] == state]


# The data agree with themselves: every membership change has its event, and every
# organisation's founding year is an event of the timeline.


def events_of(org: str) -> list[dict]:
    return [event for event in TIMELINE["events"] if org in (event.get("organisations") or [])]


def event_years(event: dict) -> set[int]:
    years = {int(str(event["date"])[:4])}
    if event.get("effective"):
        years.add(int(event["effective"]))
    # A year the event's text gives for a later step ("Uzbekistan accedes in 2013–2014").
    years |= {int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", str(event.get("text", "")))}
    return years


@pytest.mark.parametrize("org", [org for org in ORGANISATIONS["organisations"] if events_of(org["id"])],
                         ids=lambda org: org["id"])
def test_an_organisation_is_founded_in_the_year_of_one_of_its_events(org):
    years = {int(str(event["date"])[:4]) for event in events_of(org["id"])}
    assert org["founded"] in years, (
        f"data/organisations.yml: '{org['id']}' is founded in {org['founded']}, but data/timeline.yml "
        f"dates its events {sorted(years)}")


def later_changes() -> list[tuple[str, dict, str, int]]:
    """Every join after the founding and every exit before the end: (org, spell, what, year)."""
    changes = []
    for org in ORGANISATIONS["organisations"]:
        if org["track"] == "comparator":  # the EU and ASEAN: the timeline follows Central Asia only
            continue
        for spell in org["members"]:
            if spell.get("context"):
                continue
            if spell["joined"] > org["founded"]:
                changes.append((org["id"], spell, "joined", spell["joined"]))
            if spell.get("left") and spell["left"] < org.get("ended", 9999):
                changes.append((org["id"], spell, "left", spell["left"]))
    return changes


@pytest.mark.parametrize("org, spell, what, year", later_changes(),
                         ids=lambda value: value if isinstance(value, (str, int)) else "")
def test_every_later_accession_or_exit_is_an_event_of_the_timeline(org, spell, what, year):
    # An exit shows in the data as the last year of membership; its event may fall in the
    # next year (Russia's associate status in CACO ends with its full membership in 2004).
    wanted = {year, year + 1} if what == "left" else {year}
    events = [event for event in events_of(org) if spell["state"] in event.get("states", [])]
    assert any(event_years(event) & wanted for event in events), (
        f"data/organisations.yml: {STATES[spell['state']]} {what} '{org}' in {year}, but no event of "
        f"data/timeline.yml about '{org}' and {STATES[spell['state']]} is dated then")


def test_the_1995_customs_union_is_charted_from_its_real_accessions():
    # The chapter lists all five as 1995 parties; the course charts the founding treaties' dates.
    joined = {spell["state"]: spell["joined"] for spell in BY_ID["customs-union-1995"]["members"]}
    assert joined == {"by": 1995, "kz": 1995, "ru": 1995, "kg": 1996, "tj": 1999}


# The prose agrees with the data.


def founding_pattern(org: dict) -> re.Pattern[str]:
    # "the CAEC (1998)", "CACO of 2002", "EurAsEC, founded in 2000", "the 1995 Customs Union".
    name = alternation(names_of(org))
    after = rf"{name}\s*(?:\([^()\n]*\)\s*)?(?:of|\((?:from )?|,? founded in|,? created in| was founded in)\s*{YEAR}(?!\d)"
    before = rf"(?<![\w–-]){YEAR.replace('?P<year>', '?P<before>')}\s+{name}"
    return re.compile(rf"{after}|{before}")


FOUNDING = {org["id"]: founding_pattern(org) for org in ORGANISATIONS["organisations"]
            if org["id"] not in FOUNDING_NOT_CHECKED and not org.get("context")}


# "Uzbekistan leaves EurAsEC (2008)", "two years in EurAsEC (2006–2008)": a year beside the name
# that dates a change of membership, not the founding.
CHANGE_OF_MEMBERSHIP = re.compile(
    r"\b(?:join\w*|left|leav\w*|member\w*|suspend\w*|years in|merg\w*|into|absorb\w*)(?:\W+(?:of|in|the))*\W*$")


@pytest.mark.parametrize("org", sorted(FOUNDING), ids=str)
def test_the_prose_gives_each_organisation_its_founding_year(org):
    expected = BY_ID[org]["founded"]
    wrong = [str(m) for m in find(FOUNDING[org]) if m.year != expected and not CHANGE_OF_MEMBERSHIP.search(m.before)]
    assert not wrong, f"'{org}' was founded in {expected} (data/organisations.yml), but:\n" + "\n".join(wrong)


def test_the_founding_years_in_the_prose_are_found_at_all():
    # A pattern that matches nothing would pass the test above for ever.
    found = {org for org, pattern in FOUNDING.items() if find(pattern)}
    assert {"customs-union-1995", "caec", "caco", "eurasec", "eaeu", "sco", "tashkent-protocol"} <= found


JOINS = r"(?:joined|joins|rejoined|rejoins|entered|enters|acceded to|accedes to|became a member of|returned to)"
LEAVES = r"(?:left|leaves|withdrew from|suspended its membership (?:of|in)|suspends its membership (?:of|in))"


def membership_pattern(state: str, org: str, verbs: str) -> re.Pattern[str]:
    # "Tajikistan joined the CAEC in 1998 and the Customs Union in 1999": the state, a verb,
    # at most a clause of other words (no full stop), the organisation, then "in YEAR".
    return re.compile(rf"\b{re.escape(STATES[state])}\b[^.;:\n]{{0,12}}?\b{verbs}\b[^.;:\n]{{0,60}}?"
                      rf"{alternation(names_of(BY_ID[org]))}\s*(?:\([^()\n]*\)\s*)?(?:in|from) {YEAR}(?!\d)")


MEMBERSHIP_FACTS = [(org["id"], state) for org in ORGANISATIONS["organisations"] if not org.get("context")
                    for state in dict.fromkeys(spell["state"] for spell in org["members"])]


@pytest.mark.parametrize("org, state", MEMBERSHIP_FACTS, ids=lambda value: value)
def test_the_prose_dates_each_accession_and_exit_as_the_data_do(org, state):
    joined = {spell["joined"] for spell in spells(state, org)}
    left = {y for spell in spells(state, org) if spell.get("left") for y in (spell["left"], spell["left"] + 1)}
    # A state that left one spell and began another in the next year (Turkmenistan's CIS status)
    # changed its terms, not its membership.
    wrong = [f"{m} (joined {sorted(joined)})" for m in find(membership_pattern(state, org, JOINS)) if m.year not in joined]
    wrong += [f"{m} (left {sorted(left)})" for m in find(membership_pattern(state, org, LEAVES)) if m.year not in left]
    assert not wrong, f"{STATES[state]} in '{org}' (data/organisations.yml):\n" + "\n".join(wrong)


def test_the_accession_years_in_the_prose_are_found_at_all():
    found = {(org, state) for org, state in MEMBERSHIP_FACTS
             if find(membership_pattern(state, org, JOINS)) or find(membership_pattern(state, org, LEAVES))}
    assert {("customs-union-1995", "kg"), ("customs-union-1995", "tj"), ("eurasec", "uz")} <= found


def test_the_merger_of_caco_is_decided_in_one_year_and_effective_in_the_next_everywhere():
    caco = BY_ID["caco"]
    decided, effective = caco["end_decided"], caco["ended"]
    pattern = re.compile(rf"decided(?: in)? {YEAR}[^.\n]{{0,25}}?(?:effective|in effect|took effect in)(?: in)? "
                         rf"(?P<effective>\d{{4}})")
    mentions = [m for m in find(pattern)]
    assert mentions, "no 'decided YEAR, effective YEAR' left in the prose: update the pattern"
    for path in prose_files():
        text = path.read_text(encoding="utf-8")
        for match in pattern.finditer(text):
            assert (int(match["year"]), int(match["effective"])) == (decided, effective), (
                f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}: {match.group(0)!r}: "
                f"data/organisations.yml says decided {decided}, effective {effective}")
