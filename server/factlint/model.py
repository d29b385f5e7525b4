"""The plain data that flows from corpus to findings.

Everything here is immutable and free of spaCy, pygls or file handles, so the
CLI, the language server and the tests can share, cache and compare it.
Offsets are Python string indices (characters); lines and columns are 1-based
and end columns exclusive, as the JSON contract and compilers print them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    """The closed set of claim kinds; a rule's `kind:` names one of them."""

    QUANTITY = "quantity"
    DURATION = "duration"
    EVENT_DATE = "event-date"
    ROLE = "role"
    PLACE = "place"
    PERSON = "person"
    SUPPRESSION = "suppression"
    """Not a claim: a `factlint-disable` comment naming a rule that does not exist."""
    NOTICE = "notice"
    """Not a claim: a note about the check itself (claims not compared for want of sources)."""


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    OFF = "off"


@dataclass(frozen=True)
class Location:
    """A character range in a file on disk, in 1-based lines and columns."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    path: str
    title: str | None = None
    date: date | None = None
    date_inferred: bool = False
    url: str | None = None


@dataclass(frozen=True)
class SourceRef:
    """One sentence of the corpus that states a fact, with where to find it."""

    article: ArticleMeta
    sentence: str
    sentence_location: Location
    value_text: str
    value_location: Location
    link: str | None = None
    """The article's own link nearest the sentence (HTML `<a href>`), if any."""
    copies: tuple[str, ...] = ()
    """Other files holding the same story: one source, filed more than once."""


@dataclass(frozen=True)
class TimelinePoint:
    """One value a slot had: what a source said, when, and where (a finding's history)."""

    value: str
    said_on: date | None
    source: SourceRef
    compared: bool = False
    """The draft's claim was compared with this value: a latest source before the draft's date."""

    def label(self) -> str:
        """ "2,500 · 2021-04-01": the value and the date its source was written."""
        dated = self.said_on.isoformat() if self.said_on else "undated"
        return f"{self.value} · {dated}"


@dataclass(frozen=True)
class Finding:
    """A draft claim that the sources contradict."""

    rule: str
    kind: Kind
    severity: Severity
    message: str
    start: int
    end: int
    claim_text: str
    expected: tuple[str, ...]
    """The sources' value(s) as written there: the quick fix offers these."""
    sources: tuple[SourceRef, ...]
    sources_disagree: bool = False
    doc_url: str | None = None
    timeline: tuple[TimelinePoint, ...] = ()
    """Every value the sources give the claim's slot, oldest first."""
    fix: tuple[int, int] | None = None
    """Where a quick fix writes the sources' value, when the finding underlines more than the value
    (a title with its holder's name); None: the whole range."""
    replaceable: bool = True
    """Whether the sources' value reads right in the claim's place: not for a title said by a verb
    ("who chairs the trust" cannot become "who manager")."""

    def shifted(self, offset: int) -> Finding:
        """The same finding in a text where its passage starts `offset` characters later."""
        fix = (self.fix[0] + offset, self.fix[1] + offset) if self.fix else None
        return replace(self, start=self.start + offset, end=self.end + offset, fix=fix)

    @property
    def value_span(self) -> tuple[int, int]:
        """The claimed value's own characters: what a quick fix replaces."""
        return self.fix or (self.start, self.end)


@dataclass(frozen=True)
class Confirmation:
    """A draft claim that the sources state too: hover shows who agrees."""

    kind: Kind
    start: int
    end: int
    claim_text: str
    sources: tuple[SourceRef, ...]
    timeline: tuple[TimelinePoint, ...] = ()

    def shifted(self, offset: int) -> Confirmation:
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass
class Report:
    """The result of checking one draft."""

    findings: list[Finding] = field(default_factory=list)
    confirmations: list[Confirmation] = field(default_factory=list)
    unsourced: int = 0
    """Claims no source addresses: new information, not errors."""
    out_of_time: int = 0
    """Claims the sources address, but none near the draft's date: not compared."""
    unsourced_claims: list[Finding] = field(default_factory=list)
    """The unsourced claims themselves, as `unsourced-claim` findings at info severity: shown
    only when asked for (`--show-unsourced`), since new information is not an error."""
    date_known: bool = True
    """False when the draft gave no date and was taken as written today."""
