"""As the writer types: the wrong values in a draft are flagged, exactly, with their sources."""

from __future__ import annotations

from lsp_editor import DRAFT, SEEDS, Editor, text_at
from lsprotocol import types


def flagged(draft: str, diagnostics: object) -> dict[str, types.Diagnostic]:
    assert isinstance(diagnostics, (list, tuple))
    return {text_at(draft, d.range): d for d in diagnostics}


async def test_the_three_contradicted_values_are_flagged_and_nothing_else(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    found = flagged(DRAFT, await editor.diagnostics(uri, until=lambda ds: len(ds) > 0))
    assert set(found) == {"3,000", "Uzbekistan", "three"}
    assert {d.range.start.line for d in found.values()} == {11, 13, 17}
    for diagnostic in found.values():
        assert diagnostic.source == "factlint"
        assert isinstance(diagnostic.code, str) and diagnostic.code
        assert diagnostic.severity in (
            types.DiagnosticSeverity.Error,
            types.DiagnosticSeverity.Warning,
        )
    assert "2,500" in found["3,000"].message
    assert "Tajikistan" in found["Uzbekistan"].message
    assert "two" in found["three"].message


async def test_related_information_opens_the_source_sentence_in_the_seed_file(
    editor: Editor,
) -> None:
    uri = editor.open("draft.md", DRAFT)
    found = flagged(DRAFT, await editor.diagnostics(uri, until=lambda ds: len(ds) > 0))
    related = found["3,000"].related_information or []
    seed = SEEDS / "001_b29daaf1fc701ae9.txt"
    in_001 = [r for r in related if r.location.uri == seed.resolve().as_uri()]
    assert in_001, [r.location.uri for r in related]
    sentence = seed.read_text(encoding="utf-8").splitlines()[25]
    assert in_001[0].location.range == types.Range(
        start=types.Position(line=25, character=0),
        end=types.Position(line=25, character=len(sentence)),
    )
    assert "2,500 troops" in in_001[0].message


async def test_an_edit_that_fixes_a_value_clears_its_diagnostic(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    found = flagged(DRAFT, await editor.diagnostics(uri, until=lambda ds: len(ds) == 3))
    editor.edit(uri, found["3,000"].range, "2,500")
    fixed = DRAFT.replace("3,000", "2,500")
    remaining = await editor.diagnostics(uri, until=lambda ds: len(ds) == 2)
    assert set(flagged(fixed, remaining)) == {"Uzbekistan", "three"}


async def test_a_burst_of_typing_is_checked_once_for_the_last_version(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    found = flagged(DRAFT, await editor.diagnostics(uri, until=lambda ds: len(ds) == 3))
    where = found["3,000"].range
    editor.client.published.clear()
    for typed in ("3,001", "3,002", "3,003", "3,004", "3,000"):
        version = editor.edit(uri, where, typed)
    diagnostics = await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    assert set(flagged(DRAFT, diagnostics)) == {"3,000", "Uzbekistan", "three"}
    if not editor.pulls:
        assert [p.version for p in editor.client.published if p.uri == uri] == [version]


async def test_ranges_count_in_the_encoding_the_client_negotiated(editor: Editor) -> None:
    flag = "🇺🇸 "
    draft = DRAFT.replace("The US has 3,000", flag + "The US has 3,000")
    uri = editor.open("draft.md", draft)
    diagnostics = await editor.diagnostics(uri, until=lambda ds: len(ds) == 3)
    [troops] = [d for d in diagnostics if d.range.start.line == 11]
    prefix = flag + "The US has "
    codec = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[editor.encoding]
    units = len(prefix.encode(codec)) // len("a".encode(codec))
    assert troops.range.start.character == units
    assert troops.range.end.character == units + len("3,000")


async def test_pulling_clients_get_full_reports_then_unchanged_ones(editor: Editor) -> None:
    uri = editor.open("draft.md", DRAFT)
    if not editor.pulls:
        assert len(await editor.published_for(uri, until=lambda ds: len(ds) == 3)) == 3
        return
    first = await editor.pull(uri)
    assert isinstance(first, types.RelatedFullDocumentDiagnosticReport)
    assert len(first.items) == 3 and first.result_id
    again = await editor.pull(uri, previous=first.result_id)
    assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
    assert again.result_id == first.result_id
