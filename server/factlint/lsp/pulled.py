"""Pulled diagnostics of a draft whose first check is under way: its first parts, then a refresh.

A client that is pushed diagnostics sees a long draft's first parts as they are checked
(`session.FIRST_PART_CHARS`). A client that pulls them (`textDocument/diagnostic`, LSP 3.17) is
only ever answered, and a pull made when the draft is opened used to wait for the whole draft.
So a pull made during a draft's first check is answered with the first part the client does
not hold yet, under a result id of its own; when the check ends, the client is asked to pull
again (`workspace/diagnostic/refresh`) and gets the whole report. Only a client that takes
that request (`workspace.diagnostics.refreshSupport`) is given parts: any other would show a
part until the writer's next edit, so its pull waits for the whole draft, as any pull after
a draft's first check does (those re-check only what changed).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, Protocol, TypeVar


class Checked(Protocol):
    """A checked version of a document, whole or a part (`session.Analysis`)."""

    @property
    def uri(self) -> str: ...

    @property
    def version(self) -> int | None: ...

    @property
    def result_id(self) -> str: ...


C = TypeVar("C", bound=Checked)


class PulledParts(Generic[C]):
    """The latest part of each draft being checked for the first time, and which clients hold a
    part and are owed a refresh. Used on the event loop only."""

    def __init__(self, refresh: Callable[[], None]) -> None:
        self._refresh = refresh
        self._latest: dict[str, C] = {}
        self._arrived: dict[str, asyncio.Event] = {}
        self._holding: set[str] = set()
        """Documents the client was answered a part of, and not the whole report since."""
        self._whole: set[str] = set()
        """Documents the client was answered a whole report of: their checks give no parts."""

    def wanted(self, uri: str) -> bool:
        """Whether a check of `uri` is a first check, whose parts a pull may be answered with."""
        return uri not in self._whole

    def add(self, part: C) -> None:
        """A part of a first check is known (in the check's order)."""
        self._latest[part.uri] = part
        arrived = self._arrived.pop(part.uri, None)
        if arrived is not None:
            arrived.set()

    async def first_known(
        self,
        uri: str,
        version: int | None,
        held: str | None,
        whole: Awaitable[C | None],
        stored: Callable[[], C | None],
    ) -> C | None:
        """The whole report (`whole`), unless a part of `version` that the client does not hold
        (`held`, its last result id) is known first; then that part.

        `stored` gives the whole report as soon as the check has stored it: the awaitable
        resolves a few turns of the loop later, and a part answered in between would never be
        followed by a refresh (`finished` has run)."""
        whole_task = asyncio.ensure_future(whole)
        part_task = asyncio.ensure_future(self._newer(uri, version, held))
        try:
            done, _ = await asyncio.wait((whole_task, part_task), return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (whole_task, part_task):
                task.cancel()  # a done one stays done; the check itself goes on (it is shielded)
        if whole_task in done:
            return whole_task.result()
        return stored() or part_task.result()

    async def _newer(self, uri: str, version: int | None, held: str | None) -> C:
        while True:
            part = self._latest.get(uri)
            if part is not None and part.version == version and part.result_id != held:
                return part
            await self._arrived.setdefault(uri, asyncio.Event()).wait()

    def answered(self, uri: str, partial: bool) -> bool:
        """Note what a pull of `uri` was answered; whether a whole report follows a part."""
        if partial:
            self._holding.add(uri)
            return False
        self._whole.add(uri)
        if uri in self._holding:
            self._holding.discard(uri)
            return True
        return False

    def finished(self, checked: C) -> None:
        """A check has ended and its report is stored: its parts go, and a client that holds a
        part is asked to pull again. The request is queued behind the answer that gave the
        part, if that answer is not sent yet."""
        latest = self._latest.get(checked.uri)
        if latest is not None and latest.version == checked.version:
            del self._latest[checked.uri]
        if checked.uri in self._holding:
            asyncio.get_running_loop().call_soon(self._refresh)

    def closed(self, uri: str) -> None:
        self._latest.pop(uri, None)
        self._holding.discard(uri)
        self._whole.discard(uri)
