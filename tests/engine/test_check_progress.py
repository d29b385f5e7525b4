"""`Engine.check(progress=...)`: a draft's first parts reported as they are checked, the whole
report unchanged."""

from __future__ import annotations

from pathlib import Path

from factlint.engine import Engine, Progress
from factlint.model import Report

from .checking import Corpus

DRAFT = (Path(__file__).parent.parent / "lsp" / "data" / "envoy-doha-2021.md").read_text(encoding="utf-8")
"""Contradicts the seeds three times: 3,000 troops, Uzbekistan (lines 11 and 13), three missiles
(line 17)."""


def _fresh(seeds: Corpus) -> Engine:
    """An engine on the same fact base with an empty memo of checked paragraphs."""
    engine = seeds.engine
    engine._reset()
    return engine


def _values(draft: str, report: Report) -> list[str]:
    return sorted(draft[f.start : f.end] for f in report.findings)


def test_each_part_is_reported_as_it_is_checked_and_the_whole_report_is_unchanged(seeds: Corpus) -> None:
    first = DRAFT.index("On Thursday") // 2 + 1  # parts end at `first` and twice that
    plain = _fresh(seeds).check(DRAFT)
    parts: list[Report] = []
    whole = _fresh(seeds).check(DRAFT, progress=Progress(first, parts.append))
    assert whole == plain
    assert _values(DRAFT, whole) == ["3,000", "Uzbekistan", "three"]
    assert len(parts) >= 2
    for part in parts:  # each is the whole report's findings and confirmations before some point
        end = max((f.end for f in part.findings + part.confirmations), default=0)
        assert part.findings == [f for f in whole.findings if f.start < end]
        assert part.confirmations == [c for c in whole.confirmations if c.start < end]
    assert "three" not in _values(DRAFT, parts[-1])
    assert _values(DRAFT, parts[0]) <= _values(DRAFT, parts[-1])


def test_a_part_is_ready_before_any_later_paragraph_is_checked(seeds: Corpus) -> None:
    first = DRAFT.index("On Thursday")
    engine = _fresh(seeds)
    checked: list[str] = []
    plain = engine._check_paragraph_uncached

    def watched(text: str, *args: object, **kwargs: object) -> object:
        checked.append(text)
        return plain(text, *args, **kwargs)  # type: ignore[arg-type]

    engine._check_paragraph = watched  # type: ignore[assignment]
    seen_when_ready: list[list[str]] = []
    engine.check(DRAFT, progress=Progress(first, lambda _: seen_when_ready.append(list(checked))))
    before = seen_when_ready[0]
    assert before and all(DRAFT.index(p) < first for p in before)
    assert len(checked) > len(before)


def test_parts_end_at_the_first_mark_then_at_twice_the_last(seeds: Corpus) -> None:
    ends: list[int] = []

    def ready(report: Report) -> None:
        ends.append(len(report.findings) + len(report.confirmations))

    starts = [
        DRAFT.index(line) for line in DRAFT.split("\n\n") if line.strip() and not line.startswith("---")
    ]
    _fresh(seeds).check(DRAFT, progress=Progress(100, ready))
    marks = [m for m in (100, 200, 400, 800, 1600) if any(s >= m for s in starts)]
    # one part per mark that a later paragraph passes, however many paragraphs lie between marks
    expected = len({next(s for s in sorted(starts) if s >= m) for m in marks})
    assert len(ends) == expected
    assert ends == sorted(ends)


def test_a_draft_shorter_than_a_part_is_reported_once(seeds: Corpus) -> None:
    parts: list[Report] = []
    whole = _fresh(seeds).check(DRAFT, progress=Progress(len(DRAFT) + 1, parts.append))
    assert parts == []
    assert _values(DRAFT, whole) == ["3,000", "Uzbekistan", "three"]
