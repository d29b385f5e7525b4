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

from factlint import kinds
from factlint.model import Kind, Severity
from factlint.rulebook.fields import ONE_WORD

__all__ = ["ONE_WORD", "SPEC_FOR_KIND", "Example", "Examples", "KindSpec", "RuleSpec"]


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


KindSpec = kinds.KindSpec
SPEC_FOR_KIND = kinds.SPEC_FOR_KIND
"""Each kind's spec class lives with its vocabulary and comparison in `factlint.kinds`."""

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
    """The rule's documentation, shown with each finding: a URL, or a page beside the rule file
    (`docs/stations.md#counting`), which must exist."""
    examples: Examples = field(default_factory=Examples)
    """Sentences the rule must flag and must pass, checked by `factlint rules test` (see below)."""
    # where the rule comes from, for messages; not keys of the file
    path: str = ""
    line: int = 1
    id_line: int = 1
    id_column: int = 1
