"""Which event a date dates, however the draft words it: a source sentence, a draft sentence, a verdict.

A fictional town library's move, on no subject the engine was tuned on. The
event is found in the construction that names it (a verb before the date, a noun
made from a verb, a plan's subject, a light verb's noun), and the date is read
with the words that fix its year ("last year", "a year ago today").
"""

from __future__ import annotations

from datetime import date

import pytest

from factlint.model import Kind
from factlint.slots.model import When

from .checking import Corpus, CorpusOf, lexicon, read

LIBRARY = {
    "01-move.txt": (
        "date 2024-05-08\n"
        "Fernhill's town library reopened to readers in the old corn exchange on Monday, after a "
        "two-year move that cost £6.4 million.\n"
        "\n"
        "The council gave final approval to the move on Tuesday, 5 March, by nine votes to two.\n"
        "\n"
        "The library's new reading room, on the first floor of the exchange, is scheduled for "
        "June 3. The head librarian, Odile Marsh, said the children's wing would open on Thursday.\n"
    ),
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("library")
    (folder / "articles").mkdir()
    for name, text in LIBRARY.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    return Corpus.open(folder / "articles", folder / "cache")


CASES = [
    # how the event is named, draft date, draft sentence, the words flagged (None: passes)
    ("noun made from a verb", "2024-05-20",
     "The reopening of Fernhill's town library in the corn exchange on May 7 ended a two-year move.",
     "May 7"),
    ("noun made from a verb", "2024-05-20",
     "The reopening of Fernhill's town library in the corn exchange on May 6 ended a two-year move.",
     None),
    ("light verb", "2024-05-20", "The council's final approval of the library move came on March 6.",
     "March 6"),
    ("light verb", "2024-05-20", "The council's final approval of the library move came on March 5.",
     None),
    ("plan's subject", "2024-05-20",
     "Fernhill library's new reading room, in the corn exchange, is now scheduled for June 10.",
     "June 10"),
    ("plan's subject", "2024-05-20",
     "Fernhill library's new reading room, in the corn exchange, is now scheduled for June 3.", None),
    ("a plan as it stood", "2024-05-10",
     "The children's wing of the library was due to open on Thursday, Odile Marsh said.", None),
    ("year named relatively", "2025-02-01",
     "The town library reopened in the old corn exchange on May 6 last year.", None),
    ("year named relatively", "2025-02-01",
     "The town library reopened in the old corn exchange on May 9 last year.", "May 9"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("how", "on", "draft", "flagged"), CASES, ids=[f"{c[0]}-{'flag' if c[3] else 'pass'}" for c in CASES]
)
def test_a_date_is_compared_with_the_date_of_its_own_event(
    library: Corpus, how: str, on: str, draft: str, flagged: str | None
) -> None:
    found = [f.claim_text for f in library.flags(draft, on=on)]
    if flagged is None:
        assert found == []
    else:
        assert len(found) == 1 and flagged in found[0], found


def test_a_year_ago_today_is_one_date(corpus_of: CorpusOf) -> None:
    corpus = corpus_of({"fire.txt": "date 2024-07-07\nThe Tessel Moor fire started on Sunday afternoon.\n"})
    assert corpus.flags("The Tessel Moor fire started a year ago today.", on="2025-07-07") == []


@pytest.mark.parametrize(("draft", "flagged"), [("on Tuesday", ["Tuesday"]), ("on Monday", [])])
def test_saying_and_announcing_are_one_event(corpus_of: CorpusOf, draft: str, flagged: list[str]) -> None:
    corpus = corpus_of(
        {
            "hall.txt": "date 2024-05-08\nFernhill council has bought the old corn exchange "
            "for £2.1 million, its leader announced on Monday.\n"
        }
    )
    sentence = f"Fernhill council said {draft} that it had bought the old corn exchange for £2.1 million."
    assert [f.claim_text for f in corpus.flags(sentence, on="2024-05-10")] == flagged


def test_a_paragraph_that_opens_with_a_pronoun_is_about_the_paragraph_above(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "show.txt": "date 2026-07-01\n"
            "The Marrow sketchbooks exhibition sold 1,850 tickets over the weekend.\n\n"
            "It runs until October 4.\n"
        }
    )
    above = "The Marrow sketchbooks exhibition sold 1,850 tickets over the weekend.\n\n"
    assert [f.claim_text for f in corpus.flags(above + "It closes on October 11.\n", on="2026-07-03")] == [
        "October 11"
    ]
    assert corpus.flags(above + "It closes on October 4.\n", on="2026-07-03") == []
    # with nothing above, "it" could be anything: new information
    assert corpus.flags("It closes on October 11.\n", on="2026-07-03") == []


@pytest.mark.parametrize(
    ("draft", "flagged", "fix"),
    [
        ("The Brennock Valley line has now been open for two years.", "two years", "a year"),
        ("The Brennock Valley line has now been open for a year.", None, None),
        ("The Brennock Valley line has been open for 12 months.", None, None),
        ("The Brennock Valley line has been closed for two years.", None, None),
    ],
    ids=["too long", "as long", "as long, in months", "another state"],
)
def test_how_long_a_state_has_lasted_dates_its_start(
    corpus_of: CorpusOf, draft: str, flagged: str | None, fix: str | None
) -> None:
    corpus = corpus_of(
        {"line.txt": "date 2026-05-18\nThe Brennock Valley line opened to passengers on Sunday, May 17.\n"}
    )
    found = corpus.flags(draft, on="2027-05-21")
    assert [(f.claim_text, f.expected) for f in found] == ([(flagged, (fix,))] if flagged else [])


def test_a_length_since_an_event_is_fixed_with_the_length_it_has_been(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"deal.txt": "date 2024-12-11\nThe consortium completed its takeover of the club on Tuesday.\n"}
    )
    draft = "It is 18 months since the consortium completed its takeover of the club."
    [finding] = corpus.flags(draft, on="2026-03-13")
    assert (finding.claim_text, finding.expected) == ("18 months since", ("15 months since",))


