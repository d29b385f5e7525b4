"""What a sentence states, as typed values: the claims one extractor finds in drafts and sources.

A `Frame` is a sentence reduced to what matters for comparison: its content
words in order, with every value (figure, duration, date) replaced by a typed
placeholder, and the values themselves kept as `Mention`s. Two sentences speak
of the same slot when their frames align around the placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factlint.model import Kind
from factlint.text.dates import DateValue
from factlint.text.numbers import NumberValue


@dataclass(frozen=True)
class DurationValue:
    amount: NumberValue
    unit: str
    """Singular unit: day, week, month, year, ..."""


@dataclass(frozen=True)
class NameValue:
    words: tuple[str, ...]
    """Folded name tokens."""


@dataclass(frozen=True)
class TitleValue:
    words: tuple[str, ...]
    head: str
    """The title's head, mapped to its synonym group (spokesman ~ spokesperson)."""
    portfolios: frozenset[str]
    past: bool


Value = NumberValue | DurationValue | DateValue | NameValue | TitleValue


@dataclass(frozen=True)
class Mention:
    kind: Kind
    start: int
    end: int
    text: str
    value: Value
    slot: str
    """What the value is about: a counted noun, what lasts, a person's name key; "" if unknown."""
    position: int = -1
    """Index of this mention's placeholder in the frame's tokens (-1: not in the frame)."""
    hedge: str | None = None
    person: tuple[str, ...] = ()
    """For roles: the folded name tokens of the person who holds the title."""
    locative: bool = False
    """For names: preceded by "in", "at", "from"...: a place where something happens."""
    tense: str | None = None
    """ "present" (has, is) or "past" (had, was) when the sentence says so next to the value."""


@dataclass(frozen=True)
class Frame:
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    name_positions: frozenset[int]
    capital_positions: frozenset[int]
    """Capitalised words, names or not (sentence-initial "Germany", "NATO"): who a figure is about."""
    names: frozenset[str]
    mentions: tuple[Mention, ...]
    said_on: date | None
