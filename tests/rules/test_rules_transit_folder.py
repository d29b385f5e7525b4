"""A newsroom extends factlint for its transit beat with a rule folder: YAML only, no Python.

The corpus says "11 stations" and "Stationmaster Ada Okafor"; the draft says "12 stops"
and "Dispatcher Ada Okafor". The built-in rules let both pass (stops are not stations to
them, and a dispatcher is not a title they know); the folder's two rules catch both.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from factlint.cli.main import main

from .projects import Project

ARTICLE = """
date 2024-05-01
Green Line opens to passengers

The Green Line has 11 stations between the airport and the harbour.

Stationmaster Ada Okafor said the platforms at the harbour would be lengthened next year.

The project cost 1.2 billion euros, the city said.
"""

STATIONS = """
id: transit-stations
kind: quantity
message: "The sources count {expected}, not {claim}"
nouns: [station, stop]
synonyms:
  - [station, stop, halt]
changes-over-time: false
examples:
  corpus: The Blue Line has 30 stations.
  flag: [The Blue Line has 31 stops.]
  pass: [The Blue Line has 30 stops.]
"""

STAFF = """
id: transit-staff
kind: role
message: "The sources call {subject} {expected}, not {claim}"
titles: [stationmaster, dispatcher, conductor]
examples:
  date: 2024-05-02
  corpus-date: 2024-05-01
  corpus: Conductor Lena Park checked the tickets.
  flag: [Dispatcher Lena Park checked the tickets.]
  pass: [Conductor Lena Park checked the tickets.]
"""

DRAFT = """
---
date: 2024-05-03
---
The Green Line has 12 stops between the airport and the harbour.

Dispatcher Ada Okafor said the platforms at the harbour would be lengthened next year.

The project cost 1.2 billion euros, the city said.
"""


@pytest.fixture
def newsroom(project: Project) -> Project:
    project.write("corpus/green-line.txt", ARTICLE)
    project.write("transit-rules/stations.yaml", STATIONS)
    project.write("transit-rules/staff.yaml", STAFF)
    project.write("draft.md", DRAFT)
    return project


def factlint(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    common = ["--seeds", str(project.root / "corpus"), "--cache-dir", str(project.root / "cache")]
    code = main([*args, *common])
    return code, capsys.readouterr().out


def lint(project: Project, capsys: pytest.CaptureFixture[str], *rules: str) -> tuple[int, Any]:
    options = [arg for r in rules for arg in ("--rules", str(project.root / r))]
    code, out = factlint(
        project, capsys, "lint", str(project.root / "draft.md"), "--format", "json", *options
    )
    return code, [(f["rule"], f["line"], f["text"], f["expected"]) for f in json.loads(out)]


def test_the_builtin_rules_let_both_contradictions_pass(
    newsroom: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint(newsroom, capsys) == (0, [])


def test_the_rule_folder_catches_both(newsroom: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert lint(newsroom, capsys, "transit-rules") == (
        1,
        [
            ("transit-stations", 4, "12", ["11"]),
            ("transit-staff", 6, "Dispatcher", ["Stationmaster"]),
        ],
    )


def test_the_rule_folder_set_in_factlint_toml_is_used(
    newsroom: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    newsroom.write("factlint.toml", 'rules = ["transit-rules"]\n')
    monkeypatch.chdir(newsroom.root)
    code, findings = lint(newsroom, capsys)
    assert (code, [f[0] for f in findings]) == (1, ["transit-stations", "transit-staff"])


def test_the_rule_folder_is_valid_and_its_examples_pass(
    newsroom: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(newsroom.root / "transit-rules")
    assert main(["rules", "check", folder]) == 0
    code, out = factlint(newsroom, capsys, "rules", "test", "--rules", folder)
    assert (code, out.splitlines()[-1].split(", ")[-1]) == (0, "0 failed")


def test_the_rules_are_listed_with_where_they_come_from(
    newsroom: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = factlint(newsroom, capsys, "rules", "list", "--rules", str(newsroom.root / "transit-rules"))
    mine = [line.split() for line in out.splitlines() if line.startswith("transit-")]
    assert code == 0
    assert [(words[0], words[1], words[2], words[3].rsplit("/", 1)[-1]) for words in mine] == [
        ("transit-staff", "role", "error", "staff.yaml:1"),
        ("transit-stations", "quantity", "error", "stations.yaml:1"),
    ]
