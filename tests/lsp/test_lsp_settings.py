"""Editor settings layer over the workspace's factlint.toml; a wrong one is refused whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factlint.config import Config
from factlint.errors import ConfigError
from factlint.lsp.settings import editor_table, layered_config, needs_rebuild


def test_settings_are_read_from_a_factlint_section_or_a_bare_table_in_either_spelling() -> None:
    assert editor_table({"factlint": {"debounceMs": 50}}) == {"debounce-ms": 50}
    assert editor_table({"spacyModel": None, "date": "2021-04-02"}) == {
        "spacy-model": None,
        "date": "2021-04-02",
    }
    assert editor_table(None) == {} and editor_table([1]) == {}


def test_editor_settings_override_the_workspace_file_and_keep_the_rest(tmp_path: Path) -> None:
    (tmp_path / "factlint.toml").write_text('date = "2020-01-01"\ndebounce-ms = 400\n')
    config = layered_config(tmp_path, {"date": "2021-04-02"})
    assert config.draft_date == date(2021, 4, 2)
    assert config.debounce_ms == 400


def test_relative_corpus_folders_in_settings_are_taken_from_the_workspace(tmp_path: Path) -> None:
    config = layered_config(tmp_path, {"corpus": "articles"})
    assert config.corpus_dirs == ((tmp_path / "articles").resolve(),)


def test_a_wrong_setting_is_a_config_error_naming_the_editor_settings(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="editor settings"):
        layered_config(tmp_path, {"debounce-ms": "fast"})


def test_only_a_debounce_change_keeps_the_engine() -> None:
    base = Config()
    assert not needs_rebuild(base, Config(debounce_ms=10))
    assert needs_rebuild(base, Config(draft_date=date(2021, 4, 2)))
