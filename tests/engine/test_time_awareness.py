"""Time: facts are compared as of the day the draft is written, not as of today.

An ongoing duration grows with time ("17-year war" in 2019 is a 19-year war in
2021), and a figure that changes (a troop count) is compared only with sources
written close to the draft's date.
"""

from __future__ import annotations

from factlint.model import Kind

from .checking import Corpus, CorpusOf, read, source_names

WAR = "The US has entered into talks with the Taliban to end its {}-year war in Afghanistan."


def test_a_17_year_war_written_in_2019_agrees_with_the_2019_source(seeds: Corpus) -> None:
    assert seeds.flags(WAR.format(17), on="2019-03-13") == []


def test_a_19_year_war_written_in_2021_agrees_with_a_17_year_war_said_in_2019(seeds: Corpus) -> None:
    assert seeds.flags(WAR.format(19), on="2021-04-02") == []


def test_a_17_year_war_written_in_2021_is_two_years_out_of_date(seeds: Corpus) -> None:
    [finding] = seeds.flags(WAR.format(17), on="2021-04-02")
    assert (finding.kind, finding.claim_text) == (Kind.DURATION, "17-year")
    assert source_names(finding) == {"004_8fa3e33ba9a28dc8.txt"}


def test_one_year_of_rounding_is_tolerated_and_two_are_not(seeds: Corpus) -> None:
    assert seeds.flags(WAR.format(20), on="2021-04-02") == []
    assert seeds.flagged(WAR.format(21), on="2021-04-02") == [(Kind.DURATION, "21-year")]


def test_a_troop_count_from_2021_does_not_contradict_a_2019_draft(seeds: Corpus) -> None:
    draft = "The US has 3,000 troops in Afghanistan."
    assert seeds.flags(draft, on="2019-03-13") == []
    assert seeds.flagged(draft, on="2021-04-02") == [(Kind.QUANTITY, "3,000")]


def test_a_cost_estimate_from_two_years_earlier_does_not_contradict_the_final_bill(transit: Corpus) -> None:
    # The 2023 source says £480 million; by 2025 the bill is £550 million.
    assert transit.flags("The project is expected to cost £550 million.", on="2025-05-16") == []
    assert transit.flagged("The project is expected to cost £450 million.", on="2023-03-15") == [
        (Kind.QUANTITY, "450 million")
    ]


REHOUSING = {
    "october.md": "---\ndate: 2029-10-03\n---\n"
    "The Brenfield council said 43 households had been rehoused from the Larch estate.\n",
    "november.md": "---\ndate: 2029-11-07\n---\n"
    "The Brenfield council said 58 households had been rehoused from the Larch estate.\n",
}


def test_a_figure_said_of_an_earlier_month_is_not_refuted_by_a_later_count(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "october.md": "---\ndate: 2029-10-03\n---\n"
            "Another 12 households have moved out since last month, bringing the number rehoused "
            "from the Larch estate to 43.\n",
            "november.md": REHOUSING["november.md"],
        }
    )
    draft = "In October the Brenfield council said 43 households had been rehoused from the Larch estate."
    assert corpus.flags(draft, on="2029-11-09") == []
    now = "The Brenfield council says 43 households have been rehoused from the Larch estate."
    assert corpus.flagged(now, on="2029-11-09") == [(Kind.QUANTITY, "43")]


def test_a_figure_said_of_an_earlier_month_is_compared_with_that_month_s(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(REHOUSING)
    draft = "In October the Brenfield council said 48 households had been rehoused from the Larch estate."
    assert corpus.flagged(draft, on="2029-11-09") == [(Kind.QUANTITY, "48")]


def test_a_figure_of_before_an_event_is_not_refuted_by_today_s(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "fire.txt": "date 2029-03-07\n"
            "About 88,000 vehicles a day use the Caddon viaduct, the agency said.\n",
            "delay.txt": "date 2029-05-30\n"
            "With three lanes open, the Caddon viaduct is carrying about 67,000 vehicles a day, against "
            "88,000 before the fire.\n",
        }
    )
    draft = "Before the fire, about {} vehicles used the Caddon viaduct each day."
    assert corpus.flags(draft.format("88,000"), on="2029-06-29") == []
    assert "previous" in read(draft.format("88,000"), on="2029-06-29")["88,000"].slot.marks


def test_a_figure_of_last_year_is_compared_with_this_year_s_account_of_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "fire.txt": "date 2029-03-07\n"
            "The yard, leased by a tyre recycling firm, had been the subject of two complaints to "
            "Stennick council about fire risk last year.\n"
        }
    )
    draft = "Stennick council received {} complaints last year about fire risk at the yard."
    assert corpus.flagged(draft.format("three"), on="2029-03-09") == [(Kind.QUANTITY, "three")]
    assert corpus.flags(draft.format("two"), on="2029-03-09") == []


