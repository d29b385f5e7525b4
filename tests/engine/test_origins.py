"""Where a named thing is from ("Corrin Glass, of Wakefield", "the Lyon-based insurer") is a
slot of its own, pinned by whose origin it is, whatever else the sentences say."""

from __future__ import annotations

import pytest

from factlint.model import Kind

from .checking import CorpusOf, read

CONTRACTOR = {
    "glazing.txt": "date 2027-03-10\n"
    "The inspectors found that the cracked panels had been fitted in May 2026 by a subcontractor, "
    "Corrin Glass, of Wakefield. The company said it would cooperate.\n"
}


def test_a_home_given_with_of_is_contradicted_by_another_from(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(CONTRACTOR)
    draft = "The panels were fitted by Corrin Glass, a subcontractor from {}, which said it would cooperate."
    assert corpus.flagged(draft.format("Leeds"), on="2027-03-12") == [(Kind.PLACE, "Leeds")]
    assert corpus.flags(draft.format("Wakefield"), on="2027-03-12") == []


def test_a_based_firm_is_compared_with_where_the_sources_base_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "bid.txt": "date 2027-05-04\n"
            "Martine Aubry chairs Serrand Assurances, the Lyon-based insurer behind the offer, which "
            "already owns two hotels in London.\n"
        }
    )
    draft = "Serrand Assurances, an insurer {}, already owns two London hotels."
    assert corpus.flagged(draft.format("based in Paris"), on="2027-05-06") == [(Kind.PLACE, "Paris")]
    assert corpus.flags(draft.format("based in Lyon"), on="2027-05-06") == []


def test_a_home_that_opens_the_sentence_belongs_to_the_name_after_it(corpus_of: CorpusOf) -> None:
    # the source's "Hallberg" opens its sentence: a name the article uses elsewhere is still a name
    corpus = corpus_of(
        {
            "rival.txt": "date 2027-04-02\n"
            "Brenner said the deal would suit Hallberg well. Hallberg, which is based in Basel, already "
            "owns three bakeries in the UK.\n"
        }
    )
    draft = "Based in {}, Hallberg already has three British bakeries."
    assert corpus.flagged(draft.format("Zurich"), on="2027-04-04") == [(Kind.PLACE, "Zurich")]
    assert corpus.flags(draft.format("Basel"), on="2027-04-04") == []


def test_a_home_is_not_compared_with_where_something_happened(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "depot.txt": "date 2027-06-01\n"
            "Corrin Glass opened a new depot in Doncaster on Monday, the company said.\n"
        }
    )
    draft = "Corrin Glass, a glazing firm from Wakefield, opened a new depot on Monday."
    assert corpus.flags(draft, on="2027-06-03") == []


def test_where_a_newcomer_came_from_is_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "board.txt": "date 2027-09-06\n"
            "She will be replaced by Ines Duarte, the airport's finance director, who joined from the "
            "Port of Lisbon in 2021.\n"
        }
    )
    draft = "Her successor is Ines Duarte, the airport's finance director, who came from the {} in 2021."
    assert corpus.flagged(draft.format("Port of Porto"), on="2027-09-08") == [(Kind.PLACE, "Port of Porto")]
    assert corpus.flags(draft.format("Port of Lisbon"), on="2027-09-08") == []


def test_what_follows_a_home_and_a_comma_is_no_place() -> None:
    found = read("The two lynx from Vilnius, Aras and Miga, went on show on Friday.", on="2027-08-02")
    assert found["Vilnius"].kind is Kind.PLACE
    assert "Aras" not in found or found["Aras"].kind is not Kind.PLACE


@pytest.mark.parametrize(
    "draft",
    [
        "The buyer is Corvanta, a multinational with headquarters in Antwerp.",
        "The buyer is Corvanta, which has its head office in Antwerp.",
    ],
)
def test_headquarters_are_a_home(corpus_of: CorpusOf, draft: str) -> None:
    corpus = corpus_of(
        {
            "sale.md": "---\ndate: 2030-01-17\n---\n"
            "Corvanta, which is based in Rotterdam and has 41 factories in 19 countries, said the deal "
            "would be completed by the end of March. The family agreed to sell to Corvanta last week.\n"
        }
    )
    assert corpus.flagged(draft, on="2030-01-21") == [(Kind.PLACE, "Antwerp")]
    assert corpus.flags(draft.replace("Antwerp", "Rotterdam"), on="2030-01-21") == []
