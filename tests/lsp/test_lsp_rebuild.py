"""Fact-base builds run one at a time, keep the last good engine, and start on built-ins if need be."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from factlint.config import Config
from factlint.engine import EngineStats
from factlint.errors import RuleFileError
from factlint.lsp.rebuild import BuildOutcome, ProgressSink, Rebuilder

BROKEN = RuleFileError("rules/bad.yaml", 2, 1, "unknown key 'kinds'")


class FakeEngine:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.stats = EngineStats(articles=1, facts=2, rules=3, from_cache=False)


def breaks_on_rule_folders(config: Config, sink: ProgressSink | None) -> FakeEngine:
    """An engine opener for which every configured rule folder holds a broken file."""
    if config.rule_dirs:
        raise BROKEN
    return FakeEngine(config)


def make(opener: Any) -> tuple[Rebuilder, list[BuildOutcome]]:
    outcomes: list[BuildOutcome] = []

    async def done(outcome: BuildOutcome) -> None:
        outcomes.append(outcome)

    async def begin() -> ProgressSink:
        return lambda message, fraction: None

    rebuilder = Rebuilder(
        ThreadPoolExecutor(1), on_done=done, begin_progress=begin, end_progress=lambda _: None, opener=opener
    )
    return rebuilder, outcomes


async def test_requests_made_during_a_build_collapse_into_one_more_build() -> None:
    opened: list[int] = []
    started, release = threading.Event(), threading.Event()

    def opener(config: Config, sink: ProgressSink | None) -> FakeEngine:
        opened.append(config.debounce_ms)
        started.set()
        release.wait(10)
        return FakeEngine(config)

    rebuilder, outcomes = make(opener)
    first = rebuilder.request(Config(debounce_ms=1))
    await asyncio.get_running_loop().run_in_executor(None, started.wait, 10)
    rebuilder.request(Config(debounce_ms=2))
    rebuilder.request(Config(debounce_ms=3))
    release.set()
    await first
    assert opened == [1, 3]
    assert rebuilder.generation == 2
    assert [o.config.debounce_ms for o in outcomes] == [1, 3]


async def test_a_broken_rule_file_keeps_the_last_good_engine() -> None:
    rebuilder, outcomes = make(breaks_on_rule_folders)
    await rebuilder.request(Config())
    good = rebuilder.engine
    await rebuilder.request(Config(rule_dirs=(Path("rules"),)))
    assert rebuilder.engine is good and rebuilder.generation == 1
    assert outcomes[-1].rule_error is BROKEN and not outcomes[-1].fallback


async def test_with_no_good_engine_yet_the_built_in_rules_are_loaded_alone() -> None:
    rebuilder, outcomes = make(breaks_on_rule_folders)
    assert not rebuilder.settled.is_set()
    await rebuilder.request(Config(rule_dirs=(Path("rules"),)))
    assert rebuilder.settled.is_set()
    assert rebuilder.engine is not None and rebuilder.engine.config.rule_dirs == ()  # type: ignore[attr-defined]
    [outcome] = outcomes
    assert outcome.fallback and outcome.rule_error is BROKEN
    assert outcome.config.rule_dirs == (Path("rules"),), "the wanted configuration is remembered"


async def test_a_build_that_fails_outright_leaves_no_engine_but_settles() -> None:
    def opener(config: Config, sink: ProgressSink | None) -> FakeEngine:
        raise OSError("disk full")

    rebuilder, outcomes = make(opener)
    await asyncio.wait_for(rebuilder.request(Config()), 10)
    assert rebuilder.settled.is_set() and rebuilder.engine is None
    assert isinstance(outcomes[0].error, OSError)


class BehindEngine(FakeEngine):
    """An engine opened on the store as it stood: `catch_up` says what the sync did."""

    def __init__(self, config: Config, became: str, log: list[str]) -> None:
        super().__init__(config)
        self.behind = True
        self.became = became
        self.log = log

    def catch_up(self) -> str:
        self.log.append("sync")
        self.behind = False
        return self.became


def make_first(became: str) -> tuple[Rebuilder, list[BuildOutcome], list[str]]:
    """A rebuilder whose first build opens a `BehindEngine`, and later ones a synced engine."""
    log: list[str] = []
    outcomes: list[BuildOutcome] = []

    async def done(outcome: BuildOutcome) -> None:
        outcomes.append(outcome)
        log.append("published")

    async def begin() -> ProgressSink:
        return lambda message, fraction: None

    async def first_checks() -> None:
        log.append("first checks done")

    async def caught_up(result: str) -> None:
        log.append(f"caught up: {result}")

    def first(config: Config, sink: ProgressSink | None) -> BehindEngine:
        log.append("open as it stands")
        return BehindEngine(config, became, log)

    def synced(config: Config, sink: ProgressSink | None) -> FakeEngine:
        log.append("open and sync")
        return FakeEngine(config)

    rebuilder = Rebuilder(
        ThreadPoolExecutor(1), on_done=done, begin_progress=begin, end_progress=lambda _: None,
        opener=synced, first_opener=first, before_catch_up=first_checks, on_caught_up=caught_up,
    )  # fmt: skip
    return rebuilder, outcomes, log


async def test_the_first_engine_is_synced_after_the_first_checks_and_a_moved_store_is_a_new_generation() -> (
    None
):
    rebuilder, _, log = make_first("moved")
    await asyncio.wait_for(rebuilder.request(Config()), 10)
    assert log == ["open as it stands", "published", "first checks done", "sync", "caught up: moved"]
    assert rebuilder.generation == 2  # what was checked against the old state is checked again
    await asyncio.wait_for(rebuilder.request(Config(debounce_ms=5)), 10)
    assert log[-2:] == ["open and sync", "published"]  # later builds sync first, as they always did


async def test_a_catch_up_that_changed_nothing_keeps_the_generation() -> None:
    rebuilder, _, log = make_first("unchanged")
    await asyncio.wait_for(rebuilder.request(Config()), 10)
    assert log[-1] == "caught up: unchanged" and rebuilder.generation == 1


@pytest.mark.parametrize("became", ["replaced", "emptied"])
async def test_a_store_replaced_or_emptied_during_the_catch_up_is_opened_again(became: str) -> None:
    rebuilder, outcomes, log = make_first(became)
    first = rebuilder.request(Config())
    await asyncio.wait_for(first, 10)
    assert log == [
        "open as it stands",
        "published",
        "first checks done",
        "sync",
        "open and sync",
        "published",
    ]
    assert len(outcomes) == 2 and not isinstance(rebuilder.engine, BehindEngine)
