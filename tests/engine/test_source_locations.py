"""A source sentence is located where it is written, not from the line break before it."""

from __future__ import annotations

from .checking import CorpusOf


def test_a_sentence_on_its_own_line_starts_at_that_lines_first_column(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "line.txt": "date 2024-05-01 The depot opened on Monday.\n"
            "The new tram line has 11 stations and a depot by the harbour.\n"
        }
    )
    [finding] = corpus.flags("The new tram line has 12 stations.", on="2024-05-02")
    [source] = finding.sources
    location = source.sentence_location
    assert (location.line, location.column) == (2, 1)
    assert source.sentence == "The new tram line has 11 stations and a depot by the harbour."
