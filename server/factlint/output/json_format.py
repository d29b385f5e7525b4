"""`--format json`: the documented, versioned contract (see docs/json.md).

A JSON array of diagnostics; lines and columns 1-based, `end_column`
exclusive, columns in characters. Each carries its `sources`: path, line,
column and the sentence, plus the article's title, date and URL.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from factlint.model import SourceRef
from factlint.output.results import LintRun, LocatedFinding


def finding_to_json(path: str, item: LocatedFinding) -> dict[str, Any]:
    finding = item.finding
    return {
        "path": path,
        "line": item.line,
        "column": item.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
        "severity": finding.severity.value,
        "rule": finding.rule,
        "kind": finding.kind.value,
        "message": finding.message,
        "text": finding.claim_text,
        "expected": list(finding.expected),
        "sources_disagree": finding.sources_disagree,
        "rule_url": finding.doc_url,
        "sources": [source_to_json(s) for s in finding.sources],
    }


def source_to_json(source: SourceRef) -> dict[str, Any]:
    location = source.sentence_location
    return {
        "path": location.path,
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
        "sentence": source.sentence,
        "value": source.value_text,
        "value_line": source.value_location.line,
        "value_column": source.value_location.column,
        "title": source.article.title,
        "date": source.article.date.isoformat() if source.article.date else None,
        "date_inferred": source.article.date_inferred,
        "url": source.article.url,
        "link": source.link,
    }


def write_json(run: LintRun, stream: TextIO) -> None:
    payload = [finding_to_json(r.path, f) for r in run.results for f in r.findings]
    json.dump(payload, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
