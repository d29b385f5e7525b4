"""A slot's history: every value the sources give it, oldest first, with the one compared marked.

A figure that changed is not a contradiction, and a writer who sees only "the
sources say 2,500" cannot tell an old figure from a wrong one. The timeline
shows each value once per story (a story filed twice is one source), dated by
its article, and marks the values the judge compared the draft with: the latest
sources before the draft's date.
"""

from __future__ import annotations

from datetime import date

from factlint.model import TimelinePoint
from factlint.rulebook.schema import RuleSpec
from factlint.slots.judge import Judge, StoredFact, described
from factlint.slots.model import Mention


def timeline(judge: Judge, claim: Mention, rule: RuleSpec) -> tuple[TimelinePoint, ...]:
    """The values of the claim's slot in the sources, oldest first (undated ones before them)."""
    slot = judge.slot_group(claim)
    if not slot:
        return ()
    compared = {f.id for _, f in judge.in_force(claim, slot, rule)}
    return points(judge, [f for _, f in slot], compared)


def points(judge: Judge, facts: list[StoredFact], compared: set[int]) -> tuple[TimelinePoint, ...]:
    """One point per story and value, oldest first; `compared`: the fact ids to mark."""
    seen: dict[tuple[int, str], TimelinePoint] = {}
    for fact in sorted(facts, key=lambda f: (_order(f.mention.said_on), f.id)):
        value = described(fact.mention)
        key = (fact.group, value)
        marked = fact.id in compared
        if key in seen:
            if marked and not seen[key].compared:
                seen[key] = TimelinePoint(value, fact.mention.said_on, seen[key].source, True)
            continue
        seen[key] = TimelinePoint(value, fact.mention.said_on, judge.facts.source_ref(fact), marked)
    return tuple(seen.values())


def _order(said_on: date | None) -> date:
    return said_on or date.min


def history_text(points: tuple[TimelinePoint, ...]) -> str:
    """ "14,000 (2019-03-12, 004.txt:6) -> 2,500 (2021-04-01, 000.txt:1) [compared]": for terminals."""
    return " -> ".join(
        f"{p.label()} ({p.source.sentence_location.path.rsplit('/', 1)[-1]}:"
        f"{p.source.sentence_location.line}){' [compared]' if p.compared else ''}"
        for p in points
    )
