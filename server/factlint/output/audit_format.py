"""`factlint audit` output: the conflicts among the sources, in the formats `lint` writes.

text for people (each value on its own `file:line:column:` line, so an editor's
terminal opens it), json for tools, sarif for code scanning (the first value as
the location, the others as related locations), github for annotations on the
corpus files in a pull request.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from factlint.conflicts import CONFLICT_RULE, Conflict, ConflictValue, describe
from factlint.output.github_format import escape_data, escape_property
from factlint.output.sarif_format import ROOT_ID, sarif_document


@dataclass(frozen=True)
class AuditRun:
    conflicts: tuple[Conflict, ...]
    articles: int
    root: Path = field(default_factory=Path.cwd)

    def relative(self, path: str) -> str:
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path


def summary(run: AuditRun) -> str:
    count = len(run.conflicts)
    noun = "conflict" if count == 1 else "conflicts"
    return f"{count} {noun} among the sources, {run.articles} articles audited"


def write_text(run: AuditRun, stream: TextIO) -> None:
    for conflict in run.conflicts:
        stream.write(f"conflict[{CONFLICT_RULE}] {conflict.kind.value}: {describe(conflict)}\n")
        for value in conflict.values:
            where = value.source.value_location
            dated = value.said_on.isoformat() if value.said_on else "undated"
            sentence = " ".join(value.source.sentence.split())
            place = f"{run.relative(where.path)}:{where.line}:{where.column}"
            stream.write(f"  {place}: {value.value} ({dated}): {sentence}\n")
    stream.write(summary(run) + "\n")


def conflict_to_json(run: AuditRun, conflict: Conflict) -> dict[str, Any]:
    return {
        "rule": CONFLICT_RULE,
        "kind": conflict.kind.value,
        "slot": conflict.slot,
        "reason": conflict.reason,
        "message": describe(conflict),
        "values": [_value_json(run, v) for v in conflict.values],
    }


def _value_json(run: AuditRun, value: ConflictValue) -> dict[str, Any]:
    source = value.source
    where = source.value_location
    return {
        "value": value.value,
        "date": value.said_on.isoformat() if value.said_on else None,
        "path": run.relative(where.path),
        "line": where.line,
        "column": where.column,
        "end_column": where.end_column,
        "sentence": source.sentence,
        "title": source.article.title,
        "url": source.article.url,
    }


def write_json(run: AuditRun, stream: TextIO) -> None:
    json.dump([conflict_to_json(run, c) for c in run.conflicts], stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def write_github(run: AuditRun, stream: TextIO) -> None:
    for conflict in run.conflicts:
        for value in conflict.values:
            where = value.source.value_location
            props = {
                "file": run.relative(where.path),
                "line": str(where.line),
                "col": str(where.column),
                "title": f"factlint {CONFLICT_RULE}",
            }
            fields = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
            stream.write(f"::warning {fields}::{escape_data(describe(conflict))}\n")
    stream.write(summary(run) + "\n")


def write_sarif(run: AuditRun, stream: TextIO) -> None:
    results = []
    for conflict in run.conflicts:
        first, *others = conflict.values
        results.append(
            {
                "ruleId": CONFLICT_RULE,
                "ruleIndex": 0,
                "level": "warning",
                "message": {"text": describe(conflict).replace("[", "\\[").replace("]", "\\]")},
                "locations": [_sarif_location(run, first)],
                "relatedLocations": [
                    {
                        "id": i,
                        **_sarif_location(run, v),
                        "message": {"text": f"{v.value}: {v.source.sentence}"},
                    }
                    for i, v in enumerate(others)
                ],
                "properties": {"kind": conflict.kind.value, "slot": conflict.slot},
            }
        )
    rule = {
        "id": CONFLICT_RULE,
        "name": "SourceConflict",
        "shortDescription": {"text": "Two sources give one slot different values for the same time."},
        "defaultConfiguration": {"level": "warning"},
    }
    log = sarif_document(run.root, [rule], results)
    json.dump(log, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def _sarif_location(run: AuditRun, value: ConflictValue) -> dict[str, Any]:
    where = value.source.value_location
    relative = run.relative(where.path)
    artifact = (
        {"uri": relative, "uriBaseId": ROOT_ID}
        if relative != where.path
        else {"uri": Path(where.path).as_uri()}
    )
    region = {
        "startLine": where.line,
        "startColumn": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
    }
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


AUDIT_FORMATS: dict[str, Callable[[AuditRun, TextIO], None]] = {
    "text": write_text,
    "json": write_json,
    "github": write_github,
    "sarif": write_sarif,
}
