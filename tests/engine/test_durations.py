"""Duration: how long something lasted, in any of the ways newswires write it."""

from __future__ import annotations

import pytest

from factlint.model import Kind

from .checking import Corpus, CorpusOf, lexicon, read


@pytest.mark.parametrize(
    ("draft", "claim", "on"),
    [
        ("The round of talks in Doha ended after 12 days of negotiations.", "12 days", "2019-03-13"),
        (
            "The Taliban's six-year rule came to an end following the US invasion in 2001.",
            "six-year",
            "2019-03-13",
        ),
        ("Khalilzad finished a six-day visit to Kabul on Monday.", "six-day", "2021-04-14"),
        (
            "The rule ended with the US invasion in 2001 but 16 years on, Washington is seeking truce.",
            "16 years",
            "2019-03-13",
        ),
    ],
    ids=["N days of", "hyphenated N-year", "a N-day visit", "N years on"],
)
def test_a_different_duration_is_flagged(seeds: Corpus, draft: str, claim: str, on: str) -> None:
    assert seeds.flagged(draft, on=on) == [(Kind.DURATION, claim)]


@pytest.mark.parametrize(
    ("draft", "on"),
    [
        ("Another round is possible after the 16 days of negotiations in Doha.", "2019-03-13"),
        ("The Taliban's five-year rule came to an end following the US invasion in 2001.", "2019-03-13"),
        ("Khalilzad finished a four-day visit to Kabul on Monday.", "2021-04-14"),
        (
            "The rule ended with the US invasion in 2001 but 18 years on, Washington is seeking truce.",
            "2019-03-13",
        ),
    ],
    ids=["16 days of", "five-year rule", "four-day visit", "18 years on"],
)
def test_the_sources_duration_passes(seeds: Corpus, draft: str, on: str) -> None:
    assert seeds.flags(draft, on=on) == []


def test_a_duration_in_another_unit_of_a_new_corpus_is_compared(transit: Corpus) -> None:
    assert transit.flagged("Trams will run every ten minutes at peak times.", on="2023-03-15") == [
        (Kind.DURATION, "ten minutes")
    ]
    assert transit.flags("Trams will run every six minutes at peak times.", on="2023-03-15") == []


def test_a_span_after_an_event_is_a_duration(seeds: Corpus) -> None:
    # 001: "where the US-Taliban peace deal stands one year on".
    draft = "This video details where the peace deal stands {} after it was signed."
    assert seeds.flagged(draft.format("two years"), on="2021-04-02") == [(Kind.DURATION, "two years")]
    assert seeds.flags(draft.format("a year"), on="2021-04-02") == []


def test_a_delay_by_so_many_days_does_not_grow_with_time(corpus_of: CorpusOf) -> None:
    # "has been postponed by nine days" is a change, not something still running.
    corpus = corpus_of(
        {"delay.txt": "date 2025-09-11\nThe launch of the Kestrel probe has been postponed by nine days.\n"}
    )
    draft = "The launch of the Kestrel probe was postponed by {} days, to the end of the month."
    assert corpus.flags(draft.format("nine"), on="2025-10-20") == []
    assert corpus.flagged(draft.format("eleven"), on="2025-10-20") == [(Kind.DURATION, "eleven days")]


def test_a_length_said_of_the_subject_moves_with_the_draft_s_date(corpus_of: CorpusOf) -> None:
    # "in place for 12 years" in May 2023 is about 14 years by March 2025.
    corpus = corpus_of(
        {
            "ban.txt": "date 2023-05-31\n"
            "The fishing ban, in place for 12 years, will be lifted only when the river is clean.\n"
        }
    )
    draft = "The ban on fishing, which has now lasted {} years, will not be lifted before 2030."
    assert corpus.flagged(draft.format("12"), on="2025-03-14") == [(Kind.DURATION, "12 years")]
    assert corpus.flags(draft.format("14"), on="2025-03-14") == []


