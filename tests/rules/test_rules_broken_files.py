"""A broken rule file is reported as `file:line:col: problem` by `factlint rules check`, exit 2.

Each case is a whole rule file and the exact line the user reads. The check runs
through the CLI entry point, so an exception escaping (a traceback) fails the test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factlint.cli.main import main
from factlint.resources import builtin_rules_dir

GOOD = "id: transit-stations\nkind: quantity\nmessage: The sources say {expected}, not {claim}\n"

CASES = [
    (
        "malformed YAML: an unclosed list",
        GOOD + "nouns: [station, stop\n",
        "5:1: not valid YAML: expected ',' or ']', but got '<stream end>'"
        " (while parsing a flow sequence at line 4, column 8)",
    ),
    (
        "malformed YAML: a tab for indentation",
        GOOD + "nouns:\n\t- station\n",
        "5:1: not valid YAML: found character '\\t' that cannot start any token",
    ),
    (
        "unknown key, with did-you-mean",
        GOOD + "synonym: [[station, stop]]\n",
        "4:1: unknown key 'synonym' in a quantity rule; did you mean 'synonyms'?",
    ),
    (
        "a key of another kind",
        GOOD + "titles: [stationmaster]\n",
        "4:1: key 'titles' belongs to role rules, not quantity rules",
    ),
    (
        "a key named as in Vale",
        GOOD + "level: warning\n",
        "4:1: unknown key 'level'; factlint calls it 'severity'",
    ),
    (
        "wrong type: text for a number",
        GOOD + "tolerance: five percent\n",
        "4:12: 'tolerance' must be a number, not 'five percent'",
    ),
    (
        "wrong type: a fraction for whole days",
        GOOD + "window-days: 1.5\n",
        "4:14: 'window-days' must be a whole number, not 1.5",
    ),
    (
        "a negative tolerance",
        GOOD + "tolerance: -0.1\n",
        "4:12: 'tolerance' must not be negative, not -0.1",
    ),
    (
        "unknown kind, with did-you-mean",
        "id: transit-stations\nkind: quantiy\nmessage: m\n",
        "2:7: unknown kind 'quantiy'; did you mean 'quantity'?",
    ),
    (
        "missing id",
        "kind: quantity\nmessage: m\n",
        "1:1: rule is missing the required key 'id'",
    ),
    (
        "an id of two words",
        "id: transit stations\nkind: quantity\nmessage: m\n",
        "1:5: id 'transit stations' must be one word of letters, digits, '-', '_' or '.',"
        " like 'transit-stations'",
    ),
    (
        "duplicate id in one file",
        "- id: transit-stations\n  kind: quantity\n  message: m\n"
        "- id: transit-stations\n  kind: duration\n  message: m\n",
        "4:7: duplicate rule id 'transit-stations' (first defined at {path}:1)",
    ),
    (
        "bad severity, with did-you-mean",
        GOOD + "severity: warn\n",
        "4:11: severity must be error, warning, info or off, not 'warn'; did you mean 'warning'?",
    ),
    (
        "unknown placeholder in message",
        "id: transit-stations\nkind: quantity\nmessage: The sources say {expectd}\n",
        "3:10: unknown placeholder {expectd} in message (known: {claim}, {expected}, {subject}, {source})",
    ),
    (
        "unclosed placeholder in message",
        "id: transit-stations\nkind: quantity\nmessage: 'The sources say {expected'\n",
        "3:10: message has a broken placeholder (expected '}' before end of string);"
        " write {{ and }} for braces",
    ),
    (
        "a list where one value is expected",
        "id: transit-stations\nkind: quantity\nmessage: [one, two]\n",
        "3:10: 'message' must be a single value, not a list",
    ),
    (
        "one word where a list is expected",
        GOOD + "nouns: station\n",
        "4:8: 'nouns' must be a list, like [station], not 'station'",
    ),
    (
        "a list inside a list of words",
        GOOD + "nouns: [station, [stop, halt]]\n",
        "4:18: each item of 'nouns' must be a single value, not a list",
    ),
    (
        "a synonym group that is not a list",
        GOOD + "synonyms: [station, stop]\n",
        "4:12: each item of 'synonyms' must be a list of words that mean the same, like [station, stop]",
    ),
    (
        "a synonym group of one word",
        GOOD + "synonyms: [[station]]\n",
        "4:12: a group in 'synonyms' needs at least two words",
    ),
    (
        "a phrase where the extractor matches single words",
        "id: transit-staff\nkind: role\nmessage: m\ntitles: [stationmaster, chief dispatcher]\n",
        "4:25: 'titles' holds single words, and 'chief dispatcher' is several",
    ),
    (
        "a YAML tag that would build an object",
        "id: !!python/name:os.system transit\nkind: quantity\nmessage: m\n",
        "1:5: YAML tag '!!python/name:os.system' is not allowed: only plain data",
    ),
    (
        "an impossible example date",
        GOOD + "examples:\n  date: 2024-13-45\n  pass: [The line has 11 stations.]\n",
        "5:9: 'examples.date' must be a date YYYY-MM-DD, not '2024-13-45'",
    ),
    (
        "unknown key in examples",
        GOOD + "examples:\n  flagged: [The line has 12 stations.]\n",
        "5:3: unknown key 'flagged' in examples; did you mean 'flag'?",
    ),
    (
        "examples without a sentence",
        GOOD + "examples:\n  corpus: The line has 11 stations.\n",
        "5:3: examples need at least one sentence under 'flag' or 'pass'",
    ),
    (
        "a key given twice",
        GOOD + "id: other\n",
        "4:1: key 'id' appears twice",
    ),
    (
        "an empty file",
        "# nothing yet\n",
        "1:1: empty rule file: expected a rule (id, kind, message)",
    ),
]


def check(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, str, str]:
    code = main(["rules", "check", *map(str, paths)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("content", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_rule_file_is_located_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "transit.yaml"
    path.write_text(content, encoding="utf-8")
    code, out, err = check(capsys, path)
    where = f"{path}:{expected}".replace("{path}", str(path))
    assert (code, out, err) == (2, f"{where}\n1 rule file checked, 1 with problems\n", "")


def test_every_problem_of_a_file_is_reported_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "transit.yaml"
    path.write_text(
        "id: transit-stations\n"
        "kind: quantity\n"
        "mesage: The sources say {expected}, not {claim}\n"
        "synonym: [[station, stop]]\n"
        "tolerance: lots\n"
        "examples:\n"
        "  flagged: [The line has 12 stations.]\n",
        encoding="utf-8",
    )
    code, out, err = check(capsys, path)
    assert (code, err) == (2, "")
    assert out.splitlines() == [
        f"{path}:3:1: unknown key 'mesage' in a quantity rule; did you mean 'message'?",
        f"{path}:4:1: unknown key 'synonym' in a quantity rule; did you mean 'synonyms'?",
        f"{path}:5:12: 'tolerance' must be a number, not 'lots'",
        f"{path}:7:3: unknown key 'flagged' in examples; did you mean 'flag'?",
        "1 rule file checked, 1 with problems",
    ]


def test_a_misspelt_kind_does_not_hide_the_other_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "transit.yaml"
    path.write_text(
        "id: transit stations\nkind: quantiy\nmessage: '{expectd}'\nnouns: [station]\nsynonym: []\n",
        encoding="utf-8",
    )
    _, out, _ = check(capsys, path)
    assert out.splitlines()[:-1] == [
        f"{path}:1:5: id 'transit stations' must be one word of letters, digits, '-', '_' or '.',"
        " like 'transit-stations'",
        f"{path}:2:7: unknown kind 'quantiy'; did you mean 'quantity'?",
        f"{path}:3:10: unknown placeholder {{expectd}} in message (known: {{claim}}, {{expected}},"
        " {subject}, {source})",
        f"{path}:5:1: unknown key 'synonym' in a rule; did you mean 'synonyms'?",
    ]


def test_linting_reports_every_problem_of_the_rule_files_then_stops(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.yaml").write_text(GOOD + "synonym: [[station, stop]]\ntolerance: lots\n", encoding="utf-8")
    (rules / "b.yaml").write_text("kind: quantity\nmessage: m\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("The line has 12 stops.\n", encoding="utf-8")
    code = main(["lint", "--rules", str(rules), str(draft)])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert captured.err.splitlines() == [
        f"factlint: {rules / 'a.yaml'}:4:1: unknown key 'synonym' in a quantity rule;"
        " did you mean 'synonyms'?",
        f"factlint: {rules / 'a.yaml'}:5:12: 'tolerance' must be a number, not 'lots'",
        f"factlint: {rules / 'b.yaml'}:1:1: rule is missing the required key 'id'",
    ]


def test_there_are_at_least_twelve_broken_files() -> None:
    assert len(CASES) >= 12


def test_a_good_rule_file_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "transit.yaml"
    path.write_text(GOOD + "nouns: [station]\nsynonyms: [[station, stop]]\n", encoding="utf-8")
    assert check(capsys, path) == (0, "1 rule file checked, 0 with problems\n", "")


def test_every_broken_file_of_a_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.yaml").write_text(GOOD + "tolerance: lots\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("kind: role\nmessage: m\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(GOOD.replace("transit-stations", "c"), encoding="utf-8")
    code, out, _ = check(capsys, tmp_path)
    assert code == 2
    assert out.splitlines() == [
        f"{tmp_path / 'a.yaml'}:4:12: 'tolerance' must be a number, not 'lots'",
        f"{tmp_path / 'b.yml'}:1:1: rule is missing the required key 'id'",
        "3 rule files checked, 2 with problems",
    ]


def test_hidden_files_and_folders_are_not_rules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.yaml").write_text("core: {}\n", encoding="utf-8")
    (tmp_path / ".stations.yaml.swp.yaml").write_text("junk: [\n", encoding="utf-8")
    (tmp_path / "stations.yaml").write_text(GOOD, encoding="utf-8")
    assert check(capsys, tmp_path) == (0, "1 rule file checked, 0 with problems\n", "")


def test_a_rule_may_not_take_a_builtin_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("id: quantity-mismatch\nkind: quantity\nmessage: m\n", encoding="utf-8")
    _, out, _ = check(capsys, path)
    first = builtin_rules_dir() / "quantity.yaml"
    assert out.splitlines()[0] == (
        f"{path}:1:5: duplicate rule id 'quantity-mismatch' (first defined at {first}:2)"
    )


def test_ids_clash_across_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "two" / "b.yaml").write_text(GOOD, encoding="utf-8")
    _, out, _ = check(capsys, tmp_path / "one", tmp_path / "two")
    assert out.splitlines()[0] == (
        f"{tmp_path / 'two' / 'b.yaml'}:1:5: duplicate rule id 'transit-stations'"
        f" (first defined at {tmp_path / 'one' / 'a.yaml'}:1)"
    )


def test_a_missing_folder_is_a_located_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = check(capsys, tmp_path / "nowhere")
    assert (code, out.splitlines()[0]) == (2, f"{tmp_path / 'nowhere'}:1:1: no such rule file or folder")


def test_a_file_that_is_not_utf8_is_a_located_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(GOOD.encode() + "description: Malmö\n".encode("latin-1"))
    _, out, _ = check(capsys, path)
    assert out.splitlines()[0] == f"{path}:4:1: rule files must be UTF-8 text"


def test_linting_with_a_broken_rule_folder_exits_2_without_traceback(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "transit.yaml").write_text(GOOD + "synonym: [[station, stop]]\n", encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("The line has 12 stops.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "factlint", "lint", "--rules", str(rules), str(draft)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"factlint: {rules / 'transit.yaml'}:4:1: unknown key 'synonym' in a quantity rule;"
        " did you mean 'synonyms'?\n"
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_fact_files_are_checked_with_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("- statement: The line has 11 stations.\n  dat: 2024-05-01\n", encoding="utf-8")
    code = main(["rules", "check", "--facts", str(facts)])
    assert (code, capsys.readouterr().out) == (
        2,
        f"{facts}:2:3: unknown key 'dat' in a fact; did you mean 'date'?\n"
        "1 fact file checked, 1 with problems\n",
    )


def test_without_paths_the_configured_rules_and_facts_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "my-rules").mkdir()
    (tmp_path / "my-rules" / "stations.yaml").write_text(GOOD + "tolerance: lots\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_text("- statement: The line has 11 stations.\n", encoding="utf-8")
    (tmp_path / "factlint.toml").write_text('rules = "my-rules"\nfacts = "facts.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["rules", "check"])
    assert (code, capsys.readouterr().out.splitlines()) == (
        2,
        [
            f"{tmp_path / 'my-rules' / 'stations.yaml'}:4:12: 'tolerance' must be a number, not 'lots'",
            "1 rule file checked, 1 with problems",
            "1 fact file checked, 0 with problems",
        ],
    )


def test_rules_check_with_nothing_to_check_says_so_rather_than_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "check"]) == 2
    assert capsys.readouterr() == (
        "",
        "factlint: rules check: nothing to check: give rule files or folders (or --facts FILE);"
        " no factlint.toml names any\n",
    )
