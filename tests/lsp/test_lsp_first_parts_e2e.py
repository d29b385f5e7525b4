"""A long draft, when opened, has its diagnostics published part by part as the first check goes
down it, then the whole draft's; a pulling client gets the whole draft's, as before."""

from __future__ import annotations

from lsp_editor import DRAFT, Editor, text_at
from lsprotocol import types

from factlint.lsp.session import FIRST_PART_CHARS

QUIET = "Talks went on through the week, and the delegations said little to the press as they left.\n\n"
"""A paragraph that states nothing to check."""
_head, _missiles = DRAFT.split("On Tuesday, the Taliban")
LONG = _head + QUIET * (2 * FIRST_PART_CHARS // len(QUIET) + 1) + "On Tuesday, the Taliban" + _missiles
"""The envoy draft with quiet paragraphs before its last contradiction, "three" missiles, so that
it starts two parts down; "3,000" and "Uzbekistan" are in the first part."""


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