def test_over_spans_a_time_unless_a_verb_of_lasting_comes_before(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "deal.txt": "date 2023-04-19\nThe settlement pays each plaintiff $7,000 over 10 years. "
            "The hearing on the settlement lasted four hours.\n"
        }
    )
    on = "2023-04-21"
    # "over 10 years" read as "more than 10 years" would fit 15
    assert corpus.flagged("The settlement pays each plaintiff $7,000 across 15 years.", on=on) == [
        (Kind.DURATION, "15 years")
    ]
    assert corpus.flags("The settlement pays each plaintiff $7,000 over 10 years.", on=on) == []
    assert corpus.flags("The hearing on the settlement lasted over three hours.", on=on) == []


@pytest.mark.parametrize(
    ("sentence", "length", "what"),
    [
        ("The mayor won after a nine-hour recount cut his lead to 287 votes.", "nine-hour", "recount"),
        ("A recount lasting eleven hours cut the mayor's lead.", "eleven hours", "recount"),
        ("The talks that lasted 12 hours ended without a deal.", "12 hours", "talk"),
    ],
    ids=["a noun before a verb and its object", "lasting", "that lasted"],
)
def test_the_thing_that_lasts_is_read(sentence: str, length: str, what: str) -> None:
    assert read(sentence, on="2025-05-07")[length].slot.head == lexicon().synonym(what)


@pytest.mark.parametrize(
    ("sentence", "length", "ongoing"),
    [
        ("She was admitted to St James's Hospital and spent five days there.", "five days", False),
        ("The strike's lasted two weeks.", "two weeks", True),
        ("The ban has lasted 12 years.", "12 years", True),
        ("Eight days passed.", "Eight days", False),
    ],
    ids=["a possessive 's", "'s for has", "has", "at the sentence's start"],
)
def test_a_length_still_running_needs_has_not_a_possessive(sentence: str, length: str, ongoing: bool) -> None:
    assert ("ongoing" in read(sentence, on="2026-11-25")[length].slot.marks) is ongoing


@pytest.mark.parametrize(
    ("sentence", "length", "ongoing"),
    [
        ("The union ended a dispute that led to 13 days of strikes.", "13 days", False),
        ("The union is now in its 13 days of strike.", "13 days", True),
        ("The country marked 17 years of war.", "17 years", True),
    ],
    ids=["days of many strikes", "days of one strike", "years of one war"],
)
def test_a_length_of_many_events_is_a_total_not_a_length_still_running(
    sentence: str, length: str, ongoing: bool
) -> None:
    assert ("ongoing" in read(sentence, on="2026-06-10")[length].slot.marks) is ongoing


def test_how_often_is_not_how_long(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "shuttle.txt": "date 2027-03-18\n"
            "The T1 shuttle carried 41,000 passengers in its first four weeks and will now run every "
            "10 minutes instead of every 15 at peak times, the council said.\n"
        }
    )
    # "now" does not make an interval a length still running: it is not moved to the draft's date
    draft = "The T1 shuttle will now run every {} minutes at peak times."
    assert corpus.flags(draft.format(10), on="2027-03-22") == []
    assert corpus.flagged(draft.format(12), on="2027-03-22") == [(Kind.DURATION, "12 minutes")]
    assert corpus.flags("The T1 shuttle ride takes 12 minutes now.", on="2027-03-22") == []


def test_the_past_decade_is_a_length_of_ten_years(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "ballot.txt": "date 2026-03-04\n"
            "He said the company had invested £350 million in new cranes and quay walls over the past "
            "five years.\n"
        }
    )
    draft = "He pointed to £350m spent on new cranes and quay walls over the past {}."
    assert corpus.flagged(draft.format("decade"), on="2026-03-06") == [(Kind.DURATION, "past decade")]
    assert corpus.flags(draft.format("five years"), on="2026-03-06") == []
    assert "past" not in read("He spoke of the past.", on="2026-03-06")


def test_how_long_until_is_not_how_long(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "resignation.txt": "date 2027-08-11\n"
            "She will leave at the end of September after six years in the job.\n"
        }
    )
    on = "2027-08-13"
    assert corpus.flags("She will go at the end of September, in just under seven weeks.", on=on) == []
    assert corpus.flagged("She will leave at the end of September after five years in the job.", on=on) == [
        (Kind.DURATION, "five years")
    ]


