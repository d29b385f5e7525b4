"""Event dates: when something happened or will happen ("on Monday", "Tuesday's vote", "six years ago").

Dates are spans of days and agree when they overlap. Relative dates are resolved
against each text's own date; where one side cannot be placed in time (an
undated text), the same event still falls on one weekday, in one month, on one
day of the month.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factlint.rulebook.fields import ONE_WORD
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.model import Mention, When
from factlint.slots.values import DAYS_PER_UNIT, TIME_UNITS


@dataclass(frozen=True)
class EventDateSpec:
    future_markers: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that put a date in the future ("will", "scheduled"): "will open on Thursday" is the next one."""
    synonyms: tuple[tuple[str, ...], ...] = ()
    """Words and phrases that name the same event: [[launch, lift off], [land, touch down]]."""


def vocabulary(spec: EventDateSpec, vocab: Lexicon) -> None:
    vocab.future_markers.update(m.lower() for m in spec.future_markers)
    for group in spec.synonyms:
        vocab.add_synonyms(group, events=True)


def compare(claim: When, fact: When) -> bool | None:
    if claim.resolved and fact.resolved:
        if claim.overlaps(fact):
            return True
        if not (claim.year_given and fact.year_given) and claim.month and fact.month:
            # "August" written a year later may mean the same August: compare what was written
            our_days, their_days = _days(claim), _days(fact)
            return claim.month == fact.month and (
                our_days is None
                or their_days is None
                or (our_days[0] <= their_days[1] and their_days[0] <= our_days[1])
            )
        return False
    ours, theirs = _fields(claim), _fields(fact)
    shared = ours.keys() & theirs.keys()
    if not shared:
        return True if claim.expression == fact.expression else None
    return all(ours[k] == theirs[k] for k in shared)


def _days(value: When) -> tuple[int, int] | None:
    """The days of its month a date names: one day, a part ("late October": 21 to 31), or any."""
    if value.day is not None:
        return value.day, value.day
    if value.granularity == "part" and value.start is not None and value.end is not None:
        return value.start.day, value.end.day
    return None


def _fields(value: When) -> dict[str, int]:
    fields = {"weekday": value.weekday, "month": value.month, "day": value.day}
    if value.start is not None and value.start == value.end:
        fields.update(weekday=value.start.weekday(), month=value.start.month, day=value.start.day)
    elif value.start is not None and value.end is not None and value.granularity in ("month", "part"):
        fields.update(month=value.start.month)
    return {k: v for k, v in fields.items() if v is not None}


def agrees(claim: Mention, fact: Mention, spec: EventDateSpec, lexicon: Lexicon) -> bool | None:
    assert isinstance(claim.value, When) and isinstance(fact.value, When)
    return compare(claim.value, fact.value)


def elapsed_since(claim: Mention, fact: Mention) -> str | None:
    """What replaces a length that dates an event ("18 months since", "open for two years"): the
    time from the source's date to the draft's, in the claim's unit ("15 months since"); None
    when the claim is no such length."""
    value, source = claim.value, fact.value
    if not isinstance(value, When) or value.granularity != "ago" or claim.said_on is None:
        return None
    if not isinstance(source, When) or source.start is None:
        return None
    words = claim.text.split()
    at = next((k for k, w in enumerate(words) if w.lower() in TIME_UNITS), None)
    if at is None:
        return None
    unit = TIME_UNITS[words[at].lower()]
    count = round((claim.said_on - source.start).days / DAYS_PER_UNIT[unit])
    if count < 1:
        return None
    amount = f"a {unit}" if count == 1 else f"{count} {unit}s"
    return " ".join([amount, *words[at + 1 :]])
