"""Code actions for a finding: put the sources' value in, or silence the rule on this line.

Replacing is marked preferred only when the sources agree on one value; when they
disagree every candidate is offered and the writer chooses. Edits name the
document version they were computed for when the client supports it, so a
stale fix is refused rather than applied to the wrong text.
"""

from __future__ import annotations

from lsprotocol import types

from factlint.lsp.positions import LineIndex
from factlint.model import Finding

SUPPRESS_COMMENT = "<!-- factlint-disable-next-line {rule} -->"


def _edit(uri: str, version: int | None, edit: types.TextEdit, versioned: bool) -> types.WorkspaceEdit:
    if versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(text_document=document, edits=[edit])]
        )
    return types.WorkspaceEdit(changes={uri: [edit]})


def actions_for(
    finding: Finding,
    diagnostic: types.Diagnostic,
    uri: str,
    version: int | None,
    index: LineIndex,
    versioned: bool = False,
) -> list[types.CodeAction]:
    """The quick fixes for one finding: one per value the sources give, then suppression."""
    actions: list[types.CodeAction] = []
    value_range = index.range(*finding.value_span)
    single = len(set(finding.expected)) == 1 and not finding.sources_disagree
    why = " (as the sources say)" if finding.sources else ""
    for value in dict.fromkeys(finding.expected if finding.replaceable else ()):
        actions.append(
            types.CodeAction(
                title=f"Replace '{finding.claim_text}' with '{value}'{why}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=single,
                edit=_edit(uri, version, types.TextEdit(range=value_range, new_text=value), versioned),
            )
        )
    line = index.line_of(finding.start)
    start = index.line_start(line)
    text = index.text[start : index.line_end(line)]
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    line_break = "\r\n" if index.text[index.line_end(line) : index.line_end(line) + 2] == "\r\n" else "\n"
    comment = indent + SUPPRESS_COMMENT.format(rule=finding.rule) + line_break
    at = index.position(start)
    actions.append(
        types.CodeAction(
            title=f"Suppress factlint rule '{finding.rule}' on this line",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            edit=_edit(
                uri,
                version,
                types.TextEdit(range=types.Range(start=at, end=at), new_text=comment),
                versioned,
            ),
        )
    )
    return actions
