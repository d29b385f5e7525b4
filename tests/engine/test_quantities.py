"""Quantity: a number and what it counts, compared with the figure the sources give."""

from __future__ import annotations

from datetime import date

import pytest

from factlint.model import Kind

from .checking import Corpus, CorpusOf, lexicon, read, source_names

ON = "2021-04-02"


def test_a_different_troop_count_is_flagged_with_the_sources_figure(seeds: Corpus) -> None:
    [finding] = seeds.flags("The US has 3,000 troops in Afghanistan.", on=ON)
    assert (finding.kind, finding.claim_text) == (Kind.QUANTITY, "3,000")
    assert finding.expected == ("2,500",)
    assert "2,500" in finding.message


def test_the_troop_count_the_sources_give_passes(seeds: Corpus) -> None:
    assert seeds.flags("The US has 2,500 troops in Afghanistan.", on=ON) == []
    [confirmed] = seeds.confirms("The US has 2,500 troops in Afghanistan.", on=ON, kind=Kind.QUANTITY)
    assert confirmed.claim_text == "2,500"


@pytest.mark.parametrize(
    ("draft", "claim", "on"),
    [
        (
            "On Tuesday, the Taliban fired three missiles at a coalition military base in Khost province.",
            "three",
            ON,
        ),
        (
            "The Taliban said they want agreement on five issues for any deal to be signed.",
            "five",
            "2019-03-13",
        ),
    ],
    ids=["number word: missiles", "number word: core issues"],
)
def test_a_wrong_number_word_is_flagged(seeds: Corpus, draft: str, claim: str, on: str) -> None:
    assert seeds.flagged(draft, on=on) == [(Kind.QUANTITY, claim)]


@pytest.mark.parametrize(
    ("draft", "on"),
    [
        ("On Tuesday, the Taliban fired two missiles at a coalition military base in Khost province.", ON),
        ("The Taliban said they want agreement on four issues for any deal to be signed.", "2019-03-13"),
        (
            "The Taliban's five-year rule over at least three quarters of Afghanistan came to an end.",
            "2019-03-13",
        ),
    ],
    ids=["two missiles", "four issues", "fraction: three quarters"],
)
def test_the_sources_numbers_pass(seeds: Corpus, draft: str, on: str) -> None:
    assert seeds.flags(draft, on=on) == []


def test_money_in_millions_is_compared_by_value(transit: Corpus) -> None:
    [finding] = transit.flags("The final bill for the project came to £600 million.", on="2025-05-16")
    assert (finding.kind, finding.claim_text) == (Kind.QUANTITY, "600 million")
    assert source_names(finding) == {"crosstown-opens.html"}
    assert transit.flags("The final bill for the project came to £550 million.", on="2025-05-16") == []


def test_decimal_measures_are_compared(transit: Corpus) -> None:
    draft = (
        "The 9.8-kilometre line will run from the Millbrook depot in the west to Harbour Gate in the east."
    )
    assert transit.flagged(draft, on="2023-03-15") == [(Kind.QUANTITY, "9.8-kilometre")]
    assert transit.flags(draft.replace("9.8", "11.2"), on="2023-03-15") == []


def test_a_count_written_with_a_thousands_separator_is_compared(transit: Corpus) -> None:
    draft = "The council expects {} journeys a day once the line is fully open."
    assert transit.flagged(draft.format("80,000"), on="2023-03-15") == [(Kind.QUANTITY, "80,000")]
    assert transit.flags(draft.format("60,000"), on="2023-03-15") == []


def test_a_total_over_another_span_is_another_figure(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "month.txt": "date 2026-06-17\n"
            "The reopened Kestrel Valley line carried 118,000 journeys in its first four weeks.\n"
        }
    )
    draft = "The Kestrel Valley line carried {} journeys in its first {}."
    assert corpus.flags(draft.format("1.9 million", "year"), on="2027-05-21") == []
    assert corpus.flagged(draft.format("181,000", "four weeks"), on="2026-06-20") == [
        (Kind.QUANTITY, "181,000")
    ]


def test_figures_listed_after_a_share_are_shares_of_their_own_owners(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "poll.txt": "date 2025-04-09\n"
            "A poll of 600 viewers by Eastlight Research found that 41 per cent backed Osei, against "
            "30 per cent for Tandy, 22 per cent for Lorne and 7 per cent for Vance.\n"
        }
    )
    draft = (
        "In Eastlight Research's poll, 41 per cent backed Osei, with Tandy on 30, Lorne on {} and Vance on 7."
    )
    assert corpus.flags(draft.format("22"), on="2025-04-10") == []
    assert corpus.flagged(draft.format("24"), on="2025-04-10") == [(Kind.QUANTITY, "24")]


def test_a_bound_another_figure_of_the_story_fits_is_still_compared(corpus_of: CorpusOf) -> None:
    # 21,000 journeys booked for the summer are "more than 5,800", but not the first day's figure.
    corpus = corpus_of(
        {
            "day.txt": "date 2026-05-18\n"
            "More than 5,200 journeys were made on the Kestrel line on Sunday, its first day of service. "
            "\nAdvance bookings for the summer have passed 21,000 journeys, the operator said.\n"
        }
    )
    draft = "More than {} journeys were made on the Kestrel line on its first day of service."
    assert corpus.flagged(draft.format("5,800"), on="2026-05-20") == [(Kind.QUANTITY, "5,800")]
    assert corpus.flags(draft.format("5,200"), on="2026-05-20") == []


def test_a_figure_wished_for_or_supposed_is_not_a_figure_stated(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "family.txt": "date 2025-03-01\nMaria Lenz's 12th child is due in July, the family said.\n",
            "fight.txt": "date 2025-03-01\nThe first fight between Ruiz and Okafor lasted one round.\n",
        }
    )
    assert corpus.flags("Maria Lenz wants to try for a 13th child after July.", on="2025-03-02") == []
    assert corpus.flagged("Maria Lenz's 13th child is due in July.", on="2025-03-02") == [
        (Kind.QUANTITY, "13th")
    ]
    assert (
        corpus.flags(
            "Ruiz could earn £6m if the fight between Ruiz and Okafor lasts 12 rounds.", on="2025-03-02"
        )
        == []
    )


def test_a_hyphened_count_counts_the_noun_after_the_hyphen(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "station.txt": "date 2025-09-24\n"
            "The car park at Drayfield Parkway, the largest station, will have 450 spaces.\n"
        }
    )
    draft = "Drayfield Parkway, the largest of the stations, will get a {}-space car park."
    assert corpus.flagged(draft.format(540), on="2025-09-26") == [(Kind.QUANTITY, "540")]
    assert corpus.flags(draft.format(450), on="2025-09-26") == []


def test_a_figure_one_article_gives_several_values_is_not_refuted(corpus_of: CorpusOf) -> None:
    # The article's points fill three slots; which one "a 10-point lead" is, nothing says.
    corpus = corpus_of(
        {
            "league.txt": "date 2025-03-01\n"
            "Harwick and Dunmore meet in the league with 31 points separating them. "
            "Dunmore are five points from the top of the league. "
            "The bottom sides of the league are separated by seven points.\n"
        }
    )
    assert corpus.flags("Harwick are 10 points clear at the top of the league.", on="2025-03-02") == []


@pytest.mark.parametrize(
    ("source", "draft"),
    [
        (
            "The Kestrel line opened last May. It cost £276m to build.",
            "The Kestrel line opened a year ago. It cost £271m to build.",
        ),
        ("The council paid £276m for the Kestrel line.", "The council paid £271m for the Kestrel line."),
    ],
    ids=["past form like the present", "irregular past"],
)
def test_a_figure_of_a_finished_event_holds_however_old_its_source(
    corpus_of: CorpusOf, source: str, draft: str
) -> None:
    # a year on, a figure that changes would have left the 180-day window; a finished one has not
    corpus = corpus_of({"line.txt": f"date 2026-06-17\n{source}\n"})
    assert corpus.flagged(draft, on="2027-05-21") == [(Kind.QUANTITY, "271m")]


