"""Check mkdocs.yml for what MkDocs cannot report itself, before MkDocs reads it.

An unquoted impossible date (`start: 2027-02-29`) is turned into a date by PyYAML while
MkDocs loads its configuration, before any hook or plugin runs, and the build dies with a
Python traceback. Every `make` target that runs MkDocs runs this first (Makefile), so the
author gets one line instead: the file, the line, what to write.

Usage: python scripts/check_config.py [mkdocs.yml ...]
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

TIMESTAMP = "tag:yaml.org,2002:timestamp"


def impossible_dates(text: str, display_path: str) -> list[str]:
    """One line per plain scalar YAML would read as a date that does not exist."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # MkDocs reports bad YAML itself, with its line
    found: list[str] = []
    _walk(root, "", display_path, found)
    return found


def main(paths: list[str]) -> int:
    problems = []
    for name in paths or ["mkdocs.yml"]:
        path = Path(name)
        if path.is_file():
            problems += impossible_dates(path.read_text(encoding="utf-8-sig"), name)
    for problem in problems:
        print(f"ERROR   -  {problem}", file=sys.stderr)
    return 1 if problems else 0


# Helper functions


def _walk(node: yaml.Node | None, where: str, display_path: str, found: list[str]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _walk(value, f"{where}.{key.value}" if where else str(key.value), display_path, found)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, f"{where}[{index}]", display_path, found)
    elif isinstance(node, yaml.ScalarNode) and node.tag == TIMESTAMP and node.style is None:
        try:
            yaml.SafeLoader("").construct_yaml_timestamp(node)
        except ValueError as error:
            found.append(f"{display_path}:{node.start_mark.line + 1}: {where}: {node.value} is not a date ({error}). "
                         f'Write an existing date, in quotes: "YYYY-MM-DD".')


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
