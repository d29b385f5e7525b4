"""A finding's message: the rule's template with the draft's and the sources' values quoted alike.

Both values are quoted the same way (“3,000”, not 3,000 beside “2,500”), so a reader
sees at once which words are the draft's and which the sources', and no reader takes
a difference in quoting for a difference in meaning. The checker calls this with the
values as it shows them; the template's placeholders are those of `schema.PLACEHOLDERS`.
"""

from __future__ import annotations

from collections.abc import Iterable


def quote(text: str) -> str:
    return f"“{text}”"


def finding_message(template: str, claim: str, expected: Iterable[str], subject: str, source: str) -> str:
    """`template` filled in: {claim} and each of {expected} quoted, "or" between the expected."""
    return template.format(
        claim=quote(claim),
        expected=" or ".join(quote(value) for value in expected),
        subject=subject,
        source=source,
    )
