"""A claim about something the sources never mention passes silently: new information is no error."""

from __future__ import annotations

import pytest

from factlint.model import Kind

from .checking import Corpus, CorpusOf


@pytest.mark.parametrize(
    "draft",
    [
        "The Istanbul conference is expected to bring together delegations from more than 20 countries.",
        "The Taliban's delegation to the talks includes 14 members.",
        "Norway's foreign minister visited Kabul in February.",
    ],
    ids=["a count of something unmentioned", "a new figure about a known actor", "an unknown visit"],
)
def test_claims_the_sources_do_not_address_pass(seeds: Corpus, draft: str) -> None:
    assert seeds.flags(draft, on="2021-04-02") == []


def test_new_information_in_a_new_corpus_passes(transit: Corpus) -> None:
    draft = "The council now wants a second line to the university, and a 3-kilometre branch to the airport."
    assert transit.flags(draft, on="2025-05-16") == []


def test_a_markdown_headline_is_not_checked(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"count.txt": "date 2028-01-19\nThe outbreak has infected 138 people, health officials said.\n"}
    )
    # the headline's figure is left to the story below it, which states it again
    draft = "# The outbreak has infected 100 people\n\nThe outbreak has infected {} people, officials said.\n"
    assert corpus.flags(draft.format("138"), on="2028-01-21") == []
    assert corpus.flagged(draft.format("100"), on="2028-01-21") == [(Kind.QUANTITY, "100")]
