"""factlint.toml (or [tool.factlint]) is found above the draft; a wrong setting is named, not ignored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factlint.cli.main import main
from factlint.config import Config, find_config_file, load_config
from factlint.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_nearest_factlint_toml_above_the_draft_is_used(tmp_path: Path) -> None:
    write(tmp_path / "factlint.toml", 'date = "2024-05-02"\n')
    draft = write(tmp_path / "desk" / "drafts" / "draft.md", "text\n")
    assert find_config_file(draft) == tmp_path / "factlint.toml"
    assert load_config(draft).draft_date == date(2024, 5, 2)


def test_a_pyproject_counts_only_with_a_tool_factlint_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.factlint]\nrules = "newsroom-rules"\n')
    write(tmp_path / "desk" / "pyproject.toml", '[project]\nname = "desk"\n')
    draft = write(tmp_path / "desk" / "draft.md", "text\n")
    assert load_config(draft).rule_dirs == ((tmp_path / "newsroom-rules").resolve(),)


def test_paths_are_relative_to_the_configuration_file(tmp_path: Path) -> None:
    write(tmp_path / "factlint.toml", 'corpus = ["sources"]\nfacts = "facts/troops.yaml"\n')
    config = load_config(tmp_path / "factlint.toml")
    assert config.corpus_dirs == ((tmp_path / "sources").resolve(),)
    assert config.fact_files == ((tmp_path / "facts" / "troops.yaml").resolve(),)


def test_without_a_file_the_defaults_hold(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            'date = "2024-05-02"\nrule = ["mine"]\n',
            "2:1: unknown setting 'rule'; did you mean 'rules'? (known: builtin-rules, cache-dir, corpus,"
            " date, debounce-ms, disable, docs-url, facts, max-file-bytes, rules, severity, show-unsourced,"
            " spacy-model, store, trust)",
        ),
        ("facts = 3\n", "1:9: setting 'facts' must be a path or a list of paths, not 3"),
        (
            '[severity]\nquantity-mismatch = "loud"\n',
            "1:1: setting 'severity' must be a table of rule id"
            " = error / warning / info / off, not {'quantity-mismatch': 'loud'}",
        ),
        ('# when\n  date = "soon"\n', "2:10: setting 'date' must be a date YYYY-MM-DD, not 'soon'"),
        (
            'disable = "person-mismatch"\n',
            "1:11: setting 'disable' must be a list of rule ids, not 'person-mismatch'",
        ),
        ('corpus = ["sources"\ndate = "2024-05-02"\n', "2:1: not valid TOML: Unclosed array"),
        ('date = "2024-05-02"\ndate = "2024-05-03"\n', "2:20: not valid TOML: Cannot overwrite a value"),
    ],
    ids=["unknown", "facts", "severity", "date", "disable", "syntax", "twice"],
)
def test_a_wrong_setting_is_an_error_at_its_line_and_column(tmp_path: Path, toml: str, message: str) -> None:
    path = write(tmp_path / "factlint.toml", toml)
    with pytest.raises(ConfigError) as raised:
        load_config(path=path)
    assert raised.value.describe() == f"{path}:{message}"


def test_a_wrong_setting_in_pyproject_is_placed_in_the_tool_factlint_table(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "desk"\ndate = "x"\n\n[tool.factlint]\ncorpus = ["sources"]\ndate = "soon"\n',
    )
    with pytest.raises(ConfigError) as raised:
        load_config(path=path)
    assert raised.value.describe() == f"{path}:7:8: setting 'date' must be a date YYYY-MM-DD, not 'soon'"


@pytest.mark.parametrize(
    ("toml", "where", "problem"),
    [
        (
            '[severity]\nplace-mismatch = "warning"\nquantity-mismach = "info"\n',
            "3:1",
            "unknown rule id 'quantity-mismach' in 'severity'; did you mean 'quantity-mismatch'?",
        ),
        (
            'severity = { "role-mismatch" = "warning", "persn-mismatch" = "off" }\n',
            "1:43",
            "unknown rule id 'persn-mismatch' in 'severity'; did you mean 'person-mismatch'?",
        ),
        (
            'date = "2021-04-02"\ndisable = [\n  "place-mismatch",\n  "duraton-mismatch",\n]\n',
            "4:3",
            "unknown rule id 'duraton-mismatch' in 'disable'; did you mean 'duration-mismatch'?",
        ),
    ],
    ids=["severity-table", "severity-inline", "disable"],
)
def test_an_unknown_rule_id_in_the_settings_is_an_error_at_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, where: str, problem: str
) -> None:
    config = write(tmp_path / "factlint.toml", toml)
    draft = write(tmp_path / "draft.md", "The US has 3,000 troops in Afghanistan.\n")
    code = main(["lint", "--cache-dir", str(tmp_path / "cache"), str(draft)])
    assert (code, capsys.readouterr().err) == (2, f"factlint: {config}:{where}: {problem}\n")


def test_the_unknown_suppression_check_and_switched_off_built_in_rules_are_known_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path / "factlint.toml",
        'builtin-rules = false\nrules = ["mine"]\ndisable = ["person-mismatch", "unknown-suppression"]\n',
    )
    write(tmp_path / "mine" / "stations.yaml", "id: stations\nkind: quantity\nmessage: m\nnouns: [station]\n")
    draft = write(tmp_path / "draft.md", "The line has 12 stations.\n")
    assert main(["lint", "--cache-dir", str(tmp_path / "cache"), str(draft)]) == 0
