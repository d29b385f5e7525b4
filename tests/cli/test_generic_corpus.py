"""The engine is generic: a corpus on another topic (a city's new tram line) works with the built-in rules.

tests/corpora/transit holds articles (.txt with a date line, .md with front
matter, .html dated by the manifest, and an undated .txt) and drafts, each with
`NAME.expect.json` in the eval scorer's format. Every expected contradiction
must be flagged, nothing else may be, and no consistent span may be touched.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from .running import TRANSIT, factlint

DRAFTS = sorted((TRANSIT / "drafts").glob("*.md"))


def span(lines: list[str], item: dict[str, Any]) -> tuple[int, int, int]:
    """(line, first column, end column) of an expectation, 1-based, end exclusive."""
    text = lines[item["line"] - 1]
    start = -1
    for _ in range(item.get("occurrence", 1)):
        start = text.find(item["text"], start + 1)
        assert start >= 0, f"{item['text']!r} is not on line {item['line']}"
    return item["line"], start + 1, start + 1 + len(item["text"])


def covers(diagnostic: dict[str, Any], line: int, first: int, end: int) -> bool:
    if not diagnostic["line"] <= line <= diagnostic.get("end_line", diagnostic["line"]):
        return False
    start = diagnostic["column"] if line == diagnostic["line"] else 1
    stop = diagnostic["end_column"] if line == diagnostic.get("end_line", line) else math.inf
    return start < end and first < max(stop, start + 1)


@pytest.fixture(scope="module")
def diagnostics(cache: Path) -> dict[str, list[dict[str, Any]]]:
    result = factlint("lint", "--format", "json", "--seeds", TRANSIT / "articles", *DRAFTS, cache=cache)
    assert result.returncode == 1, result.stderr
    by_draft: dict[str, list[dict[str, Any]]] = {draft.name: [] for draft in DRAFTS}
    for d in json.loads(result.stdout):
        by_draft[Path(d["path"]).name].append(d)
    return by_draft


@pytest.mark.parametrize("draft", DRAFTS, ids=[d.stem for d in DRAFTS])
def test_every_expected_contradiction_and_nothing_else_is_flagged(
    draft: Path, diagnostics: dict[str, list[dict[str, Any]]]
) -> None:
    expect = json.loads(draft.with_suffix(".expect.json").read_text(encoding="utf-8"))
    lines = draft.read_text(encoding="utf-8").splitlines()
    flags = [d for d in diagnostics[draft.name] if d["severity"] in ("error", "warning")]
    contradictions = [span(lines, item) for item in expect["contradictions"]]
    consistent = [span(lines, item) for item in expect["consistent"]]

    missed = [
        item["text"]
        for item, s in zip(expect["contradictions"], contradictions, strict=True)
        if not any(covers(d, *s) for d in flags)
    ]
    false_alarms = [
        f"{d['line']}:{d['column']} {d['message']}"
        for d in flags
        if not any(covers(d, *s) for s in contradictions)
    ]
    on_consistent = [
        f"{d['line']}:{d['column']} {d['message']}" for d in flags if any(covers(d, *s) for s in consistent)
    ]
    assert missed == []
    assert false_alarms == []
    assert on_consistent == []


def test_each_kind_is_exercised_by_the_transit_corpus() -> None:
    kinds = {
        item["kind"]
        for draft in DRAFTS
        for item in json.loads(draft.with_suffix(".expect.json").read_text(encoding="utf-8"))[
            "contradictions"
        ]
    }
    assert kinds == {"quantity", "duration", "event-date", "role", "place", "person"}
