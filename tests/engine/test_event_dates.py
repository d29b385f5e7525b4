"""Event date: who did what, when, in any common way of writing a date."""

from __future__ import annotations

import pytest

from factlint.model import Kind

from .checking import Corpus, source_names

CALL = "{}, US Secretary of Defence Lloyd Austin called Turkish Defence Minister Hulusi Akar."


@pytest.mark.parametrize(
    ("when", "on"),
    [("On March 31", "2021-04-05"), ("On 31 March", "2021-04-05"), ("On March 31, 2021", "2021-06-01")],
    ids=["Month D", "D Month", "Month D, YYYY"],
)
def test_an_absolute_date_other_than_the_sources_is_flagged(seeds: Corpus, when: str, on: str) -> None:
    [finding] = seeds.flags(CALL.format(when), on=on)
    assert finding.kind is Kind.EVENT_DATE
    assert finding.claim_text == when.removeprefix("On ")
    assert source_names(finding) == {"000_a0f80ff5c1b36328.txt", "001_b29daaf1fc701ae9.txt"}


@pytest.mark.parametrize(
    ("when", "on"),
    [("On April 1", "2021-04-05"), ("On 1 April", "2021-04-05"), ("On April 1, 2021", "2021-06-01")],
    ids=["Month D", "D Month", "Month D, YYYY"],
)
def test_the_sources_date_in_any_form_passes(seeds: Corpus, when: str, on: str) -> None:
    assert seeds.flags(CALL.format(when), on=on) == []


def test_a_deadline_is_an_event_with_a_date(seeds: Corpus) -> None:
    draft = "The Trump administration agreed to pull the remainder of US troops out of Afghanistan by {}."
    assert seeds.flagged(draft.format("June 1"), on="2021-04-02") == [(Kind.EVENT_DATE, "June 1")]
    assert seeds.flags(draft.format("May 1"), on="2021-04-02") == []


def test_a_month_and_year_are_compared_as_a_month(seeds: Corpus) -> None:
    draft = "The peace talks between the government and the Taliban began in {} in Doha."
    assert seeds.flagged(draft.format("October 2020"), on="2021-04-02") == [(Kind.EVENT_DATE, "October 2020")]
    assert seeds.flags(draft.format("September 2020"), on="2021-04-02") == []


def test_a_year_is_compared_as_a_year(transit: Corpus) -> None:
    draft = "The last tram ran in {}, when the council replaced the network with buses."
    assert transit.flagged(draft.format(1958), on="2025-05-16") == [(Kind.EVENT_DATE, "1958")]
    assert transit.flags(draft.format(1957), on="2025-05-16") == []