def test_a_figure_of_another_named_owner_does_not_refute(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "pharma.txt": "date 2024-03-01\n"
            "Corostul Pharma, based in Lagos, employs 5,758 people across 40 offices.\n"
        }
    )
    on = "2024-03-04"
    assert (
        corpus.flags("Morsal Pharma, based in Hanoi, employs 54,310 people across 34 offices.", on=on) == []
    )
    assert corpus.flagged(
        "Corostul Pharma, based in Lagos, employs 6,100 people across 40 offices.", on=on
    ) == [(Kind.QUANTITY, "6,100")]


def test_a_synonym_counts_the_same_noun_as_its_group_in_the_plural(corpus_of: CorpusOf) -> None:
    # the rules' group is [building, structure]; the lemma table makes "building" "build"
    corpus = corpus_of({"fire.txt": "date 2024-07-26\nIn all, 41 buildings have been lost to the fire.\n"})
    assert corpus.flagged("In all, 44 structures have been lost to the fire.", on="2024-07-29") == [
        (Kind.QUANTITY, "44")
    ]
    assert corpus.flags("In all, 41 structures have been lost to the fire.", on="2024-07-29") == []


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("Each patient takes a 100-milligram dose of the pill.", []),
        ("Each patient takes a 0.1-gram dose of the pill.", []),
        ("Each patient takes a 150-milligram dose of the pill.", ["150-milligram"]),
    ],
    ids=["the same dose", "in grams", "another dose"],
)
def test_small_masses_and_volumes_are_measures(corpus_of: CorpusOf, draft: str, flagged: list[str]) -> None:
    corpus = corpus_of(
        {"trial.txt": "date 2026-09-15\nEach patient takes a 100-milligram dose of the pill.\n"}
    )
    assert [f.claim_text for f in corpus.flags(draft, on="2026-09-17")] == flagged


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("A survey found that one in three riders had left the car at home.", ["one in three"]),
        ("A survey found that one in five riders had left the car at home.", []),
        ("The old scheme lasted half a dozen years.", []),
        ("The old scheme lasted eight years.", ["eight years"]),
        ("A survey found that a quarter of riders had left the car at home.", ["a quarter"]),
        ("A survey found that a fifth of riders had left the car at home.", []),
        ("A survey found that two-thirds of riders had left the car at home.", ["two-thirds"]),
    ],
    ids=["one in three", "one in five", "half a dozen", "eight", "a quarter", "a fifth", "two-thirds"],
)
def test_shares_and_dozens_in_words(corpus_of: CorpusOf, draft: str, flagged: list[str]) -> None:
    corpus = corpus_of(
        {
            "survey.txt": "date 2026-09-09\nA survey found that 20 per cent of riders had left the car "
            "at home.\n",
            "history.txt": "date 2026-03-10\nThe old scheme lasted six years.\n",
        }
    )
    assert [f.claim_text for f in corpus.flags(draft, on="2026-09-11")] == flagged


def test_a_percentage_right_after_a_verb_of_change_is_the_change(corpus_of: CorpusOf) -> None:
    corpus = corpus_of({"shares.txt": "date 2026-11-24\nShares in Halden fell by 31 per cent on Monday.\n"})
    assert corpus.flagged("Halden saw its shares fall 13 per cent on Monday.", on="2026-11-27") == [
        (Kind.QUANTITY, "13 per cent")
    ]
    assert corpus.flags("Halden saw its shares fall 31 per cent on Monday.", on="2026-11-27") == []


def test_a_later_source_with_the_drafts_value_leaves_a_changing_figure_in_doubt(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "august.txt": "date 2026-08-12\n"
            "The company's reservoirs are now 41 per cent full, and Lake Orrin, its largest, "
            "is at 27 per cent.\n",
            "november.txt": "date 2026-11-25\n"
            "The region had 162 millimetres of rain in October. Overall storage has recovered "
            "to 64 per cent, and Lake Orrin is now 55 per cent full.\n",
        }
    )
    draft = "Lake Orrin has climbed to 55 per cent, and the reservoirs as a whole are {} per cent full."
    assert corpus.flags(draft.format(64), on="2026-11-27") == []
    assert corpus.flagged(draft.format(70), on="2026-11-27") == [(Kind.QUANTITY, "70 per cent")]


def test_a_figure_sharing_only_its_counted_noun_is_another_statement(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "talks.txt": "date 2026-04-15\n"
            "The eight-day strike in March cost the company £21 million in lost revenue, and a backlog "
            "of 18,000 containers built up.\n"
        }
    )
    on = "2026-05-15"
    assert corpus.flags("The port says 2,300 containers were moved on Sunday alone.", on=on) == []
    assert corpus.flagged("A backlog of 12,000 containers built up during the strike.", on=on) == [
        (Kind.QUANTITY, "12,000")
    ]


def test_whoever_says_a_figure_does_not_own_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "february.txt": "date 2027-02-10\n"
            "The Marstow Chamber of Trade said 23 of its members had reported takings down by 30 per cent "
            "or more, and that two shops had closed.\n",
            "july.txt": "date 2027-07-14\n"
            "Marstow Chamber of Trade said four shops in the town had closed during the closure.\n",
        }
    )
    draft = "{} Marstow shops had closed during the closure, the Chamber of Trade said."
    assert corpus.flags(draft.format("Four"), on="2027-07-16") == []
    assert corpus.flagged(draft.format("Six"), on="2027-07-16") == [(Kind.QUANTITY, "Six")]


def test_an_extra_sum_is_an_increment_not_a_total(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "july.txt": "date 2027-07-14\n"
            "The department will not increase its £16 million contribution, so the council will pay "
            "the extra £3.5 million.\n"
        }
    )
    on = "2027-07-20"
    assert (
        corpus.flags("The government contributed £16m, and the council paid the remaining £11.1m.", on=on)
        == []
    )
    assert corpus.flagged("The council will pay the extra £4m.", on=on) == [(Kind.QUANTITY, "4m")]
    assert corpus.flags("The council will pay the extra £3.5m.", on=on) == []


def test_a_figure_of_a_finished_event_is_not_superseded_by_a_later_one(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "march.txt": "date 2025-03-05\n"
            "The board of Pellham Foods said on Monday that it was minded to recommend a raised "
            "takeover offer of 345p a share from Crestline Partners, valuing the Leicester biscuit "
            "maker at £1.58 billion.\n",
            "april.txt": "date 2025-04-02\n"
            "The Swiss food group Hallberg has made a rival offer for Pellham Foods worth 372p a share, "
            "valuing the Leicester biscuit maker at £1.70 billion and topping the 345p agreed with "
            "Crestline Partners last month.\n",
        }
    )
    on = "2025-04-04"
    hallberg = (
        "Hallberg's offer, which values the Leicester biscuit maker at £1.70bn, combines 72p in cash "
        "with 300p in new Hallberg shares for each Pellham share.\n\n"
    )
    crestline = "It beats the 345p agreed with Crestline in early March, which valued Pellham at {}."
    assert corpus.flags(hallberg + crestline.format("£1.58bn"), on=on) == []
    assert corpus.flagged(hallberg.replace("1.70", "1.9"), on=on) == [(Kind.QUANTITY, "1.9bn")]


def test_two_figures_of_one_sentence_swapped_are_flagged(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "ships.txt": "date 2026-03-18\n"
            "By Tuesday evening 14 ships had been diverted to other ports and nine more were waiting "
            "at anchor off Selsey Point.\n"
        }
    )
    on = "2026-03-20"
    draft = (
        "By Tuesday evening {} ships had been diverted, and {} more were waiting at anchor off Selsey Point."
    )
    assert sorted(corpus.flagged(draft.format("nine", 14), on=on)) == [
        (Kind.QUANTITY, "14"),
        (Kind.QUANTITY, "nine"),
    ]
    assert corpus.flags(draft.format(14, "nine"), on=on) == []


