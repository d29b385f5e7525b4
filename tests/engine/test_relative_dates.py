"""Relative dates: resolved against the article's date in the sources, the draft's date in drafts.

"On Thursday" in an article dated Thursday 1 April 2021 means that very day, as
newswires write it; "on Thursday" in a draft written on Friday 2 April means the
day before. Both are 1 April, so they agree.
"""

from __future__ import annotations

from datetime import date

import pytest

from factlint.model import Kind
from factlint.slots.model import When

from .checking import Corpus, CorpusOf, read

CALL = "{}, US Secretary of Defence Lloyd Austin called Turkish Defence Minister Hulusi Akar."
PRICE = "US State Department spokesman Ned Price {} said Mr Khalilzad stayed in Doha for more talks."


def test_a_weekday_naming_the_articles_own_weekday_means_that_day(seeds: Corpus) -> None:
    # 000 is dated Thursday 2021-04-01 and says Price spoke "on Thursday": 1 April, not 25 March.
    assert seeds.flags(PRICE.format("on April 1"), on="2021-04-05") == []
    assert seeds.flagged(PRICE.format("on March 25"), on="2021-04-05") == [(Kind.EVENT_DATE, "March 25")]


def test_a_weekday_in_the_draft_is_resolved_against_the_drafts_date(seeds: Corpus) -> None:
    # Written on Friday 2 April 2021: Thursday is 1 April, Wednesday 31 March.
    assert seeds.flags(CALL.format("On Thursday"), on="2021-04-02") == []
    assert seeds.flagged(CALL.format("On Wednesday"), on="2021-04-02") == [(Kind.EVENT_DATE, "Wednesday")]


def test_last_weekday_from_a_later_draft_reaches_back_to_the_same_day(seeds: Corpus) -> None:
    # Written on Monday 5 April 2021: "last Thursday" is 1 April.
    assert seeds.flags(CALL.format("Last Thursday"), on="2021-04-05") == []


def test_the_same_weekday_written_a_week_later_is_another_day(seeds: Corpus) -> None:
    # Written on Friday 9 April 2021, "on Thursday" is 8 April: a week after the call.
    assert seeds.flagged(CALL.format("On Thursday"), on="2021-04-09") == [(Kind.EVENT_DATE, "Thursday")]


@pytest.mark.parametrize(
    ("when", "on", "flagged"),
    [
        ("last September", "2021-04-02", False),
        ("last October", "2021-04-02", True),
        ("in September 2020", "2021-04-02", False),
    ],
    ids=["last September, said in 2021", "last October", "the month it resolves to"],
)
def test_last_month_name_is_resolved_against_the_articles_date(
    seeds: Corpus, when: str, on: str, flagged: bool
) -> None:
    # 002 is dated 2021-03-27 and says the talks "began last September": September 2020.
    draft = f"The peace talks between the government and the Taliban began {when} in Doha."
    assert bool(seeds.flags(draft, on=on)) is flagged


def test_this_week_in_a_source_covers_the_days_of_its_week(seeds: Corpus) -> None:
    # 000 (Thursday 1 April 2021): Cavusoglu "this week met" Ghani, i.e. between 29 March and 4 April.
    draft = "Turkish Foreign Minister Mevlut Cavusoglu on {} met Afghan President Ashraf Ghani in Tajikistan."
    assert seeds.flags(draft.format("March 30"), on="2021-04-02") == []
    assert seeds.flagged(draft.format("March 20"), on="2021-04-02") == [(Kind.EVENT_DATE, "March 20")]


def test_this_week_in_a_draft_means_the_drafts_week(seeds: Corpus) -> None:
    draft = (
        "Turkish Foreign Minister Mevlut Cavusoglu this week met Afghan President Ashraf Ghani in Tajikistan."
    )
    assert seeds.flags(draft, on="2021-04-02") == []
    assert seeds.flagged(draft, on="2021-04-16") == [(Kind.EVENT_DATE, "this week")]


def test_a_weekday_in_an_html_article_dated_by_its_manifest(transit: Corpus) -> None:
    # crosstown-opens.html is dated Thursday 15 May 2025 by the manifest and says "on Thursday".
    draft = "The Crosstown line opened to passengers {}."
    assert transit.flags(draft.format("on May 15"), on="2025-05-16") == []
    assert transit.flags(draft.format("last Thursday"), on="2025-05-20") == []
    assert transit.flagged(draft.format("on May 8"), on="2025-05-16") == [(Kind.EVENT_DATE, "May 8")]


