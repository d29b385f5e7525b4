"""Role: a person and their title, compared with the title the sources give them."""

from __future__ import annotations

import pytest

from factlint.model import Kind

from .checking import Corpus, CorpusOf

ON = "2021-04-02"


@pytest.mark.parametrize(
    ("draft", "claim"),
    [
        (
            "Turkish Defence Minister Mevlut Cavusoglu met Afghan President Ashraf Ghani.",
            "Turkish Defence Minister",
        ),
        ("State Department envoy Ned Price said Khalilzad stayed in Doha.", "State Department envoy"),
        ("US Secretary of State Ned Price said Khalilzad stayed in Doha.", "Secretary of State"),
    ],
    ids=["another portfolio", "another office", "another office, of-form"],
)
def test_a_title_the_sources_contradict_is_flagged(seeds: Corpus, draft: str, claim: str) -> None:
    [finding] = seeds.flags(draft, on=ON)
    assert (finding.kind, finding.claim_text) == (Kind.ROLE, claim)


def test_the_finding_names_the_person_and_their_title_in_the_sources(seeds: Corpus) -> None:
    [finding] = seeds.flags("Turkish Defence Minister Mevlut Cavusoglu spoke to reporters.", on=ON)
    assert "Cavusoglu" in finding.message
    assert finding.expected == ("Turkish Foreign Minister",)


@pytest.mark.parametrize(
    "draft",
    [
        "Turkish Foreign Minister Mevlut Cavusoglu met Afghan President Ashraf Ghani.",
        "State Department spokesman Ned Price said Khalilzad stayed in Doha.",
        "The militant group's spokesman, Mohammad Naeem, called for the withdrawal of foreign forces.",
    ],
    ids=["title before the name", "organisation and title", "title in apposition"],
)
def test_the_sources_titles_pass(seeds: Corpus, draft: str) -> None:
    assert seeds.flags(draft, on=ON) == []


def test_a_title_marked_as_past_is_not_compared(transit: Corpus) -> None:
    assert transit.flagged("Finance Minister Tom Ellery travelled on the first tram.", on="2025-05-16") == [
        (Kind.ROLE, "Finance Minister")
    ]
    assert (
        transit.flags("Former Finance Minister Tom Ellery travelled on the first tram.", on="2025-05-16")
        == []
    )


def test_a_title_in_apposition_after_the_name_is_compared(transit: Corpus) -> None:
    assert transit.flagged(
        "Tom Ellery, the finance minister, travelled on the first tram.", on="2025-05-16"
    ) == [(Kind.ROLE, "finance minister")]
    assert (
        transit.flags("Tom Ellery, the transport minister, travelled on the first tram.", on="2025-05-16")
        == []
    )


def test_a_former_office_is_not_refuted_by_the_one_office_held_now(corpus_of: CorpusOf) -> None:
    # Two sources call her deputy mayor; "the former mayor" says what she was, not what she is.
    corpus = corpus_of(
        {
            "one.txt": "date 2024-05-01\nDeputy Mayor Chloe Ferreira said 141 polling stations opened.\n",
            "two.txt": "date 2024-05-02\nDeputy Mayor Chloe Ferreira said the count would finish by noon.\n",
        }
    )
    assert (
        corpus.flags("The former mayor, Chloe Ferreira, started work on the project.", on="2024-05-03") == []
    )