def test_a_figure_and_its_past_value_are_no_swap(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "strike.txt": "date 2025-10-08\n"
            "About 1,200 workers are now on strike, the union said, up from about 1,150 on the first day.\n"
        }
    )
    assert corpus.flags("About 1,200 workers are out, up from 1,150 on the first day.", on="2025-10-10") == []


def test_saying_so_does_not_make_two_counts_one_statement(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "application.txt": "date 2027-09-22\n"
            "Construction would begin in the spring of 2028, and about 700 construction workers would "
            "be on site at the busiest time, the airport said.\n"
        }
    )
    assert (
        corpus.flags("The contractor said it would recruit about 250 local workers.", on="2028-01-07") == []
    )


def test_the_old_value_of_the_same_change_is_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "licence.md": "---\ndate: 2027-10-13\n---\n"
            "Next year's festival will run from July 21 to 23, and weekend tickets will cost £255, up "
            "from £245 this year.\n"
        }
    )
    on = "2027-10-15"
    assert corpus.flagged("Weekend tickets will cost £255, up from £235 this year.", on=on) == [
        (Kind.QUANTITY, "235")
    ]
    assert corpus.flags("Weekend tickets will cost £255, up from £245 this year.", on=on) == []
    # an old value with another new value beside it is another change: judged only by agreement
    other_change = corpus.flags("Weekend tickets will cost £265, up from £235 this year.", on=on)
    assert "235" not in [f.claim_text for f in other_change]


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("Day tickets will cost £95 next year.", []),
        ("Weekend tickets will cost £265 next year.", ["265"]),
        ("Tickets will cost £265 next year.", ["265"]),
    ],
    ids=["another sort of ticket", "the same sort", "no sort said"],
)
def test_another_sort_of_the_counted_thing_is_another_figure(
    corpus_of: CorpusOf, draft: str, flagged: list[str]
) -> None:
    corpus = corpus_of(
        {
            "licence.md": "---\ndate: 2027-10-13\n---\n"
            "Next year's festival will run from July 21 to 23, and weekend tickets will cost £255.\n"
        }
    )
    assert [f.claim_text for f in corpus.flags(draft, on="2027-10-15")] == flagged


def test_a_verb_before_its_figure_names_no_sort(corpus_of: CorpusOf) -> None:
    """ "the lifeboat weighs 14 tonnes": "weighs" is the verb, not a sort of "weigh" called
    "lifeboat" that a "boat" could not be compared with."""
    corpus = corpus_of(
        {"launch.md": "---\ndate: 2031-05-02\n---\nBuilt at Cowes in 2029, the lifeboat weighs 14 tonnes.\n"}
    )
    draft = "Built at Cowes in 2029, the boat weighs {} tonnes."
    assert [f.claim_text for f in corpus.flags(draft.format(12), on="2031-05-04")] == ["12 tonnes"]
    assert corpus.flags(draft.format(14), on="2031-05-04") == []


def test_a_rate_after_the_counted_noun_leaves_the_noun_counted(corpus_of: CorpusOf) -> None:
    """ "eggs a year": "a" opens the rate, not the object of a verb "eggs"."""
    corpus = corpus_of(
        {
            "strike.md": "---\ndate: 2030-03-06\n---\n"
            "The factory makes about 1.2 million chocolate eggs each year.\n"
        }
    )
    assert (
        read("It makes 2.1 million chocolate eggs a year.", on="2030-03-11")["2.1 million"].slot.head == "egg"
    )
    draft = "Pettigrew's makes around {} million chocolate eggs a year."
    assert corpus.flagged(draft.format("2.1"), on="2030-03-11") == [(Kind.QUANTITY, "2.1 million")]
    assert corpus.flags(draft.format("1.2"), on="2030-03-11") == []


def test_a_part_of_a_named_owners_whole_counts_the_whole_noun() -> None:
    found = read("Twenty-one of Hesketh's 23 schools are now on fibre.", on="2031-06-09")["Twenty-one"]
    assert found.slot.head == "school"
    assert "part" in found.slot.marks


def test_megalitres_are_a_volume() -> None:
    found = read("The company asked for 45 megalitres a day.", on="2026-09-25")["45 megalitres"]
    assert found.slot.dimension == "volume/day"


def test_a_figure_risen_from_one_value_to_another_is_a_change_not_a_range(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "recall.md": "---\ndate: 2027-03-01\n---\n"
            "The number of break-ins linked to the faulty locks has risen from 14 to 19 since owners "
            "were warned three weeks ago.\n"
        }
    )
    draft = "Nineteen break-ins have now been linked to the locks, up from 14 when owners were warned."
    assert corpus.flags(draft, on="2027-03-03") == []
    found = read("The number has risen from 14 to 19 since March.", on="2027-03-01")
    assert "previous" in found["14"].slot.marks and "previous" not in found["19"].slot.marks


def test_the_new_value_of_a_change_counts_the_old_one_s_noun(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "pool.txt": "date 2028-01-26\n"
            "Contractors found more asbestos behind the walls of the basement. The cost of removing it has "
            "risen from £1.7 million to £2.6 million.\n\n"
            "The delay means the pool will have been closed for about ten months. The roof repairs, which "
            "will follow the removal work, will now cost £2.5 million, up from £2.3 million.\n"
        }
    )
    assert corpus.flags("Removing it will now cost £2.6m, up from £1.7m.", on="2028-01-28") == []
    found = read("The cost of removing it has risen from £1.7 million to £2.6 million.", on="2028-01-26")
    assert found["2.6 million"].slot.head == found["1.7 million"].slot.head == "cost"


def test_some_of_the_things_may_be_a_part_the_sources_give(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "strike.txt": "date 2028-01-12\n"
            "The strike is due to end on March 6. About 400 drivers are affected, most of them in Harwick, "
            "where 19 of the 34 buses are kept. The others are at Tolby and Brent.\n"
        }
    )
    assert (
        corpus.flags(
            "Some 400 drivers are affected, and 19 of the idle buses are kept in Harwick.", "2028-01-14"
        )
        == []
    )


def test_an_extra_few_are_no_sort_of_the_thing_counted(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "fund.txt": "date 2028-01-12\n"
            "The government said on Tuesday that it had raised the hardship fund from 240 million crowns "
            "to 275 million crowns to cover the extra boats.\n"
        }
    )
    draft = (
        "The government has raised its hardship fund to {} crowns after more fishing boats than "
        "expected were tied up."
    )
    assert corpus.flags(draft.format("275 million"), on="2028-01-14") == []
    assert corpus.flagged(draft.format("290 million"), on="2028-01-14") == [
        (Kind.QUANTITY, "290 million crowns")
    ]


def test_an_earlier_one_of_a_series_is_not_refuted_by_a_later_one(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "round1.txt": "date 2027-11-10\n"
            "The first round of talks ended in Tolvik on Friday without agreement.\n",
            "round3.txt": "date 2027-12-01\n"
            "The envoy said he would invite both sides to a third round of talks in Tolvik.\n",
        }
    )
    draft = (
        "The gap had shrunk to 35,000 tonnes before the talks fell apart, "
        "from 40,000 after the first round in Tolvik."
    )
    assert corpus.flags(draft, on="2027-12-03") == []


def test_could_in_reported_speech_is_can_not_a_wish(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "launch.txt": "date 2026-03-10\n"
            "Nadia Brook, the operator's director, said the electric scooters could travel 40 kilometres "
            "on a single charge.\n"
        }
    )
    draft = "Nadia Brook says the scooters can cover {} on a charge."
    assert corpus.flagged(draft.format("40 miles"), on="2026-03-12") == [(Kind.QUANTITY, "40 miles")]
    assert corpus.flags(draft.format("25 miles"), on="2026-03-12") == []