def test_next_month_in_a_source_is_the_month_after_its_date(seeds: Corpus) -> None:
    # 002 (27 March 2021): "an international gathering next month in Turkey", i.e. April 2021.
    draft = "The trip by the senior U.S. diplomat comes ahead of an international gathering {} in Turkey."
    assert seeds.flags(draft.format("this month"), on="2021-04-02") == []
    assert seeds.flags(draft.format("in April"), on="2021-04-02") == []
    assert seeds.flagged(draft.format("in May"), on="2021-04-02") == [(Kind.EVENT_DATE, "May")]


def test_so_long_since_an_event_dates_the_event(corpus_of: CorpusOf) -> None:
    # "18 months since" the takeover of 10 December 2024, said on 13 March 2026: it was 15 months.
    corpus = corpus_of(
        {
            "takeover.txt": "date 2024-12-12\n"
            "Ilse Brandt's consortium completed its £38 million takeover of Harwick Town on Tuesday.\n"
        }
    )
    draft = "It is {} months since Ilse Brandt's consortium completed its takeover of Harwick Town."
    assert corpus.flagged(draft.format("18"), on="2026-03-13") == [(Kind.EVENT_DATE, "18 months since")]
    assert corpus.flags(draft.format("15"), on="2026-03-13") == []


def test_next_weekday_said_on_that_weekday_is_a_week_later(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "ban.txt": "date 2026-07-08\n"
            "Marsh Water is to impose a hosepipe ban on its customers from Friday, July 17, "
            "the company said on Tuesday.\n"
        }
    )
    # written on Friday 10 July 2026: "next Friday" is 17 July, not that day
    draft = "A hosepipe ban will be imposed on Marsh Water's customers from next Friday."
    assert corpus.flags(draft, on="2026-07-10") == []
    assert corpus.flagged(draft, on="2026-07-17") == [(Kind.EVENT_DATE, "next Friday")]


def test_a_weekday_of_last_week_is_that_weekday_a_week_back(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "deal.txt": "date 2026-05-13\n"
            "The agreement between the port and the union was reached at Acas late on Thursday.\n"
        }
    )
    # written on Friday 15 May 2026: "Thursday last week" is 7 May, "Thursday" alone 14 May
    draft = "The agreement between the port and the union was reached at Acas late on {}."
    assert corpus.flags(draft.format("Thursday last week"), on="2026-05-15") == []
    assert corpus.flagged(draft.format("Thursday"), on="2026-05-15") == [(Kind.EVENT_DATE, "Thursday")]


def test_a_weekday_of_a_plan_reported_in_the_past_tense_is_never_refuted(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "port.txt": "date 2026-05-13\n"
            "The harbour master, Ruth Ellery, said 11 vessels were expected to berth by Thursday.\n"
        }
    )
    # the source means Thursday 14 May; the draft, two days later, reports the same saying
    draft = "Ruth Ellery, the harbour master, said 11 vessels were expected to berth by Thursday."
    assert corpus.flags(draft, on="2026-05-15") == []
    assert corpus.flags(draft, on="2026-05-13") == []
    assert [c.claim_text for c in corpus.confirms(draft, on="2026-05-13", kind=Kind.EVENT_DATE)] == [
        "Thursday"
    ]


def test_a_date_of_saying_after_a_promise_is_the_day_it_was_said(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "funding.txt": "date 2027-03-18\n"
            "The government will pay £16 million towards repairing the Tarrant Bridge, the Department "
            "for Transport said on Wednesday.\n"
        }
    )
    # the source, of Thursday 18 March, means Wednesday 17 March; the draft is of Monday 22 March
    draft = "The Department for Transport's announcement {} of £16m for the Tarrant Bridge."
    assert corpus.flags(draft.format("last Wednesday"), on="2027-03-22") == []
    assert corpus.flagged(draft.format("last Tuesday"), on="2027-03-22") == [
        (Kind.EVENT_DATE, "last Tuesday")
    ]


