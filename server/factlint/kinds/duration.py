"""Durations: how long something lasts or lasted ("the 25-day cruise", "for half a century").

Lengths compare in days, each side widened by `tolerance-units` of the claim's
own unit and by its hedge. Something still going on when written (a war, a ban
"in place for 12 years") grows with time: the source's length is moved to the
draft's date before comparing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factlint.kinds.quantity import far_apart
from factlint.rulebook.lexicon import Lexicon, lemma_key
from factlint.slots.model import Mention, Period
from factlint.slots.values import DAYS_PER_UNIT

SHORTEST_MONTH, LONGEST_MONTH = 28, 31
"""Days in a month, at least and at most: a length in months is that many days long, give or take."""
HEDGED_SHARE = 0.15
"""An approximate length ("about six weeks") may be this much longer or shorter."""


@dataclass(frozen=True)
class DurationSpec:
    subjects: tuple[str, ...] = ()
    """What lasts (war, visit, negotiations); empty: any."""
    ongoing: tuple[str, ...] = ()
    """Things still running when written: their length grows with the date ("17-year war")."""
    tolerance_units: float = 1.0
    """Difference allowed, in the claim's own unit, after moving an ongoing duration to the draft's
    date (both figures are rounded to whole units)."""


def vocabulary(spec: DurationSpec, vocab: Lexicon) -> None:
    for word in spec.ongoing:
        vocab.ongoing.add(vocab.synonym(" ".join(lemma_key(word))))


SAME_MOMENT_DAYS = 7
"""Lengths said this close together are said of one moment: a week adds nothing to "16 months"."""


def compare(
    claim: Period,
    claim_date: date | None,
    claim_ongoing: bool,
    fact: Period,
    fact_date: date | None,
    fact_ongoing: bool,
    spec: DurationSpec,
    fact_exact: bool = False,
) -> bool | None:
    """Whether two lengths of one slot agree at the claim's date; None if that cannot be known
    (or if they are so far apart that they cannot be one length misstated).
    `fact_exact`: the fact's range is every length it may be (one reckoned from "since 2024"), not
    a rounded figure."""
    if far_apart(claim.high, fact.high):
        return None  # "retires in ten days" and "after 22 years": two lengths, not one misstated
    low, high = fact.low, fact.high
    if claim_ongoing and fact_ongoing:
        if claim_date is None or fact_date is None:
            return None
        shift = (claim_date - fact_date).days
        low, high = low + shift, high + shift
    elif claim_ongoing != fact_ongoing and claim_date != fact_date:
        # one says how long it has run so far, the other how long it ran or will run: only lengths
        # said within days of each other are of one moment ("an average wait of 16 months" and "the
        # average wait is now 16 months" four days before), the running one moved by those days
        if claim_date is None or fact_date is None or abs((claim_date - fact_date).days) > SAME_MOMENT_DAYS:
            return None
        shift = (claim_date - fact_date).days if fact_ongoing else 0
        moved = Period(fact.low + shift, fact.high + shift, fact.unit, fact.bound)
        return compare(claim, None, False, fact, None, False, spec) or compare(
            claim, None, False, moved, None, False, spec
        )
    unit = DAYS_PER_UNIT[claim.unit]
    margin = 0.0
    if claim.unit != fact.unit:
        margin = min(unit, DAYS_PER_UNIT[fact.unit]) / 2  # "an hour and a half" is not "90 minutes" exactly
    if claim_ongoing and fact_ongoing:
        margin = spec.tolerance_units * unit + unit / 2  # moved in time, and rounded both times
        if fact_exact:
            margin = unit  # "since 2024" is already the whole range it may be: only the claim is rounded
    if claim.bound == fact.bound and claim.bound in ("<=", ">="):
        # "up to an hour and a half" against "up to 70 minutes": one bound restated
        return abs(claim.low - low) <= margin + 1e-9
    claim_low, claim_high = _calendar(claim, *_widen(claim), fact.unit)
    fact_low, fact_high = _calendar(fact, *_widen(Period(low, high, fact.unit, fact.bound)), claim.unit)
    return claim_low - margin <= fact_high and fact_low <= claim_high + margin


def _calendar(period: Period, low: float, high: float, other_unit: str) -> tuple[float, float]:
    """Months are 28 to 31 days long: "a month and a half" is six weeks as much as 46 days."""
    if period.unit != "month" or other_unit == "month":
        return low, high
    month = DAYS_PER_UNIT["month"]
    return low * SHORTEST_MONTH / month, high * LONGEST_MONTH / month


def _widen(period: Period) -> tuple[float, float]:
    if period.bound == "<=":
        return 0.0, period.high
    if period.bound == ">=":
        return period.low, float("inf")
    if period.bound == "~":
        return period.low * (1 - HEDGED_SHARE), period.high * (1 + HEDGED_SHARE)
    if period.bound == "~<":
        return period.low * (1 - 2 * HEDGED_SHARE), period.high
    return period.low, period.high


def shown_at(fact: Period, text: str, fact_date: date | None, claim_date: date | None, ongoing: bool) -> str:
    """The source's length as it reads on the draft's date: "17-year" in 2019 is "19-year" in 2021."""
    if not ongoing or fact_date is None or claim_date is None:
        return text
    unit = DAYS_PER_UNIT[fact.unit]
    shift = (claim_date - fact_date).days / unit
    if abs(shift) < 1:
        return text
    moved = round(fact.low / unit + shift)
    return f"{moved}-{fact.unit}" if "-" in text else f"{moved} {fact.unit}s"


def agrees(claim: Mention, fact: Mention, spec: DurationSpec, lexicon: Lexicon) -> bool | None:
    assert isinstance(claim.value, Period) and isinstance(fact.value, Period)
    # a source's "since 2018" is a length up to the day it was written, and a draft's length
    # beside it is one up to its own: both move to the draft's date
    to_date = "to-date" in fact.slot.marks
    return compare(
        claim.value,
        claim.said_on,
        to_date or "ongoing" in claim.slot.marks,
        fact.value,
        fact.said_on,
        to_date or "ongoing" in fact.slot.marks,
        spec,
        fact_exact=to_date,
    )
