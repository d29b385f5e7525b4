"""The slot model: what a value is a value of, the value itself, and where it was said.

A fact (from a source) and a claim (from a draft) have the same shape: a `Slot`
saying what the value belongs to, a value of the kind's own type, and the date
the text was written. Two values can contradict only when their slots match.
Everything here is plain data that converts to and from JSON, so the fact base
on disk holds nothing that can run code when read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from factlint.model import Kind


@dataclass(frozen=True)
class Amount:
    """A figure: an interval in the base unit of its dimension, and how the text bounds it."""

    low: float
    high: float
    dimension: str
    """count, percent, length, mass, money:euro, count/year ...: only one dimension compares with itself."""
    unit: str = ""
    """The unit as named in messages ("kilometre"); "" for a bare count."""
    bound: str = "="
    """= exact, ~ approximate, ~< a little under, <= at most, >= at least (from the rules' hedges)."""
    ordinal: bool = False
    step: float = 1.0
    """The precision the figure is written to, in base units: "19 km" is 1,000 metres, "1.84
    tonnes" 10 kilograms. A figure converted from another unit agrees within half a step."""


@dataclass(frozen=True)
class Period:
    """A length of time in days, with the unit the text used and how it is bounded."""

    low: float
    high: float
    unit: str
    """The unit as written, singular: day, week, month, year ..."""
    bound: str = "="


@dataclass(frozen=True)
class When:
    """A span of days (inclusive), or an expression with only calendar fields known."""

    expression: str
    start: date | None = None
    end: date | None = None
    granularity: str = "day"
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year_given: bool = True
    """False for "August" or "June 29": the year was guessed from the text's date."""

    @property
    def resolved(self) -> bool:
        return self.start is not None and self.end is not None

    def overlaps(self, other: When) -> bool:
        assert self.start and self.end and other.start and other.end
        return self.start <= other.end and other.start <= self.end

    def describe(self) -> str:
        if not self.resolved:
            return self.expression
        assert self.start is not None and self.end is not None
        if self.granularity == "day":
            return f"{self.start:%A} {self.start.day} {self.start:%B %Y}"
        if self.granularity == "month":
            return f"{self.start:%B %Y}"
        if self.granularity == "year":
            return str(self.start.year)
        if self.start == self.end:
            return f"{self.start.day} {self.start:%B %Y}"
        if (self.start.year, self.start.month) == (self.end.year, self.end.month):
            return f"{self.start.day} to {self.end.day} {self.start:%B %Y}"
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"


@dataclass(frozen=True)
class Name:
    """A person or place: its folded words ("brackenford", "town", "hall")."""

    words: tuple[str, ...]


@dataclass(frozen=True)
class Title:
    """An office held by a person: its head ("director"), the words that make it one office."""

    head: str
    """The head word's synonym group ("spokesperson" for spokesman)."""
    qualifiers: tuple[str, ...]
    """Words that tell one office of that head from another: "medical", "nursing", "foreign"."""
    words: tuple[str, ...]
    past: bool = False
    by_verb: bool = False
    """Said by a verb of office ("Alan Brisco, who chairs the appeal"): it confirms a title of its
    head and keeps the person from having one title only, but never refutes nor is refuted, since
    what the verb's object names (the appeal, the race, the way) is not always an office."""
    owner: tuple[str, ...] = ()
    """Whose office it is, as dictionary forms: "trader" of "the traders' leader", "trader" and
    "association" of "the chair of the traders' association"."""


Value = Amount | Period | When | Name | Title


@dataclass(frozen=True)
class Slot:
    """What a value is a value of, as far as the words around it say."""

    kind: Kind
    head: str
    """The counted noun, the thing that lasts, the event, the holder of an office ("" unknown)."""
    dimension: str = ""
    context: tuple[tuple[str, float], ...] = ()
    """(word, weight) of the words that place the value: nearer words weigh more."""
    names: tuple[str, ...] = ()
    """Names in the value's scope (folded): who or what the value belongs to."""
    near: tuple[str, ...] = ()
    """Names right by the value: a fact must name one of them to fill a claim's slot."""
    marks: tuple[str, ...] = ()
    """Qualifiers that make it another slot: previous (up from), change (by), planned, ongoing."""
    when: When | None = None
    """A month, season or year the value is said to hold for ("6.2 hours in December")."""


@dataclass(frozen=True)
class Mention:
    """A value found in a text, with its slot: a fact in a source, a claim in a draft."""

    kind: Kind
    start: int
    end: int
    """Character offsets in the text it was read from."""
    text: str
    value: Value
    slot: Slot
    said_on: date | None
    reach: tuple[int, int] | None = None
    """What a finding on it underlines, when more than the value: a title with its holder's name
    ("its inspector, Helen Marwood": either may be the error, the pairing is)."""


# --- JSON: how mentions are stored -------------------------------------------------


def value_to_json(value: Value) -> dict[str, Any]:
    if isinstance(value, When):
        data: dict[str, Any] = {"t": "when", **_plain(value)}
        for key in ("start", "end"):
            if data[key] is not None:
                data[key] = data[key].isoformat()
        return data
    tag = {Amount: "amount", Period: "period", Name: "name", Title: "title"}[type(value)]
    return {"t": tag, **_plain(value)}


def value_from_json(data: dict[str, Any]) -> Value:
    data = dict(data)
    tag = data.pop("t")
    if tag == "when":
        for key in ("start", "end"):
            if data[key] is not None:
                data[key] = date.fromisoformat(data[key])
        return When(**data)
    if tag == "name":
        return Name(tuple(data["words"]))
    if tag == "title":
        return Title(
            data["head"],
            tuple(data["qualifiers"]),
            tuple(data["words"]),
            data["past"],
            data["by_verb"],
            tuple(data["owner"]),
        )
    cls = {"amount": Amount, "period": Period}[tag]
    value: Value = cls(**data)
    return value


def slot_to_json(slot: Slot) -> dict[str, Any]:
    return {
        "kind": slot.kind.value,
        "head": slot.head,
        "dimension": slot.dimension,
        "context": [[w, round(x, 3)] for w, x in slot.context],
        "names": list(slot.names),
        "near": list(slot.near),
        "marks": list(slot.marks),
        "when": value_to_json(slot.when) if slot.when else None,
    }


def slot_from_json(data: dict[str, Any]) -> Slot:
    when = value_from_json(data["when"]) if data["when"] else None
    assert when is None or isinstance(when, When)
    return Slot(
        kind=Kind(data["kind"]),
        head=data["head"],
        dimension=data["dimension"],
        context=tuple((w, float(x)) for w, x in data["context"]),
        names=tuple(data["names"]),
        near=tuple(data["near"]),
        marks=tuple(data["marks"]),
        when=when,
    )


def _plain(value: object) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(value).items()}