@pytest.mark.parametrize(
    ("sentence", "moved_to_the_launch"),
    [
        (
            "The postponement of the Ardent's launch, from November 14 to January 30, is the first delay.",
            True,
        ),
        ("The yard has moved the Ardent's launch from November 14 to January 23.", True),
        ("The launch figures, for the period from May 17 to January 23, show 21,400 journeys.", False),
    ],
    ids=["a postponement, set off by a comma", "a date moved", "a span, no date moved"],
)
def test_a_date_moved_from_another_dates_the_same_event(sentence: str, moved_to_the_launch: bool) -> None:
    moved = next(m for text, m in read(sentence, on="2025-10-08").items() if text.startswith("January"))
    assert (moved.slot.head == lexicon().synonym("launch")) is moved_to_the_launch


def test_a_verb_is_found_past_a_long_object_with_names_and_figures() -> None:
    sentence = (
        "The council signed an eight-year contract with the French operator Velocita Mobility on Monday."
    )
    assert read(sentence, on="2026-03-10")["Monday"].slot.head == lexicon().synonym("sign")


@pytest.mark.parametrize(
    "sentence",
    [
        "The regulator approved a revised plan on Thursday.",
        "The regulator's approval of the revised plan on Thursday cleared the way.",
    ],
    ids=["a verb, then a participle before its noun", "a noun made from a verb, then a participle"],
)
def test_a_participle_before_a_noun_is_not_the_event(sentence: str) -> None:
    assert read(sentence, on="2027-01-15")["Thursday"].slot.head == lexicon().synonym("approve")


def test_a_possessive_date_s_event_is_past_the_words_that_say_which() -> None:
    found = read("The trial began with Tuesday's first dose.", on="2026-09-17")
    [when] = [m for text, m in found.items() if text.startswith("Tuesday")]
    assert when.slot.head == lexicon().synonym("dose")


def test_a_noun_after_an_article_is_no_participle() -> None:
    found = read("The rule came to an end following the war in 2001.", on="2019-03-12")
    assert found["2001"].slot.head == lexicon().synonym("end")


def test_a_noun_made_from_a_verb_right_before_the_date_is_its_event() -> None:
    found = read("The rule came to an end following the invasion in 2001.", on="2019-03-12")
    assert found["2001"].slot.head == lexicon().synonym("invade")


