"""Fixtures for the editor end-to-end tests (helpers live in editor_support.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from editor_support import DRAFT


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """A fresh copy of the sample draft in a folder with no factlint.toml above it."""
    work = tmp_path / "newsroom"
    work.mkdir()
    target = work / DRAFT.name
    shutil.copyfile(DRAFT, target)
    return target
