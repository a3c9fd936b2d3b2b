"""The synthetic course of step 2: the real one, copied and renamed to the sizes asked for."""
from __future__ import annotations

import copy
import math
import re
import shutil
from pathlib import Path
from typing import Any, Callable

import yaml

from localsite import copy_project


# The synthetic course: the real one, copied and renamed until it has the sizes asked for.
# It reads whatever data files exist, so it follows their formats as they change.

# kind -> (file in data/, the key its entries are under when the file holds several collections)
DATA_FILES = {"terms": ("glossary.yml", "terms"), "events": ("timeline.yml", "events"),
              "organisations": ("organisations.yml", "organisations")}
NAME_FIELDS = {"id", "key", "slug", "term", "name", "title", "abbr", "abbreviation", "acronym", "acronyms",
               "short", "short_name", "full", "full_name", "long", "label", "alias", "aliases", "also", "synonyms"}
SHOWN_FIELDS = ("term", "name", "title", "full_name", "full", "long", "abbr", "abbreviation", "acronym",
                "short", "short_name", "label", "aliases", "alias", "synonyms", "also")
LESSON_LINE = re.compile(r"^(?P<indent>[ \t]*-[ \t]+(?:[^:\n]+:[ \t]*)?)lessons/(?P<slug>\d+[\w-]*)\.md[ \t]*$",
                         re.MULTILINE)


def real_sizes(root: Path) -> dict[str, int]:
    sizes = {"lessons": len(lesson_slugs(root)),
             "questions": sum(_count_questions(p) for p in sorted((root / "data/quizzes").glob("*.yml")))}
    for kind, (name, key) in DATA_FILES.items():
        path = root / "data" / name
        if path.exists():
            sizes[kind] = len(data_entries(_load(path), key)[0])
    return sizes


def make_synthetic_course(root: Path, dest: Path, copies: dict[str, int]) -> dict[str, int]:
    """A copy of the course at `dest` with each kind of content copied `copies[kind]` times.

    Copy c of lesson "03-x" is "03-x-c2" with its links to other lessons pointing into copy c,
    and its quiz beside it; copied data entries get renamed names and ids, and references
    between entries (related terms, an event's organisations) follow the renaming.
    Returns the sizes it made.
    """
    if dest.exists():
        shutil.rmtree(dest)
    copy_project(dest)
    slugs = lesson_slugs(root)
    link = re.compile(r"\b(" + "|".join(map(re.escape, slugs)) + r")\.md\b")
    lessons_dir, quizzes_dir = dest / "docs" / "lessons", dest / "data" / "quizzes"
    new_slugs = list(slugs)
    for c in range(2, copies.get("lessons", 1) + 1):
        for slug in slugs:
            new = f"{slug}-c{c}"
            new_slugs.append(new)
            text = (lessons_dir / f"{slug}.md").read_text(encoding="utf-8")
            (lessons_dir / f"{new}.md").write_text(link.sub(rf"\1-c{c}.md", text), encoding="utf-8")
            quiz = quizzes_dir / f"{slug}.yml"
            if quiz.exists():
                (quizzes_dir / f"{new}.yml").write_text(
                    link.sub(rf"\1-c{c}.md", quiz.read_text(encoding="utf-8")), encoding="utf-8")
    config = dest / "mkdocs.yml"
    config.write_text(_with_lessons(config.read_text(encoding="utf-8"), new_slugs), encoding="utf-8")
    made = {"lessons": len(new_slugs),
            "questions": sum(_count_questions(p) for p in quizzes_dir.glob("*.yml")) if quizzes_dir.exists() else 0}
    renames: dict[int, dict[str, str]] = {}  # copy -> old name -> new, shared by all files
    order = ("organisations", "terms", "events")  # organisations first: events refer to them
    for kind in order:
        name, key = DATA_FILES[kind]
        path = root / "data" / name
        if not path.exists():
            continue
        times = copies.get(kind) or (copies.get("events", 1) if kind == "organisations" else 1)
        made[kind], shown = _scale_data_file(path, dest / "data" / name, key, times, renames)
        if kind == "terms":
            _mention(lessons_dir, new_slugs, shown)
    return made


