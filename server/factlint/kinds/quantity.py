"""Quantities: a figure and what it counts or measures ("11 stations", "£97.4m", "12 miles").

Two figures of one slot agree when their intervals overlap: an exact figure is
itself (within `tolerance`), a hedged one ("about", "nearly") is widened by
`hedged-tolerance`, "more than" and "fewer than" are open bounds. A figure
converted from another unit agrees within the precision it is written to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from factlint.rulebook.lexicon import Lexicon
from factlint.slots.model import Amount, Mention

CONVERSION_SLACK = 0.01
"""Conversions between units are rounded by writers ("1.84-tonne"): 1% on top of the precision."""


@dataclass(frozen=True)
class QuantitySpec:
    nouns: tuple[str, ...] = ()
    """Counted nouns this rule is about (singular or plural); empty: any counted noun."""
    synonyms: tuple[tuple[str, ...], ...] = ()
    """Groups of nouns or phrases that count the same thing: [[operating theatre, surgical suite]]."""
    tolerance: float = 0.0
    """Relative difference allowed between exact figures (0.05 = 5%)."""
    hedged_tolerance: float = 0.1
    """Relative difference allowed when either figure is approximate ("about", "nearly")."""
    hedges_near: tuple[str, ...] = ()
    """Words or phrases before a figure that make it approximate: about, nearly, some, an estimated."""
    hedges_below: tuple[str, ...] = ()
    """Words or phrases that put a figure a little under the one written: nearly, almost, just under."""
    hedges_at_most: tuple[str, ...] = ()
    """Words or phrases that make a figure an upper bound: fewer than, up to, under, at most."""
    hedges_at_least: tuple[str, ...] = ()
    """Words or phrases that make a figure a lower bound: more than, over, at least."""
    changes_over_time: bool = True
    """Whether the figure can change (troop counts); timeless ones compare across any dates."""
    window_days: int = 180
    """How far before the draft's date a source may be for a changing figure to be compared."""
    hypernyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A general noun and the nouns it covers: people: [residents, workers, nurses]. A figure
    counting the general noun may be compared with one counting a covered noun."""


def vocabulary(spec: QuantitySpec, vocab: Lexicon) -> None:
    for group in spec.synonyms:
        vocab.add_synonyms(group)
    for bound, phrases in (
        ("~", spec.hedges_near),
        ("~<", spec.hedges_below),
        ("<=", spec.hedges_at_most),
        (">=", spec.hedges_at_least),
    ):
        for phrase in phrases:
            vocab.hedges[phrase.lower()] = bound
    for general, covered in spec.hypernyms.items():
        vocab.add_hypernym(general, covered)


def interval(amount: Amount, spec: QuantitySpec) -> tuple[float, float]:
    """The values a figure allows as written: itself, an open bound ("more than", "up to"), or
    the stretch just under it ("almost ten" is eight to ten)."""
    if amount.bound == "~<":
        return amount.low - 2 * spec.hedged_tolerance * abs(amount.low), amount.high
    if amount.bound == ">=":
        return amount.low, math.inf
    if amount.bound == "<=":
        return -math.inf if amount.low < 0 else 0.0, amount.high
    return amount.low, amount.high


def compare(claim: Amount, fact: Amount, spec: QuantitySpec) -> bool | None:
    """Whether two figures of one slot agree; None when they cannot be compared.

    They agree when their intervals come within the tolerance of each other: `tolerance` for
    exact figures, `hedged-tolerance` when either is approximate or a bound. Two bounds of the
    same sense ("more than 2,300", "more than 3,200") are one figure restated, so their
    figures are compared. A figure converted from another unit may be off by its precision.
    """
    if claim.dimension != fact.dimension or claim.ordinal != fact.ordinal:
        return None
    if _far_apart(claim, fact):
        return None  # a fare and a budget, a count and a year: not one slot, whatever the words say
    hedged = claim.bound != "=" or fact.bound != "="
    share = spec.hedged_tolerance if hedged else spec.tolerance
    slack = share * max(abs(claim.high), abs(fact.high))
    if claim.unit != fact.unit:
        # a converted figure is as exact as its rounding: "about 16 feet" says "about" because it
        # is converted, so the hedge is not a second allowance on top of the rounding
        rounding = (claim.step + fact.step) / 2 + CONVERSION_SLACK * max(abs(claim.high), abs(fact.high))
        slack = max(slack, rounding)
    if claim.bound == fact.bound and claim.bound in (">=", "<="):
        return abs(claim.low - fact.low) <= slack + 1e-9
    a, b = interval(claim, spec), interval(fact, spec)
    gap = max(a[0] - b[1], b[0] - a[1], 0.0)
    return gap <= slack + 1e-9


MAGNITUDE = 50.0
"""Figures (and lengths) further apart than this factor are different things, not one misstated."""


def _far_apart(a: Amount, b: Amount) -> bool:
    return far_apart(a.high, b.high)


def far_apart(a: float, b: float) -> bool:
    """Whether two values differ by more than `MAGNITUDE` times: not one value misstated."""
    x, y = abs(a) or 1e-12, abs(b) or 1e-12
    return max(x, y) / min(x, y) > MAGNITUDE


def agrees(claim: Mention, fact: Mention, spec: QuantitySpec, lexicon: Lexicon) -> bool | None:
    assert isinstance(claim.value, Amount) and isinstance(fact.value, Amount)
    verdict = compare(claim.value, fact.value, spec)
    if verdict is False and _some_of_the_whole(claim, fact):
        return None  # "Two of the scientists" may be two of the source's sixteen
    return verdict


def _some_of_the_whole(claim: Mention, fact: Mention) -> bool:
    """Whether a count of some of a group ("Two of the scientists") is no larger than a count of
    the whole group a source gives ("Sixteen scientists sailed"): a part of it, not a misstatement."""
    assert isinstance(claim.value, Amount) and isinstance(fact.value, Amount)
    part = "partitive" in claim.slot.marks and not {"part", "partitive"} & set(fact.slot.marks)
    return part and claim.value.high < fact.value.low
