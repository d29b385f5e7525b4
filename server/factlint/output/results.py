"""The checked drafts every output format reads: findings located by line and column.

`LintRun` is the whole input of a writer: the drafts, the rules that were
active (SARIF lists them even when nothing fired) and the folder that paths
are shown relative to, so output does not depend on where factlint is installed.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, field, replace
from pathlib import Path

from factlint.model import Confirmation, Finding, Kind, Report, Severity
from factlint.text.lines import LineIndex
from factlint.unsourced import UNSOURCED
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
class ClaimCounts:
    """What came of a draft's claims: the summary line's "23 claims: 18 confirmed, ..."."""

    confirmed: int = 0
    contradicted: int = 0
    unsourced: int = 0
    out_of_time: int = 0
    """Claims the sources address, but none near the draft's date."""

    @property
    def total(self) -> int:
        return self.confirmed + self.contradicted + self.unsourced + self.out_of_time

    def __add__(self, other: ClaimCounts) -> ClaimCounts:
        return ClaimCounts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    @classmethod
    def of(cls, report: Report) -> ClaimCounts:
        contradicted = sum(1 for f in report.findings if f.kind not in (Kind.SUPPRESSION, Kind.NOTICE))
        # only an undated draft's are counted: a dated one is compared as of its own date
        not_compared = 0 if report.date_known else report.out_of_time
        return cls(len(report.confirmations), contradicted, report.unsourced, not_compared)


@dataclass(frozen=True)
class DraftResult:
    path: str
    """The draft's absolute path, or the name given with `--stdin-filename`."""
    findings: tuple[LocatedFinding, ...]
    not_compared: int = 0
    """Claims the sources address, but no source near the draft's date (see `factlint.notices`)."""
    counts: ClaimCounts = ClaimCounts()
    text: str = ""
    """The draft itself, for the formats that show it (html)."""
    confirmations: tuple[Confirmation, ...] = ()
    unsourced: tuple[Finding, ...] = ()
    """The unsourced claims, listed or not among `findings` (the html report always marks them)."""

    @classmethod
    def locate(
        cls,
        path: str,
        text: str,
        findings: list[Finding],
        not_compared: int = 0,
        counts: ClaimCounts = ClaimCounts(),
    ) -> DraftResult:
        lines = LineIndex(text)
        located = []
        for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
            line, column = lines.position(finding.start)
            end_line, end_column = lines.position(finding.end)
            located.append(LocatedFinding(finding, line, column, end_line, end_column))
        return cls(path, tuple(located), not_compared, counts)

    @classmethod
    def of_report(cls, path: str, text: str, report: Report, show_unsourced: bool) -> DraftResult:
        """The result of checking `text`: its findings (and unsourced claims, when shown)."""
        shown = report.findings + (report.unsourced_claims if show_unsourced else [])
        counts = ClaimCounts.of(report)
        located = cls.locate(path, text, shown, counts.out_of_time, counts)
        return replace(
            located,
            text=text,
            confirmations=tuple(report.confirmations),
            unsourced=tuple(report.unsourced_claims),
        )


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
        """Contradictions (and suppression problems): notes and unsourced claims are not counted."""
        return sum(1 for r in self.results for f in r.findings if not _is_note(f))

    @property
    def flagged_count(self) -> int:
        return sum(1 for r in self.results if any(not _is_note(f) for f in r.findings))

    @property
    def not_compared(self) -> int:
        """Claims the sources address but none near the draft's date: see `factlint.notices`."""
        return sum(r.not_compared for r in self.results)

    @property
    def counts(self) -> ClaimCounts:
        return sum((r.counts for r in self.results), ClaimCounts())

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
    """`N contradictions in M files, K checked; C claims: ...`: the last line of human-facing output."""
    found = count(run.finding_count, "contradiction")
    line = f"{found} in {count(run.flagged_count, 'file')}, {len(run.results):,} checked"
    return f"{line}; {claims_line(run.counts)}"


def claims_line(counts: ClaimCounts) -> str:
    """ "23 claims: 18 confirmed by the sources, 1 contradicted, 4 unsourced", and the claims an
    undated draft could not compare for want of sources near the date it was taken to have."""
    line = (
        f"{count(counts.total, 'claim')}: {counts.confirmed:,} confirmed by the sources, "
        f"{counts.contradicted:,} contradicted, {counts.unsourced:,} unsourced"
    )
    if counts.out_of_time:
        line += f", {counts.out_of_time:,} not compared (no sources near the draft's date: see `date:`)"
    return line


def _is_note(item: LocatedFinding) -> bool:
    """A note about the check itself, or an unsourced claim: shown, but not a contradiction."""
    return item.finding.kind is Kind.NOTICE or item.finding.rule == UNSOURCED
