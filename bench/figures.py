"""The performance figures, their targets, and how a measured value is judged against one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    key: str
    figure: str
    target: str
    unit: str
    limit: float
    higher_is_better: bool = False

    def met(self, value: float | None) -> bool | None:
        if value is None:
            return None
        return value >= self.limit if self.higher_is_better else value <= self.limit


FLAT_LIMIT = 2.0
"""Lookup counts as flat when the largest corpus costs at most this many times the smallest per claim."""

TARGETS = (
    Target("keystroke_2k", "server work per keystroke, 2,000-word draft", "<= 15 ms", "ms", 15),
    Target("keystroke_20k", "server work per keystroke, 20,000-word draft", "<= 50 ms", "ms", 50),
    Target("first_diagnostics", "process start -> first diagnostics, fact base cached", "<= 1.5 s", "s", 1.5),
    Target("build_cold", "fact base build, cold", ">= 200 articles/s per core", "articles/s", 200, True),
    Target("load_cache", "fact base load from cache", "<= 1 s", "s", 1.0),
    Target("rebuild_one", "rebuild after one article changes", "<= 1 s", "s", 1.0),
    Target(
        "lookup_growth",
        "fact lookup per claim, largest / smallest corpus",
        f"flat (<= {FLAT_LIMIT:g}x)",
        "x",
        FLAT_LIMIT,
    ),
    Target(
        "lint_throughput",
        "`factlint lint` throughput, warm cache",
        ">= 50,000 words/s",
        "words/s",
        50_000,
        True,
    ),
    Target("peak_rss", "peak memory (lint, both drafts)", "<= 500 MB", "MB", 500),
)
"""The targets' table, in its order; `reference` (the archive size) is filled in when reported."""

BY_KEY = {t.key: t for t in TARGETS}


def figure_row(key: str, value: float | None, where: str, **extra: Any) -> dict[str, Any]:
    """One row of the results: the measured value, its target and whether it is met."""
    target = BY_KEY[key]
    return {
        "key": key,
        "figure": target.figure,
        "where": where,
        "value": value,
        "unit": target.unit,
        "target": target.target,
        "met": target.met(value),
        **extra,
    }
