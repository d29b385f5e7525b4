"""Fixtures for rule-file tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .projects import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    (tmp_path / "corpus").mkdir()
    return Project(tmp_path)