def test_a_figure_of_the_same_stretch_of_time_for_the_same_noun_is_one_statement(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "grant.txt": "date 2029-03-08\nLast year's harvest came to 6.4 tonnes of apples, up from 5.1 "
            "tonnes the year before.\n"
        }
    )
    draft = "The orchard picked {} of apples last year."
    assert corpus.flagged(draft.format("5.8 tonnes"), on="2029-03-12") == [(Kind.QUANTITY, "5.8 tonnes")]
    assert corpus.flags(draft.format("6.4 tonnes"), on="2029-03-12") == []
    assert corpus.flags("The orchard picked 5.8 tonnes of apples.", on="2029-03-12") == []


def test_new_ones_are_a_part_of_all_there_are(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "caddies.md": "---\ndate: 2033-05-04\n---\nDelivery of food waste caddies to Hethersby's "
            "38,000 households began on Monday.\n"
        }
    )
    assert corpus.flagged("Caddies went to Hethersby's 83,000 homes.", on="2033-07-11") == [
        (Kind.QUANTITY, "83,000")
    ]
    draft = (
        "A second round of caddy deliveries, for about 900 new homes in Hethersby, will start in September."
    )
    assert "new" in read(draft, on="2033-07-11")["900"].slot.marks
    assert corpus.flags(draft, on="2033-07-11") == []


def test_a_distance_in_words_is_as_precise_as_in_digits(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "plan.txt": "date 2029-03-01\n"
            "While the centre is shut, school lessons will move to the pool at St Aldric's School in "
            "Marlow Cross, about six miles away.\n"
        }
    )
    draft = "School lessons will use the pool at St Aldric's School in Marlow Cross, about {} away."
    assert corpus.flagged(draft.format("13 kilometres"), on="2029-03-03") == [
        (Kind.QUANTITY, "13 kilometres")
    ]
    assert corpus.flags(draft.format("10 kilometres"), on="2029-03-03") == []


def test_a_measure_said_to_run_one_way_measures_the_noun_before_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "park.txt": "date 2027-04-07\n"
            "The new garden includes a pond, a 40-metre glass wall and a wooden deck eight metres high.\n"
        }
    )
    draft = "The garden has a pond, a glass wall {} long and a wooden deck eight metres high."
    assert corpus.flagged(draft.format("40 feet"), on="2027-04-09") == [(Kind.QUANTITY, "40 feet")]
    assert corpus.flags(draft.format("131 feet"), on="2027-04-09") == []


def test_each_day_opening_a_clause_makes_its_figure_a_daily_rate(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "fault.md": "---\ndate: 2027-09-22\n---\n"
            "Greyhaven said each day without the turbines costs it around £400,000 in lost sales. The grid "
            "operator said its extra cost was about £350,000 a day.\n"
        }
    )
    draft = "The lost turbines had been costing Greyhaven about {} a day in sales."
    assert corpus.flags(draft.format("£400,000"), on="2027-10-15") == []
    assert corpus.flagged(draft.format("£600,000"), on="2027-10-15") == [(Kind.QUANTITY, "600,000")]


def test_a_figure_before_the_rise_is_the_old_value(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "fares.txt": "date 2027-10-04\n"
            "The operator said on Monday that the single adult fare would rise from £2.20 to £2.60 on "
            "November 1.\n"
        }
    )
    assert corpus.flags("The single fare was £2.20 before the rise.", on="2027-11-26") == []
    assert (
        "previous" in read("The single fare was £2.20 before the rise.", on="2027-11-26")["2.20"].slot.marks
    )


def test_a_figure_before_a_named_change_is_the_old_value(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "date.html": "date 2033-06-20\nFour floats have withdrawn because of the new date, leaving "
            "47 entries.\n"
        }
    )
    draft = "Fifty-one floats had been entered before the date change."
    assert "previous" in read(draft, on="2033-07-08")["Fifty-one"].slot.marks
    assert corpus.flags(draft, on="2033-07-08") == []
    talks = read("The gap had shrunk to 35,000 tonnes before the talks fell apart.", on="2033-07-08")
    assert "previous" not in talks["35,000 tonnes"].slot.marks


def test_the_figure_a_shortfall_is_measured_from_is_another_value(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "grant.txt": "date 2029-04-16\nThe National Heritage Fund has awarded the cinema trust £850,000 "
            "towards the restoration, £50,000 less than the trust had asked for.\n"
        }
    )
    draft = (
        "The fund awarded the cinema trust £850,000. That is £50,000 short of the £900,000 the trust "
        "had requested."
    )
    assert "previous" in read(draft, on="2029-04-23")["900,000"].slot.marks
    assert corpus.flags(draft, on="2029-04-23") == []


def test_the_two_sides_of_a_vote_are_two_counts(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "survey.md": "---\ndate: 2033-03-23\n---\nAldersey Town Council voted 11 to 3 on Tuesday to pay "
            "for the work. The three councillors who voted against wanted an electric movement.\n"
        }
    )
    assert corpus.flags("Eleven councillors voted for the work, with three against.", on="2033-03-29") == []
    wrong_against = corpus.flagged(
        "Eleven councillors voted for the work, with four against.", on="2033-03-29"
    )
    assert (Kind.QUANTITY, "Eleven") not in wrong_against
    passive = read("The loan was opposed by five councillors and backed by 11.", on="2033-03-29")
    assert "side:against" in passive["five"].slot.marks
    assert "side:for" in passive["11"].slot.marks


def test_a_surname_opening_a_source_sentence_stands_for_the_person(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "delay.txt": "date 2029-05-09\nHead coach Tamsin Reyes said she expected to sign six new "
            "players over the summer.\n",
            "shares.md": "---\ndate: 2029-06-06\n---\nReyes has signed four new players so far, including "
            "the former Lanford Lions scrum-half Ellis Mawer.\n",
        }
    )
    draft = "Head coach Tamsin Reyes has signed {} players so far, among them scrum-half Ellis Mawer."
    assert corpus.flags(draft.format("four"), on="2029-06-11") == []


def test_a_difference_from_a_first_plan_is_a_change(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "delay.html": "date 2029-05-17\nThe company agreed to extend the acoustic wall from 220 metres "
            "to 310 metres.\n"
        }
    )
    draft = "The acoustic wall will now be 90 metres longer than first planned."
    assert "change" in read(draft, on="2029-05-22")["90 metres"].slot.marks
    assert corpus.flags(draft, on="2029-05-22") == []


@pytest.mark.parametrize(
    ("score", "first", "second"),
    [
        ("The committee approved the depot by nine votes to four.", "nine", "four"),
        ("Councillors voted 14 to 5 on Tuesday to approve the scheme.", "14", "5"),
    ],
)
def test_a_vote_s_score_gives_each_side_its_count(score: str, first: str, second: str) -> None:
    mentions = read(score, on="2029-04-14")
    assert "side:for" in mentions[first].slot.marks
    assert "side:against" in mentions[second].slot.marks


def test_a_side_of_a_vote_is_checked_against_the_sources_count_of_that_side(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "vote.md": "---\ndate: 2029-04-12\n---\nThe planning committee approved the Colby Sidings tram "
            "depot on Tuesday by nine votes to four. The four members who voted against all represent "
            "wards on the east side of the city.\n"
        }
    )
    draft = "The depot was backed by nine councillors and opposed by {}."
    assert corpus.flags(draft.format("four"), on="2029-04-14") == []
    assert corpus.flagged(draft.format("five"), on="2029-04-14") == [(Kind.QUANTITY, "five")]


