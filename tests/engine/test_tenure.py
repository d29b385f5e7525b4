"""A length of service dates the start of a post: "chief executive for the past eight years" said
in June 2027 against "who took over as chief executive in 2016"."""

from __future__ import annotations

from factlint.model import Kind

from .checking import CorpusOf

STEPPING_DOWN = {
    "report.txt": "date 2027-06-16\n"
    "Andrew Pryce, Northvale's chief executive for the past eight years, said on Tuesday that he "
    "would step down at the end of September.\n"
}


def test_a_start_year_is_compared_with_the_length_of_service(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(STEPPING_DOWN)
    draft = "Andrew Pryce, who took over as Northvale's chief executive in {}, is to step down."
    assert corpus.flagged(draft.format("2016"), on="2027-06-18") == [(Kind.EVENT_DATE, "2016")]
    assert corpus.flags(draft.format("2019"), on="2027-06-18") == []


def test_years_as_a_post_holder_date_the_start(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "slip.txt": "date 2028-03-15\n"
            "Douglas Feeney, who retires at the end of the month after 14 years as chief librarian, "
            "will be given the freedom of the city.\n"
        }
    )
    draft = "Douglas Feeney, who took over the library service in {}, retires at the end of this month."
    assert corpus.flagged(draft.format("2011"), on="2028-03-17") == [(Kind.EVENT_DATE, "2011")]
    assert corpus.flags(draft.format("2014"), on="2028-03-17") == []


def test_someone_else_s_start_is_not_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(STEPPING_DOWN)
    draft = "Helen Marsden, who became operations director in 2016, will succeed him."
    assert corpus.flags(draft, on="2027-06-18") == []


def test_a_start_given_without_its_holder_s_name_is_compared_as_before(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "bid.txt": "date 2025-02-12\n"
            "Fiona Marsh, who has been chief executive since 2021, said the company had a clear plan.\n"
        }
    )
    draft = "Fiona Marsh, the chief executive, said the company had a clear plan. She has run it since {}."
    assert corpus.flagged(draft.format("2012"), on="2025-02-14") == [(Kind.EVENT_DATE, "2012")]


def test_a_length_of_service_meets_a_start_when_no_length_is_given(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "library.txt": "date 2034-09-13\n"
            "The head librarian, Ruth Okoro, who has run the library since 2029, said she accepted the "
            "findings.\n"
        }
    )
    draft = "Ms Okoro, head librarian for the past {} years, said her staff had kept the library open."
    assert corpus.flagged(draft.format("eight"), on="2034-11-18") == [(Kind.EVENT_DATE, "eight years")]
    assert corpus.flags(draft.format("five"), on="2034-11-18") == []


def test_an_untitled_post_run_for_a_length_dates_its_start(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "fair.txt": "date 2036-04-24\n"
            "Margaret Ellery, who has run the Wrenford Fair since 2024, is to leave at the end of April.\n"
        }
    )
    draft = "Margaret Ellery, who has run the fair for the past {} years, coached at the club before that."
    assert corpus.flagged(draft.format("15"), on="2036-05-02") == [(Kind.EVENT_DATE, "15 years")]
    assert corpus.flags(draft.format("12"), on="2036-05-02") == []