@pytest.mark.parametrize(
    "sentence",
    [
        "Marsh Water will impose new limits on its customers from Friday.",
        "Marsh Water is to impose new limits on its customers from Friday.",
    ],
    ids=["after a modal", "after 'is to'"],
)
def test_a_bare_verb_after_a_modal_is_the_event(sentence: str) -> None:
    assert read(sentence, on="2026-07-08")["Friday"].slot.head == lexicon().synonym("impose")


def test_a_noun_after_to_is_no_verb() -> None:
    found = read("She was taken to hospital on Monday.", on="2026-07-08")
    assert found["Monday"].slot.head == lexicon().synonym("take")


def test_a_start_dates_the_start_of_what_its_subject_names(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "dam.txt": "date 2026-11-25\n"
            "Marsh Water also announced a plan to raise the dam at Orrin Fell by six metres. "
            "Work would start in 2029, if planning permission is granted.\n"
        }
    )
    on = "2026-11-27"
    consultation = "Marsh Water will hold a public consultation on the dam plan, starting on January 11."
    assert corpus.flags(consultation, on=on) == []
    assert corpus.flagged("Work on the dam plan will start in 2030.", on=on) == [(Kind.EVENT_DATE, "2030")]


def test_phrasal_verbs_name_the_same_event(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"story.txt": "date 2026-05-13\nIts rival Hallberg pulled out of the contest on Tuesday.\n"}
    )
    # written on Friday 15 May 2026: the source's Tuesday is 12 May
    draft = "Hallberg dropped out of the contest on {}."
    assert corpus.flags(draft.format("Tuesday"), on="2026-05-15") == []
    assert corpus.flagged(draft.format("Wednesday"), on="2026-05-15") == [(Kind.EVENT_DATE, "Wednesday")]


def test_selling_out_is_not_going_on_sale(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "tickets.md": "---\ndate: 2027-05-12\n---\n"
            "All 41,500 weekend tickets sold out in 38 minutes on February 19. The 6,500 day tickets "
            "for each day, released on April 6, have also sold out.\n"
        }
    )
    draft = "The 6,500 day tickets for each day went on sale on {} and have also gone."
    assert corpus.flags(draft.format("April 6"), on="2027-05-14") == []
    assert corpus.flagged(draft.format("April 9"), on="2027-05-14") == [(Kind.EVENT_DATE, "April 9")]


def test_a_promise_joined_by_and_is_a_predicate_of_its_own() -> None:
    found = read(
        "The red pandas arrived from Rotterdam Zoo on Monday and will go on show in August.", on="2027-07-15"
    )
    assert found["Monday"].slot.head == lexicon().synonym("arrive")
    assert found["August"].slot.head != lexicon().synonym("arrive")


def test_a_second_verb_joined_by_and_dates_its_own_event() -> None:
    found = read(
        "Fenwick was founded as the Fenwick Building Society in 1861 and became a bank in 1997.",
        on="2027-04-07",
    )
    assert found["1861"].slot.head == lexicon().synonym("found")
    assert found["1997"].slot.head != lexicon().synonym("found")


def test_going_is_named_by_where_to(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "collapse.txt": "date 2027-01-20\n"
            "The other three miners were checked by paramedics and went home on Wednesday morning.\n"
        }
    )
    draft = "The chief executive went underground with the first shift of miners on {} morning."
    assert corpus.flags(draft.format("Monday"), on="2027-04-23") == []


def test_a_date_the_claim_gives_twice_stays_its_own(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "collapse.txt": "date 2027-01-20\n"
            "Carrick Moor opened in 1973 and is the deepest working mine in Britain. Its last fatal "
            "accident was in 2009, when a contractor died in a fall.\n"
        }
    )
    draft = "The mine, Britain's deepest working pit, opened {} and has not had a fatal accident since 1973."
    assert corpus.flags(draft.format("54 years ago"), on="2027-01-22") == []


def test_the_end_of_a_month_dates_the_event_before_it() -> None:
    found = read("The sprinkler ban was announced at the end of July.", on="2027-08-20")
    assert found["July"].slot.head == lexicon().synonym("announce")
    when = found["July"].value
    assert isinstance(when, When) and (when.start, when.end) == (date(2027, 7, 21), date(2027, 7, 31))
    # a deadline's end is what it dates: "fitted by the end of October"
    assert (
        read("The beams will be fitted by the end of October.", on="2027-08-20")["October"].slot.head == "end"
    )


