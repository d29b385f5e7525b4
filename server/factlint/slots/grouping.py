"""The fact base as slots: every fact joined to the facts of the same slot, with its history.

`factlint facts` lists slots, not bare mentions: "quantity  troop - US, Afghanistan:
14,000 (2019-03-12, 004:6) -> 2,500 (2021-04-01, 000:1; 001:1)". A fact joins the slot
of an earlier fact it matches as surely as a claim must match to be confirmed; titles
join by the person who holds them. Facts are taken oldest first, so a slot's values
read as its history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from factlint.kinds.person import compare as same_person
from factlint.model import Kind, SourceRef
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.describe import describe_slot, describe_value
from factlint.slots.judge import FactBase, StoredFact, similarity
from factlint.slots.model import Name

SAME_SLOT_GROUP = 0.5
"""Two facts this alike fill one slot: stricter than a claim's match, since nothing is checked."""


@dataclass
class ValueAt:
    """One value of a slot as the sources give it at one date, with every source saying so."""

    value: str
    said_on: date | None
    sources: list[SourceRef] = field(default_factory=list)

    def describe(self) -> str:
        where = "; ".join(f"{Path(s.article.path).name}:{s.value_location.line}" for s in self.sources)
        day = self.said_on.isoformat() if self.said_on else "undated"
        return f"{self.value} ({day}, {where})"


@dataclass
class SlotGroup:
    kind: Kind
    about: str
    facts: list[tuple[StoredFact, SourceRef]] = field(default_factory=list)

    def history(self) -> list[ValueAt]:
        """The slot's values oldest first; one entry per value and date, its sources together."""
        entries: list[ValueAt] = []
        for fact, source in self.facts:
            value = describe_value(fact.mention)
            same = next((e for e in entries if e.value == value and e.said_on == fact.mention.said_on), None)
            if same is None:
                entries.append(ValueAt(value, fact.mention.said_on, [source]))
            else:
                same.sources.append(source)
        return entries

    def describe(self) -> str:
        return " -> ".join(entry.describe() for entry in self.history())


def group_facts(
    facts: Iterable[tuple[StoredFact, SourceRef]], base: FactBase, lexicon: Lexicon
) -> list[SlotGroup]:
    """The facts, joined into slots, in the order each slot was first stated."""
    ordered = sorted(facts, key=lambda pair: (pair[0].mention.said_on or date.min, pair[0].id))
    groups: list[SlotGroup] = []
    member: dict[int, int] = {}
    by_id = {fact.id: fact for fact, _ in ordered}
    for fact, source in ordered:
        index = _join(fact, base, lexicon, member, by_id)
        if index is None:
            index = len(groups)
            groups.append(SlotGroup(fact.mention.kind, describe_slot(fact.mention)))
        groups[index].facts.append((fact, source))
        member[fact.id] = index
    return groups


def _join(
    fact: StoredFact,
    base: FactBase,
    lexicon: Lexicon,
    member: dict[int, int],
    by_id: dict[int, StoredFact],
) -> int | None:
    """The group of the earlier fact most like this one, if one is alike enough."""
    best: tuple[float, int] | None = None
    for candidate in base.candidates(fact.mention):
        group = member.get(candidate.id)
        if group is None or candidate.id not in by_id or candidate.sentence == fact.sentence:
            continue  # one sentence does not state one slot twice ("voted 38 to 12")
        if fact.mention.kind is Kind.ROLE:
            ours = Name(tuple(fact.mention.slot.head.split()))
            theirs = Name(tuple(candidate.mention.slot.head.split()))
            score: float | None = 1.0 if same_person(ours, theirs) else None
        else:
            score = similarity(fact.mention.slot, candidate.mention.slot, base.idf, lexicon)
        if score is not None and score >= SAME_SLOT_GROUP and (best is None or score > best[0]):
            best = (score, group)
    return None if best is None else best[1]