def test_a_figure_of_an_earlier_year_says_nothing_of_now(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "outbreak.txt": "date 2027-10-13\n"
            "Health officials have confirmed 23 cases of measles in the valley. The last measles outbreak "
            "in the valley, in 2019, lasted eleven weeks and infected 41 people.\n"
        }
    )
    assert corpus.flags("Measles has now infected 23 people in the valley.", on="2027-10-15") == []
    assert (
        read("The last outbreak, in 2019, infected 41 people.", on="2027-10-13")["41"].slot.when is not None
    )


def test_a_figure_more_than_another_is_a_difference(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "opening.txt": "date 2028-05-31\n"
            "The restoration took 37 weeks and cost £2.71 million, £60,000 more than the revised budget "
            "of £2.65 million.\n"
        }
    )
    draft = "The project took 37 weeks and came in at £2.71m, {} above the revised budget."
    assert corpus.flags(draft.format("£60,000"), on="2028-06-02") == []
    assert "change" in read(draft.format("£60,000"), on="2028-06-02")["60,000"].slot.marks


@pytest.mark.parametrize(
    ("sentence", "value", "counted"),
    [
        ("There are now 71 confirmed cases.", "71", "case"),
        ("Police arrested 12 armed men.", "12", "man"),
        ("The council bought 22 leaseholders' flats.", "22", "flat"),
        ("The council bought 22 of the 76 leaseholders' flats.", "22", "flat"),
        ("The number of stops to go has fallen from 11 to eight.", "eight", "stop"),
        ("The number of fires has risen to 23 and the number of people hurt to 11.", "11", "people"),
    ],
    ids=["participle", "irregular plural", "owners' noun", "part of a whole", "the number of", "people hurt"],
)
def test_what_a_figure_counts(sentence: str, value: str, counted: str) -> None:
    assert read(sentence, on="2029-11-07")[value].slot.head == counted


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Voters will elect 20 of the city council's 60 members.", "20"),
        ("It is run by six staff and 20 volunteers, out of the 95 the trust now has.", "20"),
    ],
)
def test_a_count_of_a_counted_whole_is_a_part(sentence: str, value: str) -> None:
    assert "part" in read(sentence, on="2029-11-07")[value].slot.marks


def test_a_figure_after_a_part_and_its_whole_is_no_part_of_that_whole() -> None:
    found = read(
        "Only 83 of the 112 signatures were valid, short of the 100 the rules require.", on="2025-02-12"
    )
    assert "part" in found["83"].slot.marks and "part" not in found["100"].slot.marks


def test_a_part_is_not_compared_with_the_whole_s_other_figures(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "field.txt": "date 2025-02-12\n"
            "On the same day voters will elect 20 of the Orlen council's 60 members. The Civic Party "
            "holds 27 seats, Renewal 22 and independents seven.\n"
        }
    )
    draft = "Twenty of the Orlen council's 60 seats will be fought on polling day."
    assert corpus.flags(draft, on="2025-02-14") == []


def test_a_count_of_others_is_added_to_the_one_named(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "launch.txt": "date 2025-09-24\n"
            "Kestrel Launch said the three replaced valves had performed perfectly.\n"
        }
    )
    draft = "Kestrel Launch replaced the faulty valve and two others from the same batch."
    assert corpus.flags(draft, on="2025-09-29") == []


def test_confirmed_cases_are_compared_as_cases(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "outbreak.md": "---\ndate: 2029-03-14\n---\n"
            "Health officials in Marlow Vale said 71 confirmed cases had now been linked to the bakery.\n"
        }
    )
    draft = "Officials have now linked {} confirmed cases to the bakery in Marlow Vale."
    assert corpus.flagged(draft.format(64), on="2029-03-16") == [(Kind.QUANTITY, "64")]
    assert corpus.flags(draft.format(71), on="2029-03-16") == []


def test_a_whole_and_its_part_given_the_other_way_round_are_no_swap(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "plans.txt": "date 2029-09-12\n"
            "About 290 of the 348 homes on the Larch estate are occupied, 214 by council tenants and 76 "
            "by leaseholders.\n"
        }
    )
    draft = "Of the 290 occupied homes on the Larch estate, 214 are rented from the council."
    assert corpus.flags(draft, on="2029-09-14") == []


def test_the_first_few_are_a_part() -> None:
    found = read("Owen Tate said the first 164 homes would take about 26 months to build.", on="2029-11-07")
    assert "part" in found["164"].slot.marks


def test_which_of_a_series_is_not_said_of_the_year_after_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "contract.md": "---\ndate: 2029-10-03\n---\n"
            "The contract for the first phase of the Larch estate rebuild is worth £58 million.\n",
            "rehoused.txt": "date 2029-11-07\n"
            "The Larch estate's community centre will stay open until the second phase begins in 2032.\n",
        }
    )
    draft = "The Larch estate's community centre will stay open until the second phase starts in 2033."
    assert corpus.flagged(draft, on="2029-11-09") == [(Kind.EVENT_DATE, "2033")]


@pytest.mark.parametrize(
    ("sentence", "value", "dimension"),
    [
        ("The budget has grown from 210 million kroner to 248 million.", "248 million", "money:krone"),
        ("The fund rose from 240 million crowns to 275 million crowns.", "240 million crowns", "money:crown"),
        ("The fare rose from £2.20 to 2.40.", "2.40", "money:pound"),
        ("Its share rose from 5 per cent to 7.", "7", "percent"),
        ("The fleet grew from 14 buses to 19.", "19", "count"),
        (
            "The bill has reached 40.3 million crowns, 3.2 million more than budgeted.",
            "3.2 million",
            "money:crown",
        ),
    ],
)
def test_a_sum_is_money_in_any_currency_and_a_new_figure_keeps_the_old_one_s(
    sentence: str, value: str, dimension: str
) -> None:
    assert read(sentence, on="2029-02-14")[value].slot.dimension == dimension


def test_a_project_budget_in_kroner_is_not_the_agency_s_annual_budget(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "delay.txt": "date 2029-02-14\n"
            "The delay adds 9 million kroner to a project whose budget has already grown from 210 "
            "million kroner to 248 million.\n\n"
            "The agency, founded in 2016, has a staff of 420 and an annual budget of 95 million kroner.\n"
        }
    )
    draft = "Last month the agency had put the budget at {} million kroner."
    assert corpus.flags(draft.format(248), on="2029-03-23") == []


def test_a_bare_figure_after_an_owner_s_whole_counts_its_noun() -> None:
    found = read("Of the Brevard Star's 25 crew, 10 were allowed to fly home.", on="2029-10-10")
    assert found["25"].slot.head == found["10"].slot.head == "crew"
    assert "part" in found["10"].slot.marks


def test_one_thing_in_several_is_a_share() -> None:
    found = read("One worker in eight used a language other than Valdrian at work.", on="2030-09-11")
    share = found["One worker in eight"].value
    assert share.dimension == "percent" and share.low == 12.5
    assert "Three" in read("Three people in ten days died.", on="2030-09-11")


def test_a_share_in_words_restated_in_digits_is_judged_by_the_digits(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "first.txt": "date 2030-06-05\n"
            "The Valdria census had a response rate of 91.4 per cent. For the first time, 58 per cent of "
            "households filled in the form online.\n"
        }
    )
    draft = "Nine in ten households, {} per cent, returned the Valdria census form."
    assert corpus.flags(draft.format("91.4"), on="2030-06-07") == []
    assert [t for _, t in corpus.flagged(draft.format("93.4"), on="2030-06-07")] == ["93.4 per cent"]


def test_a_figure_of_the_same_act_leaves_the_slot_in_doubt(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "sale.md": "---\ndate: 2030-10-16\n---\n"
            "The airline employed 508 people, not 520, and 440 have now been made redundant, with 68 "
            "kept on.\n"
        }
    )
    # the redundancies are the source's 440, however much closer "employed 508 people" reads
    assert corpus.flags("Some 440 people have now been made redundant.", on="2030-10-18") == []
    assert read("Velmora sold 212,000 cars.", on="2031-02-12")["212,000"].slot.marks == ("act:sell", "past")


