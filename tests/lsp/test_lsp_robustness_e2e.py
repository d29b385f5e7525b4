"""Documents no writer meant to open never take the server down."""

from __future__ import annotations

import pytest
from lsp_editor import DRAFT, Editor
from lsprotocol import types

HUGE = ("The US has 3,000 troops in Afghanistan. " * 40 + "\n\n") * 6_400

BAD_DOCUMENTS = {
    "binary.md": "PK\x03\x04\x00\x00\x08\x00" + "".join(chr(i) for i in range(256)) * 4,
    "empty.md": "",
    "huge.md": HUGE,
    "latin1-mojibake.md": DRAFT.encode("utf-8").decode("latin-1"),
    "surrogates.md": "The US has \udcff3,000 troops \ud83d in Afghanistan.\n",
    "control.txt": "\x1b[31mred\x1b[0m \u2028 \u2029 \x0c\x0b\r\r\n" * 50,
}


def test_the_huge_document_is_over_ten_megabytes() -> None:
    assert len(HUGE.encode("utf-8")) > 10_000_000


@pytest.mark.parametrize("name", sorted(BAD_DOCUMENTS))
async def test_a_bad_document_is_skipped_and_the_server_keeps_serving(editor: Editor, name: str) -> None:
    bad = editor.open(name, BAD_DOCUMENTS[name], language="markdown")
    await editor.hover(bad, types.Position(line=0, character=3))
    if not editor.pulls:
        await editor.published_for(bad)
    else:
        await editor.pull(bad)
    draft = editor.open("draft.md", DRAFT)
    assert len(await editor.diagnostics(draft, until=lambda ds: len(ds) == 3)) == 3


async def test_a_document_too_large_to_check_is_logged_not_checked(editor: Editor) -> None:
    uri = editor.open("huge.md", HUGE)
    if editor.pulls:
        report = await editor.pull(uri)
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        assert list(report.items) == []
    else:
        assert list(await editor.published_for(uri)) == []
    assert any("not checking" in m.message and "huge.md" in m.message for m in editor.client.log_messages)
