"""Notes about the check itself, reported like findings at `info` severity: nothing is wrong.

`not-compared`: a draft with no date is taken as written today, so its claims whose slot the
sources fill, but with no source near today (a changing figure is compared only with sources
from the window before the draft), would go unchecked in silence. This note says how many,
and how to give the draft its date. A dated draft gets no note: its date was chosen.
"""

from __future__ import annotations

from datetime import date

from factlint.model import Finding, Kind, Severity

NOT_COMPARED = "not-compared"


def not_compared(count: int, when: date, at: int) -> Finding:
    """The note for `count` claims left uncompared in an undated draft checked as of `when` (today)."""
    claims = "1 claim was" if count == 1 else f"{count} claims were"
    why = f"the draft has no date, so it was checked as written today ({when.isoformat()})"
    how = "give it one with `date:` in its front matter, a date in its file name or `--date`"
    return Finding(
        rule=NOT_COMPARED,
        kind=Kind.NOTICE,
        severity=Severity.INFO,
        message=f"{claims} not compared with the sources: {why}; {how}",
        start=at,
        end=at,
        claim_text="",
        expected=(),
        sources=(),
    )
