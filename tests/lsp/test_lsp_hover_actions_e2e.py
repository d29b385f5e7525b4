"""Hover shows what the sources say and where; the quick fix puts the sources' value in."""

from __future__ import annotations

from lsp_editor import DRAFT, SEEDS, Editor, text_at
from lsprotocol import types


def position_of(text: str, needle: str, inside: int = 1) -> types.Position:
    offset = text.index(needle) + inside
    line = text.count("\n", 0, offset)
    return types.Position(line=line, character=offset - (text.rfind("\n", 0, offset) + 1))


async def troops(editor: Editor, uri: str) -> types.Diagnostic:
    diagnostics = await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    [found] = [d for d in diagnostics if text_at(DRAFT, d.range) == "3,000"]
    return found


async def test_hover_on_a_flagged_value_quotes_the_source_with_links(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    diagnostic = await troops(editor, uri)
    hover = await editor.hover(uri, position_of(DRAFT, "3,000"))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    text = hover.contents.value
    assert hover.range == diagnostic.range
    assert "The draft says **3,000**; the sources say **2,500**." in text
    assert "> The US has 2,500 troops in Afghanistan" in text
    assert "US envoy to Afghanistan Zalmay Khalilzad meets Taliban" in text
    assert "2021-04-01" in text
    seed = SEEDS / "001_b29daaf1fc701ae9.txt"
    assert f"]({seed.resolve().as_uri()}#L26)" in text


async def test_hover_on_a_confirmed_claim_says_how_many_sources_agree(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    await troops(editor, uri)
    hover = await editor.hover(uri, position_of(DRAFT, "Thursday", inside=2))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    # 000 and 001 are one story filed twice: one source, both files listed
    assert text.startswith("**factlint**: 1 source agrees on **Thursday**.")
    assert text.count("> ") == 2 and text.count("#L") == 2


async def test_hover_away_from_any_claim_shows_nothing(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    await troops(editor, uri)
    assert await editor.hover(uri, position_of(DRAFT, "# Khalilzad presses", inside=3)) is None


async def test_the_preferred_quick_fix_replaces_the_value_with_the_sources_value(
    editor: Editor,
) -> None:
    uri = editor.open("draft.md", DRAFT)
    diagnostic = await troops(editor, uri)
    actions = await editor.code_actions(uri, diagnostic)
    preferred = [a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred]
    assert len(preferred) == 1
    [fix] = preferred
    assert fix.kind == types.CodeActionKind.QuickFix and fix.edit is not None
    assert "2,500" in fix.title
    editor.apply(uri, fix.edit)
    after = await editor.diagnostics(uri, until=lambda ds: len(ds) == 2)
    fixed = DRAFT.replace("3,000", "2,500")
    assert {text_at(fixed, d.range) for d in after} == {"Uzbekistan", "three"}


async def test_a_suppression_quick_fix_silences_the_rule_on_that_line(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    diagnostic = await troops(editor, uri)
    actions = await editor.code_actions(uri, diagnostic)
    [suppress] = [a for a in actions if isinstance(a, types.CodeAction) and "Suppress" in a.title]
    assert suppress.edit is not None and not suppress.is_preferred
    editor.apply(uri, suppress.edit)
    after = await editor.diagnostics(uri, until=lambda ds: len(ds) == 2)
    # The comment went in above the flagged line, which is now line 12.
    assert all(d.range.start.line != 12 for d in after)


async def test_a_misspelt_suppression_is_flagged_and_its_quick_fix_names_the_rule(
    editor: Editor,
) -> None:
    comment = "<!-- factlint-disable-next-line quantity-mismatchh -->\n"
    draft = DRAFT.replace("The US has 3,000", comment + "The US has 3,000")
    uri = editor.open("draft.md", draft)
    diagnostics = await editor.diagnostics(uri, until=lambda ds: len(ds) == 4)
    [unknown] = [d for d in diagnostics if d.code == "unknown-suppression"]
    assert text_at(draft, unknown.range) == "quantity-mismatchh"
    [fix] = [
        a
        for a in await editor.code_actions(uri, unknown)
        if isinstance(a, types.CodeAction) and a.is_preferred
    ]
    assert fix.title == "Replace 'quantity-mismatchh' with 'quantity-mismatch'"
    assert fix.edit is not None
    editor.apply(uri, fix.edit)
    after = await editor.diagnostics(uri, until=lambda ds: len(ds) == 2)
    assert {d.code for d in after} == {"place-mismatch", "quantity-mismatch"}
    assert all(d.range.start.line != 12 for d in after)
