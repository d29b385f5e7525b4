"""Findings and rule-file errors as LSP diagnostics.

The range is exactly the draft's wrong value, in the client's position encoding;
`relatedInformation` points at every source sentence that states the fact, so a
click opens the article at that sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from lsprotocol import types

from factlint.errors import RuleFileError
from factlint.lsp.positions import LineIndex
from factlint.lsp.sources import SourceFiles
from factlint.model import Finding, Severity
from factlint.unsourced import UNSOURCED

SOURCE = "factlint"
RULE_FILE_CODE = "rule-file"
FRONT_MATTER_CODE = "front-matter"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class DiagnosticSupport:
    """What the client can show, from its `publishDiagnostics` / `diagnostic` capabilities."""

    related_information: bool = True
    code_description: bool = True


def finding_to_diagnostic(
    finding: Finding,
    index: LineIndex,
    sources: SourceFiles,
    support: DiagnosticSupport = DiagnosticSupport(),
) -> types.Diagnostic | None:
    """The diagnostic for one finding; None for a rule switched off."""
    severity = _SEVERITIES.get(finding.severity)
    if severity is None:
        return None
    if finding.rule == UNSOURCED:
        severity = types.DiagnosticSeverity.Hint  # new information: faint, not a squiggle
    related = None
    if support.related_information and finding.sources:
        related = sources.related(finding.sources)
    description = None
    if support.code_description and finding.doc_url:
        description = types.CodeDescription(href=finding.doc_url)
    return types.Diagnostic(
        range=index.range(finding.start, finding.end),
        message=finding.message,
        severity=severity,
        code=finding.rule,
        code_description=description,
        source=SOURCE,
        related_information=related,
    )


def rule_error_to_diagnostic(error: RuleFileError, index: LineIndex | None) -> types.Diagnostic:
    """A broken rule or fact file, marked from the error's column to the end of its line."""
    return problem_to_diagnostic(error.line, error.column, error.message, index, RULE_FILE_CODE)


def problem_to_diagnostic(
    line: int, column: int, message: str, index: LineIndex | None, code: str
) -> types.Diagnostic:
    """An error at 1-based `line` and `column`, marked from there to the end of the line."""
    line = max(line - 1, 0)
    column = max(column - 1, 0)
    if index is None:
        where = types.Range(
            start=types.Position(line=line, character=column),
            end=types.Position(line=line, character=column + 1),
        )
    else:
        start = index.offset_of_column(line, column)
        end = max(index.line_end(line), start)
        where = index.range(start, end)
    return types.Diagnostic(
        range=where,
        message=message,
        severity=types.DiagnosticSeverity.Error,
        code=code,
        source=SOURCE,
    )
