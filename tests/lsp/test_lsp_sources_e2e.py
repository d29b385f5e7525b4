"""What the editor shows beyond contradictions: a value's history, sources that disagree, unsourced claims.

The corpus is tests/corpora/audit: a ferry company's staff went from 310 (January 2023)
to 350 (March 2024); two articles a day apart give its fleet as 14 and 12 vessels.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_editor import Editor, text_at
from lsprotocol import types
from test_lsp_hover_actions_e2e import position_of

AUDIT = Path(__file__).resolve().parents[1] / "corpora" / "audit" / "articles"
pytestmark = pytest.mark.settings(corpus=str(AUDIT))


def draft(body: str, day: str = "2024-03-10") -> str:
    return f"---\ndate: {day}\n---\n\n{body}\n"


async def hover_text(editor: Editor, uri: str, text: str, needle: str) -> str:
    hover = await editor.hover(uri, position_of(text, needle))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


async def test_the_hover_on_a_changed_figure_shows_its_history_oldest_first(editor: Editor) -> None:
    text = draft("Marlow Ferries now employs 400 staff across the estuary.")
    uri = editor.open("draft.md", text)
    [staff] = await editor.diagnostics(uri, until=lambda ds: len(ds) > 0)
    assert text_at(text, staff.range) == "400"
    shown = await hover_text(editor, uri, text, "400")
    history = shown[shown.index("**History**") :].splitlines()
    dated = [line for line in history if line.startswith("- ")]
    assert dated[0].startswith("- 310 · 2023-01-10 · [ferry-fleet-2023.txt:2](")
    assert dated[1].startswith("- ▶ **350 · 2024-03-04** · [ferry-fleet-march.txt:4](")
    assert len(dated) == 2


async def test_a_confirmed_figure_shows_the_same_history(editor: Editor) -> None:
    text = draft("Marlow Ferries now employs 350 staff across the estuary.")
    uri = editor.open("draft.md", text)
    await editor.diagnostics(uri)
    shown = await hover_text(editor, uri, text, "350")
    assert shown.startswith("**factlint**: 1 source agrees on **350**.")
    assert "- 310 · 2023-01-10" in shown and "- ▶ **350 · 2024-03-04**" in shown


async def test_an_open_corpus_article_marks_the_values_other_sources_dispute(editor: Editor) -> None:
    article = AUDIT / "ferry-timetable.txt"
    text = article.read_text(encoding="utf-8")
    uri = editor.open(str(article), text, language="plaintext")
    [conflict] = await editor.diagnostics(uri, until=lambda ds: len(ds) > 0)
    assert text_at(text, conflict.range) == "12"
    assert conflict.code == "source-conflict"
    assert conflict.severity == types.DiagnosticSeverity.Warning
    assert "both “14” and “12”" in conflict.message
    [other] = conflict.related_information or []
    assert other.location.uri == (AUDIT / "ferry-fleet-march.txt").resolve().as_uri()
    assert "14 vessels" in other.message


async def test_a_finding_on_a_disputed_slot_links_to_the_audit_entry(editor: Editor) -> None:
    text = draft("Marlow Ferries operates 16 vessels on the estuary.", day="2024-03-06")
    uri = editor.open("draft.md", text)
    [fleet] = await editor.diagnostics(uri, until=lambda ds: len(ds) > 0)
    assert "the sources disagree among themselves" in fleet.message
    shown = await hover_text(editor, uri, text, "16")
    entry = (AUDIT / "ferry-fleet-march.txt").resolve().as_uri() + "#L2"
    assert f"[the audit entry]({entry})" in shown


@pytest.mark.settings(corpus=str(AUDIT), **{"show-unsourced": True})
async def test_an_unsourced_claim_is_a_hint_when_asked_for(editor: Editor) -> None:
    text = draft("Marlow Ferries plans to sell 40,000 season tickets this summer.")
    uri = editor.open("draft.md", text)
    [claim] = await editor.diagnostics(uri, until=lambda ds: len(ds) > 0)
    assert text_at(text, claim.range) == "40,000"
    assert claim.code == "unsourced-claim"
    assert claim.severity == types.DiagnosticSeverity.Hint


async def test_unsourced_claims_are_not_shown_unless_asked_for(editor: Editor) -> None:
    text = draft("Marlow Ferries plans to sell 40,000 season tickets this summer.\n\nIt employs 400 staff.")
    uri = editor.open("draft.md", text)
    diagnostics = await editor.diagnostics(uri, until=lambda ds: len(ds) > 0)
    assert [d.code for d in diagnostics] == ["quantity-mismatch"]
