"""Run the latest job per key after a quiet period, cancelling the one it replaces.

Each document URI has at most one pending check; a keystroke cancels the
pending one and starts the wait again, so a burst of typing costs one check.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable


class Debouncer:
    def __init__(self) -> None:
        self._pending: dict[str, asyncio.Task[None]] = {}

    def schedule(self, key: str, delay_ms: int, job: Callable[[], Awaitable[None]]) -> asyncio.Task[None]:
        """Run `job` after `delay_ms` unless `schedule` or `cancel` is called again for `key`."""
        self.cancel(key)
        task = asyncio.ensure_future(self._run(key, delay_ms, job))
        self._pending[key] = task
        return task

    async def _run(self, key: str, delay_ms: int, job: Callable[[], Awaitable[None]]) -> None:
        try:
            if delay_ms > 0:
                await asyncio.sleep(delay_ms / 1000)
            await job()
        finally:
            if self._pending.get(key) is asyncio.current_task():
                del self._pending[key]

    def cancel(self, key: str) -> None:
        task = self._pending.pop(key, None)
        if task is not None:
            task.cancel()

    def cancel_all(self) -> None:
        for key in list(self._pending):
            self.cancel(key)
