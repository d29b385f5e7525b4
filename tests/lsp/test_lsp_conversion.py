"""Findings become diagnostics, hover text and quick fixes exactly where the draft is wrong."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.protocol import default_converter

from factlint.corpus.factbase import FactRow
from factlint.errors import RuleFileError
from factlint.lsp.actions import actions_for
from factlint.lsp.diagnostics import (
    DiagnosticSupport,
    finding_to_diagnostic,
    rule_error_to_diagnostic,
)
from factlint.lsp.facts import facts_markdown
from factlint.lsp.hover import hover_markdown
from factlint.lsp.positions import LineIndex
from factlint.lsp.server import create_server
from factlint.lsp.sources import SourceFiles, file_uri
from factlint.model import (
    ArticleMeta,
    Confirmation,
    Finding,
    Kind,
    Location,
    Severity,
    SourceRef,
)

DRAFT = "# Troops\n\nThe US has 3,000 troops in Afghanistan.\n"
SENTENCE = "The US has 2,500 troops in Afghanistan but is looking at a settlement."


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "001.txt"
    path.write_text("Headline\n\n🇺🇸 " + SENTENCE + "\n", encoding="utf-8")
    return path


def source_in(seed: Path, url: str | None = "https://example.org/story") -> SourceRef:
    column = len("🇺🇸 ") + 1
    return SourceRef(
        article=ArticleMeta(
            path=str(seed), title="Envoy meets Taliban", date=date(2021, 4, 1), date_inferred=True, url=url
        ),
        sentence=SENTENCE,
        sentence_location=Location(str(seed), 3, column, 3, column + len(SENTENCE)),
        value_text="2,500",
        value_location=Location(str(seed), 3, column + 11, 3, column + 16),
    )


def troops_finding(seed: Path, **changes: object) -> Finding:
    start = DRAFT.index("3,000")
    values: dict[str, object] = {
        "rule": "quantity-mismatch",
        "kind": Kind.QUANTITY,
        "severity": Severity.ERROR,
        "message": "The sources say 2,500 troops, not 3,000.",
        "start": start,
        "end": start + 5,
        "claim_text": "3,000",
        "expected": ("2,500",),
        "sources": (source_in(seed),),
        "doc_url": "https://factlint.example/rules/quantity-mismatch",
    }
    values.update(changes)
    return Finding(**values)  # type: ignore[arg-type]


def test_the_diagnostic_covers_exactly_the_wrong_value_and_names_rule_and_documentation(
    seed: Path,
) -> None:
    diagnostic = finding_to_diagnostic(troops_finding(seed), LineIndex(DRAFT), SourceFiles())
    assert diagnostic is not None
    assert diagnostic.range == types.Range(
        start=types.Position(line=2, character=11), end=types.Position(line=2, character=16)
    )
    assert (diagnostic.source, diagnostic.code) == ("factlint", "quantity-mismatch")
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.code_description == types.CodeDescription(
        href="https://factlint.example/rules/quantity-mismatch"
    )
    assert diagnostic.message == "The sources say 2,500 troops, not 3,000."


def test_related_information_points_at_the_source_sentence_in_utf16_units(seed: Path) -> None:
    diagnostic = finding_to_diagnostic(troops_finding(seed), LineIndex(DRAFT), SourceFiles())
    assert diagnostic is not None and diagnostic.related_information
    [related] = diagnostic.related_information
    assert related.location.uri == file_uri(seed)
    # The flag before the sentence is two astral characters: 4 UTF-16 units, then a space.
    assert related.location.range == types.Range(
        start=types.Position(line=2, character=5),
        end=types.Position(line=2, character=5 + len(SENTENCE)),
    )
    assert related.message.startswith("Envoy meets Taliban (2021-04-01, inferred): The US has 2,500")


def test_clients_without_related_information_get_none(seed: Path) -> None:
    support = DiagnosticSupport(related_information=False, code_description=False)
    diagnostic = finding_to_diagnostic(troops_finding(seed), LineIndex(DRAFT), SourceFiles(), support)
    assert diagnostic is not None
    assert diagnostic.related_information is None and diagnostic.code_description is None


def test_a_rule_switched_off_gives_no_diagnostic(seed: Path) -> None:
    finding = troops_finding(seed, severity=Severity.OFF)
    assert finding_to_diagnostic(finding, LineIndex(DRAFT), SourceFiles()) is None


def test_hover_quotes_the_source_with_title_date_and_links(seed: Path) -> None:
    text = hover_markdown(troops_finding(seed))
    assert "The draft says **3,000**; the sources say **2,500**." in text
    assert "> The US has 2,500 troops in Afghanistan" in text
    assert "*Envoy meets Taliban (2021-04-01, inferred)*" in text
    assert f"[001.txt:3]({file_uri(seed)}#L3)" in text
    assert "[original article](https://example.org/story)" in text


def test_hover_on_a_confirmed_claim_counts_the_sources_that_agree(seed: Path) -> None:
    first = source_in(seed)
    other = replace(first, article=replace(first.article, path=str(seed.parent / "other.txt"), url=None))
    confirmation = Confirmation(
        kind=Kind.QUANTITY, start=0, end=5, claim_text="2,500", sources=(first, other)
    )
    text = hover_markdown(confirmation)
    assert text.startswith("**factlint**: 2 sources agree on **2,500**.")
    assert text.count("#L3)") == 2 and text.count("original article") == 1


def test_two_copies_of_one_story_count_as_one_source_and_are_both_listed(seed: Path) -> None:
    first = source_in(seed)
    copy_path = str(seed.parent / "copy.html")
    copy = replace(first, article=replace(first.article, path=copy_path), copies=(first.article.path,))
    first = replace(first, copies=(copy_path,))
    confirmation = Confirmation(kind=Kind.QUANTITY, start=0, end=5, claim_text="2,500", sources=(first, copy))
    text = hover_markdown(confirmation)
    assert text.startswith("**factlint**: 1 source agrees on **2,500**.")
    assert text.count("> ") == 2 and "same story as copy.html" in text


def test_hover_escapes_markdown_in_quoted_sentences(seed: Path) -> None:
    source = source_in(seed)
    odd = SourceRef(
        source.article, "A *bold* [claim](x) <b>", source.sentence_location, "1", source.value_location
    )
    text = hover_markdown(troops_finding(seed, sources=(odd,)))
    assert r"> A \*bold\* \[claim\](x) \<b\>" in text


def test_the_quick_fix_replaces_the_value_and_is_preferred_when_sources_agree(seed: Path) -> None:
    finding = troops_finding(seed)
    index = LineIndex(DRAFT)
    diagnostic = finding_to_diagnostic(finding, index, SourceFiles())
    assert diagnostic is not None
    replace, suppress = actions_for(finding, diagnostic, "file:///d.md", 7, index, versioned=True)
    assert replace.is_preferred and replace.kind == types.CodeActionKind.QuickFix
    assert replace.edit is not None and replace.edit.document_changes
    [change] = replace.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.version == 7
    assert change.edits == [types.TextEdit(range=diagnostic.range, new_text="2,500")]
    assert suppress.edit is not None and suppress.edit.document_changes
    [line_edit] = suppress.edit.document_changes[0].edits  # type: ignore[union-attr]
    assert line_edit.new_text == "<!-- factlint-disable-next-line quantity-mismatch -->\n"
    assert line_edit.range.start == types.Position(line=2, character=0)


def test_when_sources_disagree_every_value_is_offered_and_none_preferred(seed: Path) -> None:
    finding = troops_finding(seed, expected=("2,500", "2,000"), sources_disagree=True)
    index = LineIndex(DRAFT)
    diagnostic = finding_to_diagnostic(finding, index, SourceFiles())
    assert diagnostic is not None
    actions = actions_for(finding, diagnostic, "file:///d.md", 1, index)
    fixes = [a for a in actions if a.title.startswith("Replace")]
    assert [a.edit.changes["file:///d.md"][0].new_text for a in fixes if a.edit and a.edit.changes] == [
        "2,500",
        "2,000",
    ]
    assert not any(a.is_preferred for a in actions)


def test_a_title_finding_underlines_the_holder_too_but_fixes_only_the_title(seed: Path) -> None:
    draft = "Its chair, Marcus Odell, said so.\n"
    finding = troops_finding(
        seed,
        rule="role-mismatch",
        kind=Kind.ROLE,
        start=draft.index("chair"),
        end=draft.index(", said"),
        fix=(draft.index("chair"), draft.index("chair") + len("chair")),
        claim_text="chair",
        expected=("branch secretary",),
    )
    index = LineIndex(draft)
    diagnostic = finding_to_diagnostic(finding, index, SourceFiles())
    assert diagnostic is not None
    assert diagnostic.range == types.Range(
        start=types.Position(line=0, character=4), end=types.Position(line=0, character=23)
    )
    replace_title = actions_for(finding, diagnostic, "file:///d.md", None, index)[0]
    assert replace_title.edit is not None and replace_title.edit.changes
    assert replace_title.edit.changes["file:///d.md"] == [
        types.TextEdit(
            range=types.Range(
                start=types.Position(line=0, character=4), end=types.Position(line=0, character=9)
            ),
            new_text="branch secretary",
        )
    ]
    assert finding.shifted(10).value_span == (14, 19)


def test_a_value_that_would_not_read_in_the_claim_s_place_is_offered_no_replacement(seed: Path) -> None:
    draft = "Ines Carrow, who chairs the museum trust, said so.\n"
    finding = troops_finding(
        seed,
        rule="role-mismatch",
        kind=Kind.ROLE,
        start=draft.index("chairs"),
        end=draft.index(", said"),
        claim_text="chairs the museum trust",
        expected=("manager",),
        replaceable=False,
    )
    index = LineIndex(draft)
    diagnostic = finding_to_diagnostic(finding, index, SourceFiles())
    assert diagnostic is not None
    [suppress] = actions_for(finding, diagnostic, "file:///d.md", None, index)
    assert suppress.title.startswith("Suppress")


def test_a_broken_rule_file_is_marked_from_the_error_column_to_the_end_of_its_line() -> None:
    text = "id: troops\nkind: quantitty\n"
    error = RuleFileError("rules/troops.yaml", 2, 7, "unknown kind 'quantitty'")
    diagnostic = rule_error_to_diagnostic(error, LineIndex(text))
    assert diagnostic.range == types.Range(
        start=types.Position(line=1, character=6), end=types.Position(line=1, character=15)
    )
    assert diagnostic.message == "unknown kind 'quantitty'"
    assert diagnostic.severity == types.DiagnosticSeverity.Error


def test_related_information_quotes_long_sentences_clipped_at_a_word(seed: Path) -> None:
    long = SourceRef(
        source_in(seed).article,
        "word " * 100,
        source_in(seed).sentence_location,
        "2,500",
        source_in(seed).value_location,
    )
    diagnostic = finding_to_diagnostic(troops_finding(seed, sources=(long,)), LineIndex(DRAFT), SourceFiles())
    assert diagnostic is not None and diagnostic.related_information
    message = diagnostic.related_information[0].message
    assert message.endswith("word …") and len(message) < 220


def test_hover_on_a_finding_without_sources_suggests_rather_than_cites(seed: Path) -> None:
    finding = troops_finding(
        seed,
        rule="unknown-suppression",
        claim_text="quantity-mismatchh",
        expected=("quantity-mismatch",),
        sources=(),
        message="names no known rule",
    )
    text = hover_markdown(finding)
    assert "Suggested: **quantity-mismatch**." in text
    assert "sources say" not in text


def test_the_server_sends_memoised_related_information_exactly_as_pygls_would(seed: Path) -> None:
    server = create_server()
    converter, plain = server.protocol._converter, default_converter()
    [info] = server.session.sources.related((source_in(seed),))
    diagnostic = types.Diagnostic(
        range=types.Range(start=types.Position(0, 0), end=types.Position(0, 1)),
        message="m",
        related_information=[info],
    )
    first = converter.unstructure(diagnostic)
    again = converter.unstructure(diagnostic)
    assert first == plain.unstructure(diagnostic)
    assert first["relatedInformation"][0] is again["relatedInformation"][0]
    other = types.DiagnosticRelatedInformation(location=info.location, message="other")
    assert converter.unstructure(other) == plain.unstructure(other)


def test_the_fact_list_groups_by_article_and_says_what_it_leaves_out(seed: Path) -> None:
    source = source_in(seed)
    rows = [
        FactRow(Kind.QUANTITY, "troop", value, source.article, source.value_location, SENTENCE)
        for value in ("2,500", "2,400", "2,300")
    ]
    text = facts_markdown(rows, limit=2)
    assert text.startswith("# What factlint knows: 3 facts\n\n## Envoy meets Taliban (2021-04-01)")
    assert f"- quantity: troop = **2,500** ([line 3]({file_uri(seed)}#L3))" in text
    assert "2,300" not in text and "*1 more not shown" in text