@pytest.mark.parametrize(
    "sentence", ["The mayor will open the depot on Thursday.", "The depot will be opened on Thursday."]
)
def test_a_promise_in_the_passive_is_the_next_weekday(sentence: str) -> None:
    # written on Tuesday 16 March 2027: the Thursday to come
    when = read(sentence, on="2027-03-16")["Thursday"].value
    assert isinstance(when, When) and when.start == date(2027, 3, 18)


def test_a_year_ago_this_week_is_a_week_a_year_back(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"date-set.txt": "date 2026-02-11\nPassenger trains will return to the valley on Sunday, May 17.\n"}
    )
    assert corpus.flags("Trains came back to the valley a year ago this week.", on="2027-05-21") == []


@pytest.mark.parametrize(
    ("sentence", "on", "day"),
    [
        ("A one-off payment is gone by Easter.", "2026-03-18", date(2026, 4, 5)),
        ("The payment would be gone by Christmas.", "2026-03-20", date(2026, 12, 25)),
        ("Sales were strong last Christmas.", "2026-03-20", date(2025, 12, 25)),
        ("We expect restraint until Easter.", "2026-11-25", date(2027, 3, 28)),
    ],
    ids=["Easter this spring", "Christmas to come", "last Christmas", "the next Easter"],
)
def test_a_feast_is_the_date_nearest_the_text(sentence: str, on: str, day: date) -> None:
    found = {text: m for text, m in read(sentence, on=on).items() if text.endswith(("Easter", "Christmas"))}
    [when] = [m.value for m in found.values()]
    assert isinstance(when, When) and when.start == day


def test_every_saturday_is_no_date(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "refunds.txt": "date 2027-07-28\n"
            "The festival will refund every Saturday day-ticket holder in full after a storm, its "
            "director said on Monday.\n"
        }
    )
    draft = "Every Saturday day-ticket holder at the festival will get a full refund after a storm."
    assert corpus.flags(draft, on="2027-07-30") == []
    assert "Saturday" not in read(draft, on="2027-07-30")


def test_a_weekday_of_every_week_is_no_date(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "pool.txt": "date 2031-03-05\n"
            "The Hexton Swimming Club, which has 90 members, said it would train at Marlow Baths on "
            "Saturday mornings. Visits rose to 20,000 last year, helped by a new Friday night disco.\n"
        }
    )
    assert (
        corpus.flags("The 90-member club will train at Marlow Baths on Saturday mornings.", on="2031-03-12")
        == []
    )
    draft = "Visits reached 20,000 last year, which the baths put down to a new Friday night disco."
    assert corpus.flags(draft, on="2031-03-12") == []
    assert "Saturday" not in read("They train on Saturday mornings.", on="2031-03-12")
    assert "Friday" not in read("It holds a Friday market.", on="2031-03-12")
    assert "Friday" in read("The market opened on Friday morning.", on="2031-03-12")


def test_a_weekday_of_every_month_is_no_date(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "yard.md": "---\ndate: 2033-07-21\n---\nThe yard plans to open to visitors on the first "
            "Saturday of each month from September. Volunteers repaired the slipway on Saturday.\n"
        }
    )
    draft = "From September the yard will open to visitors on the first Saturday of every month."
    assert corpus.flags(draft, on="2033-07-26") == []
    assert "Saturday" not in read("It opens on the last Friday of the month.", on="2033-07-26")


def test_the_friday_of_the_story_is_not_refuted_by_the_texts_date(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "storm.txt": "date 2027-07-28\n"
            "The Met Office said the 48 millimetres of rain that fell on the Friday night was the most "
            "recorded in a single night at its Ashcombe weather station.\n"
        }
    )
    # written on Friday 30 July: "the Friday night" is the festival's, 23 July, not that day
    draft = (
        "The Met Office said the Friday night's rain was the most recorded in a single night at its "
        "Ashcombe station."
    )
    assert corpus.flags(draft, on="2027-07-30") == []