def test_late_in_a_month_is_its_last_days(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "bridge.txt": "date 2027-07-14\n"
            "The council said on Wednesday that the bridge would reopen in late October.\n"
        }
    )
    draft = "The bridge will reopen on {}, the council said."
    assert corpus.flagged(draft.format("October 5"), on="2027-07-16") == [(Kind.EVENT_DATE, "October 5")]
    assert corpus.flags(draft.format("October 25"), on="2027-07-16") == []
    assert corpus.flags(draft.format("the last day of October"), on="2027-07-16") == []


def test_a_closure_announced_on_a_day_is_an_announcement_that_day(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "closure.txt": "date 2027-12-08\n"
            "The museum will close on Saturday for at least six months, the city council said on Monday.\n"
        }
    )
    assert corpus.flags("The city council announced the closure on Monday.", on="2027-12-10") == []


def test_a_later_statement_may_be_the_one_reported(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "delay.txt": "date 2028-01-26\n"
            "The museum is now not expected to reopen until June, six months later than planned, "
            "Carrowby City Council said on Monday.\n",
            "slip.txt": "date 2028-03-15\n"
            "Carrowby City Council said on Monday that a long dispute with Stratton Abatement, its asbestos "
            "contractor, over late payments for extra work in the basement had been settled. The museum "
            "will now reopen on January 15, 2029.\n",
        }
    )
    draft = (
        "The museum is now not expected to reopen until January 15 next year, "
        "the city council said on Monday."
    )
    assert corpus.flags(draft, on="2028-03-17") == []


def test_holding_a_meeting_is_not_what_makes_two_meetings_one(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "friends.txt": "date 2028-01-26\n"
            "Edith Sowerby said the Friends group would hold a public meeting at Eastwick on February 9.\n"
        }
    )
    assert (
        corpus.flags("The council will hold a full meeting on March 22 to debate the petition.", "2028-03-17")
        == []
    )


def test_a_month_leaves_no_doubt_about_which_day(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "arrival.txt": "date 2027-04-07\nTwo snow leopards arrived at Harwick Zoo on Monday.\n",
            "later.txt": "date 2027-07-14\n"
            "One of the snow leopards that arrived at Harwick Zoo in April is pregnant, the zoo said.\n",
        }
    )
    draft = "{} arrival of two snow leopards at Harwick Zoo drew a crowd."
    assert corpus.flagged(draft.format("Tuesday's"), on="2027-04-09") == [(Kind.EVENT_DATE, "Tuesday")]
    assert corpus.flags(draft.format("Monday's"), on="2027-04-09") == []


def test_a_start_and_an_end_in_one_sentence_are_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"end.txt": "date 2028-08-02\nThe heatwave ended on July 15, after 36 days. It began on June 10.\n"}
    )
    draft = "The heatwave, which began on {}, ended on July 15 after 36 days."
    assert corpus.flagged(draft.format("June 12"), on="2028-08-04") == [(Kind.EVENT_DATE, "June 12")]
    assert corpus.flags(draft.format("June 10"), on="2028-08-04") == []


def test_a_place_after_its_preposition_says_where_not_whose(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "closed.md": "---\ndate: 2027-10-27\n---\n"
            "Fennick Lane School in Corranby closed on Monday for two weeks.\n",
            "reopened.md": "---\ndate: 2027-11-17\n---\n"
            "Fennick Lane School reopened on November 8 after two weeks closed.\n",
        }
    )
    draft = "Fennick Lane School in Corranby reopened on November 8 after a fortnight's closure."
    assert corpus.flags(draft, on="2027-11-19") == []


def test_an_opening_is_its_subject_s(corpus_of: CorpusOf) -> None:
    # "the ballot would open" dates the ballot's opening, which a university's is not
    source = "Dr Tom Gethin said the ballot would open on January 27 and close on February 17."
    assert "of:vote" in read(source, on="2031-01-15")["January 27"].slot.marks
    corpus = corpus_of({"ballot.md": "---\ndate: 2031-01-15\n---\n" + source + "\n"})
    assert corpus.flagged("Gethin said the ballot would open on January 29.", on="2031-01-20") == [
        (Kind.EVENT_DATE, "January 29")
    ]


