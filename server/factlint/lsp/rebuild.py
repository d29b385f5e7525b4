"""Loading the fact base in the background, one build at a time, keeping the last good one.

`Rebuilder.request(config)` queues a build; builds never overlap, and requests
made during a build collapse into one more build afterwards. The engine is opened
on a worker thread (the event loop keeps answering the editor), its progress is
handed back to the loop, and a failed build leaves the previous engine in place.

The first build of a server opens the store as its last sync left it, without a
look at the corpus (on a large archive, a `stat` of every file is seconds), so the
open drafts get their first diagnostics at once; the sync then runs (`catch_up`),
after those first checks, and the drafts are checked again if the store changed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factlint import collector
from factlint.config import Config
from factlint.errors import FactlintError, RuleFileError
from factlint.wording import count

if TYPE_CHECKING:
    from factlint.engine import Engine

log = logging.getLogger(__name__)

ProgressSink = Callable[[str, float], None]


@dataclass(frozen=True)
class BuildOutcome:
    """What one build produced: a new engine, or the error that kept the old one."""

    config: Config
    engine: Engine | None
    error: Exception | None = None
    fallback: bool = False
    """True when the configured rules, facts or rule settings failed and only the built-in
    rules loaded, with their own severities."""

    @property
    def summary(self) -> str:
        """One line for the end of the progress report."""
        if self.engine is None:
            return f"factlint: not rebuilt: {self.error}"
        stats = self.engine.stats
        only = ", built-in rules only" if self.fallback else ""
        cached = ", from cache" if stats.from_cache else ""
        facts, articles, rules = (
            count(stats.facts, "fact"),
            count(stats.articles, "article"),
            count(stats.rules, "rule"),
        )
        return f"factlint: {facts} from {articles}, {rules}{only}{cached}"

    @property
    def rule_error(self) -> RuleFileError | None:
        return self.error if isinstance(self.error, RuleFileError) else None


def open_engine(config: Config, progress: ProgressSink | None) -> Engine:
    """Open an engine (imports the heavy library on first use, on the calling thread)."""
    from factlint.engine import Engine

    # the server lives long while other processes (CI, a hook, `factlint lint`) update the
    # shared cache: it reads the latest state at each check
    engine = Engine.open(config, progress=progress)
    engine.follow()
    return engine


def open_engine_as_it_stands(config: Config, progress: ProgressSink | None) -> Engine:
    """`open_engine` on the store as its last sync left it, if there is one (see `catch_up`).

    The server's start-up ends here, opened or not: the collector `serve` held is settled, and
    before that if there is no store to open as it stands and a sync writes one (a build of the
    archive is no start-up: it runs with the collector on)."""
    try:
        from factlint.engine import Engine

        engine = Engine.open(config, progress=_settling(progress), sync=False)
    finally:
        collector.settle()
    engine.follow()
    return engine


def _settling(progress: ProgressSink | None) -> ProgressSink:
    """`progress`, settling the collector at its first report (a sync is writing the store)."""

    def report(message: str, fraction: float) -> None:
        collector.settle()
        if progress is not None:
            progress(message, fraction)

    return report


def catch_up(engine: Engine) -> str:
    """Sync an engine opened as the store stood; what became of its state (`Engine.catch_up`)."""
    return engine.catch_up() if getattr(engine, "behind", False) else "unchanged"


class Rebuilder:
    """Owns the current engine and the queue of builds that may replace it."""

    def __init__(
        self,
        executor: ThreadPoolExecutor,
        on_done: Callable[[BuildOutcome], Awaitable[None]],
        begin_progress: Callable[[], Awaitable[ProgressSink]],
        end_progress: Callable[[str], None],
        opener: Callable[[Config, ProgressSink | None], Engine] = open_engine,
        first_opener: Callable[[Config, ProgressSink | None], Engine] | None = None,
        before_catch_up: Callable[[], Awaitable[None]] | None = None,
        on_caught_up: Callable[[str], Awaitable[None]] | None = None,
    ) -> None:
        self._executor = executor
        self._on_done = on_done
        self._begin_progress = begin_progress
        self._end_progress = end_progress
        self._opener = opener
        self._first_opener = first_opener
        """Opens the first engine (the store as it stands); later builds sync first, as asked."""
        self._before_catch_up = before_catch_up
        self._on_caught_up = on_caught_up
        self._pending: Config | None = None
        self._task: asyncio.Task[None] | None = None
        self.engine: Engine | None = None
        self.generation = 0
        """Goes up with every engine put in place, so cached results can tell they are stale."""
        self.settled = asyncio.Event()
        """Set once the first build has finished, with or without an engine."""

    def request(self, config: Config) -> asyncio.Task[None]:
        """Build an engine for `config` after any build in progress; returns the build task."""
        self._pending = config
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._drain())
        return self._task

    async def _drain(self) -> None:
        while self._pending is not None:
            config, self._pending = self._pending, None
            sink = await self._begin_progress()
            first = self.engine is None and self._first_opener is not None
            outcome = await self._build(config, sink, first)
            if outcome.engine is not None:
                self.engine = outcome.engine
                self.generation += 1
            self.settled.set()
            self._end_progress(outcome.summary)
            await self._on_done(outcome)
            if outcome.engine is not None and self._pending is None:
                await self._catch_up(outcome.engine, config)

    async def _catch_up(self, engine: Engine, config: Config) -> None:
        """Sync an engine opened on the store as it stood, once the first checks are done; a
        store that moved means new checks, one found damaged and built anew a new engine."""
        if not getattr(engine, "behind", False):
            return
        if self._before_catch_up is not None:
            await self._before_catch_up()
        if self._pending is not None:
            return  # a build is asked for already: it syncs
        loop = asyncio.get_running_loop()
        try:
            became = await loop.run_in_executor(self._executor, catch_up, engine)
        except Exception:
            log.exception("bringing the fact base up to date failed")
            return  # the engine keeps the state it has; a rebuild (a save, the command) retries
        if engine is not self.engine:
            return
        if became in ("replaced", "emptied"):
            self.request(config)  # a new engine, or the error that says why there is none
            return
        if became == "moved":
            self.generation += 1
        if self._on_caught_up is not None:
            await self._on_caught_up(became)

    async def _build(self, config: Config, sink: ProgressSink, first: bool = False) -> BuildOutcome:
        loop = asyncio.get_running_loop()
        opener = self._first_opener if first and self._first_opener is not None else self._opener
        try:
            engine = await loop.run_in_executor(self._executor, opener, config, sink)
            return BuildOutcome(config, engine)
        except Exception as error:
            if not isinstance(error, FactlintError):
                log.exception("building the fact base failed")
            bare = replace(config, rule_dirs=(), fact_files=(), severities={}, disabled_rules=frozenset())
            if self.engine is not None or bare == config:
                return BuildOutcome(config, None, error)
            # Nothing good to keep yet: start on the built-in rules alone, as they ship.
            try:
                engine = await loop.run_in_executor(self._executor, self._opener, bare, sink)
            except Exception:
                log.exception("building the fact base with built-in rules failed")
                return BuildOutcome(config, None, error)
            return BuildOutcome(config, engine, error, fallback=True)
