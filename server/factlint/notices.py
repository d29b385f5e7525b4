"""Notes about the check itself, reported like findings at `info` severity: nothing is wrong.

`not-compared`: claims whose slot the sources fill, but no source near the draft's date
(a changing figure is compared only with sources from the window before the draft). A
draft with no date is taken as written today, so an archive of older articles silently
checks nothing; this note says so, and how to give the draft its date.
"""

from __future__ import annotations

from datetime import date

from factlint.model import Finding, Kind, Severity

NOT_COMPARED = "not-compared"


def not_compared(count: int, when: date, date_known: bool, at: int) -> Finding:
    """The note for `count` claims left uncompared in a draft checked as of `when`."""
    claims = "1 claim was" if count == 1 else f"{count} claims were"
    if date_known:
        why = f"no source near the draft's date ({when.isoformat()}) gives their figures"
        how = "sources from before that date are compared"
    else:
        why = f"the draft has no date, so it was checked as written today ({when.isoformat()})"
        how = "give it one with `date:` in its front matter or `--date`"
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