def test_what_closed_is_the_subject_not_what_it_was_for() -> None:
    found = read(
        "The ballot for places closed on Monday after receiving 61,000 applications.", on="2028-01-12"
    )
    assert "of:vote" in found["Monday"].slot.marks  # a ballot is a vote to the rules, and not its places


def test_a_date_after_an_apposition_dates_the_act_before_it() -> None:
    found = read(
        "Mr Achterberg took over from Dr Ruth Adeyemi, the interim chief executive, on July 1.",
        on="2031-09-23",
    )
    assert found["July 1"].slot.head != ""


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Members chose her at Sunday's annual meeting.", "meet"),
        ("The mine's future was discussed after Tuesday's partial reopening.", "reopen"),
        ("Wednesday's announcement means the ban will start on August 2.", "announce"),
    ],
)
def test_a_possessive_date_dates_the_noun_its_adjectives_describe(sentence: str, event: str) -> None:
    [day] = [m for m in read(sentence, on="2031-07-10").values() if m.text.endswith("day")]
    assert day.slot.head == event


def test_a_date_moved_forward_dates_the_thing_moved_not_the_move() -> None:
    moved = read(
        "Breakthrough has been brought forward from May to April 2031, the engineers said on Wednesday.",
        on="2030-11-21",
    )
    assert (moved["May"].slot.head, moved["April 2031"].slot.head) == ("breakthrough", "breakthrough")
    assert (
        read("Tunnel breakthrough brought forward to April.", on="2030-11-21")["April"].slot.head
        == "breakthrough"
    )
    # a verb with an object moves its object, as it always did
    assert read("The council moved the vote to April 3.", on="2030-11-21")["April 3"].slot.head == "vote"


def test_a_date_naming_its_event_is_the_one_event_of_that_word(corpus_of: CorpusOf) -> None:
    """ "Wednesday's collapse" names the one collapse the sources date, however little else the
    sentences share; where they date two collapses, which one the draft means is open."""
    ferries = "date 2031-03-12\nKestrel Ferries collapsed on Tuesday, leaving 300 passengers stranded.\n"
    corpus = corpus_of({"ferries.txt": ferries})
    draft = "{} collapse followed weeks of failed talks with investors."
    assert corpus.flagged(draft.format("Wednesday's"), on="2031-03-14") == [(Kind.EVENT_DATE, "Wednesday")]
    assert corpus.flags(draft.format("Tuesday's"), on="2031-03-14") == []
    two = corpus_of(
        {
            "ferries.txt": ferries,
            "tours.txt": "date 2031-03-13\nHarbour Tours collapsed on Wednesday after its bank withdrew.\n",
        }
    )
    assert two.flags(draft.format("Wednesday's"), on="2031-03-14") == []


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("The full reopening of the library has been fixed for March 14.", []),
        ("The full reopening of the library has been fixed for March 21.", [(Kind.EVENT_DATE, "March 21")]),
        ("Completion of the new wing is now expected in June.", []),
        ("Completion of the new wing is now expected in September.", [(Kind.EVENT_DATE, "September")]),
    ],
)
def test_what_a_date_is_fixed_or_expected_for_is_its_subject(
    corpus_of: CorpusOf, draft: str, flagged: list[tuple[Kind, str]]
) -> None:
    """ "has been fixed for", "is now expected in" say when their subject happens: the reopening,
    the completion, not a repair or an expectation."""
    corpus = corpus_of(
        {
            "library.txt": "date 2031-02-03\nThe library will reopen on March 14, the council said. "
            "The new wing will be completed in June.\n"
        }
    )
    assert corpus.flagged(draft, on="2031-02-10") == flagged


