"""The checked drafts every output format reads: findings located by line and column."""

from __future__ import annotations

from dataclasses import dataclass

from factlint.model import Finding
from factlint.text.lines import LineIndex


@dataclass(frozen=True)
class LocatedFinding:
    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class DraftResult:
    path: str
    findings: tuple[LocatedFinding, ...]

    @classmethod
    def locate(cls, path: str, text: str, findings: list[Finding]) -> DraftResult:
        lines = LineIndex(text)
        located = []
        for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
            line, column = lines.position(finding.start)
            end_line, end_column = lines.position(finding.end)
            located.append(LocatedFinding(finding, line, column, end_line, end_column))
        return cls(path, tuple(located))
