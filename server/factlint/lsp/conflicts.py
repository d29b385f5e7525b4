"""An open corpus article's conflicts with other sources, as findings the editor marks.

`factlint audit` lists where the sources disagree; a keeper of the archive who
opens one of those articles sees each disputed value marked, with the other
sources' sentences as related information and in the hover. A conflict is
turned into a `Finding` on the article (rule `source-conflict`, warning) so the
diagnostics, hover and related-information code serve it unchanged; it offers
no quick fix, since which source is right is the reader's call.
"""

from __future__ import annotations

from pathlib import Path

from factlint.conflicts import CONFLICT_RULE, Conflict, describe
from factlint.model import Finding, Location, Severity
from factlint.text.lines import LineIndex


def conflict_findings(conflicts: list[Conflict], path: str, text: str) -> list[Finding]:
    """A finding for each value of `path` that a conflict disputes (offsets into `text`)."""
    here = Path(path).resolve()
    lines = LineIndex(text)
    found = []
    for conflict in conflicts:
        for value in conflict.values:
            where = value.source.value_location
            if Path(where.path).resolve() != here:
                continue
            start, end = _offset(lines, where), _offset(lines, where, end=True)
            if text[start:end] != value.source.value_text:
                continue  # the open text has changed since the fact base was built
            others = tuple(v.source for v in conflict.values if v is not value)
            found.append(
                Finding(
                    rule=CONFLICT_RULE,
                    kind=conflict.kind,
                    severity=Severity.WARNING,
                    message=describe(conflict),
                    start=start,
                    end=end,
                    claim_text=value.source.value_text,
                    expected=(),
                    sources=others,
                    sources_disagree=True,
                )
            )
    return found


def _offset(lines: LineIndex, where: Location, end: bool = False) -> int:
    line, column = (where.end_line, where.end_column) if end else (where.line, where.column)
    if line > lines.line_count:
        return -1
    return lines.line_start(line) + column - 1
