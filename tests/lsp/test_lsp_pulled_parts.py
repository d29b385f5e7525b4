"""A pull made during a draft's first check is answered with the first part the client lacks, or
with the whole report if that is known first; a client answered a part is asked to pull again
when the check ends, after that answer, and only then (`factlint.lsp.pulled`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from factlint.lsp.pulled import PulledParts

URI = "file:///drafts/long.md"


@dataclass(frozen=True)
class Checked:
    version: int
    name: str
    uri: str = URI

    @property
    def result_id(self) -> str:
        return f"{self.version}:{self.name}"


WHOLE = Checked(1, "whole")
PART_1, PART_2 = Checked(1, "part1"), Checked(1, "part2")


class Refreshes:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def pending() -> asyncio.Future[Checked | None]:
    """The whole report of a check still under way."""
    return asyncio.get_running_loop().create_future()


def nothing_stored() -> Checked | None:
    return None


async def turns(n: int = 5) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


async def test_a_pull_gets_the_first_part_the_client_does_not_hold() -> None:
    parts: PulledParts[Checked] = PulledParts(Refreshes())
    first = asyncio.ensure_future(parts.first_known(URI, 1, None, pending(), nothing_stored))
    await turns()
    assert not first.done()  # nothing known yet
    parts.add(PART_1)
    assert await first == PART_1
    again = asyncio.ensure_future(parts.first_known(URI, 1, PART_1.result_id, pending(), nothing_stored))
    await turns()
    assert not again.done()  # the client holds the latest part
    parts.add(PART_2)
    assert await again == PART_2


async def test_the_whole_report_is_answered_when_it_is_known_first() -> None:
    parts: PulledParts[Checked] = PulledParts(Refreshes())
    whole = pending()
    answer = asyncio.ensure_future(parts.first_known(URI, 1, None, whole, nothing_stored))
    whole.set_result(WHOLE)
    parts.add(PART_1)
    assert await answer == WHOLE


async def test_no_part_is_answered_once_the_check_has_stored_the_whole_report() -> None:
    """Its awaitable resolves turns later; a part answered then would never be refreshed."""
    parts: PulledParts[Checked] = PulledParts(Refreshes())
    answer = asyncio.ensure_future(parts.first_known(URI, 1, None, pending(), lambda: WHOLE))
    parts.add(PART_1)
    assert await answer == WHOLE


async def test_a_part_of_an_earlier_version_is_not_answered() -> None:
    parts: PulledParts[Checked] = PulledParts(Refreshes())
    whole = pending()
    answer = asyncio.ensure_future(parts.first_known(URI, 2, None, whole, nothing_stored))
    parts.add(PART_1)  # version 1's
    await turns()
    assert not answer.done()
    edited = Checked(2, "whole")
    whole.set_result(edited)
    assert await answer == edited


async def test_a_client_answered_a_part_is_asked_to_pull_again_after_that_answer() -> None:
    refreshes = Refreshes()
    parts: PulledParts[Checked] = PulledParts(refreshes)
    assert parts.answered(URI, partial=True) is False
    parts.finished(WHOLE)
    assert refreshes.count == 0  # queued behind the answer, which may not be sent yet
    await turns(1)
    assert refreshes.count == 1
    assert parts.answered(URI, partial=False) is True  # the whole report, after a part
    parts.finished(WHOLE)
    await turns()
    assert refreshes.count == 1


async def test_a_client_answered_the_whole_report_is_not_asked_again_and_gets_no_more_parts() -> None:
    refreshes = Refreshes()
    parts: PulledParts[Checked] = PulledParts(refreshes)
    assert parts.wanted(URI)
    assert parts.answered(URI, partial=False) is False
    parts.finished(WHOLE)
    await turns()
    assert refreshes.count == 0
    assert not parts.wanted(URI)  # later checks re-check only what changed: no parts
    parts.closed(URI)
    assert parts.wanted(URI)  # opened again, it is a first check again


async def test_a_finished_check_drops_its_parts() -> None:
    parts: PulledParts[Checked] = PulledParts(Refreshes())
    parts.add(PART_1)
    parts.finished(WHOLE)
    whole = pending()
    answer = asyncio.ensure_future(parts.first_known(URI, 1, None, whole, nothing_stored))
    await turns()
    assert not answer.done()
    whole.set_result(WHOLE)
    assert await answer == WHOLE
