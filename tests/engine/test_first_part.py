"""`Engine.check(first=...)`: a draft's first part reported before the rest, the whole unchanged."""

from __future__ import annotations

from pathlib import Path

from factlint.engine import Engine, FirstPart
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
    return [draft[f.start : f.end] for f in report.findings]


def test_the_first_part_is_reported_first_and_the_whole_report_is_unchanged(seeds: Corpus) -> None:
    cut = DRAFT.index("On Thursday")
    plain = _fresh(seeds).check(DRAFT)
    parts: list[tuple[Report, int]] = []
    engine = _fresh(seeds)
    whole = engine.check(DRAFT, first=FirstPart(cut, lambda report: parts.append((report, len(parts)))))
    assert whole == plain
    [(first, _)] = parts
    assert sorted(_values(DRAFT, first)) == ["3,000", "Uzbekistan"]
    assert all(f.start < cut for f in first.findings + first.confirmations)
    assert first.findings == [f for f in whole.findings if f.start < cut]
    assert first.confirmations == [c for c in whole.confirmations if c.start < cut]
    assert sorted(_values(DRAFT, whole)) == ["3,000", "Uzbekistan", "three"]


def test_the_first_part_is_ready_before_any_later_paragraph_is_checked(seeds: Corpus) -> None:
    cut = DRAFT.index("On Thursday")
    engine = _fresh(seeds)
    checked: list[str] = []
    plain = engine._check_paragraph_uncached

    def watched(text: str, *args: object, **kwargs: object) -> object:
        checked.append(text)
        return plain(text, *args, **kwargs)  # type: ignore[arg-type]

    engine._check_paragraph = watched  # type: ignore[assignment]
    seen_when_ready: list[list[str]] = []
    engine.check(DRAFT, first=FirstPart(cut, lambda _: seen_when_ready.append(list(checked))))
    [before] = seen_when_ready
    assert before and all(DRAFT.index(p) < cut for p in before)
    assert len(checked) > len(before)


def test_a_draft_that_ends_within_its_first_part_is_reported_once(seeds: Corpus) -> None:
    parts: list[Report] = []
    whole = _fresh(seeds).check(DRAFT, first=FirstPart(len(DRAFT) + 1, parts.append))
    assert parts == []
    assert sorted(_values(DRAFT, whole)) == ["3,000", "Uzbekistan", "three"]