def test_an_ordinal_does_not_end_a_promise(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "naming.md": "---\ndate: 2027-11-17\n---\n"
            "The zoo's two tiger cubs will be seen by visitors for the first time on Saturday, the zoo "
            "said on Tuesday.\n"
        }
    )
    # the source, of Wednesday 17 November, means Saturday 20 November: "first" is no past verb
    draft = "The zoo's tiger cubs go on show to visitors for the first time {}."
    assert corpus.flags(draft.format("tomorrow"), on="2027-11-19") == []
    assert corpus.flagged(draft.format("on Sunday"), on="2027-11-19") == [(Kind.EVENT_DATE, "Sunday")]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("From Monday, part of the viewing area will be closed.", date(2027, 7, 19)),
        ("A public consultation opens on Monday and will run for 60 days.", date(2027, 7, 19)),
        ("The council approved the plan on Monday and will vote again in May.", date(2027, 7, 12)),
        ("On Monday, the council voted.", date(2027, 7, 12)),
        ("On Monday he said the council will vote.", date(2027, 7, 12)),
    ],
    ids=[
        "a promise after the date",
        "present for the future",
        "a past verb first",
        "past",
        "said, then a promise",
    ],
)
def test_a_future_marker_after_the_date_makes_it_the_next_weekday(sentence: str, day: date) -> None:
    # written on Thursday 15 July 2027
    when = read(sentence, on="2027-07-15")["Monday"].value
    assert isinstance(when, When) and when.start == day


def test_a_relative_date_in_a_quotation_counts_from_a_day_of_saying(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "collapse.txt": "date 2027-01-20\n"
            'Karen Ashworth, the regional organiser of the union, said: "The men are safe, and that is '
            'all that matters today."\n'
        }
    )
    draft = (
        '"The men are safe, and that is all that matters today," said Karen Ashworth, the union\'s '
        "regional organiser."
    )
    assert corpus.flags(draft, on="2027-01-22") == []


def test_until_a_weekday_is_until_the_coming_one(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "record.txt": "date 2028-06-14\n"
            "The weather service has issued a red heat warning for the city until Saturday.\n"
        }
    )
    assert corpus.flags("A red heat warning covers the city until tomorrow.", on="2028-06-16") == []
    assert corpus.flagged("A red heat warning covers the city until Monday.", on="2028-06-16") == [
        (Kind.EVENT_DATE, "Monday")
    ]


def test_a_timetable_in_the_present_tense_is_the_coming_day(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "eggs.txt": "date 2028-04-19\n"
            "A team of 14 volunteers will guard the nests. The nest watch starts on Thursday.\n",
            "end.md": "---\ndate: 2028-07-26\n---\n"
            "The nest watch ends next Monday. Its 22 volunteers have given 5,900 hours this season.\n",
        }
    )
    assert corpus.flags("Fourteen volunteers began guarding the nests yesterday.", on="2028-04-21") == []
    draft = "The nest watch, whose 22 volunteers have given 5,900 hours, finishes on Monday."
    assert corpus.flags(draft, on="2028-07-28") == []
    assert read("He told parents on Tuesday.", on="2028-04-19")["Tuesday"].value == When(
        "tuesday", date(2028, 4, 18), date(2028, 4, 18), "day", 1
    )


def test_a_span_of_weekdays_is_every_week_s_not_a_date() -> None:
    found = read(
        "The centre will open five days a week, Wednesday to Sunday, from February.", on="2030-01-16"
    )
    assert "Wednesday" not in found and "Sunday" not in found and "February" in found
    stretch = read("The lift will be shut from Friday to Monday.", on="2030-01-16")
    assert "Friday" in stretch and "Monday" in stretch


def test_last_weekday_of_the_same_week_can_agree_but_not_refute(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "inspection.md": "---\ndate: 2029-03-21\n---\n"
            "Inspectors from Dunfield District Council who visited the central bakery on Thursday found "
            "custard kept at 14C.\n"
        }
    )
    draft = "Dunfield District Council's inspection of the central bakery {} found custard kept at 14C."
    assert corpus.flags(draft.format("last Thursday"), on="2029-03-23") == []  # the 15th or the 22nd
    assert corpus.flagged(draft.format("on Tuesday"), on="2029-03-23") == [(Kind.EVENT_DATE, "Tuesday")]
    assert (
        "supposed"
        not in read("The inspection last Thursday found it.", on="2029-03-26")["last Thursday"].slot.marks
    )


def test_a_timetable_verb_before_its_complement_tells_the_coming_day() -> None:
    # said on Thursday 26 June: "leaves ... on Monday" is the coming Monday, the 30th
    found = read(
        "Jonas Brandt, who leaves as project director on Monday, said he was proud.", on="2031-06-26"
    )
    assert found["Monday"].value.start == date(2031, 6, 30)