def test_a_length_in_months_is_as_long_as_its_months_may_be(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "inquiry.txt": "date 2027-06-09\n"
            "The inquiry, led by Priya Lanchester, is expected to sit for six weeks.\n"
        }
    )
    draft = "Priya Lanchester expects the inquiry to sit for {}."
    assert corpus.flags(draft.format("a month and a half"), on="2027-06-11") == []
    assert corpus.flagged(draft.format("two months and a half"), on="2027-06-11") == [
        (Kind.DURATION, "two months and a half")
    ]


def test_since_a_year_is_a_length_up_to_the_day_written(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "talks.txt": "date 2027-10-20\n"
            "Jens Ulvang, a senior civil servant who has led the delegation since 2019, will again be "
            "chief negotiator.\n"
        }
    )
    draft = "Jens Ulvang, a civil servant who has led the delegation for the past {} years, will lead again."
    assert corpus.flagged(draft.format("five"), on="2027-10-22") == [(Kind.DURATION, "five years")]
    assert corpus.flags(draft.format("eight"), on="2027-10-22") == []


def test_a_length_since_a_year_is_not_rounded_twice(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "chief.txt": "date 2031-02-13\n"
            "Paul Evering, the chief executive, who has led the ambulance service since 2024, said the "
            "figures were not good enough.\n"
        }
    )
    # since 2024, on 18 February 2031: six to seven years, whichever way a writer rounds it
    draft = (
        "The chief executive, Paul Evering, who has run the ambulance service for the past {} years, "
        "said the figures were not good enough."
    )
    assert corpus.flagged(draft.format("five"), on="2031-02-18") == [(Kind.DURATION, "five years")]
    assert corpus.flags(draft.format("six"), on="2031-02-18") == []
    assert corpus.flags(draft.format("seven"), on="2031-02-18") == []


def test_the_first_in_so_many_years_is_a_length_not_a_time_until(corpus_of: CorpusOf) -> None:
    found = read("It will be the company's first hosepipe ban in seven years.", on="2027-07-30")
    assert "until" not in found["seven years"].slot.marks
    assert (
        "until"
        in read("The company will lift the ban in seven weeks.", on="2027-07-30")["seven weeks"].slot.marks
    )


def test_how_long_after_an_event_something_was_said_grows_with_the_day_of_saying(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "cancel.md": "---\ndate: 2027-09-08\n---\n"
            "Next year's Kelsby fair will not take place, its organisers said on Monday, two weeks after a "
            "stand collapsed at the showground, injuring three people.\n"
        }
    )
    draft = (
        "The Kelsby fair is coming back, its organisers said, {} after a stand collapsed at the showground."
    )
    assert corpus.flags(draft.format("three months"), on="2027-11-26") == []


def test_a_delay_said_now_is_no_length_still_running(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "start.md": "---\ndate: 2029-12-05\n---\n"
            "The first 164 homes on the Larch estate are now due to be finished in June 2032, six months "
            "later than planned.\n"
        }
    )
    draft = (
        "The first 164 homes on the Larch estate are now expected in June 2032, {} months later than planned."
    )
    assert corpus.flagged(draft.format("nine"), on="2029-12-07") == [(Kind.DURATION, "nine months")]
    assert corpus.flags(draft.format("six"), on="2029-12-07") == []


def test_a_length_of_another_thing_leaves_no_doubt(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "ballot.txt": "date 2030-01-16\n"
            "About 240,000 pupils attend state schools in Westmarch. The last teachers' strike, in 2013, "
            "closed 380 schools for two days.\n",
            "settled.md": "---\ndate: 2030-01-17\n---\n"
            "The minister signed the agreement on Monday. He said strikes had closed schools on "
            "three days.\n",
        }
    )
    draft = "When teachers last walked out, in 2013, 380 schools were shut for {} days."
    assert corpus.flagged(draft.format("three"), on="2030-01-18") == [(Kind.DURATION, "three days")]
    assert corpus.flags(draft.format("two"), on="2030-01-18") == []


