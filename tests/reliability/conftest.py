"""A fresh home (cache and user configuration) for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from .running import Home


@pytest.fixture
def home(tmp_path: Path) -> Home:
    root = tmp_path / "home"
    root.mkdir()
    return Home(root)