def test_this_weekday_is_the_one_of_the_week_it_is_said_in() -> None:
    # Monday 28 October 2030: "this Wednesday" is two days ahead; on Friday 1 November, two behind
    meeting = read("Residents can raise questions at a public meeting this Wednesday.", on="2030-10-28")
    assert meeting["this Wednesday"].value.start == date(2030, 10, 30)
    meeting = read("Residents raised questions at a public meeting this Wednesday.", on="2030-11-01")
    assert meeting["this Wednesday"].value.start == date(2030, 10, 30)


def test_a_span_of_weekdays_ends_on_the_first_such_day_after_its_start(corpus_of: CorpusOf) -> None:
    # Wednesday 9 April 2031: "from Monday to Saturday" is 14 to 19 April, not a Saturday gone by
    hours = read("The food bank will hand out parcels from Monday to Saturday, 10am to 2pm.", on="2031-04-09")
    assert (hours["Monday"].value.start, hours["Saturday"].value.start) == (
        date(2031, 4, 14),
        date(2031, 4, 19),
    )
    corpus = corpus_of(
        {
            "opening.md": "---\ndate: 2031-04-09\n---\n"
            "The food bank will hand out parcels from Monday to Saturday.\n"
        }
    )
    assert corpus.flags("Parcels will be handed out from Monday to Saturday.", on="2031-04-14") == []


def test_more_than_so_long_ago_is_any_time_before(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "closure.txt": "date 2033-01-19\n"
            "The fire authority announced on Monday a plan to close the station.\n"
        }
    )
    draft = (
        "Since the plan to close the station was announced more than five weeks ago, crews have been busy."
    )
    assert corpus.flags(draft, on="2033-02-25") == []
    soon = "The plan to close the station was announced less than a week ago."
    assert corpus.flagged(soon, on="2033-02-25") == [(Kind.EVENT_DATE, "a week ago")]


def test_two_weekdays_of_last_week_are_both_last_weeks(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "rain.txt": "date 2033-01-13\n"
            "The clerk of the course said 41 millimetres of rain had fallen on Monday and Tuesday.\n"
        }
    )
    # written on Monday 17 January 2033: "Monday and Tuesday of last week" are 10 and 11 January,
    # "Monday" alone of that week is not today
    draft = "The clerk said 41 millimetres of rain fell on {} of last week."
    assert corpus.flags(draft.format("Monday and Tuesday"), on="2033-01-17") == []
    assert corpus.flags(draft.format("Tuesday"), on="2033-01-17") == []
    assert corpus.flagged(draft.format("Wednesday and Thursday"), on="2033-01-17") != []


def test_a_timetable_with_a_plural_subject_is_the_coming_day(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "opened.md": "---\ndate: 2034-07-07\n---\n"  # a Friday
            "Guided tours of the restored mill begin on Saturday and are fully booked until September.\n"
        }
    )
    assert read("Guided tours of the mill begin on Saturday.", on="2034-07-07")[
        "Saturday"
    ].value.start == date(2034, 7, 8)
    assert corpus.flags("Guided tours of the mill started on Saturday.", on="2034-07-11") == []
    # an infinitive or a modal is no timetable: "agreed to open on Saturday" is the one just gone
    assert read("The traders agreed to open on Saturday.", on="2034-07-07")["Saturday"].value.start == date(
        2034, 7, 1
    )


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Applications open a week today.", date(2036, 2, 18)),
        ("The shop reopens a fortnight tomorrow.", date(2036, 2, 26)),
    ],
)
def test_a_week_today_counts_ahead_from_the_day_of_writing(sentence: str, day: date) -> None:
    (when,) = [m.value for m in read(sentence, on="2036-02-11").values() if isinstance(m.value, When)]
    assert (when.start, when.end) == (day, day)


def test_a_rate_a_week_is_no_day_ahead() -> None:
    assert not any(
        isinstance(m.value, When) and m.value.start != date(2036, 2, 11)
        for m in read("It costs £5 a week today.", on="2036-02-11").values()
    )


def test_a_date_a_participle_gives_a_noun_is_past_whatever_the_clause_will_do() -> None:
    found = read("The rink will open on September 1, earlier than the date set in May.", on="2029-07-03")
    assert found["May"].value.start == date(2029, 5, 1)
    assert read("The pool will reopen in May.", on="2029-07-03")["May"].value.start == date(2030, 5, 1)
