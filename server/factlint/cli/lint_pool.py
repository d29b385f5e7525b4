"""Checking many drafts on every core, with a progress bar on a terminal.

Checking is CPU-bound Python, so threads would not help: from `POOL_MIN_DRAFTS`
drafts on, a process pool splits the work in small chunks and the results come
back in the drafts' order. Each worker opens the engine once, with its own
connection to the fact base the parent has just brought up to date (opening it
again takes about 0.2 s): an SQLite connection must not be used across a fork.
On Linux the workers are forked, so they skip importing spaCy (1-2 s each); the
parent's engine they inherit is never touched. Forking is only safe in a
process with no other thread (one could hold a lock the child then waits on for
ever), so with threads about workers start from a fork server instead; on
macOS and Windows they are spawned.

The bar is tqdm's: already installed with spaCy, maintained, writes to stderr,
and drawn only when stderr is a terminal and there are enough drafts to wait for.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext

from factlint.cli.lint_inputs import Draft
from factlint.config import Config
from factlint.engine import Engine
from factlint.errors import InputError
from factlint.output import DraftResult
from factlint.processes import die_with_parent
from factlint.text.document import FrontMatterError

Outcome = DraftResult | InputError
"""A checked draft, or why it could not be checked (the others are checked all the same)."""

POOL_MIN_DRAFTS = 16
"""Below this, a pool saves less than it costs (a draft takes 5-15 ms to check)."""
PROGRESS_MIN_DRAFTS = 20
START_METHOD = "fork" if sys.platform == "linux" else "spawn"
"""How workers start: forked where that is safe (Linux), else spawned."""

_engine: Engine | None = None
"""The worker process's engine, opened once by `_open_engine`."""


def default_jobs() -> int:
    """The cores this process may run on (respects CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def uses_pool(count: int, jobs: int) -> bool:
    return jobs > 1 and count >= POOL_MIN_DRAFTS


def check_drafts(
    engine: Engine, drafts: list[Draft], jobs: int, progress: bool | None = None
) -> list[Outcome]:
    """Every draft's findings, in order; in a pool of `jobs` workers when worth it."""
    show = _show_progress(len(drafts)) if progress is None else progress
    in_memory = getattr(engine.fact_base, "path", None) == ":memory:"  # cache folder not writable
    if in_memory or not uses_pool(len(drafts), jobs):  # workers would rebuild it each
        return list(_bar(map(lambda d: _check(engine, d), drafts), len(drafts), show))
    return _check_in_pool(engine.config, drafts, min(jobs, len(drafts)), show)


def _check(engine: Engine, draft: Draft) -> Outcome:
    try:
        report = engine.check(draft.text, path=draft.path)
    except FrontMatterError as problem:
        return InputError(f"{draft.path}:{problem.line}:{problem.column}", problem.message)
    return DraftResult.of_report(draft.path, draft.text, report, engine.config.show_unsourced)


def _context() -> BaseContext:
    if START_METHOD == "fork" and threading.active_count() > 1:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["factlint.engine"])
        return context
    return multiprocessing.get_context(START_METHOD)


def _check_in_pool(config: Config, drafts: list[Draft], jobs: int, show: bool) -> list[Outcome]:
    owner = os.getpid()
    pool = ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_open_engine, initargs=(config, owner)
    )
    chunk = max(1, min(16, len(drafts) // (jobs * 8)))
    try:
        return list(_bar(pool.map(_check_in_worker, drafts, chunksize=chunk), len(drafts), show))
    finally:
        # On Ctrl-C, drop the chunks not started rather than check them all first.
        pool.shutdown(wait=True, cancel_futures=True)


def _open_engine(config: Config, owner: int) -> None:
    global _engine
    die_with_parent(owner)
    # Ctrl-C is the parent's to handle: workers would each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _engine = Engine.open(config)


def _check_in_worker(draft: Draft) -> Outcome:
    if _engine is None:
        raise RuntimeError("factlint worker started without its engine")
    return _check(_engine, draft)


def _show_progress(count: int) -> bool:
    return count >= PROGRESS_MIN_DRAFTS and sys.stderr.isatty()


def _bar(results: Iterable[Outcome], total: int, show: bool) -> Iterator[Outcome]:
    if not show:
        yield from results
        return
    from tqdm import tqdm  # imported only for a bar: it is not free, and most runs draw none

    with tqdm(total=total, unit="draft", file=sys.stderr, leave=False, dynamic_ncols=True) as bar:
        for result in results:
            bar.update(1)
            yield result
