"""A burst of edits to one document runs one check; other documents are not affected."""

from __future__ import annotations

import asyncio

from factlint.lsp.debounce import Debouncer


async def test_a_new_edit_cancels_the_pending_check_of_the_same_document() -> None:
    ran: list[str] = []
    debouncer = Debouncer()

    async def job(name: str) -> None:
        ran.append(name)

    first = debouncer.schedule("a.md", 10_000, lambda: job("first"))
    second = debouncer.schedule("a.md", 0, lambda: job("second"))
    other = debouncer.schedule("b.md", 0, lambda: job("other"))
    await asyncio.gather(second, other)
    assert first.cancelled()
    assert sorted(ran) == ["other", "second"]


async def test_cancel_all_stops_every_pending_check() -> None:
    debouncer = Debouncer()

    async def never() -> None:
        raise AssertionError("cancelled jobs must not run")

    tasks = [debouncer.schedule(uri, 10_000, never) for uri in ("a.md", "b.md")]
    debouncer.cancel_all()
    await asyncio.gather(*tasks, return_exceptions=True)
    assert all(t.cancelled() for t in tasks)
