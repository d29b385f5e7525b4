"""A draft with no date is checked as written today: what that leaves uncompared is said, not hidden."""

from __future__ import annotations

from factlint.model import Kind, Severity

from .checking import Corpus

TROOPS = "The US has 3,000 troops in Afghanistan."


def test_an_undated_draft_says_how_many_claims_it_could_not_compare_and_how_to_date_it(seeds: Corpus) -> None:
    # the seeds are from 2019 and 2021: today is years past any window for a troop count
    assert seeds.flags(TROOPS, on=None) == []
    [notice] = seeds.notices(TROOPS, on=None)
    assert (notice.rule, notice.kind, notice.severity) == ("not-compared", Kind.NOTICE, Severity.INFO)
    assert notice.message.startswith("1 claim was not compared")
    assert "no date" in notice.message and "`date:`" in notice.message


def test_the_same_draft_dated_near_its_sources_is_compared_and_says_nothing_more(seeds: Corpus) -> None:
    assert seeds.flagged(TROOPS, on="2021-04-02") == [(Kind.QUANTITY, "3,000")]
    assert seeds.notices(TROOPS, on="2021-04-02") == []


def test_a_dated_draft_long_after_its_sources_is_not_compared_and_needs_no_note(seeds: Corpus) -> None:
    # the writer chose the date: a 2021 troop count says nothing about mid-2023
    assert seeds.flags(TROOPS, on="2023-06-01") == []
    assert seeds.notices(TROOPS, on="2023-06-01") == []