def test_a_delay_is_compared_with_a_delay_however_each_is_worded(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "arena.md": "---\ndate: 2031-01-31\n---\n"
            "The club said the opening of the Riverside Arena had been put back by three weeks.\n"
        }
    )
    draft = "The opening of the Riverside Arena has been delayed by {}, the club said."
    assert corpus.flagged(draft.format("a fortnight"), on="2031-02-06") == [(Kind.DURATION, "a fortnight")]
    assert corpus.flags(draft.format("three weeks"), on="2031-02-06") == []


def test_a_length_said_days_apart_agrees_however_each_is_told(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "list.md": "---\ndate: 2030-09-12\n---\n"
            "There were 6,200 people on the waiting list for a dentist, with an average wait of 14 months.\n",
            "tender.md": "---\ndate: 2030-11-14\n---\n"
            "The waiting list for a dentist has reached 7,650 people, and the average wait is now "
            "16 months.\n",
        }
    )
    draft = "The board said 7,650 people are waiting for a dentist, with an average wait of {} months."
    assert corpus.flags(draft.format(16), on="2030-11-18") == []


def test_a_running_length_and_a_finished_one_said_days_apart_are_of_one_moment(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "storm.txt": "date 2033-09-13\n"
            '"It will stand again," said Owen Threlfall, who has run the pier company for nine years.\n',
            "ship.txt": "date 2029-09-19\nThe Brevard Star has now blocked the Selmar Canal for nine days.\n",
        }
    )
    draft = "Owen Threlfall, who led the pier company for {} years, vowed that it would stand again."
    assert corpus.flagged(draft.format("14"), on="2033-09-16") == [(Kind.DURATION, "14 years")]
    assert corpus.flags(draft.format("nine"), on="2033-09-16") == []
    assert (
        corpus.flags("Owen Threlfall, the 46-year-old who runs the pier company, spoke.", on="2033-09-16")
        == []
    )
    # two days on, the ship's nine days are eleven
    assert (
        corpus.flags("The Brevard Star was stuck in the Selmar Canal for eleven days.", on="2029-09-21") == []
    )
    assert corpus.flagged("The Brevard Star was stuck in the Selmar Canal for 16 days.", on="2029-09-21") == [
        (Kind.DURATION, "16 days")
    ]


def test_lengths_far_apart_are_of_different_things(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "retire.md": "---\ndate: 2033-11-10\n---\n"
            "Bereavement services manager Colm Adair announced on Wednesday that he will retire at the "
            "end of the year after 22 years in the post, and Ruth Ambler will take over.\n"
        }
    )
    draft = "Colm Adair retires in ten days, and Ruth Ambler takes over as bereavement services manager."
    assert corpus.flags(draft, on="2033-12-21") == []


def test_the_month_may_is_no_wish(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "delay.txt": "date 2029-05-24\n"
            "Owen Trevelyan will work his last day on May 31, ending 11 years as the branch's manager "
            "and 34 years as a pharmacist in the town.\n"
        }
    )
    assert (
        "wished"
        not in read("He leaves on May 31, ending 11 years there.", on="2029-05-28")["11 years"].slot.marks
    )
    draft = "Owen Trevelyan, manager of the branch for the past 11 years, will work his last day on May 31."
    assert corpus.flags(draft, on="2029-05-28") == []


@pytest.mark.parametrize(
    ("sentence", "length"),
    [
        ("The creamery has been making cheese and butter in the town for 102 years.", "102 years"),
        ("The family has fired pots at the works for 134 years.", "134 years"),
    ],
    ids=["has been doing", "has done"],
)
def test_a_present_perfect_before_for_runs_to_the_day_of_writing(sentence: str, length: str) -> None:
    assert "ongoing" in read(sentence, on="2033-09-09")[length].slot.marks


def test_a_length_since_a_start_year_moves_with_the_draft_s_date(corpus_of: CorpusOf) -> None:
    # joined in 2014, so on the crew for 19 years in 2033
    corpus = corpus_of(
        {
            "crew.txt": "date 2033-09-15\nNiamh Corlett joined the crew in 2014 and works as a fisheries "
            "officer in Skelby Haven.\n"
        }
    )
    on = "2033-09-20"
    draft = "A fisheries officer in Skelby Haven, Niamh Corlett has been on the crew for {} years."
    assert corpus.flagged(draft.format(21), on=on) == [(Kind.DURATION, "21 years")]
    assert corpus.flags(draft.format(19), on=on) == []
    # a length that is over is not the one still running
    assert corpus.flags("Niamh Corlett served on the crew for 21 years.", on=on) == []