def test_a_later_source_that_moves_a_date_leaves_the_old_one_behind(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "aid.md": "---\ndate: 2031-05-27\n---\n"
            "Applications for the frost aid will open on June 2 and close on July 15, the ministry said.\n",
            "revised.md": "---\ndate: 2031-06-17\n---\n"
            "The agriculture ministry said it would extend the deadline for applications from July 15 to "
            "August 29.\n",
        }
    )
    draft = "By Monday, 689 growers had applied, the ministry said, and applications close on {}."
    assert corpus.flags(draft.format("August 29"), on="2031-07-10") == []
    assert corpus.flagged(draft.format("September 12"), on="2031-07-10") != []


def test_a_past_event_s_date_is_not_superseded_by_a_later_event(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "chief.md": "---\ndate: 2031-04-09\n---\n"
            "Paul Everington, the chief executive of the Wendmoor Ambulance Service, stepped down on "
            "Tuesday, a day after inspectors rated the service inadequate.\n",
            "opened.md": "---\ndate: 2031-09-18\n---\n"
            "Paul Everington, the former chief executive, was appointed in August to lead a review of "
            "ambulance fleets for the national health department.\n",
        }
    )
    draft = (
        "Paul Everington, who stepped down as chief executive in {}, is leading a review of ambulance "
        "fleets for the national health department."
    )
    assert corpus.flags(draft.format("April"), on="2031-09-23") == []


def test_a_date_of_a_repeat_is_another_occasion(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "figures.md": "---\ndate: 2030-02-06\n---\n"
            "Figures published on Friday showed the service's response times improved in January.\n"
        }
    )
    # "again": another improvement than the January one the source dates
    assert corpus.flags("The service's response times improved again in March.", on="2030-04-12") == []
    assert corpus.flagged("The service's response times improved in March.", on="2030-02-12") != []


def test_a_first_plan_is_a_value_of_another_time(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "delay.md": "---\ndate: 2031-04-01\n---\n"
            "The delay is the second for the cable car: the line was first due to open in December 2030 "
            "before the towers were held up by a shortage of steel.\n"
        }
    )
    assert corpus.flags("The cable car line opened on May 24 after two delays.", on="2031-06-30") == []
    first = read("The line was first due to open in December 2030.", on="2031-04-01")["December 2030"]
    assert "previous" in first.slot.marks


AID_DEADLINE = (
    "---\ndate: 2031-05-01\n---\nThe ministry said growers have until July 15 to apply for the drought aid.\n"
)
AID_VISITS = (
    "---\ndate: 2031-06-02\n---\n"
    "The ministry said on Monday that its inspectors would visit the growers' estates on August 29.\n"
)


def test_an_old_source_alone_still_refutes(corpus_of: CorpusOf) -> None:
    corpus = corpus_of({"deadline.md": AID_DEADLINE})
    draft = "Growers now have until August 29 to apply for the drought aid, the ministry said."
    assert corpus.flagged(draft, on="2031-06-25") == [(Kind.EVENT_DATE, "August 29")]


def test_an_old_source_is_doubted_where_a_source_gives_the_drafts_date(corpus_of: CorpusOf) -> None:
    corpus = corpus_of({"deadline.md": AID_DEADLINE, "visits.md": AID_VISITS})
    draft = "Growers now have until August 29 to apply for the drought aid, the ministry said."
    # the July 15 of eight weeks ago may since have moved; the ministry gives August 29 for something
    assert corpus.flags(draft, on="2031-06-25") == []
    # a source of the week before is not stale: its July 15 refutes
    assert corpus.flagged(draft, on="2031-05-06") == [(Kind.EVENT_DATE, "August 29")]


APPEAL = {
    "january.md": "---\ndate: 2031-01-15\n---\nThe fit-out appeal for the warehouse has reached £62,000.\n",
    "february.md": "---\ndate: 2031-02-05\n---\nThe fit-out appeal for the warehouse has reached £88,000.\n",
}
MID_JANUARY = "The fit-out appeal for the warehouse had reached £{} in the middle of January."


def test_a_figure_given_for_a_past_month_is_compared_with_the_sources_of_that_time(
    corpus_of: CorpusOf,
) -> None:
    corpus = corpus_of(APPEAL)
    [finding] = corpus.flags(MID_JANUARY.format("50,000"), on="2031-02-28")
    assert finding.expected == ("62,000",)


def test_a_later_figure_does_not_refute_one_given_for_a_past_month(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "january.md": "---\ndate: 2031-01-15\n---\nThe charity said it has raised £62,000 so far.\n",
            "february.md": APPEAL["february.md"],
        }
    )
    # February's £88,000 is the appeal's total in February, not in the middle of January
    assert corpus.flags(MID_JANUARY.format("62,000"), on="2031-02-28") == []


def test_a_later_source_speaks_of_the_past_month_it_names(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "fire.md": "---\ndate: 2029-02-20\n---\n"
            "The yard had been the subject of two complaints to the council about fire risk last year.\n"
        }
    )
    draft = "The council received three complaints last year about fire risk at the yard."
    assert corpus.flagged(draft, on="2029-03-09") == [(Kind.QUANTITY, "three")]
