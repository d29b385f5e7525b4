"""Running `factlint lint` in-process on small drafts checked against the bundled seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from factlint.cli.main import main

from .drafts import Lint, Outcome


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One fact-base cache for the session: only the first run builds it."""
    return tmp_path_factory.mktemp("factlint-cache")


@pytest.fixture
def lint(cache_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Lint:
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def run(*args: str) -> Outcome:
        code = main(["lint", "--cache-dir", str(cache_dir), *args])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run