def _scale_data_file(source: Path, dest: Path, key: str, times: int,
                     renames: dict[int, dict[str, str]]) -> tuple[int, list[str]]:
    """Write the file's entries `times` over; return the count and the names the copies show."""
    data = _load(source)
    entries, put = data_entries(data, key)
    if not entries:
        return 0, []
    bodies = [e[1] if isinstance(e, tuple) else e for e in entries]
    made, shown = list(entries), []
    for c in range(2, times + 1):
        mapping = renames.setdefault(c, {})
        for entry, body in zip(entries, bodies):
            if isinstance(entry, tuple):  # an entry keyed by its id
                mapping.setdefault(entry[0], f"{entry[0]}-c{c}")
            for field_name, value in body.items() if isinstance(body, dict) else ():
                if field_name in NAME_FIELDS:
                    for old in _names(value):
                        if isinstance(old, str) and old not in mapping:
                            slug_like = re.fullmatch(r"[a-z0-9][a-z0-9_-]*", old)
                            mapping[old] = f"{old}-c{c}" if slug_like else f"{old} C{c}"
        for entry in entries:
            new = _rename(copy.deepcopy(entry), mapping)
            made.append(new)
            body = new[1] if isinstance(new, tuple) else new
            names = [_names(body[f])[0] for f in SHOWN_FIELDS
                     if isinstance(body, dict) and _names(body.get(f)) and isinstance(body[f], (str, dict))]
            if names:
                shown.append(names[0])
    dest.write_text(yaml.safe_dump(put(made), allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return len(made), shown


def data_entries(data: Any, key: str | None = None) -> tuple[list[Any], Callable[[list[Any]], Any]]:
    """The file's list of entries, and a function that puts a new list back in its place.

    A file is a list of mappings, a mapping of id -> mapping, or either under one key
    (`terms:`, `events:`); without that key, the largest collection is taken.
    """
    if isinstance(data, list):
        return list(data), lambda new: new
    if not isinstance(data, dict):
        return [], lambda new: data
    if key in data and isinstance(data[key], (list, dict)):
        best = key
    elif data and len(data) > 2 and all(isinstance(v, dict) for v in data.values()):
        return list(data.items()), lambda new: dict(new)
    else:
        best = max((k for k, v in data.items() if isinstance(v, (list, dict))),
                   key=lambda k: len(data[k]), default=None)
    if best is None:
        return [], lambda new: data
    inner = data[best]
    if isinstance(inner, dict):
        return list(inner.items()), lambda new: {**data, best: dict(new)}
    return list(inner), lambda new: {**data, best: new}


def _names(value: Any) -> list[Any]:
    """The names a field holds: a name, a list of them, or either per language ({en: ..., ru: ...}),
    the first language's first."""
    if isinstance(value, dict):
        return [name for texts in value.values() for name in _names(texts)]
    return list(value) if isinstance(value, list) else [value] if value is not None else []


def _rename(node: Any, mapping: dict[str, str]) -> Any:
    if isinstance(node, str):
        return mapping.get(node, node)
    if isinstance(node, tuple):
        return (mapping.get(node[0], node[0]), _rename(node[1], mapping))
    if isinstance(node, list):
        return [_rename(item, mapping) for item in node]
    if isinstance(node, dict):
        return {k: _rename(v, mapping) for k, v in node.items()}
    return node


def _mention(lessons_dir: Path, slugs: list[str], names: list[str]) -> None:
    """Spread the copied terms over the lessons: a short paragraph each, before the quiz."""
    per_lesson = math.ceil(len(names) / len(slugs))
    for i, slug in enumerate(slugs):
        chunk = names[i * per_lesson:(i + 1) * per_lesson]
        if not chunk:
            break
        sentences = " ".join(f"{name} is discussed in this section alongside the regional organisations "
                             "of Central Asia." for name in chunk)
        path = lessons_dir / f"{slug}.md"
        text = path.read_text(encoding="utf-8")
        section = f"## More terms\n\n{sentences} [@moldashev2018]\n\n"
        at = text.find("## Check your understanding")
        text = text[:at] + section + text[at:] if at >= 0 else text.rstrip() + "\n\n" + section
        path.write_text(text, encoding="utf-8")


def _with_lessons(config_text: str, slugs: list[str]) -> str:
    """The config with its nav's lesson entries replaced by `slugs`, in place of the first."""
    matches = list(LESSON_LINE.finditer(config_text))
    if not matches:
        raise RuntimeError("no lessons/NN-slug.md entries found in the nav of mkdocs.yml")
    indent = re.sub(r"[^:\n]+:[ \t]*$", "", matches[0].group("indent"))
    lines = "\n".join(f"{indent}lessons/{slug}.md" for slug in slugs)
    start, end = matches[0].start(), matches[-1].end()
    return config_text[:start] + lines + config_text[end:]


def lesson_slugs(root: Path) -> list[str]:
    return [m.group("slug") for m in LESSON_LINE.finditer((root / "mkdocs.yml").read_text(encoding="utf-8"))]


def _count_questions(path: Path) -> int:
    entries, _ = data_entries(_load(path), "questions")
    return len(entries)


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def sizes_text(sizes: dict[str, int], short: bool = False) -> str:
    if short:
        return " ".join(f"{n}{kind[0]}" for kind, n in sizes.items())
    return ", ".join(f"{n} {kind}" for kind, n in sizes.items())