def test_a_year_listed_with_years_is_a_year() -> None:
    found = read("The recall covers the 2027, 2028 and 2029 model years.", on="2031-02-12")
    assert all(found[year].kind is Kind.EVENT_DATE for year in ("2027", "2028", "2029"))
    assert (
        read("The figures cover the 2027 and 2028 seasons.", on="2031-02-12")["2027"].kind is Kind.EVENT_DATE
    )
    assert read("It built 2028 cars.", on="2031-02-12")["2028"].kind is Kind.QUANTITY


@pytest.mark.parametrize(
    "usual",
    [
        "The region usually harvests about 142,000 tonnes of grapes.",
        "The harvest will be well short of the 142,000 tonnes of a normal year.",
    ],
)
def test_what_usually_holds_is_not_this_year_s_figure(corpus_of: CorpusOf, usual: str) -> None:
    corpus = corpus_of(
        {
            "frost.md": "---\ndate: 2031-04-10\n---\n"
            "The region usually produces about 142,000 tonnes of grapes a year.\n",
            "damage.md": "---\ndate: 2031-05-06\n---\n"
            "The region now expects to harvest about 95,000 tonnes of grapes this autumn.\n",
        }
    )
    assert corpus.flags(usual, on="2031-10-03") == []
    wrong = "The region usually produces about 124,000 tonnes of grapes a year."
    assert corpus.flagged(wrong, on="2031-10-03") == [(Kind.QUANTITY, "124,000 tonnes")]


def test_all_of_a_total_is_not_refuted_by_the_count_so_far(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "progress.md": "---\ndate: 2031-03-04\n---\n"
            "Kestrel has connected 9,200 homes to full-fibre broadband, but will not reach all 16,500 "
            "by the end of June.\n"
        }
    )
    draft = "Work on connecting all {} homes to full-fibre broadband had been due to end in June."
    # 9,200 is how many are connected so far, not how many there are
    assert corpus.flags(draft.format("16,500"), on="2031-03-17") == []


def test_what_an_estimate_had_been_put_at_is_a_value_since_revised(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "slipway.md": "---\ndate: 2033-07-21\n---\nThe cost of the slipway repairs has risen from "
            "£38,000 to £44,000.\n"
        }
    )
    draft = "The slipway repair bill has gone up to £44,000. It had been put at £38,000."
    assert "previous" in read(draft, on="2033-07-26")["38,000"].slot.marks
    assert corpus.flags(draft, on="2033-07-26") == []
    first_put = read("The scheme was first put forward 27 years ago.", on="2033-07-26")
    assert "previous" not in first_put["27 years ago"].slot.marks


def test_voting_against_is_opposing(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "loan.md": "---\ndate: 2029-02-08\n---\n"
            "Kestley Town Council voted 11 to 4 on Monday to lend the leisure trust £450,000. The four "
            "councillors who voted against said the trust should sell the rink.\n"
        }
    )
    draft = "It was opposed by {} councillors."
    assert corpus.flagged(draft.format("five"), on="2029-02-11") == [(Kind.QUANTITY, "five")]
    assert corpus.flags(draft.format("four"), on="2029-02-11") == []


def test_an_old_value_counts_what_the_new_one_counts_at_the_time_beside_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"pier.txt": "date 2033-09-13\nThe pier drew 310,000 visitors last year, up from 285,000 in 2031.\n"}
    )
    draft = "Last year 310,000 visitors came to the pier, up from {} in 2031."
    old = read(draft.format("258,000"), on="2033-09-16")["258,000"].slot
    assert old.head == "visitor" and old.when is not None and old.when.expression == "2031"
    assert corpus.flagged(draft.format("258,000"), on="2033-09-16") == [(Kind.QUANTITY, "258,000")]
    assert corpus.flags(draft.format("285,000"), on="2033-09-16") == []


@pytest.mark.parametrize("marker", ["rather than the", "compared with the"])
def test_an_old_value_after_the_is_still_an_old_value(corpus_of: CorpusOf, marker: str) -> None:
    corpus = corpus_of(
        {
            "report.md": "---\ndate: 2033-10-06\n---\n"
            "Carrow Marine found that 64 metres of deck must be rebuilt, not 40 as first thought.\n"
        }
    )
    draft = f"The consultants found that 64 metres of deck must be rebuilt, {marker} 40 metres first feared."
    assert "previous" in read(draft, on="2033-10-10")["40 metres"].slot.marks
    assert corpus.flags(draft, on="2033-10-10") == []


def test_a_figure_told_with_the_same_other_figure_restates_that_sentence(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "sale.txt": "date 2029-02-21\n"
            "Community trust buys the Orion Cinema for £410,000\n\n"
            "So far 1,150 people have bought community shares, raising £380,000.\n",
            "strike.md": "---\ndate: 2030-02-06\n---\n"
            "Councils expect at least 450 of the region's 612 schools to close fully on the first day.\n",
        }
    )
    draft = "Some 1,150 residents have already bought community shares worth a combined £380,000."
    assert corpus.flags(draft, on="2029-02-23") == []
    # "at least 540" fits any larger figure: the 612 beside it tells nothing
    draft = "Councils expect at least 540 of the 612 schools to shut completely on the first strike day."
    assert corpus.flagged(draft, on="2030-02-08") == [(Kind.QUANTITY, "540")]


def test_a_hundred_and_eighty_is_one_figure(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"orchard.txt": "date 2029-03-08\nThe trust will plant 180 fruit trees on Cowslip Field.\n"}
    )
    draft = "A hundred and {} fruit trees will be planted on Cowslip Field."
    assert corpus.flags(draft.format("eighty"), on="2029-03-12") == []
    assert corpus.flagged(draft.format("sixty"), on="2029-03-12") == [(Kind.QUANTITY, "A hundred and sixty")]
    found = read(
        "Two hundred and twenty-five came, between a hundred and two hundred a day.", on="2029-03-12"
    )
    assert found["Two hundred and twenty-five"].value.low == 225
    assert "a hundred" in found and "two hundred" in found


def test_a_figure_for_a_time_to_come_is_not_refuted_by_today_s(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "route.md": "---\ndate: 2033-06-07\n---\n"
            "The procession will start at Station Square and cover 1.8 miles to Priory Park.\n"
        }
    )
    draft = "Next year's carnival will return to the full 2.4-mile route from Station Square to Priory Park."
    assert corpus.flags(draft, on="2033-09-16") == []
    assert corpus.flagged(
        "The procession will start at Station Square and cover 2.4 miles to Priory Park.", on="2033-09-16"
    ) == [(Kind.QUANTITY, "2.4 miles")]


def test_a_figure_before_cut_or_rise_is_the_change_not_the_level(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "grant.txt": "date 2033-05-10\n"
            "Saltmere Town Council has cut its grant to the carnival from £25,000 to £15,000.\n",
            "route.md": "---\ndate: 2033-06-07\n---\n"
            "A brewery will give the carnival £8,000, making up most of the £10,000 cut in the town "
            "council's grant.\n",
        }
    )
    assert "change" in read("the £10,000 cut in the grant", on="2033-06-07")["10,000"].slot.marks
    assert corpus.flags("The town council had cut its grant to £15,000 from £25,000.", on="2033-06-11") == []


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("Members backed the closure by seven votes to four on Monday.", []),
        ("Members backed the closure by six votes to four on Monday.", [(Kind.QUANTITY, "six")]),
        ("The closure was put to members on Monday and passed seven to four.", []),
        ("The closure was put to members on Monday and passed nine to four.", [(Kind.QUANTITY, "nine")]),
    ],
)
def test_a_votes_score_is_read_after_any_verb_of_voting(
    corpus_of: CorpusOf, draft: str, flagged: list[tuple[Kind, str]]
) -> None:
    """ "backed the plan by seven votes to four" is a score, not a change of seven ("put back by
    seven weeks"); "passed nine to four" is one as "voted nine to four" is."""
    corpus = corpus_of(
        {
            "vote.txt": "date 2031-01-21\n"
            "The club's members voted seven to four on Monday to close the boathouse.\n"
        }
    )
    assert corpus.flagged(draft, on="2031-01-23") == flagged


