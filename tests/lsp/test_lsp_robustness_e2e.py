"""Documents no writer meant to open never take the server down."""

from __future__ import annotations

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


async def test_bad_documents_are_answered_and_the_server_keeps_serving(editor: Editor) -> None:
    for name, text in BAD_DOCUMENTS.items():
        uri = editor.open(name, text)
        # Each gets an answer (an error response would raise here) ...
        await editor.hover(uri, types.Position(line=0, character=3))
        await editor.diagnostics(uri)
    # ... and a real draft opened afterwards is checked as usual.
    draft = editor.open("draft.md", DRAFT)
    assert len(await editor.diagnostics(draft, until=lambda ds: len(ds) == 3)) == 3


async def test_a_document_too_large_to_check_is_logged_not_checked(editor: Editor) -> None:
    uri = editor.open("huge.md", HUGE)
    assert list(await editor.diagnostics(uri)) == []
    assert any("not checking" in m.message and "huge.md" in m.message for m in editor.client.log_messages)


async def test_a_lone_surrogate_is_checked_like_any_other_character(editor: Editor) -> None:
    text = BAD_DOCUMENTS["surrogates.md"].replace("3,000 troops", "3,000 troops in Afghanistan")
    text = "---\ndate: 2021-04-02\n---\n\n" + text
    uri = editor.open("surrogates.md", text)
    [troops] = await editor.diagnostics(uri, until=lambda ds: len(ds) > 0)
    assert "2,500" in troops.message
