"""mkdocs.yml checked before MkDocs reads it (scripts/check_config.py, run first by make)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from check_config import impossible_dates
from helpers import ROOT, build, copy_project


def test_an_unquoted_impossible_date_is_one_line_with_its_line_and_what_to_write():
    text = "site_name: X\nextra:\n  course:\n    schedule:\n      start: 2027-02-29\n      skip: [2027-03-08, 2027-13-01]\n"
    assert impossible_dates(text, "mkdocs.yml") == [
        "mkdocs.yml:5: extra.course.schedule.start: 2027-02-29 is not a date (day is out of range for month). "
        'Write an existing date, in quotes: "YYYY-MM-DD".',
        "mkdocs.yml:6: extra.course.schedule.skip[1]: 2027-13-01 is not a date (month must be in 1..12). "
        'Write an existing date, in quotes: "YYYY-MM-DD".']
    assert impossible_dates('start: "2027-02-29"\nsite_url: !ENV [SITE_URL, "x"]\n', "mkdocs.yml") == []


@pytest.mark.slow
def test_mkdocs_alone_meets_it_with_a_traceback_which_the_check_run_first_replaces(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('start: "2027-02-01"', "start: 2027-02-29"),
                      encoding="utf-8")
    assert "Traceback" in build(project, tmp_path / "site").stdout  # why the check exists
    checked = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_config.py"), str(config)],
                             capture_output=True, text=True)
    assert checked.returncode == 1 and checked.stdout == ""
    assert checked.stderr.splitlines() == [
        f"ERROR   -  {config}:{_line(config, 'start: 2027-02-29')}: extra.course.schedule.start: 2027-02-29 is not "
        'a date (day is out of range for month). Write an existing date, in quotes: "YYYY-MM-DD".']


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("target", ["build", "serve", "offline", "test"])
def test_every_make_target_that_runs_mkdocs_checks_the_config_first(target):
    plan = subprocess.run(["make", "-n", "-W", "requirements.txt", target], cwd=ROOT, capture_output=True, text=True)
    commands = [line for line in plan.stdout.splitlines() if "check_config.py" in line or "mkdocs" in line
                or "pytest" in line or "package_offline" in line]
    assert commands and "check_config.py" in commands[0], plan.stdout


def _line(path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1
