"""Sources that disagree: two stories giving one slot two values for the same time.

An archive contradicts itself more often than a writer expects, and a draft
checked against it inherits the disagreement. The audit takes every fact in
turn as if a draft had stated it, asks the judge which facts of *other* stories
fill its slot, and keeps a pair only when the disagreement would have been a
finding had a draft said it: the same bar of shared context, no nearly-as-close
source of that story agreeing, and the match holding both ways.

What does not count, because it is not a contradiction:
- a figure that changed over time: the two sources must be written within
  `SAME_TIME_DAYS` of each other (a figure the rule marks timeless compares at any date);
- a planned date against the actual one: two dates of one event conflict only
  when both sources report the event as past;
- values of another time ("up from 86"), and copies of one story (one source).

Lengths of time compare across dates only when both are still running (the
duration rule moves "the 17-year war" to the other source's date first) or both
are over; names (places, people) are not audited at all (see `AUDITED_KINDS`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from factlint.conflicts import Conflict, ConflictValue
from factlint.kinds import AGREES
from factlint.model import Kind
from factlint.rulebook.schema import RuleSpec
from factlint.slots.checker import Checker
from factlint.slots.describe import describe_slot
from factlint.slots.judge import (
    RESCUE_MARGIN,
    SAME_TIME_DAYS,
    StoredFact,
    contradiction_needs,
    described,
)
from factlint.slots.model import When

AUDITED_KINDS = frozenset({Kind.QUANTITY, Kind.DURATION, Kind.EVENT_DATE, Kind.ROLE})
"""Names are not audited: two stories told in the same words about two places or two people
("Landlords in Dunlinlin examined the petition", "Landlords in Holkel ...") differ by the
name alone, which is what tells the stories apart (651 false conflicts in a generated
archive of 1,000 articles)."""


class Auditor:
    """Finds the conflicts among some facts of a fact base (all of them, or one article's)."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self.judge = checker.judge
        self.rules = checker.rules
        self._disagreeing_with: dict[int, list[tuple[StoredFact, str]]] = {}
        """Each fact's disagreeing facts, kept: the findings of one draft share sources."""

    def conflicts(self, facts: Iterable[StoredFact]) -> list[Conflict]:
        """The conflicts `facts` take part in; the other side is checked back, so a pair
        counts only when each value would contradict the other."""
        pairs: dict[tuple[int, int], str] = {}
        by_id: dict[int, StoredFact] = {}
        todo = [f for f in facts if _audited(f)]
        done: set[int] = set()
        while todo:
            fact = todo.pop()
            if fact.id in done:
                continue
            done.add(fact.id)
            by_id[fact.id] = fact
            if fact.id not in self._disagreeing_with:
                self._disagreeing_with[fact.id] = self._disagreeing(fact)
            for other, reason in self._disagreeing_with[fact.id]:
                pairs[(fact.id, other.id)] = reason
                if other.id not in done:
                    todo.append(other)
        mutual = {(a, b): r for (a, b), r in pairs.items() if a < b and (b, a) in pairs}
        found = [self._conflict([by_id[i] for i in ids], reason) for ids, reason in _clusters(mutual)]
        return sorted(found, key=lambda c: c.key)

    def _disagreeing(self, fact: StoredFact) -> list[tuple[StoredFact, str]]:
        """Facts of other stories that a draft stating `fact` would be contradicted by."""
        claim = fact.mention
        rule = self.checker.rule_for(claim)
        if rule is None:
            return []
        slot = self.judge.slot_group(claim, besides=fact.group)
        agrees = AGREES[claim.kind]
        found = []
        for score, other in slot:
            if not _audited(other):
                continue
            reason = same_time(fact, other, rule)
            if reason is None or agrees(claim, other.mention, rule.spec, self.rules.lexicon) is not False:
                continue
            if claim.kind is not Kind.ROLE and score < contradiction_needs(claim, [other]):
                continue
            if self._in_doubt(fact, other, score, slot, rule):
                continue
            found.append((other, reason))
        return found

    def _in_doubt(
        self,
        fact: StoredFact,
        other: StoredFact,
        score: float,
        slot: list[tuple[float, StoredFact]],
        rule: RuleSpec,
    ) -> bool:
        """The other story also says something like `fact`'s value nearly as surely: the slot is unclear."""
        agrees = AGREES[fact.mention.kind]
        return any(
            f.group == other.group
            and s >= score - RESCUE_MARGIN
            and agrees(fact.mention, f.mention, rule.spec, self.rules.lexicon) is True
            for s, f in slot
        )

    def _conflict(self, facts: list[StoredFact], reason: str) -> Conflict:
        facts = sorted(facts, key=lambda f: (f.mention.said_on or date.min, f.id))
        values: dict[tuple[int, str], ConflictValue] = {}
        for fact in facts:
            shown = described(fact.mention)
            values.setdefault(
                (fact.group, shown),
                ConflictValue(shown, fact.mention.said_on, self.judge.facts.source_ref(fact)),
            )
        return Conflict(
            facts[0].mention.kind, describe_slot(facts[0].mention), tuple(values.values()), reason
        )


def _audited(fact: StoredFact) -> bool:
    """Values of another time ("up from 86") are not the slot's value: never a side of a conflict."""
    return fact.mention.kind in AUDITED_KINDS and "previous" not in fact.mention.slot.marks


def same_time(a: StoredFact, b: StoredFact, rule: RuleSpec) -> str | None:
    """Why two facts describe the same moment (so different values conflict), or None."""
    x, y = a.mention, b.mention
    if x.said_on is None or y.said_on is None:
        return None
    days = abs((x.said_on - y.said_on).days)
    if x.kind is Kind.EVENT_DATE:
        if _past(x.value, x.said_on) and _past(y.value, y.said_on):
            return "both sources report the event as past: one event, two dates"
        return None  # a date planned before the event may rightly differ from the actual one
    apart = f"written {_days(days)} apart"
    if x.kind is Kind.DURATION:
        if "ongoing" in x.slot.marks and "ongoing" in y.slot.marks:
            return f"{apart}; a length still running was moved to the later date first"
        if "past" in x.slot.marks and "past" in y.slot.marks:
            return f"{apart}; a length that is over does not change"
    if not getattr(rule.spec, "changes_over_time", True):
        return "the rule says this figure does not change over time"
    if "past" in x.slot.marks and "past" in y.slot.marks:
        return "both report a finished event: its figure does not change"
    if days <= SAME_TIME_DAYS:
        return f"{apart}: the same moment, not a change over time"
    return None


def _days(count: int) -> str:
    return "0 days" if count == 0 else f"{count} day{'s' if count != 1 else ''}"


def _past(value: object, said_on: date) -> bool:
    return isinstance(value, When) and value.end is not None and value.end <= said_on


def _clusters(pairs: dict[tuple[int, int], str]) -> list[tuple[list[int], str]]:
    """Facts joined by conflicting pairs, as groups (each with the first pair's reason)."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    reasons: dict[int, str] = {}
    for (a, _), reason in sorted(pairs.items()):
        reasons.setdefault(root(a), reason)
    for i in sorted(parent):
        groups.setdefault(root(i), []).append(i)
    return [(ids, reasons[r]) for r, ids in groups.items()]
