"""The checked drafts every output format reads: findings located by line and column.

`LintRun` is the whole input of a writer: the drafts, the rules that were
active (SARIF lists them even when nothing fired) and the folder that paths
are shown relative to, so output does not depend on where factlint is installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from factlint.model import Finding, Kind, Severity
from factlint.text.lines import LineIndex
from factlint.wording import count

SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3, Severity.OFF: 0}
"""Higher is worse; `--fail-on warning` fails on rank 2 and above."""


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
    """The draft's absolute path, or the name given with `--stdin-filename`."""
    findings: tuple[LocatedFinding, ...]
    not_compared: int = 0
    """Claims the sources address, but no source near the draft's date (see `factlint.notices`)."""

    @classmethod
    def locate(cls, path: str, text: str, findings: list[Finding], not_compared: int = 0) -> DraftResult:
        lines = LineIndex(text)
        located = []
        for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
            line, column = lines.position(finding.start)
            end_line, end_column = lines.position(finding.end)
            located.append(LocatedFinding(finding, line, column, end_line, end_column))
        return cls(path, tuple(located), not_compared)


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule: SARIF's `reportingDescriptor`."""

    id: str
    kind: Kind
    severity: Severity
    description: str = ""
    link: str | None = None


@dataclass(frozen=True)
class LintRun:
    """One `factlint lint` invocation's results, in the order the drafts were given."""

    results: tuple[DraftResult, ...]
    rules: tuple[RuleInfo, ...] = ()
    root: Path = field(default_factory=Path.cwd)
    """Paths under this folder are shown relative to it."""
    docs_url: str | None = None
    """Where the team hosts factlint's docs (`docs-url`), if it does."""

    @property
    def finding_count(self) -> int:
        return sum(1 for r in self.results for f in r.findings if not _is_notice(f))

    @property
    def flagged_count(self) -> int:
        return sum(1 for r in self.results if any(not _is_notice(f) for f in r.findings))

    @property
    def not_compared(self) -> int:
        """Claims the sources address but none near the draft's date: see `factlint.notices`."""
        return sum(r.not_compared for r in self.results)

    def relative(self, path: str) -> str:
        """`path` relative to `root` with forward slashes, or as given when outside it."""
        try:
            relative = Path(path).resolve().relative_to(self.root.resolve())
        except ValueError:
            return path
        return relative.as_posix()

    def display(self, path: str) -> str:
        """`path` for people: relative under `root`, else absolute (as ruff does), never `../../..`."""
        relative = self.relative(path)
        return relative if relative == path else str(Path(relative))


def summary_line(run: LintRun) -> str:
    """`N contradictions in M files, K checked`: the last line of human-facing output, with the
    claims that could not be compared for want of sources near the draft's date."""
    found = count(run.finding_count, "contradiction")
    line = f"{found} in {count(run.flagged_count, 'file')}, {len(run.results):,} checked"
    if run.not_compared:
        claims = count(run.not_compared, "claim")
        line += f"; {claims} not compared (no sources near the draft's date: see `date:`)"
    return line


def _is_notice(item: LocatedFinding) -> bool:
    return item.finding.kind is Kind.NOTICE
