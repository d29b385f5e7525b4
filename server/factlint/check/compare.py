"""Whether two values of one slot agree, given when each was written.

Each kind compares in its own way: figures by interval with hedges and
tolerance, durations in their unit after moving ongoing ones to the same date,
dates by overlap, titles by office and portfolio. `None` means the two cannot be
compared (too far apart in time, or a date that could not be resolved).
"""

from __future__ import annotations

import math
from datetime import date

from factlint.extract.mentions import DurationValue, Mention, TitleValue
from factlint.rulebook.ruleset import Lexicon
from factlint.rulebook.schema import DurationSpec, QuantitySpec, RoleSpec
from factlint.text.dates import DateValue
from factlint.text.numbers import NumberValue

DAYS_PER_UNIT = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7,
                 "fortnight": 14, "month": 30.44, "year": 365.25, "decade": 3652.5,
                 "century": 36525}  # fmt: skip
LOWER_BOUND_HEDGES = {"more than", "over", "at least", "as many as", "as much as"}
UPPER_BOUND_HEDGES = {"less than", "fewer than", "under", "at most", "up to", "nearly", "almost"}


def days_apart(a: date | None, b: date | None) -> float | None:
    if a is None or b is None:
        return None
    return abs((a - b).days)


def compare_quantity(claim: Mention, fact: Mention, spec: QuantitySpec) -> bool | None:
    assert isinstance(claim.value, NumberValue) and isinstance(fact.value, NumberValue)
    if claim.value.ordinal != fact.value.ordinal or claim.value.fraction != fact.value.fraction:
        return None
    return _intervals_agree(
        _interval(claim.value, claim.hedge, spec), _interval(fact.value, fact.hedge, spec)
    )


def quantity_comparable(
    claim: Mention, claim_date: date | None, fact: Mention, fact_date: date | None, spec: QuantitySpec
) -> bool:
    """A changing figure compares only near in time, and not "had" against "has"."""
    if not spec.changes_over_time:
        return True
    if claim.tense and fact.tense and claim.tense != fact.tense:
        return False
    apart = days_apart(claim_date, fact_date)
    return apart is None or apart <= spec.window_days


def _interval(value: NumberValue, hedge: str | None, spec: QuantitySpec) -> tuple[float, float]:
    low, high = value.low, value.high
    if hedge in LOWER_BOUND_HEDGES:
        return low, math.inf
    if hedge in UPPER_BOUND_HEDGES:
        return low * (1 - spec.hedged_tolerance), high
    tolerance = spec.hedged_tolerance if hedge else spec.tolerance
    return low * (1 - tolerance), high * (1 + tolerance)


def _intervals_agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    epsilon = 1e-9
    return a[0] <= b[1] + epsilon and b[0] <= a[1] + epsilon


def compare_duration(
    claim: Mention,
    claim_date: date | None,
    fact: Mention,
    fact_date: date | None,
    spec: DurationSpec,
    lexicon: Lexicon,
) -> bool | None:
    assert isinstance(claim.value, DurationValue) and isinstance(fact.value, DurationValue)
    if claim.value.unit != fact.value.unit:
        return None
    unit_days = DAYS_PER_UNIT[claim.value.unit]
    claimed = claim.value.amount
    stated = fact.value.amount
    ongoing = (claim.slot or fact.slot) in lexicon.ongoing
    if ongoing:
        if claim_date is None or fact_date is None:
            return None
        # move the source's figure to the draft's date; whole-unit figures are rounded,
        # so half a unit on top of the tolerance
        shift = (claim_date - fact_date).days / unit_days
        margin = spec.tolerance_units + 0.5
        return claimed.low <= stated.high + shift + margin and stated.low + shift - margin <= claimed.high
    else:
        expected_low, expected_high = stated.low, stated.high
        tolerance = 0.0
    if claim.hedge or fact.hedge:
        tolerance = max(tolerance, 1.0)
    return claimed.low <= expected_high + tolerance and expected_low - tolerance <= claimed.high


def moved_duration_text(
    fact: Mention, fact_date: date | None, claim_date: date | None, lexicon: Lexicon
) -> str:
    """The source's duration as it reads on the draft's date: "17-year" in 2019 is "19-year" in 2021."""
    assert isinstance(fact.value, DurationValue)
    if fact.slot not in lexicon.ongoing or fact_date is None or claim_date is None:
        return fact.text
    shift = (claim_date - fact_date).days / DAYS_PER_UNIT[fact.value.unit]
    if abs(shift) < 1:
        return fact.text
    moved = round(fact.value.amount.low + shift)
    unit = fact.value.unit
    return f"{moved}-{unit}" if "-" in fact.text else f"{moved} {unit}s"


def compare_dates(claim: Mention, fact: Mention) -> bool | None:
    assert isinstance(claim.value, DateValue) and isinstance(fact.value, DateValue)
    if claim.value.resolved and fact.value.resolved:
        return claim.value.overlaps(fact.value)
    # one side could not be placed in time (an undated text): the same event still
    # falls on one weekday, in one month, on one day of the month
    ours, theirs = claim.value.calendar_fields(), fact.value.calendar_fields()
    shared = ours.keys() & theirs.keys()
    if not shared:
        return True if claim.value.expression == fact.value.expression else None
    return all(ours[k] == theirs[k] for k in shared)


def compare_titles(
    claim: TitleValue, fact: TitleValue, spec: RoleSpec, generic: frozenset[str]
) -> bool | None:
    if claim.past or fact.past:
        return None
    if claim.head == fact.head:
        # the same office; a different portfolio (defence, not foreign) is another office
        return not (claim.portfolios and fact.portfolios and not claim.portfolios & fact.portfolios)
    return None if claim.head in generic or fact.head in generic else False
