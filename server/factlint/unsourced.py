"""Claims no source addresses, as findings of their own rule: new information to verify.

Not an error (a draft exists to say something new), so the rule is `info` and
`factlint lint` leaves it out unless asked (`--show-unsourced`, or
`show-unsourced = true`); an editor shows it as a hint. An editor reading a
draft before publishing wants to know which figures, dates, titles and places
nothing in the archive backs.
"""

from __future__ import annotations

from factlint.model import Finding, Kind, Severity
from factlint.slots.model import Mention

UNSOURCED = "unsourced-claim"
"""The rule id: what `disable`, `severity` and `factlint-disable` comments name."""

REPORTED_KINDS = {
    Kind.QUANTITY: "figure",
    Kind.DURATION: "length of time",
    Kind.EVENT_DATE: "date",
    Kind.ROLE: "title",
    Kind.PLACE: "place",
}
"""The kinds reported, and what a message calls each. A person's name alone is not a claim to verify."""


def unsourced_finding(claim: Mention, severity: Severity = Severity.INFO) -> Finding | None:
    """The finding for a claim whose slot no source fills; None for kinds not reported."""
    noun = REPORTED_KINDS.get(claim.kind)
    if noun is None:
        return None
    return Finding(
        rule=UNSOURCED,
        kind=claim.kind,
        severity=severity,
        message=f"No source gives this {noun}: new information, not verified",
        start=claim.start,
        end=claim.end,
        claim_text=claim.text,
        expected=(),
        sources=(),
    )
