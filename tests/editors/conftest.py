"""Fixtures for the editor end-to-end tests (helpers live in editor_support.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from editor_support import DRAFT


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (`scripts/test` runs `-n auto --dist loadgroup`) the editor tests run
    one after another in one worker, beside the other tests: each drives a real editor
    (code-server and a browser, Neovim in tmux, Emacs), and no two of them start at once."""
    here = Path(__file__).resolve().parent
    for item in items:
        if here in item.path.resolve().parents:
            item.add_marker(pytest.mark.xdist_group("editors"))


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A fresh copy of the sample draft in a folder with no factlint.toml above it."""
    work = tmp_path / "newsroom"
    work.mkdir()
    target = work / DRAFT.name
    shutil.copyfile(DRAFT, target)
    return target
