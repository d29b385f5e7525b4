"""Compass directions: "22 kilometres north of Kilvarrow", "the eastern flank", "the west bank".

Where a place lies from another ("north of Kilvarrow") and which side of a thing something is on
("the eastern flank") are places too, but ones no name gives: a draft that puts the observatory
south of the town the sources put it north of has the place wrong. A direction is a slot of its
own (the "direction" mark), anchored by what it is reckoned from: the place after "of", or the
noun it describes. No parser: the constructions are short and few.
"""

from __future__ import annotations

from dataclasses import dataclass

from factlint.slots.words import Word, verb_form

POINTS = {
    "north": ("north",), "northern": ("north",), "northward": ("north",), "northwards": ("north",),
    "northbound": ("north",), "south": ("south",), "southern": ("south",), "southward": ("south",),
    "southwards": ("south",), "southbound": ("south",), "east": ("east",), "eastern": ("east",),
    "eastward": ("east",), "eastwards": ("east",), "eastbound": ("east",), "west": ("west",),
    "western": ("west",), "westward": ("west",), "westwards": ("west",), "westbound": ("west",),
    "northeast": ("north", "east"), "northeastern": ("north", "east"), "northwest": ("north", "west"),
    "northwestern": ("north", "west"), "southeast": ("south", "east"), "southeastern": ("south", "east"),
    "southwest": ("south", "west"), "southwestern": ("south", "west"),
}  # fmt: skip
"""Compass words and the points they name ("north-east" is read as its two halves)."""
ANCHOR_OPENERS = frozenset({"the", "a", "its", "their"})
ANCHOR_REACH = 4
"""Words of the noun phrase after "of" read for the anchor: "north of Pellbury town centre"."""
SIDE_OPENERS = frozenset({"the", "its", "their", "his", "her"})
"""Words before "eastern flank" that make the compass word a side of a thing."""


@dataclass(frozen=True)
class Direction:
    start: int
    end: int
    """words[start:end]: the compass word(s) ("north", "north - east")."""
    points: tuple[str, ...]
    anchor: int
    """Where the word it is reckoned from stands: the last word of the place after "of"
    ("Kilvarrow", "centre"), or the noun a side is of ("flank")."""


def directions_in(words: list[Word]) -> list[Direction]:
    """The directions a sentence gives, each with its anchor."""
    found = []
    k = 0
    while k < len(words):
        points, end = _points_at(words, k)
        if not points:
            k += 1
            continue
        anchor = _of_anchor(words, end)
        if anchor is None:
            anchor = _side_of(words, k, end)
        if anchor is not None:
            found.append(Direction(k, end, points, anchor))
        k = end
    return found


def _points_at(words: list[Word], k: int) -> tuple[tuple[str, ...], int]:
    """The points of a lower-case compass word at `k` ("North Sea" is a name) and where it ends;
    "north-east" is three tokens."""
    word = words[k]
    if word.upper or word.lower not in POINTS:
        return (), k
    points = POINTS[word.lower]
    if k + 2 < len(words) and words[k + 1].text == "-" and words[k + 2].lower in POINTS:
        return tuple(dict.fromkeys(points + POINTS[words[k + 2].lower])), k + 3
    return points, k + 1


def _of_anchor(words: list[Word], end: int) -> int | None:
    """ "north of Kilvarrow", "south of Pellbury town centre", "north of the capital, Vellan"."""
    if end >= len(words) or words[end].lower != "of":
        return None
    k = end + 1
    while k < len(words) and words[k].lower in ANCHOR_OPENERS:
        k += 1
    last = None
    for m in range(k, min(k + ANCHOR_REACH, len(words))):
        if not words[m].content or (not words[m].upper and verb_form(words[m])):
            break
        last = m
    return last


def _side_of(words: list[Word], start: int, end: int) -> int | None:
    """ "the eastern flank", "its west bank": the noun whose side the compass word names."""
    if start == 0 or words[start - 1].lower not in SIDE_OPENERS or end >= len(words):
        return None
    noun = words[end]
    if not noun.content or noun.upper or verb_form(noun):
        return None
    return end
