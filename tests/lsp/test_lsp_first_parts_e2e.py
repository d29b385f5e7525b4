"""A long draft, when opened, has its diagnostics published part by part as the first check goes
down it, then the whole draft's. A pulling client that can be asked to pull again is answered
the first part, then asked to pull the whole draft's; any other pulling client gets the whole
draft's at once. A pull is answered for the draft as it is when answered."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from lsp_editor import DRAFT, PULL_WITH_REFRESH, Editor, text_at
from lsprotocol import types

from factlint.lsp.session import FIRST_PART_CHARS

QUIET = "Talks went on through the week, and the delegations said little to the press as they left.\n\n"
"""A paragraph that states nothing to check."""
_head, _missiles = DRAFT.split("On Tuesday, the Taliban")
LONG = _head + QUIET * (2 * FIRST_PART_CHARS // len(QUIET) + 1) + "On Tuesday, the Taliban" + _missiles
"""The envoy draft with quiet paragraphs before its last contradiction, "three" missiles, so that
it starts two parts down; "3,000" and "Uzbekistan" are in the first part."""


def busy(first: int) -> str:
    """One long paragraph of figures no source states: it flags nothing, and checking its 600
    sentences takes a few tenths of a second (each paragraph is checked once: the numbers differ)."""
    helpers = itertools.product(
        range(first, first + 100), ["advisers", "guards", "drivers", "cooks", "aides", "clerks"]
    )
    return " ".join(f"The delegation brought {n} {who} to the talks." for n, who in helpers) + "\n\n"


SLOW = _head + busy(2) + "On Tuesday, the Taliban" + _missiles + "\n\n" + busy(200)
"""The envoy draft with a slow paragraph before its missiles and another after them: its first
part ("3,000", "Uzbekistan") is known a while after the check starts, and the whole draft a while
after that, longer than a busy machine keeps the server from answering or the client from
editing."""


def flagged(draft: str, diagnostics: object) -> set[str]:
    assert isinstance(diagnostics, (list, tuple))
    return {text_at(draft, d.range) for d in diagnostics}


async def test_a_long_draft_shows_its_first_parts_then_the_whole_draft(editor: Editor) -> None:
    assert LONG.index("3,000") < LONG.index("Uzbekistan") < FIRST_PART_CHARS
    assert LONG.index("three") > 2 * FIRST_PART_CHARS
    uri = editor.open("long.md", LONG)
    whole = await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    assert flagged(LONG, whole) == {"3,000", "Uzbekistan", "three"}
    if editor.pulls:
        return
    versions = [p for p in editor.client.published if p.uri == uri and p.version == 1]
    *parts, last = versions
    assert len(parts) >= 2  # the first part, then at least one more before the missiles
    assert flagged(LONG, last.diagnostics) == {"3,000", "Uzbekistan", "three"}
    for part in parts:
        assert list(part.diagnostics) == [d for d in last.diagnostics if text_at(LONG, d.range) != "three"]


async def test_an_edit_after_the_first_check_publishes_the_whole_draft_once(editor: Editor) -> None:
    uri = editor.open("long.md", LONG)
    await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    lines = LONG.split("\n")
    line = next(n for n, text in enumerate(lines) if "3,000 troops" in text)
    column = lines[line].index("3,000")
    at = types.Range(types.Position(line, column), types.Position(line, column + 5))
    version = editor.edit(uri, at, "2,500")
    fixed = LONG.replace("3,000", "2,500")
    found = await editor.diagnostics(uri, until=lambda ds: len(ds) == 2)
    assert flagged(fixed, found) == {"Uzbekistan", "three"}
    if not editor.pulls:
        assert [p.version for p in editor.client.published if p.uri == uri].count(version) == 1


@pytest.mark.parametrize("client", [PULL_WITH_REFRESH], indirect=True)
async def test_a_pulling_client_gets_the_first_part_then_is_asked_to_pull_the_whole_draft(
    editor: Editor,
) -> None:
    uri = editor.open("slow.md", SLOW)
    asked = editor.client.diagnostic_refresh_count
    held = await editor.pull(uri)
    assert isinstance(held, types.RelatedFullDocumentDiagnosticReport)
    assert flagged(SLOW, held.items) == {"3,000", "Uzbekistan"}  # the missiles are not checked yet
    while len(held.items) < 3:  # as a client does: pull again when asked to, saying what it holds
        await editor.refresh_asked(after=asked)
        asked = editor.client.diagnostic_refresh_count
        newer = await editor.pull(uri, held.result_id)
        assert isinstance(newer, types.RelatedFullDocumentDiagnosticReport)
        assert newer.result_id != held.result_id
        held = newer
    assert flagged(SLOW, held.items) == {"3,000", "Uzbekistan", "three"}
    again = await editor.pull(uri, held.result_id)
    assert again == types.RelatedUnchangedDocumentDiagnosticReport(result_id=held.result_id)


@pytest.mark.parametrize("client", ["neovim"], indirect=True)
async def test_a_pulling_client_that_cannot_be_asked_again_gets_the_whole_draft_at_once(
    editor: Editor,
) -> None:
    """Neovim 0.11 pulls but takes no `workspace/diagnostic/refresh`: a part would stay until
    the writer's next edit."""
    uri = editor.open("long.md", LONG)
    report = await editor.pull(uri)
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    assert flagged(LONG, report.items) == {"3,000", "Uzbekistan", "three"}


@pytest.mark.parametrize("client", ["neovim", PULL_WITH_REFRESH], indirect=True)
async def test_a_pull_made_before_an_edit_is_answered_for_the_edited_draft(editor: Editor) -> None:
    uri = editor.open("slow.md", SLOW)
    builds = editor.builds_finished()
    pulled = asyncio.ensure_future(editor.pull(uri))
    await editor.build_finished(after=builds)  # the fact base is loaded: version 1 is being checked
    lines = SLOW.split("\n")
    line = next(n for n, text in enumerate(lines) if "3,000 troops" in text)
    column = lines[line].index("3,000")
    editor.edit(uri, types.Range(types.Position(line, column), types.Position(line, column + 5)), "2,500")
    fixed = SLOW.replace("3,000", "2,500")
    report = await pulled
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    shown = flagged(fixed, report.items)
    assert "Uzbekistan" in shown and shown <= {"Uzbekistan", "three"}  # a part, or the whole draft
