"""The rule-file format: one typed spec per kind, whose field docs are the reference.

A rule file is YAML data, never code. Every rule has the common keys of
`RuleSpec`; the keys under it depend on `kind:` and are listed by the spec
class of that kind. A field `tolerance_units` is written `tolerance-units:` in
YAML. The docstring under each field is its reference documentation:
`docs/rules.md` is generated from them (see `reference.py`), and a test fails
when a key has none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from factlint.model import Kind, Severity

ONE_WORD = "one_word"
"""Field metadata: a list the extractor matches word by word, so each entry must be one word."""


@dataclass(frozen=True)
class Example:
    """One example sentence of a rule, and where the rule file states it."""

    text: str
    flag: bool
    """True: the sentence must be flagged; False: it must pass."""
    line: int


@dataclass(frozen=True)
class Examples:
    corpus: str | None = None
    """A mini-corpus (one article) the examples are checked against; without it, the configured corpus."""
    corpus_date: date | None = None
    """The date the mini-corpus was written on (YYYY-MM-DD); relative dates in it are read from there."""
    date: date | None = None
    """The date the example drafts are written on (YYYY-MM-DD); without it, today."""
    flag: tuple[Example, ...] = ()
    """Sentences this rule must flag."""
    pass_: tuple[Example, ...] = ()
    """Sentences this rule must leave alone: the near misses that keep it precise."""

    @property
    def cases(self) -> tuple[Example, ...]:
        return self.flag + self.pass_


@dataclass(frozen=True)
class QuantitySpec:
    nouns: tuple[str, ...] = ()
    """Counted nouns this rule is about (singular or plural); empty: any counted noun."""
    synonyms: tuple[tuple[str, ...], ...] = ()
    """Groups of counted nouns that name the same thing: [[station, stop]]."""
    tolerance: float = 0.0
    """Relative difference allowed between exact figures (0.05 = 5%)."""
    hedged_tolerance: float = 0.1
    """Relative difference allowed when either figure is hedged ("about", "nearly")."""
    hedges: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that make a figure approximate."""
    changes_over_time: bool = True
    """Whether the figure can change (troop counts); timeless ones compare across any dates."""
    window_days: int = 180
    """How far apart draft and source dates may be for a changing figure to be compared."""
    min_support: float = 2.5
    """How much matching context around the value makes two sentences speak of one slot."""


@dataclass(frozen=True)
class DurationSpec:
    subjects: tuple[str, ...] = ()
    """What lasts (war, visit, negotiations); empty: any."""
    ongoing: tuple[str, ...] = ()
    """Subjects still running when written: their length grows with the date ("17-year war")."""
    tolerance_units: float = 1.0
    """Difference allowed, in the claim's own unit, after shifting ongoing durations."""
    min_support: float = 2.0
    """How much matching context around the duration makes two sentences speak of one thing."""


@dataclass(frozen=True)
class EventDateSpec:
    min_support: float = 3.0
    """Event dates need more shared context than figures: many events share a frame."""
    future_markers: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that put a date in the future ("will", "scheduled"): a plan is not an event."""


@dataclass(frozen=True)
class RoleSpec:
    titles: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Title head words (minister, spokesman)."""
    title_groups: tuple[tuple[str, ...], ...] = field(default=(), metadata={ONE_WORD: True})
    """Heads that name the same role: [[spokesman, spokeswoman, spokesperson]]."""
    portfolios: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Qualifiers that distinguish one office from another of the same head (foreign, defence)."""
    portfolio_groups: tuple[tuple[str, ...], ...] = field(default=(), metadata={ONE_WORD: True})
    """Spellings of one portfolio: [[defence, defense]]."""
    past_markers: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that put a title in the past (former, ex): such titles are never compared."""
    window_days: int = 730
    """Titles change: sources further than this from the draft's date are not compared."""


@dataclass(frozen=True)
class PlaceSpec:
    regions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Containment: region -> places inside it. A place is compatible with what contains it."""
    prepositions: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words before a place name ("in", "at")."""
    min_support: float = 3.0
    """How much matching context around the place makes two sentences speak of one event."""


@dataclass(frozen=True)
class PersonSpec:
    min_support: float = 3.5
    """A different name in an otherwise matching sentence is flagged only with this much context."""
    window_days: int = 730
    """Who holds a post changes: sources further than this from the draft's date are not compared."""


KindSpec = QuantitySpec | DurationSpec | EventDateSpec | RoleSpec | PlaceSpec | PersonSpec

SPEC_FOR_KIND: dict[Kind, type] = {
    Kind.QUANTITY: QuantitySpec,
    Kind.DURATION: DurationSpec,
    Kind.EVENT_DATE: EventDateSpec,
    Kind.ROLE: RoleSpec,
    Kind.PLACE: PlaceSpec,
    Kind.PERSON: PersonSpec,
}

COMMON_KEYS = ("id", "kind", "message", "severity", "description", "link", "examples")
"""The keys every rule may have, whatever its kind (fields of `RuleSpec`)."""

PLACEHOLDERS = ("claim", "expected", "subject", "source")
"""What a `message` may mention between braces."""


def yaml_key(name: str) -> str:
    """The YAML spelling of a spec field: `hedged_tolerance` -> `hedged-tolerance`, `pass_` -> `pass`."""
    return name.rstrip("_").replace("_", "-")


@dataclass(frozen=True)
class RuleSpec:
    id: str
    """A unique name, one word (`transit-stations`): findings carry it, and suppression
    comments and severity overrides use it."""
    kind: Kind
    """What the rule checks: one of quantity, duration, event-date, role, place, person."""
    message: str
    """What a finding says. Placeholders: {claim} the draft's value, {expected} the sources'
    value(s), {subject} who or what it is about, {source} the first source's title."""
    severity: Severity
    """error, warning, info or off (default error); `factlint.toml` can override it per rule."""
    spec: KindSpec
    description: str = ""
    """Longer prose: why the rule exists and when it stays silent."""
    link: str | None = None
    """A URL documenting the rule, shown with each finding."""
    examples: Examples = field(default_factory=Examples)
    """Sentences the rule must flag and must pass, checked by `factlint rules test` (see below)."""
    # where the rule comes from, for messages; not keys of the file
    path: str = ""
    line: int = 1
    id_line: int = 1
    id_column: int = 1
