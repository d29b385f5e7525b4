"""Sources that disagree, as plain data: what `factlint audit` finds and every front end shows.

Kept apart from the audit itself (which needs the judge and spaCy) so the language
server's hover can describe a conflict without loading the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from factlint.model import Finding, Kind, SourceRef

CONFLICT_RULE = "source-conflict"
"""The id conflicts are reported under (SARIF, GitHub annotations, the editor's diagnostics)."""


@dataclass(frozen=True)
class ConflictValue:
    """One side of a conflict: the value as its source writes it, and where."""

    value: str
    said_on: date | None
    source: SourceRef


@dataclass(frozen=True)
class Conflict:
    """Sources giving one slot different values, with why it is a conflict and not a change."""

    kind: Kind
    slot: str
    """The slot as people read it ("troops - Afghanistan")."""
    values: tuple[ConflictValue, ...]
    """Two or more, oldest first."""
    reason: str

    @property
    def key(self) -> str:
        """A stable name for the conflict: its first source's file and line (`004.txt:6`)."""
        where = self.values[0].source.value_location
        return f"{where.path}:{where.line}:{where.column}"


def describe(conflict: Conflict) -> str:
    """ "The sources give vessel - Marlow Ferries both “14” and “12” (written 1 day apart: ...)"."""
    values = " and ".join(dict.fromkeys(f"“{v.value}”" for v in conflict.values))
    return f"The sources give {conflict.slot or conflict.kind.value} both {values} ({conflict.reason})"


def citing(conflicts: list[Conflict], item: object) -> tuple[Conflict, ...]:
    """The conflicts among the sources a finding or confirmation cites: its slot is disputed."""
    cited = {s.value_location for s in getattr(item, "sources", ())}
    return tuple(c for c in conflicts if any(v.source.value_location in cited for v in c.values))


def noted(finding: Finding, conflicts: tuple[Conflict, ...]) -> Finding:
    """The finding, saying that `factlint audit` lists its sources as disagreeing, and where.

    The other sides join its sources (the writer sees both sentences), and a finding whose
    sources disagree offers no preferred quick fix: which value is right is for a person.
    """
    if not conflicts:
        return finding
    entries = ", ".join(dict.fromkeys(entry(c) for c in conflicts))
    sources = tuple(dict.fromkeys([*finding.sources, *(v.source for c in conflicts for v in c.values)]))
    return replace(
        finding,
        message=f"{finding.message}; factlint audit lists the sources as disagreeing ({entries})",
        sources=sources,
        sources_disagree=True,
    )


def entry(conflict: Conflict) -> str:
    """How a conflict is named in messages: its first value's file name and line."""
    where = conflict.values[0].source.value_location
    return f"{Path(where.path).name}:{where.line}"