def test_a_start_with_an_end_dates_no_running_length(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "mill.txt": "date 2033-09-15\nThe mill, which opened in 1850 and closed in 1990, "
            "is to become flats.\n"
        }
    )
    assert corpus.flags("The mill has been part of the town for 140 years.", on="2033-09-20") == []


def test_the_span_of_a_record_is_not_how_long_a_thing_takes(corpus_of: CorpusOf) -> None:
    for sentence, length in [
        ("It was the first time in 12 years that the river flooded.", "12 years"),
        ("The fire moved faster than anything she had seen in her 32 years in the job.", "32 years"),
    ]:
        assert "record" in read(sentence, on="2029-03-12")[length].slot.marks
    corpus = corpus_of(
        {
            "wall.md": "---\ndate: 2029-02-13\n---\nCouncillor Idris Trewhella called the new wall the "
            "biggest thing built in the town in half a century.\n"
        }
    )
    assert corpus.flags("The new wall should take 26 months to build.", on="2029-03-12") == []


def test_all_but_a_length_is_the_rest_of_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "ward.txt": "date 2031-05-06\nThe inspectors said some patients on Ward 4 were left in bed "
            "for 20 hours a day.\n"
        }
    )
    assert (
        "rest"
        in read("Patients spent all but four hours a day in bed.", on="2031-05-09")["four hours"].slot.marks
    )
    assert (
        corpus.flags(
            "The inspectors said some patients spent all but four hours a day in bed.", on="2031-05-09"
        )
        == []
    )


def test_a_length_set_off_after_a_name_is_that_person_s(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "museum.md": "---\ndate: 2031-06-12\n---\nThe trustees confirmed Aled Pryce as curator on "
            "Monday, giving him a five-year contract.\n"
        }
    )
    draft = "Pryce had run the gallery since March, when Nora Quayle, curator for 12 years, retired."
    assert read(draft, on="2031-06-14")["12 years"].slot.near == ("nora quayle",)
    assert corpus.flags(draft, on="2031-06-14") == []


def test_a_stretch_counted_over_meets_only_another_said_in_nearly_the_same_words(
    corpus_of: CorpusOf,
) -> None:
    corpus = corpus_of(
        {
            "harvest.txt": "date 2031-10-20\nThe growers have failed to agree a price in three of the "
            "past five years.\n\nHosepipe users who laid new turf within the past 28 days are exempt "
            "from the ban.\n"
        }
    )
    assert (
        "window"
        in read("Yields fell in each of the past four years.", on="2031-10-22")["four years"].slot.marks
    )
    assert (
        "window"
        not in read("She has been chair for the past four years.", on="2031-10-22")["four years"].slot.marks
    )
    assert corpus.flags("The growers' yields fell in each of the past four years.", on="2031-10-22") == []
    draft = "Hosepipe users who laid new turf within the past six weeks are exempt from the ban."
    assert corpus.flagged(draft, on="2031-10-22") == [(Kind.DURATION, "six weeks")]


def test_a_predicate_after_a_name_s_comma_is_no_aside() -> None:
    mention = read(
        "Ashby's rural scheme, Fellgate, will finish five months later than planned.", on="2031-03-17"
    )
    assert mention["five months"].slot.near == ()


def test_hours_and_minutes_are_one_length_to_the_minute(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "final.txt": "date 2036-06-19\nThe top seed, Daniel Oakes, beat Jonas Merten in the final on "
            "Tuesday in 3 hours and 12 minutes.\n"
        }
    )
    assert (
        read("The match lasted 2 hours 58 minutes.", on="2036-06-21")["2 hours 58 minutes"].value.unit
        == "minute"
    )
    draft = "Daniel Oakes beat Jonas Merten in the final in {}."
    assert corpus.flagged(draft.format("3 hours and 21 minutes"), on="2036-06-21") == [
        (Kind.DURATION, "3 hours and 21 minutes")
    ]
    assert corpus.flags(draft.format("3 hours and 12 minutes"), on="2036-06-21") == []