def test_a_date_after_a_verbs_object_dates_the_verb() -> None:
    """ "served an enforcement notice on the inn on Thursday" dates the serving, as the passive
    "a notice was served on the inn on Tuesday" does, and "approved the restoration of the chapel
    on Monday" the approval; a light verb's noun ("completed its takeover on Monday") and a date
    closing an event noun's own phrase stay the noun's."""
    served = "The fire service served an enforcement notice on the Harbour Inn on Thursday."
    assert read(served, on="2031-05-09")["Thursday"].slot.head == "serve"
    approved = "The committee approved the restoration of the chapel on Monday."
    assert read(approved, on="2031-05-09")["Monday"].slot.head == lexicon().synonym("approve")
    completed = "Corvanta completed its takeover of the firm on Monday."
    assert read(completed, on="2031-05-09")["Monday"].slot.head == lexicon().synonym("takeover")


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The lifeboat crew launched an appeal on Wednesday to raise £300,000.", "launch"),
        ("The cabinet voted on Tuesday to close the library.", "vote"),
        ("Applicants have until April 14 to register.", "register"),
        ("Diggers moved on to the farm on Tuesday to start work on the solar park.", "start"),
    ],
    ids=["purpose after a deed", "purpose after a vote", "a deadline's deed", "getting there to do it"],
)
def test_an_infinitive_of_purpose_after_a_dated_deed_is_not_the_event(sentence: str, event: str) -> None:
    [when] = [
        m
        for text, m in read(sentence, on="2033-01-14").items()
        if text[:1].isupper() and m.kind is Kind.EVENT_DATE
    ]
    assert when.slot.head == lexicon().synonym(event)


def test_planning_permission_is_an_approval(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "approved.md": "---\ndate: 2033-05-04\n---\n"
            "Darrowfield District Council's planning committee approved the Mill Lane footbridge at Hollesby "
            "on Thursday.\n"
        }
    )
    draft = "The Mill Lane footbridge at Hollesby was given planning permission {} by the planning committee."
    assert corpus.flags(draft.format("last Thursday"), on="2033-05-07") == []
    assert corpus.flagged(draft.format("on Thursday"), on="2033-05-07") == [(Kind.EVENT_DATE, "Thursday")]


def test_the_time_a_figure_held_is_not_an_event_s_date(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "members.md": "---\ndate: 2029-05-17\n---\n"
            "Membership of the orchard trust has risen to 410, up from 356 in March.\n"
        }
    )
    assert (
        corpus.flags("Membership of the orchard trust has climbed to 468, from 410 in May.", on="2029-10-15")
        == []
    )
    # a date of a deed beside a figure is still that deed's
    assert corpus_of(
        {"deal.md": "---\ndate: 2028-06-21\n---\nThe society has extended its sponsorship deal to 2032.\n"}
    ).flagged("The society has extended its sponsorship deal by two years, to 2031.", on="2028-06-23") == [
        (Kind.EVENT_DATE, "2031")
    ]


def test_again_before_after_leaves_the_date_to_what_follows_after(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"reopened.md": "---\ndate: 2033-07-13\n---\nThe Harbour Lift reopened to passengers on Saturday.\n"}
    )
    draft = "Passengers are riding the Harbour Lift again after {} reopening."
    assert corpus.flags(draft.format("Saturday's"), on="2033-07-15") == []
    assert corpus.flagged(draft.format("Sunday's"), on="2033-07-15") == [(Kind.EVENT_DATE, "Sunday")]
    assert "again" in read("Response times improved again in March.", on="2033-07-16")["March"].slot.marks


def test_the_end_of_that_contract_is_an_expiry() -> None:
    found = read(
        "With the expiry of that contract on April 30, a new operator will be sought.", on="2033-02-28"
    )
    assert found["April 30"].slot.head == lexicon().synonym("end")
    # "said that" still opens a clause of its own
    assert read("He said that on Monday he had resigned.", on="2033-02-28")[
        "Monday"
    ].slot.head == lexicon().synonym("resign")


def test_a_conjunction_opens_a_headline_s_second_clause() -> None:
    # headlines run two clauses together without a comma: July is the inquiry's, not the refusal's
    headline = "Norvane appeals against data centre refusal as public inquiry is set for July"
    assert read(headline, on="2034-06-22")["July"].slot.head == lexicon().synonym("inquiry")


def test_a_date_after_a_noun_s_participle_dates_that_participle() -> None:
    found = read("The rink will open on September 1, earlier than the date set in May.", on="2029-07-03")
    assert found["May"].slot.head == lexicon().synonym("set")
