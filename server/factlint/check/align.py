"""Do two sentences speak of the same slot? Align their frames and weigh the shared context.

A draft value and a source value fill the same slot when their placeholders
line up inside a stretch of words the two sentences share ("has _ troops in
Afghanistan", "fired _ missiles at a coalition military base"). Support is the
weight of shared words near the value; a different name right beside it (Turkey
where the source says the US) means another slot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from factlint.extract.mentions import Frame

WINDOW = 4
MAX_SWAP = 3


@dataclass(frozen=True)
class Alignment:
    draft_to_source: dict[int, int]
    opcodes: Sequence[tuple[str, int, int, int, int]]

    def source_position(self, position: int) -> int | None:
        return self.draft_to_source.get(position)


@lru_cache(maxsize=8192)
def align(draft: tuple[str, ...], source: tuple[str, ...]) -> Alignment:
    matcher = SequenceMatcher(None, draft, source, autojunk=False)
    mapping: dict[int, int] = {}
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            mapping[a + k] = b + k
    return Alignment(mapping, matcher.get_opcodes())


def support(draft: Frame, source: Frame, alignment: Alignment, first: int, last: int, target: int) -> float:
    """Weight of draft words within WINDOW of draft[first:last] matched near source position `target`.

    A neighbouring value that both sentences state alike ("was *first* diagnosed
    ... in 1994" against "was *first* diagnosed ... in 1990") is shared context
    too, and counts as a word.
    """
    total = 0.0
    for k in range(max(0, first - WINDOW), min(len(draft.tokens), last + WINDOW)):
        if first <= k < last:
            continue
        matched = alignment.draft_to_source.get(k)
        if matched is None or abs(matched - target) > WINDOW + (last - first) + 1:
            continue
        weight = draft.weights[k]
        if weight == 0.0 and _same_value_at(draft, k, source, matched):
            weight = 1.0
        total += weight
    return total


def values_differ_near(draft: Frame, source: Frame, alignment: Alignment, first: int, last: int) -> bool:
    """Whether a value within WINDOW of draft[first:last] is aligned to a different source value."""
    for k in range(max(0, first - WINDOW), min(len(draft.tokens), last + WINDOW)):
        j = alignment.draft_to_source.get(k)
        if j is not None and draft.weights[k] == 0.0 and not _same_value_at(draft, k, source, j):
            return True
    return False


def _same_value_at(draft: Frame, k: int, source: Frame, j: int) -> bool:
    """Whether the values behind two aligned placeholders are written the same."""
    ours = next((m for m in draft.mentions if m.position == k), None)
    theirs = next((m for m in source.mentions if m.position == j), None)
    return ours is not None and theirs is not None and ours.value == theirs.value


def nearest_words_match(draft: Frame, alignment: Alignment, position: int, reach: int = 2) -> bool:
    """Whether one of the `reach` nearest content words on either side of `position` is matched."""
    for step in (-1, 1):
        k, seen = position + step, 0
        while 0 <= k < len(draft.tokens) and seen < reach:
            if draft.weights[k] >= 1.0:
                if k in alignment.draft_to_source:
                    return True
                seen += 1
            k += step
    return False


def adjacent_match(alignment: Alignment, first: int, last: int) -> bool:
    """Whether a word right beside draft[first:last] is matched."""
    return (first - 1) in alignment.draft_to_source or last in alignment.draft_to_source


def names_conflict(draft: Frame, source: Frame, alignment: Alignment, position: int, target: int) -> bool:
    """A name swapped for another name beside the value: the sentences are about different things.

    "Turkey has 500 troops" and "The US has 2,500 troops" align everywhere but at
    the names, where one name stands in place of the other.
    """
    for tag, i1, i2, j1, j2 in alignment.opcodes:
        if tag != "replace":
            continue
        if i2 <= position - WINDOW or i1 > position + WINDOW:
            continue
        if i2 - i1 > MAX_SWAP or j2 - j1 > MAX_SWAP:
            continue  # the sentences part ways here; that is not one name standing for another
        draft_names = any(k in draft.capital_positions for k in range(i1, i2))
        source_names = any(k in source.capital_positions for k in range(j1, j2))
        if draft_names and source_names:
            return True
    return False