def test_pounds_said_of_a_weight_are_a_weight(corpus_of: CorpusOf) -> None:
    """ "pounds" is money unless its clause weighs something: "The stone weighed about 60 pounds"
    is the source's 27 kilograms; "cost 4,000 pounds" stays a sum of money."""
    corpus = corpus_of(
        {
            "spire.txt": "date 2029-03-10\n"
            "The block of stone that fell from the spire weighed 27 kilograms. Repairs to the spire "
            "will cost £4,000.\n"
        }
    )
    draft = "The stone that fell from the spire weighed about {} pounds."
    assert corpus.flags(draft.format(60), on="2029-03-12") == []
    [finding] = corpus.flags(draft.format(90), on="2029-03-12")
    assert finding.claim_text == "90 pounds" and "27 kilograms" in finding.message
    assert corpus.flags("Repairs to the spire will cost 4,000 pounds.", on="2029-03-12") == []


def test_a_sum_raised_from_givers_leaves_the_givers_a_level_of_today(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "appeal.md": "---\ndate: 2032-09-09\n---\n"
            "The rowing club said on Monday that it had raised £48,000 from about 700 members and "
            "supporters in six weeks, and that Harbury Sport had promised a further £20,000.\n"
        }
    )
    said = read("The club has raised £48,000 from about 700 supporters.", on="2032-09-09")
    assert "previous" not in said["700"].slot.marks
    # "raised the fee from £40": still the old level
    assert "previous" in read("The club raised its fee from £40 a year.", on="2032-09-09")["40"].slot.marks
    draft = "The money came from some 900 members and supporters of the rowing club."
    assert corpus.flagged(draft, on="2032-09-13") == [(Kind.QUANTITY, "900")]


def test_a_total_of_the_first_weeks_is_outgrown_by_a_later_higher_total(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "appeal.md": "---\ndate: 2031-05-02\n---\n"
            "The lifeboat appeal has raised £21,000 from 640 donors in its first 12 days.\n"
        }
    )
    later = "The lifeboat appeal, which closed in June, raised £46,500 from more than 1,300 donors."
    assert corpus.flags(later, on="2031-07-10") == []
    # the same span, or a total below the one of the first days, is still compared
    first_days = "In its first 12 days the lifeboat appeal raised £21,000 from 840 donors."
    assert corpus.flagged(first_days, on="2031-07-10") == [(Kind.QUANTITY, "840")]
    fewer = "The lifeboat appeal, which closed in June, raised £46,500 from 510 donors."
    assert corpus.flagged(fewer, on="2031-07-10") == [(Kind.QUANTITY, "510")]


def test_a_first_year_figure_is_of_the_first_year_however_it_is_hyphenated() -> None:
    found = read(
        "The museum has raised its first-year target from 30,000 to 38,000 visitors.", on="2030-08-02"
    )
    assert "first:365.25" in found["38,000"].slot.marks


def test_a_share_of_a_cost_is_not_the_cost(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "bridge.md": "---\ndate: 2033-05-04\n---\n"
            "The footbridge will cost £3.1 million, Network Wessex's project director said on Monday.\n"
        }
    )
    assert (
        read("The county's share of the cost remains £400,000.", on="2033-05-07")["400,000"].slot.head
        == "share"
    )
    assert corpus.flags("The county council's share of the cost remains £400,000.", on="2033-05-07") == []
    assert corpus.flagged("The cost of the footbridge remains £2.6 million.", on="2033-05-07") == [
        (Kind.QUANTITY, "2.6 million")
    ]


def test_a_bill_is_a_cost_and_climbing_is_rising(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "lift.md": "---\ndate: 2033-01-12\n---\n"
            "The Harbour Lift's two cars climb 48 metres from the quay. The cost of the new winding gear "
            "has risen to £410,000.\n"
        }
    )
    assert corpus.flagged("The lift rises some 250 feet from the quay.", on="2033-01-15") == [
        (Kind.QUANTITY, "250 feet")
    ]
    assert corpus.flagged("The bill for the new winding gear is now £460,000.", on="2033-01-15") == [
        (Kind.QUANTITY, "460,000")
    ]
    assert corpus.flags("The bill for the new winding gear is now £410,000.", on="2033-01-15") == []


def test_a_sum_added_to_one_thing_is_not_a_sum_added_to_another(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "grant.md": "---\ndate: 2030-03-15\n---\n"
            "The delay has raised the cost of the mill's restoration. The Heritage Fund has agreed to add "
            "£120,000 to its grant.\n"
        }
    )
    added = read("The fund added £120,000 to its grant.", on="2030-03-15")["120,000"]
    assert "onto:" + lexicon().synonym("grant") in added.slot.marks
    assert corpus.flags("The delay has added £240,000 to the bill.", on="2030-03-19") == []
    assert corpus.flagged("The Heritage Fund has agreed to add £150,000 to its grant.", on="2030-03-19") == [
        (Kind.QUANTITY, "150,000")
    ]


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("The replacement boards, each about 20 feet long, have been ordered.", []),
        ("The replacement boards, each about 16 feet long, have been ordered.", ["16 feet"]),
        ("The replacement boards, each 19.7 feet long, have been ordered.", []),
    ],
    ids=["rounded conversion", "hedged but too far", "exact conversion"],
)
def test_a_converted_figure_is_as_exact_as_its_rounding(
    corpus_of: CorpusOf, draft: str, flagged: list[str]
) -> None:
    corpus = corpus_of(
        {
            "boards.md": "---\ndate: 2033-04-14\n---\n"
            "The 180 replacement boards, each 6 metres long, have been ordered.\n"
        }
    )
    assert [text for _, text in corpus.flagged(draft, on="2033-04-19")] == flagged


def test_workers_are_staff(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "bid.md": "---\ndate: 2029-03-29\n---\n"
            "Thirty-one workers at Greyhithe Pottery have formed a co-operative to bid for the site.\n"
        }
    )
    draft = "{} staff at Greyhithe Pottery have banded together as a co-operative to bid for the site."
    assert corpus.flags(draft.format("Thirty-one"), on="2029-04-03") == []
    assert corpus.flagged(draft.format("Thirty-eight"), on="2029-04-03") == [(Kind.QUANTITY, "Thirty-eight")]


def test_parts_picked_out_by_different_deeds_are_different_parts(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "offer.md": "---\ndate: 2027-10-27\n---\n"
            "Twenty-three of the factory's staff have agreed to take voluntary redundancy, the firm said.\n"
        }
    )
    assert (
        "act:" + lexicon().synonym("work")
        in read("Forty-one of the staff have worked at the factory for decades.", on="2027-10-29")[
            "Forty-one"
        ].slot.marks
    )
    assert (
        corpus.flags("Forty-one of the factory's staff have worked there for four decades.", on="2027-10-29")
        == []
    )
    assert corpus.flagged(
        "Thirty of the factory's staff have agreed to take voluntary redundancy.", on="2027-10-29"
    ) == [(Kind.QUANTITY, "Thirty")]


@pytest.mark.parametrize(
    ("sentence", "figure", "noun"),
    [
        ("The damage bill had climbed to £6.5 million.", "6.5 million", "cost"),
        ("The bill for insurers has climbed to £36 million, from 910 claims.", "36 million", "cost"),
        ("The river level rose to 4.2 metres on Sunday.", "4.2 metres", "level"),
    ],
    ids=["a compound noun", "a noun and its phrase", "a measure"],
)
def test_a_level_reached_is_a_level_of_the_verb_s_subject(sentence: str, figure: str, noun: str) -> None:
    assert read(sentence, on="2029-04-13")[figure].slot.head == lexicon().synonym(noun)


