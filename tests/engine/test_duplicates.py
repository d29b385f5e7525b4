"""The same story twice (000 as HTML, 001 as text): two sources for a fact, never a disagreement."""

from __future__ import annotations

from factlint.model import Kind

from .checking import Corpus, CorpusOf, source_names

SAME_STORY = {"000_a0f80ff5c1b36328.txt", "001_b29daaf1fc701ae9.txt"}


def test_a_finding_cites_both_copies_of_the_story(seeds: Corpus) -> None:
    [finding] = seeds.flags("The US has 3,000 troops in Afghanistan.", on="2021-04-02")
    assert source_names(finding) == SAME_STORY
    assert finding.expected == ("2,500",)
    assert not finding.sources_disagree


def test_a_confirmation_cites_both_copies_of_the_story(seeds: Corpus) -> None:
    [confirmed] = seeds.confirms(
        "The US has 2,500 troops in Afghanistan.", on="2021-04-02", kind=Kind.QUANTITY
    )
    assert source_names(confirmed) == SAME_STORY


def test_a_claim_both_copies_contradict_is_flagged_once(seeds: Corpus) -> None:
    draft = "On Tuesday, the Taliban fired three missiles at a coalition military base in Khost province."
    [finding] = seeds.flags(draft, on="2021-04-02")
    assert source_names(finding) == SAME_STORY
    assert not finding.sources_disagree


def test_a_finding_against_sources_that_disagree_gives_every_figure(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "morning.txt": "date 2024-05-01\nThe new bridge has 14 spans, the city engineer said.\n",
            "evening.txt": "date 2024-05-01\nThe new bridge has 16 spans, the city engineer said.\n",
        }
    )
    [finding] = corpus.flags("The new bridge has 12 spans, the city engineer said.", on="2024-05-02")
    assert set(finding.expected) == {"14", "16"}
    assert "14" in finding.message and "16" in finding.message
