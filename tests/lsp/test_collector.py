"""The collector is held while `factlint serve` starts and settled once its first engine opens;
anyone else's collector (a library user's, the test suite's) is left as it is."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from factlint import collector
from factlint.config import Config
from factlint.lsp.rebuild import _settling, open_engine_as_it_stands


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


def test_settle_without_hold_changes_nothing() -> None:
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    collector.settle()
    assert gc.isenabled()
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() == frozen


def test_hold_then_settle_freezes_and_collects_young_objects_less_often() -> None:
    collector.hold()
    assert not gc.isenabled()
    kept = [[n] for n in range(1000)]  # alive at the end of start-up: frozen
    collector.settle()
    assert gc.isenabled()
    assert gc.get_threshold()[0] == collector.YOUNG_OBJECTS
    assert gc.get_freeze_count() >= len(kept)
    frozen = gc.get_freeze_count()
    collector.settle()  # only once
    assert gc.get_freeze_count() == frozen


def test_a_collector_already_off_is_not_turned_on() -> None:
    gc.disable()
    collector.hold()
    collector.settle()
    assert not gc.isenabled()


def test_the_first_engine_settles_it_even_when_it_cannot_open(tmp_path: Path) -> None:
    """A server whose corpus is missing still collects garbage from then on."""
    collector.hold()
    config = Config(corpus_dirs=(tmp_path / "missing",), cache_dir=tmp_path / "cache")
    with pytest.raises(Exception, match="does not exist"):
        open_engine_as_it_stands(config, None)
    assert gc.isenabled()
    assert gc.get_threshold()[0] == collector.YOUNG_OBJECTS


def test_a_sync_that_writes_the_store_runs_with_the_collector_on() -> None:
    """No store to open as it stands: the build it takes is no start-up."""
    reports: list[str] = []
    collector.hold()
    report = _settling(lambda message, fraction: reports.append(message))
    assert not gc.isenabled()
    report("reading sources: 1/40", 0.025)
    assert gc.isenabled()
    assert reports == ["reading sources: 1/40"]
