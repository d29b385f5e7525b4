"""Checking many drafts on every core, with a progress bar on a terminal.

Checking is CPU-bound Python, so threads would not help: from `POOL_MIN_DRAFTS`
drafts on, a process pool splits the work in small chunks and the results come
back in the drafts' order. On Linux the workers are forked once the parent has
opened the engine, so each starts with the rules and fact base already in memory
(about 50 ms for the pool, against 2-3 s per worker to import spaCy and load the
fact base from the pickle cache). Where fork is unsafe (macOS, Windows) each
worker is spawned and opens the engine once, from the cache the parent has just
written. The pool is made before the progress bar, so no thread is forked.

The bar is tqdm's: already installed with spaCy, maintained, writes to stderr,
and drawn only when stderr is a terminal and there are enough drafts to wait for.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from factlint.cli.lint_inputs import Draft
from factlint.config import Config
from factlint.engine import Engine
from factlint.output import DraftResult
from tqdm import tqdm

POOL_MIN_DRAFTS = 16
"""Below this, a pool saves less than it costs (a draft takes 5-15 ms to check)."""
PROGRESS_MIN_DRAFTS = 20
FORK_WORKERS = sys.platform == "linux"
"""Fork workers with the open engine (Linux); else spawn them to open it from the cache."""

_engine: Engine | None = None
"""The worker process's engine: inherited by `_use_engine` or opened by `_open_engine`."""


def default_jobs() -> int:
    """The cores this process may run on (respects CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_drafts(
    engine: Engine, drafts: list[Draft], jobs: int, progress: bool | None = None
) -> list[DraftResult]:
    """Every draft's findings, in order; in a pool of `jobs` workers when worth it."""
    show = _show_progress(len(drafts)) if progress is None else progress
    if jobs <= 1 or len(drafts) < POOL_MIN_DRAFTS:
        return list(_bar(map(lambda d: _check(engine, d), drafts), len(drafts), show))
    return _check_in_pool(engine, drafts, min(jobs, len(drafts)), show)


def _check(engine: Engine, draft: Draft) -> DraftResult:
    return DraftResult.locate(draft.path, draft.text, engine.check(draft.text).findings)


def _check_in_pool(engine: Engine, drafts: list[Draft], jobs: int, show: bool) -> list[DraftResult]:
    if FORK_WORKERS:
        # Forked workers start with the parent's engine in memory.
        fork = multiprocessing.get_context("fork")
        pool = ProcessPoolExecutor(jobs, mp_context=fork, initializer=_use_engine, initargs=(engine,))
    else:
        # No safe fork (macOS, Windows): each worker opens the engine from the cache.
        spawn = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(
            jobs, mp_context=spawn, initializer=_open_engine, initargs=(engine.config,)
        )
    chunk = max(1, min(16, len(drafts) // (jobs * 8)))
    try:
        return list(_bar(pool.map(_check_in_worker, drafts, chunksize=chunk), len(drafts), show))
    finally:
        # On Ctrl-C, drop the chunks not started rather than check them all first.
        pool.shutdown(wait=True, cancel_futures=True)


def _use_engine(engine: Engine) -> None:
    global _engine
    _ignore_interrupts()
    _engine = engine


def _open_engine(config: Config) -> None:
    global _engine
    _ignore_interrupts()
    _engine = Engine.open(config)


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle: workers would each print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check_in_worker(draft: Draft) -> DraftResult:
    if _engine is None:
        raise RuntimeError("factlint worker started without its engine")
    return _check(_engine, draft)


def _show_progress(count: int) -> bool:
    return count >= PROGRESS_MIN_DRAFTS and sys.stderr.isatty()


def _bar(results: Iterable[DraftResult], total: int, show: bool) -> Iterator[DraftResult]:
    if not show:
        yield from results
        return
    with tqdm(total=total, unit="draft", file=sys.stderr, leave=False, dynamic_ncols=True) as bar:
        for result in results:
            bar.update(1)
            yield result