def test_a_share_reached_is_not_of_the_subject() -> None:
    # a percentage is of something else than the subject: "38 per cent" full, of capacity
    assert (
        read("Its reservoirs had fallen to 38 per cent full.", on="2027-07-30")["38 per cent"].slot.head == ""
    )


def test_backed_by_counts_a_side_not_a_change() -> None:
    on = "2033-11-28"
    assert "change" not in read("The plan was backed by six cabinet members.", on=on)["six"].slot.marks
    assert "change" in read("The opening was pushed back by two weeks.", on=on)["two weeks"].slot.marks


def test_backers_are_people(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "shares.md": "---\ndate: 2033-04-06\n---\nA total of 312 people have pledged money to the "
            "Tarrant Boatyard share offer so far.\n"
        }
    )
    draft = "{} backers have pledged money to the Tarrant Boatyard share offer."
    assert corpus.flagged(draft.format(321), on="2033-04-09") == [(Kind.QUANTITY, "321")]
    assert corpus.flags(draft.format(312), on="2033-04-09") == []


def test_all_but_so_many_counts_those_left(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "sale.md": "---\ndate: 2034-04-13\n---\nThe sale ended on Wednesday. "
            "Of the 1,340 lots, 1,291 found buyers.\n"
        }
    )
    assert corpus.flags("All but 49 of the 1,340 lots were sold.", on="2034-04-17") == []


def test_the_sides_of_a_size_share_its_unit(corpus_of: CorpusOf) -> None:
    assert read("The canvas measures 40 by 50 inches.", on="2034-02-09")["40"].value.dimension == "length"
    corpus = corpus_of(
        {
            "attic.txt": "date 2034-02-09\nThe canvas shows a ferry crossing the River Lenn and "
            "measures 40 by 50 inches.\n"
        }
    )
    draft = "The picture, which shows a ferry crossing the River Lenn, measures roughly 102cm by {}."
    assert corpus.flags(draft.format("127cm"), on="2034-02-13") == []


def test_a_level_left_or_reached_after_a_change_is_of_the_subject(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "results.html": "<html><head><title>Annual results</title></head><body><p>Brackwater published "
            "its annual results on Monday. Members' savings rose from £640 million to £655 million over "
            "the year, while its mortgage book shrank from £510 million to £498 million.</p></body></html>"
        }
    )
    read_on = "2035-04-20"
    assert read("Its mortgage book fell by £12 million over the year, to £498 million.", on=read_on)[
        "498 million"
    ].slot.head == lexicon().synonym("book")
    draft = (
        "Brackwater published its annual results. Its mortgage book fell by £12 million over the year, to {}."
    )
    assert corpus.flags(draft.format("£498 million"), on=read_on) == []


@pytest.mark.parametrize(
    ("sentence", "figure", "bound"),
    [
        ("The bill for the expansion has gone up to £13.4m.", "13.4m", "="),
        ("The bill for the expansion has gone up again, to £13.4m.", "13.4m", "="),
        ("The hall can hold up to 40 people.", "40", "<="),
    ],
    ids=["gone up to", "gone up again, to", "the hedge up to"],
)
def test_up_after_a_verb_of_going_is_its_particle_not_a_hedge(sentence: str, figure: str, bound: str) -> None:
    value = read(sentence, on="2029-07-23")[figure]
    assert value.value.bound == bound  # type: ignore[union-attr]
    if bound == "=":
        assert value.slot.head == lexicon().synonym("cost")


def test_a_price_is_a_cost(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "station.md": "---\ndate: 2034-06-28\n---\nThe cost of the new lifeboat station has risen to "
            "£4.6 million from £4.2 million, because it will now have three bays instead of two.\n"
        }
    )
    draft = "The new lifeboat station has gone up in price to {} from £4.2 million, with three bays."
    assert corpus.flagged(draft.format("£4.8 million"), on="2034-07-02") == [(Kind.QUANTITY, "4.8 million")]
    assert corpus.flags(draft.format("£4.6 million"), on="2034-07-02") == []


def test_some_of_a_group_may_be_part_of_the_whole_the_sources_count(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "sail.txt": "date 2034-11-14\nSixteen scientists from Northmoor University sailed from Kelsby on "
            "Saturday to drill an ice core in Antarctica.\n"
        }
    )
    draft = "{} of the scientists are PhD students on their first trip to Antarctica."
    assert corpus.flags(draft.format("Two"), on="2034-11-17") == []
    assert corpus.flagged(draft.format("Twenty"), on="2034-11-17") == [(Kind.QUANTITY, "Twenty")]


def test_parts_in_different_states_are_different_parts(corpus_of: CorpusOf) -> None:
    on = "2029-03-12"
    assert "act:empty" in read("Last year, five of the huts stood empty.", on=on)["five"].slot.marks
    assert any(
        m.startswith("act:") for m in read("Last year 79 of the 84 huts were let.", on=on)["79"].slot.marks
    )
    corpus = corpus_of(
        {
            "plan.txt": "date 2029-03-08\nLast year 79 of the 84 huts were let, and the waiting list stands "
            "at 412 people.\n"
        }
    )
    assert (
        corpus.flags("Last year, five of the huts stood empty, and 412 people are waiting for one.", on=on)
        == []
    )


def test_a_count_held_by_another_noun_is_another_slot(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "school.txt": "date 2031-09-03\nThe new sixth-form block opened on Monday with places for "
            "240 students.\n"
        }
    )
    assert "in:list" in read("It has a waiting list of 35 students.", on="2031-09-20")["35"].slot.marks
    assert "in:list" not in read("It has a total of 35 students.", on="2031-09-20")["35"].slot.marks
    assert (
        corpus.flags("The new sixth-form block now has a waiting list of 35 students.", on="2031-09-20") == []
    )
    assert corpus.flagged(
        "The new sixth-form block opened with places for 260 students.", on="2031-09-20"
    ) == [(Kind.QUANTITY, "260")]


def test_a_count_above_a_number_is_a_difference() -> None:
    marks = read("The jail holds more than 300 men above the number it was built for.", on="2031-09-20")
    assert "change" in marks["300"].slot.marks


def test_some_members_of_a_named_group_are_a_part_of_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "club.txt": "date 2034-03-09\nThe Orrin Valley Cycling Club was founded in 1968 "
            "and has 212 members.\n"
        }
    )
    assert (
        "partitive"
        in read("Six members of Orrin Valley Cycling Club rode.", on="2034-03-13")["Six"].slot.marks
    )
    assert corpus.flags("Six members of Orrin Valley Cycling Club rode to Paris.", on="2034-03-13") == []
    assert corpus.flagged("Orrin Valley Cycling Club has 240 members.", on="2034-03-13") == [
        (Kind.QUANTITY, "240")
    ]


def test_an_estimate_then_given_is_a_value_of_that_time(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "pool.md": "---\ndate: 2035-07-18\n---\nThe cost of rebuilding the Hallam Road pool has "
            "risen to £3.1 million.\n"
        }
    )
    assert (
        "previous"
        in read("It was agreed at a cost then put at £2.4 million.", on="2035-07-20")[
            "2.4 million"
        ].slot.marks
    )
    assert (
        corpus.flags(
            "The rebuilding of the Hallam Road pool was agreed, at a cost then put at £2.4 million.",
            on="2035-07-20",
        )
        == []
    )


def test_a_figure_with_a_day_s_event_holds_on_that_day() -> None:
    mention = read(
        "Corran Air went into administration on September 24 with 13 aircraft and 508 staff.", on="2030-11-29"
    )["508"]
    assert mention.slot.when is not None and mention.slot.when.start == date(2030, 9, 24)
