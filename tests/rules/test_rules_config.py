"""factlint.toml (or [tool.factlint]) is found above the draft; a wrong setting is named, not ignored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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
            'rule = ["mine"]\n',
            "unknown setting 'rule'; did you mean 'rules'? (known: builtin-rules, cache-dir, corpus,"
            " date, debounce-ms, disable, facts, rules, severity, spacy-model)",
        ),
        ("facts = 3\n", "setting 'facts' must be a path or a list of paths, not 3"),
        (
            '[severity]\nquantity-mismatch = "loud"\n',
            "setting 'severity' must be a table of rule id"
            " = error / warning / info / off, not {'quantity-mismatch': 'loud'}",
        ),
        ('date = "soon"\n', "setting 'date' must be a date YYYY-MM-DD, not 'soon'"),
        (
            'disable = "person-mismatch"\n',
            "setting 'disable' must be a list of rule ids, not 'person-mismatch'",
        ),
    ],
    ids=["unknown", "facts", "severity", "date", "disable"],
)
def test_a_wrong_setting_is_an_error_naming_the_file(tmp_path: Path, toml: str, message: str) -> None:
    path = write(tmp_path / "factlint.toml", toml)
    with pytest.raises(ConfigError) as raised:
        load_config(path=path)
    assert raised.value.describe() == f"{path}: {message}"
