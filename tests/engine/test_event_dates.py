"""Event date: who did what, when, in any common way of writing a date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factlint.model import Kind
from factlint.slots.model import When

from .checking import Corpus, CorpusOf, read, source_names

CALL = "{}, US Secretary of Defence Lloyd Austin called Turkish Defence Minister Hulusi Akar."


@pytest.mark.parametrize(
    ("when", "on"),
    [("On March 31", "2021-04-05"), ("On 31 March", "2021-04-05"), ("On March 31, 2021", "2021-06-01")],
    ids=["Month D", "D Month", "Month D, YYYY"],
)
def test_an_absolute_date_other_than_the_sources_is_flagged(seeds: Corpus, when: str, on: str) -> None:
    [finding] = seeds.flags(CALL.format(when), on=on)
    assert finding.kind is Kind.EVENT_DATE
    assert finding.claim_text == when.removeprefix("On ")
    assert source_names(finding) == {"000_a0f80ff5c1b36328.txt", "001_b29daaf1fc701ae9.txt"}


@pytest.mark.parametrize(
    ("when", "on"),
    [("On April 1", "2021-04-05"), ("On 1 April", "2021-04-05"), ("On April 1, 2021", "2021-06-01")],
    ids=["Month D", "D Month", "Month D, YYYY"],
)
def test_the_sources_date_in_any_form_passes(seeds: Corpus, when: str, on: str) -> None:
    assert seeds.flags(CALL.format(when), on=on) == []


def test_a_deadline_is_an_event_with_a_date(seeds: Corpus) -> None:
    draft = "The Trump administration agreed to pull the remainder of US troops out of Afghanistan by {}."
    assert seeds.flagged(draft.format("June 1"), on="2021-04-02") == [(Kind.EVENT_DATE, "June 1")]
    assert seeds.flags(draft.format("May 1"), on="2021-04-02") == []


def test_a_month_and_year_are_compared_as_a_month(seeds: Corpus) -> None:
    draft = "The peace talks between the government and the Taliban began in {} in Doha."
    assert seeds.flagged(draft.format("October 2020"), on="2021-04-02") == [(Kind.EVENT_DATE, "October 2020")]
    assert seeds.flags(draft.format("September 2020"), on="2021-04-02") == []


def test_a_year_is_compared_as_a_year(transit: Corpus) -> None:
    draft = "The last tram ran in {}, when the council replaced the network with buses."
    assert transit.flagged(draft.format(1958), on="2025-05-16") == [(Kind.EVENT_DATE, "1958")]
    assert transit.flags(draft.format(1957), on="2025-05-16") == []


def test_a_when_clause_dates_its_own_event_too(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "mill.txt": "date 2028-03-15\n"
            "Ada Rusk started weaving in a shed behind the Swan inn by the canal in 1851. The firm "
            "moved its looms to Dray Lane in 1902, when the engine house was built.\n"
        }
    )
    draft = "The engine house was built {} years ago, when the firm moved its looms."
    assert corpus.flagged(draft.format(116), on="2028-03-17") == [(Kind.EVENT_DATE, "116 years ago")]
    assert corpus.flags(draft.format(126), on="2028-03-17") == []


def test_the_verbs_of_two_when_clauses_need_not_match(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "fire.txt": "date 2024-07-09\n"
            "Residents of Osk Vale were ordered to leave at 6pm on Monday, when the wind turned and "
            "pushed the fire towards the village.\n"
        }
    )
    draft = "The order to leave Osk Vale came at 6pm on {}, when the wind swung round towards the village."
    assert corpus.flagged(draft.format("Tuesday"), on="2024-07-10") == [(Kind.EVENT_DATE, "Tuesday")]
    assert corpus.flags(draft.format("Monday"), on="2024-07-10") == []


def test_a_relative_clause_dates_what_it_is_about(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "season.md": "---\ndate: 2028-01-05\n---\n"
            "Despite the storms, 18,400 people have skied at the centre since it opened on December 4, "
            "well ahead of the 11,200 at the same point last season.\n"
        }
    )
    draft = "The four-seat lift, which opened on February 19, can move 1,800 people an hour."
    assert corpus.flags(draft, on="2028-03-31") == []
    assert corpus.flagged("The centre, which opened on December 9, is busy.", on="2028-03-31") == [
        (Kind.EVENT_DATE, "December 9")
    ]


def test_a_later_time_does_not_refute_the_first(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "grant.md": "---\ndate: 2027-06-09\n---\n"
            "Tollbar Museum has been given £250,000 towards buying the Roman coin hoard found at Brindle "
            "Lane, the museum announced on Tuesday.\n"
        }
    )
    draft = "When the Roman coin hoard was {} announced in March, it was put at 1,240 coins."
    assert corpus.flags(draft.format("first"), on="2027-06-11") == []
    assert corpus.flagged(draft.format("finally"), on="2027-06-11") == [(Kind.EVENT_DATE, "March")]


def test_two_first_times_are_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "vote.md": "---\ndate: 2025-06-11\n---\n"
            '"Arthur Dunmore sold his first biscuits from a handcart in 1921," the chief executive said.\n'
        }
    )
    draft = "She recalled that Arthur Dunmore had first sold biscuits from a handcart in 1912."
    assert corpus.flagged(draft, on="2025-06-13") == [(Kind.EVENT_DATE, "1912")]


def test_the_first_few_of_something_are_no_first_time() -> None:
    found = read("The first 164 homes are now expected in June 2032.", on="2029-12-07")
    assert "first-time" not in found["June 2032"].slot.marks
    assert (
        "first-time" in read("The hoard was first announced in March.", on="2027-06-11")["March"].slot.marks
    )


def test_a_date_that_will_come_is_read_in_the_coming_year(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "route.txt": "date 2029-04-30\n"
            "The 2029 Tour of Brack will start in Kestwick on Sunday May 13, the organisers said.\n",
            "prize.md": "---\ndate: 2029-06-20\n---\n"
            "The 2030 Tour of Brack will start in Aldermouth on May 12, with eight stages.\n",
        }
    )
    draft = "The 2030 Tour of Brack, with eight stages, will start on {} in Aldermouth."
    assert corpus.flags(draft.format("May 12"), on="2029-06-22") == []
    assert corpus.flagged(draft.format("May 19"), on="2029-06-22") == [(Kind.EVENT_DATE, "May 19")]
    assert read(draft.format("May 12"), on="2029-06-22")["May 12"].value.start == date(2030, 5, 12)
    assert "2030" not in read(draft.format("May 12"), on="2029-06-22")


def test_a_date_weeks_ahead_is_another_occasion_than_a_past_one(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "delay.txt": "date 2029-02-14\n"
            "Its images will be received at a new ground station at Brannoch, which opened in November.\n"
        }
    )
    draft = "The mission director has promised a public open day at Brannoch in August."
    assert corpus.flags(draft, on="2029-06-22") == []
    assert corpus.flagged("The ground station at Brannoch opened in August.", on="2029-06-22") == [
        (Kind.EVENT_DATE, "August")
    ]


@pytest.mark.parametrize(
    ("sentence", "when", "year"),
    [
        ("The ground station opened in August.", "August", 2028),
        ("The station will open in August.", "August", 2029),
        ("The race will start on May 12.", "May 12", 2030),
        ("The programme is to be unveiled in August.", "August", 2029),
        ("The council said it would decide in May.", "May", 2029),
    ],
)
def test_the_year_of_a_date_written_without_one_follows_the_tense(
    sentence: str, when: str, year: int
) -> None:
    value = read(sentence, on="2029-06-22")[when].value
    assert value.start.year == year


@pytest.mark.parametrize(
    ("sentence", "when", "event"),
    [
        ("The result was announced by the Westmarch Teachers' Union on Wednesday.", "Wednesday", "announce"),
        ("Eleven of the 42 routes stopped running on Tuesday.", "Tuesday", "stop"),
        ("Eleven routes were halted on Wednesday.", "Wednesday", "stop"),
        ("On August 19, the case will first be heard at Teesside Magistrates' Court.", "August 19", "hear"),
    ],
    ids=["agent with an apostrophe", "verb and its gerund", "synonym", "opening date"],
)
def test_the_event_a_date_dates(sentence: str, when: str, event: str) -> None:
    assert read(sentence, on="2030-01-18")[when].slot.head == event


def test_a_place_visited_is_not_whose_day_it_was(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "saved.txt": "date 2030-03-20\n"
            "Lukas Brenner, Corvanta's chief executive, who visited the factory on March 13, said the "
            "company had listened to Hollinsby.\n",
            "line.md": "---\ndate: 2030-04-25\n---\n"
            "Nadia Ferreira, who will take over as managing director on July 1, visited the factory on "
            "Wednesday and met the union.\n",
        }
    )
    draft = (
        "Nadia Ferreira, who currently runs Corvanta's Ghent plant, visited Hollinsby {} and met the union."
    )
    assert corpus.flags(draft.format("last Wednesday"), on="2030-04-29") == []


def test_the_time_of_one_count_is_not_refuted_by_the_time_of_another(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "record.md": "---\ndate: 2031-01-15\n---\n"
            "The food bank handed out a record 18,400 parcels last year.\n"
        }
    )
    # January's 1,720 parcels and last year's 18,400 are two counts, each with its own time
    assert corpus.flags("The food bank handed out 1,720 parcels in January.", on="2031-03-24") == []


def test_a_date_beside_a_figure_of_another_act_is_still_checked(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "bid.md": "---\ndate: 2029-03-01\n---\n"
            "Brennock Coaches, which runs 212 buses and employs about 560 people, was founded in 1994.\n"
        }
    )
    draft = "Brennock Coaches, which was founded in 1998, employs about 560 people and runs 212 buses."
    assert corpus.flagged(draft, on="2029-03-09") == [(Kind.EVENT_DATE, "1998")]


def test_due_back_is_a_return(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "camp.md": "---\ndate: 2030-06-27\n---\nThe team is due to return to Hallbrook on August 14.\n",
            "extended.md": "---\ndate: 2030-07-18\n---\n"
            "The institute said the expedition would be extended by two weeks, with the team now due back "
            "in Hallbrook on August 28 instead of August 14.\n",
        }
    )
    draft = "Its report draws on this summer's 12-week expedition, which returned to Hallbrook on August {}."
    assert corpus.flags(draft.format(28), on="2030-09-23") == []
    assert corpus.flagged(draft.format(21), on="2030-09-23") == [(Kind.EVENT_DATE, "August 21")]


@pytest.mark.parametrize(
    ("source", "draft"),
    [
        (
            "On Monday the council cancelled the ferry contract.",
            "The council scrapped the ferry contract on {}.",
        ),
        ("On Monday the trust paid £2m for the mill.", "The trust spent £2m on the mill on {}."),
        (
            "The tigress gave birth to three cubs at the zoo on Sunday; the smallest died on Monday.",
            "{}'s death of the smallest cub, weak from birth, was announced by the zoo.",
        ),
    ],
    ids=["cancel, scrap", "pay, spend", "die, death (a noun a figure may count too)"],
)
def test_an_event_named_with_another_verb_of_news_is_the_same_event(
    corpus_of: CorpusOf, source: str, draft: str
) -> None:
    corpus = corpus_of({"news.md": f"---\ndate: 2030-03-06\n---\n{source}\n"})
    assert corpus.flags(draft.format("Monday"), on="2030-03-08") == []
    assert corpus.flagged(draft.format("Tuesday"), on="2030-03-08") == [(Kind.EVENT_DATE, "Tuesday")]


def test_what_had_been_due_is_a_plan_since_overtaken(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "vote.txt": "date 2033-05-18\n"
            "Station commander Lee Vance said the second engine would be moved to Pellham in July.\n",
            "building.md": "---\ndate: 2033-06-29\n---\nThe station's second fire engine left for Pellham on "
            "June 20, earlier than planned.\n",
        }
    )
    draft = "Marrowby's second fire engine, which had been due to go in July, left for Pellham on June 20."
    assert "previous" in read(draft, on="2033-07-02")["July"].slot.marks
    assert corpus.flags(draft, on="2033-07-02") == []


def test_what_was_due_before_a_new_date_now_given_is_a_plan_since_overtaken(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "slipway.md": "---\ndate: 2033-07-21\n---\nThe slipway repairs, which began on July 11, are "
            "now expected to finish on August 8 instead of August 1.\n"
        }
    )
    draft = (
        "The slipway repairs began on July 11 and were due to end on August 1, but should now finish on {}."
    )
    assert "previous" in read(draft.format("August 8"), on="2033-07-26")["August 1"].slot.marks
    assert corpus.flags(draft.format("August 8"), on="2033-07-26") == []
    assert (
        "previous"
        not in read("The repairs were due to end on August 1.", on="2033-07-26")["August 1"].slot.marks
    )


def test_a_planned_date_a_later_source_gives_otherwise_is_in_doubt(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "captain.md": "---\ndate: 2033-06-21\n---\n"
            "Club chairman Philippa Marsh said the rebuilding of the roof would begin on August 1 and "
            "take about ten weeks, so the pavilion should reopen in mid-October.\n",
            "ferrisford.txt": "date 2033-07-19\n"
            "Philippa Marsh said the start of the roof rebuild had been put back two weeks, to August 15, "
            "because the slate supplier could not deliver until August.\n",
        }
    )
    draft = (
        "Work on the new roof started on August 15 and should take about ten weeks, with the pavilion "
        "due to reopen on October 14."
    )
    assert corpus.flags(draft, on="2033-08-26") == []


def test_a_date_earlier_or_later_than_the_one_set_before_leaves_that_one_old(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "date.md": "---\ndate: 2029-05-10\n---\nThe skatepark will open on July 9, the council said.\n",
            "opening.md": "---\ndate: 2029-06-28\n---\n"
            "The skatepark will open on September 1, two weeks earlier than expected.\n",
        }
    )
    draft = "The skatepark will open on September 1, two weeks {} than the September 15 date set in May."
    assert "previous" in read(draft.format("earlier"), on="2029-07-03")["September 15"].slot.marks
    assert corpus.flags(draft.format("earlier"), on="2029-07-03") == []
    assert (
        "previous" not in read("It must open no later than June 30.", on="2029-07-03")["June 30"].slot.marks
    )


def test_another_sort_of_event_is_another_event(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "cooperative.md": "---\ndate: 2029-03-29\n---\n"
            "The co-operative will hold a public meeting at St Wilfrid's church on April 3.\n"
        }
    )
    assert (
        corpus.flags(
            "The co-operative's first annual general meeting is planned for September 12.", on="2029-05-28"
        )
        == []
    )
    assert corpus.flagged(
        "The co-operative will hold a public meeting at St Wilfrid's church on April 5.", on="2029-03-30"
    ) == [(Kind.EVENT_DATE, "April 5")]


def test_this_years_event_is_not_refuted_by_next_years(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "future.md": "---\ndate: 2035-07-18\n---\n"
            "The field will be raised to 450 runners for next year's race, which will be held on "
            "Saturday June 14, 2036.\n"
        }
    )
    draft = "This year's race has now raised £6,850 for the mountain rescue team."
    assert corpus.flags(draft, on="2035-07-23") == []


SERVICE = {
    "plans.txt": "date 2034-02-15\nServices would start on May 1 and run from 6.30am to 10pm.\n",
    "delay.txt": "date 2034-03-15\nThe launch of the river bus service has been put back from May 1 to "
    "June 12 after one of its boats failed its sea trials.\n",
    "chief.txt": "date 2034-05-17\nThe launch of the river bus has been put back a second time, from "
    "June 12 to June 19, because the fourth boat will not arrive until June 2.\n",
}


def test_a_value_a_later_source_gives_as_the_old_one_refutes_nothing(corpus_of: CorpusOf) -> None:
    # the plan's May 1 was put back twice by the draft's date: it no longer says when the service starts
    draft = "The launch has slipped, and the service will now begin on June 19 rather than June 12."
    assert corpus_of(SERVICE).flags(draft, on="2034-05-20") == []


@pytest.mark.parametrize(
    ("sentence", "date", "named"),
    [
        ("Fares rose after Tuesday's committee meeting.", "Tuesday", True),
        ("Sunday night's landing went well.", "Sunday", True),
        ("The lifeboat station opened six years ago.", "six years ago", True),
        ("The committee met on Tuesday.", "Tuesday", False),
        ("The station opened in 2027.", "2027", False),
    ],
)
def test_a_date_that_names_its_event_is_as_pinned_as_a_counted_figure(
    sentence: str, date: str, named: bool
) -> None:
    """ "Tuesday's meeting", "opened six years ago" say which event as "12 stations" says which
    figure, so they contradict on as much shared wording as a figure does (`CONTRADICT`)."""
    assert ("named" in read(sentence, on="2033-08-08")[date].slot.marks) is named


def test_a_date_a_source_only_supposes_refutes_nothing(corpus_of: CorpusOf) -> None:
    """ "would be to get every member through to next year's harvest": a date inside what someone
    hopes, with no day of saying of its own, can agree with a draft but not refute it. (The frost
    topic's corpus: the draft's "He" borrows the new president's names, so the two statements
    read alike.)"""
    folder = Path(__file__).parent.parent / "corpora" / "paraphrase" / "frost"
    corpus = corpus_of({p.name: p.read_text() for p in (folder / "corpus").iterdir()})
    draft = (folder / "cases" / "vaudrenne-cooperative-2031-07-11.md").read_text()
    dates = [f.claim_text for f in corpus.flags(draft, on=None) if f.kind is Kind.EVENT_DATE]
    assert "May" not in dates


def test_a_year_before_its_event_dates_the_event(corpus_of: CorpusOf) -> None:
    """ "the 1998 flood": the year names which flood, and so dates it."""
    corpus = corpus_of(
        {"bridge.md": "---\ndate: 2031-03-04\n---\nThe old bridge was swept away by a flood in 1998.\n"}
    )
    draft = "The {} flood swept the old bridge away."
    assert corpus.flags(draft.format(1998), on="2031-03-06") == []
    assert corpus.flagged(draft.format(1989), on="2031-03-06") == [(Kind.EVENT_DATE, "1989")]


@pytest.mark.parametrize(
    ("written", "first", "last"),
    [("1960s", "1960-01-01", "1969-12-31"), ("1700s", "1700-01-01", "1799-12-31")],
    ids=["a decade", "a century's hundreds"],
)
def test_a_year_with_s_spans_its_decade_or_its_century(written: str, first: str, last: str) -> None:
    when = read(f"The mill was built in the {written}.", on="2034-03-07")[written].value
    assert isinstance(when, When)
    assert (when.start, when.end) == (date.fromisoformat(first), date.fromisoformat(last))


def test_a_noun_of_a_latin_verb_dates_the_verb_s_event(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "plans.txt": "date 2034-03-08\nNorcott Data submitted its planning application to the "
            "council on Monday.\n"
        }
    )
    draft = "The submission of Norcott Data's planning application on {} was followed by a public meeting."
    assert corpus.flagged(draft.format("March 13"), on="2034-05-22") == [(Kind.EVENT_DATE, "March 13")]
    assert corpus.flags(draft.format("March 6"), on="2034-05-22") == []
