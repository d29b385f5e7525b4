"""`factlint lint`, as its own process, holds the garbage collector while it imports and settles
it before it syncs and checks; called with its arguments from another program, it leaves that
program's collector alone."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factlint import collector
from factlint.cli.main import main

REPO = Path(__file__).resolve().parents[2]
DRAFT = REPO / "examples" / "draft.md"


@pytest.fixture(autouse=True)
def restored_collector() -> Iterator[None]:
    """Each test leaves the collector as it found it."""
    threshold, enabled = gc.get_threshold(), gc.isenabled()
    yield
    collector._held = False
    gc.unfreeze()
    gc.set_threshold(*threshold)
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_caller_s_collector_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    assert main(["lint", str(DRAFT), "--cache-dir", str(tmp_path)]) == 1
    assert gc.isenabled()
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() == frozen


def test_the_command_settles_the_collector_it_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settled_on: list[bool] = []
    settle = collector.settle

    def settling() -> None:
        settled_on.append(gc.isenabled())
        settle()

    monkeypatch.setattr(collector, "settle", settling)
    monkeypatch.setattr(sys, "argv", ["factlint", "lint", str(DRAFT), "--cache-dir", str(tmp_path)])
    assert main() == 1
    assert settled_on == [False]  # held until then
    assert gc.isenabled()
    assert gc.get_threshold()[0] == collector.YOUNG_OBJECTS
    assert "2 contradictions" in capsys.readouterr().out
