"""An article with no date still works: its absolute facts count, its relative dates stay unresolved."""

from __future__ import annotations

from factlint.model import Kind

from .checking import Corpus, CorpusOf

HISTORY = """A short history of the harbour ferry

The ferry service started in 1923 with three boats.

Its last captain, Jonas Berg, retired last March after 41 years at the wheel.
"""


def test_absolute_facts_of_an_undated_article_are_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of({"history.txt": HISTORY})
    assert corpus.flagged("The ferry service started in 1925 with three boats.", on="2024-06-01") == [
        (Kind.EVENT_DATE, "1925")
    ]
    assert corpus.flags("The ferry service started in 1923 with three boats.", on="2024-06-01") == []


def test_a_relative_date_of_an_undated_article_fixes_no_year(corpus_of: CorpusOf) -> None:
    corpus = corpus_of({"history.txt": HISTORY})
    # "last March" has no date to count from: March of any year agrees with it.
    for month in ("March 2019", "March 2023", "last March"):
        assert corpus.flags(f"Its last captain, Jonas Berg, retired in {month}.", on="2024-06-01") == []


def test_the_facts_of_an_undated_article_carry_no_date(corpus_of: CorpusOf) -> None:
    corpus = corpus_of({"history.txt": HISTORY})
    rows = corpus.engine.facts()
    assert rows and all(row.article.date is None for row in rows)


def test_a_draft_without_a_date_still_compares_weekdays_and_years(transit: Corpus) -> None:
    # No date in the draft or the configuration: "on Wednesday" cannot be placed in a week,
    # but the opening fell on a Thursday, and the last tram ran in 1957.
    assert transit.flags("The Crosstown line opened to passengers on Thursday.", on=None) == []
    assert transit.flagged("The Crosstown line opened to passengers on Wednesday.", on=None) == [
        (Kind.EVENT_DATE, "Wednesday")
    ]
    assert transit.flagged(
        "The last tram ran in 1958, when the council replaced the network with buses.", on=None
    ) == [(Kind.EVENT_DATE, "1958")]
