"""Role: a person and their title, compared with the title the sources give them."""

from __future__ import annotations

import pytest

from factlint.model import Kind
from factlint.slots.model import Title

from .checking import Corpus, CorpusOf, read

ON = "2021-04-02"


@pytest.mark.parametrize(
    ("draft", "claim"),
    [
        (
            "Turkish Defence Minister Mevlut Cavusoglu met Afghan President Ashraf Ghani.",
            "Turkish Defence Minister",
        ),
        ("State Department envoy Ned Price said Khalilzad stayed in Doha.", "State Department envoy"),
        ("US Secretary of State Ned Price said Khalilzad stayed in Doha.", "Secretary of State"),
    ],
    ids=["another portfolio", "another office", "another office, of-form"],
)
def test_a_title_the_sources_contradict_is_flagged(seeds: Corpus, draft: str, claim: str) -> None:
    [finding] = seeds.flags(draft, on=ON)
    assert (finding.kind, finding.claim_text) == (Kind.ROLE, claim)


def test_the_finding_names_the_person_and_their_title_in_the_sources(seeds: Corpus) -> None:
    [finding] = seeds.flags("Turkish Defence Minister Mevlut Cavusoglu spoke to reporters.", on=ON)
    assert "Cavusoglu" in finding.message
    assert finding.expected == ("Turkish Foreign Minister",)


def test_a_title_finding_underlines_its_holder_and_fixes_only_the_title(seeds: Corpus) -> None:
    # the title may be wrong, or the name: the pairing is, so both are underlined
    draft = "Turkish Defence Minister Mevlut Cavusoglu spoke to reporters."
    [finding] = seeds.flags(draft, on=ON)
    assert draft[finding.start : finding.end] == "Turkish Defence Minister Mevlut Cavusoglu"
    start, end = finding.value_span
    assert draft[start:end] == finding.claim_text == "Turkish Defence Minister"


@pytest.mark.parametrize(
    "draft",
    [
        "Turkish Foreign Minister Mevlut Cavusoglu met Afghan President Ashraf Ghani.",
        "State Department spokesman Ned Price said Khalilzad stayed in Doha.",
        "The militant group's spokesman, Mohammad Naeem, called for the withdrawal of foreign forces.",
    ],
    ids=["title before the name", "organisation and title", "title in apposition"],
)
def test_the_sources_titles_pass(seeds: Corpus, draft: str) -> None:
    assert seeds.flags(draft, on=ON) == []


def test_a_title_marked_as_past_is_not_compared(transit: Corpus) -> None:
    assert transit.flagged("Finance Minister Tom Ellery travelled on the first tram.", on="2025-05-16") == [
        (Kind.ROLE, "Finance Minister")
    ]
    assert (
        transit.flags("Former Finance Minister Tom Ellery travelled on the first tram.", on="2025-05-16")
        == []
    )


def test_a_title_in_apposition_after_the_name_is_compared(transit: Corpus) -> None:
    assert transit.flagged(
        "Tom Ellery, the finance minister, travelled on the first tram.", on="2025-05-16"
    ) == [(Kind.ROLE, "finance minister")]
    assert (
        transit.flags("Tom Ellery, the transport minister, travelled on the first tram.", on="2025-05-16")
        == []
    )


def test_a_former_office_is_not_refuted_by_the_one_office_held_now(corpus_of: CorpusOf) -> None:
    # Two sources call her deputy mayor; "the former mayor" says what she was, not what she is.
    corpus = corpus_of(
        {
            "one.txt": "date 2024-05-01\nDeputy Mayor Chloe Ferreira said 141 polling stations opened.\n",
            "two.txt": "date 2024-05-02\nDeputy Mayor Chloe Ferreira said the count would finish by noon.\n",
        }
    )
    assert (
        corpus.flags("The former mayor, Chloe Ferreira, started work on the project.", on="2024-05-03") == []
    )


@pytest.fixture
def utility(corpus_of: CorpusOf) -> Corpus:
    return corpus_of(
        {
            "board.txt": (
                "date 2024-03-04\n"
                "The utility's managing director, Priya Rault, said the pipe would be replaced by June. "
                "Its director of procurement, Owen Marsh, said the contract was worth £12m. "
                "The mayor, Councillor Dara Kinsella, opened the pumping station.\n"
            )
        }
    )


@pytest.mark.parametrize(
    ("draft", "claim"),
    [
        (
            "The utility's operations director, Priya Rault, said the pipe would be replaced.",
            "operations director",
        ),
        ("The pipe will be replaced, said its chief executive, Owen Marsh.", "chief executive"),
        ("The deputy mayor, Councillor Dara Kinsella, opened the pumping station.", "deputy mayor"),
        (
            "Priya Rault, Harwick Water's operations director, said the pipe would be replaced.",
            "operations director",
        ),
        ("The pipe will be replaced, said the utility's chief executive, Dr Owen Marsh.", "chief executive"),
        ("The pipe will be replaced, said the utility's chairman, Owen Marsh.", "chairman"),
    ],
    ids=[
        "a participle names the office",
        "two offices of generic heads",
        "an honorific after the comma",
        "an owner's title after the name, no determiner",
        "Dr after the comma",
        "an office against a generic head made one",
    ],
)
def test_one_office_named_otherwise_is_flagged(utility: Corpus, draft: str, claim: str) -> None:
    assert utility.flagged(draft, on="2024-03-06") == [(Kind.ROLE, claim)]


@pytest.mark.parametrize(
    "draft",
    [
        "The utility's managing director, Priya Rault, said the pipe would be replaced.",
        "Director Priya Rault said the pipe would be replaced.",
        "Senior engineer Owen Marsh said the contract was worth £12m.",
        "The mayor, Councillor Dara Kinsella, opened the pumping station.",
    ],
    ids=[
        "the same office",
        "a bare generic head",
        "a trade beside an office",
        "the honorific and the office",
    ],
)
def test_titles_that_may_both_hold_pass(utility: Corpus, draft: str) -> None:
    assert utility.flags(draft, on="2024-03-06") == []


@pytest.mark.parametrize(
    ("draft", "flagged"),
    [
        ("Its chairman, Councillor Michael Dunne, said the gains outweighed the noise.", []),
        ("Michael Dunne, the MP who chairs the committee, said the gains outweighed the noise.", []),
        ("Its treasurer, Councillor Michael Dunne, said the gains outweighed the noise.", ["treasurer"]),
    ],
    ids=["a councillor who chairs", "an MP who chairs", "another office"],
)
def test_a_seat_in_a_body_is_held_beside_an_office(
    corpus_of: CorpusOf, draft: str, flagged: list[str]
) -> None:
    corpus = corpus_of(
        {
            "approval.txt": "date 2027-11-24\n"
            "Councillor Michael Dunne, who chairs the planning committee, said the benefits outweighed "
            "the harm from extra noise. The committee's chairman, Michael Dunne, voted in favour.\n"
        }
    )
    assert [f.claim_text for f in corpus.flags(draft, on="2027-11-26")] == flagged


def test_an_acting_holder_holds_the_office_a_deputy_does_not(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "resign.txt": "date 2027-10-20\n"
            "His deputy, Priya Nandakumar, has been appointed acting fund manager for six months.\n",
            "police.txt": "date 2027-11-24\n"
            "Priya Nandakumar, the acting fund manager, said the fund would try to recover the money.\n",
        }
    )
    assert (
        corpus.flags("The acting fund manager, Priya Nandakumar, has hired a law firm.", on="2027-11-26")
        == []
    )
    assert corpus.flags("The fund manager, Priya Nandakumar, has hired a law firm.", on="2027-11-26") == []


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Sam Okafor, the Transport Workers' Union's national president, said so.", "national president"),
        ("Oskar Lind, Helmforge Launch Systems' chief engineer, said so.", "chief engineer"),
        ("Owen Tate, Carrick & Venn's chairman, has said so.", "chairman"),
        ("Its curator, Helen Marsh, said so.", "curator"),
    ],
    ids=["owner with an apostrophe", "owner ending in s'", "owner with an ampersand", "a curator"],
)
def test_a_title_after_whose_office_it_is(sentence: str, title: str) -> None:
    assert read(sentence, on="2029-02-16")[title].kind is Kind.ROLE


def test_a_title_of_a_firm_with_an_ampersand_is_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "contractor.md": "---\ndate: 2029-10-03\n---\n"
            "Carrick & Venn beat four other bidders. Its managing director, Owen Tate, said the firm would "
            "hire 40 apprentices.\n"
        }
    )
    draft = "Owen Tate, Carrick & Venn's {}, has said the first phase will create 40 apprenticeships."
    assert corpus.flagged(draft.format("chairman"), on="2029-12-07") == [(Kind.ROLE, "chairman")]
    assert corpus.flags(draft.format("managing director"), on="2029-12-07") == []


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "Dr Ruth Adeyemi, who has been interim chief executive since April 14, will return.",
            "interim chief executive",
        ),
        ("The finance director, Alan Quigley, became acting chief executive.", "acting chief executive"),
        ("Tom Hargreaves is finance director.", "finance director"),
        (
            "Priya Varma, its head of wastewater, will act as operations director for now.",
            "operations director",
        ),
        (
            "Nessa Corrigan, the cooperative's founding chair, has been made its honorary president.",
            "honorary president",
        ),
    ],
)
def test_a_title_given_by_a_verb_is_a_title(sentence: str, title: str) -> None:
    assert title in read(sentence, on="2031-05-15")


def test_a_body_before_a_title_says_whose_office_not_which(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "closure.txt": "date 2029-03-01\nBethan Crowe, regional officer of the Graphical Workers' "
            "Alliance, said members were shocked.\n"
        }
    )
    assert corpus.flags("Union officer Bethan Crowe said members were shocked.", on="2029-04-30") == []
    assert corpus.flagged("Press officer Bethan Crowe said members were shocked.", on="2029-04-30") == [
        (Kind.ROLE, "Press officer")
    ]


def test_a_title_the_sources_give_by_a_verb_passes(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "lease.txt": "date 2033-03-24\nThe cooperative's chair, Nessa Corrigan, signed the lease.\n",
            "slipway.md": "---\ndate: 2033-07-21\n---\nNessa Corrigan, the cooperative's founding chair, "
            "has been made its honorary president.\n",
        }
    )
    draft = "Nessa Corrigan, the cooperative's founding chair, is now its honorary president."
    assert corpus.flags(draft, on="2033-07-26") == []


def test_an_incoming_title_is_not_held_yet(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "leader.txt": "date 2033-11-16\nShe will be succeeded on January 2, 2034, by finance director "
            "Imran Shah.\n",
            "yearend.md": "---\ndate: 2033-12-07\n---\nIncoming managing director Imran Shah said the "
            "company would publish a product safety review in March.\n",
        }
    )
    assert corpus.flags("Finance director Imran Shah, 46, takes over on January 2.", on="2033-12-09") == []
    incoming = read("Incoming managing director Imran Shah spoke.", on="2033-12-09")[
        "Incoming managing director"
    ]
    assert isinstance(incoming.value, Title) and incoming.value.past


def test_a_title_to_come_is_no_title_yet() -> None:
    assert "chair" not in read(
        "Priya Shah, who becomes chair of the trust in January, spoke.", on="2027-11-26"
    )


def test_the_office_someone_replaces_a_person_in_is_not_a_title_of_theirs() -> None:
    assert "head" not in read(
        "Two members are standing to replace Henri Castagne as head of the cooperative.", on="2031-06-19"
    )


def test_a_title_held_before_a_change_of_office_is_not_refuted(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "collapse.md": "---\ndate: 2030-09-25\n---\n"
            "Morag Feeney resigned as chief executive on Monday, and the finance director, Alan Quigley, "
            "became acting chief executive.\n",
            "sale.md": "---\ndate: 2030-10-16\n---\n"
            "Alan Quigley, who became acting chief executive the day before the collapse, is working with "
            "the administrators.\n",
        }
    )
    draft = "Alan Quigley, the {} who took over as acting chief executive, declined to comment."
    assert corpus.flags(draft.format("finance director"), on="2030-10-18") == []
    assert corpus.flagged(draft.format("sales director"), on="2030-10-18") == [(Kind.ROLE, "sales director")]


DYCE = "Rhiannon Dyce, leader of Calderwick County Council,"
COUNCIL_LEADER = {
    "cost.txt": f"date 2030-09-05\n{DYCE} said the county would not pay.\n",
    "geology.txt": f"date 2030-10-24\n{DYCE} asked for the report.\n",
}


@pytest.mark.parametrize(
    ("title", "flagged"),
    [("deputy leader", ["deputy leader"]), ("vice-chair", []), ("leader", [])],
    ids=["a deputy of the office", "another office, not a rank", "the office"],
)
def test_a_deputy_holds_another_office_than_the_one_they_deputise(
    corpus_of: CorpusOf, title: str, flagged: list[str]
) -> None:
    corpus = corpus_of({"cost.txt": COUNCIL_LEADER["cost.txt"]})
    draft = f"Rhiannon Dyce, the {title} of Calderwick County Council, said the county would not pay."
    assert [f.claim_text for f in corpus.flags(draft, on="2030-09-09")] == flagged


def test_the_one_title_the_sources_give_is_counted_over_every_source_before_the_draft(
    corpus_of: CorpusOf,
) -> None:
    corpus = corpus_of(COUNCIL_LEADER)
    draft = "Rhiannon Dyce, the chief executive of Calderwick County Council, asked for the report."
    # one title in each of two articles: the person holds the one office, whichever is the latest
    assert corpus.flagged(draft, on="2030-10-28") == [(Kind.ROLE, "chief executive")]


@pytest.mark.parametrize(
    ("title", "flagged"),
    [("culture chief", []), ("finance chief", ["finance chief"])],
    ids=["its portfolio before a generic head", "another portfolio"],
)
def test_a_generic_head_of_the_persons_portfolio_names_their_office(
    corpus_of: CorpusOf, title: str, flagged: list[str]
) -> None:
    ellery = "Morag Ellery, the council's cabinet member for culture,"
    corpus = corpus_of(
        {
            "venue.txt": f"date 2031-07-10\n{ellery} welcomed the move.\n",
            "prizes.txt": f"date 2031-07-31\n{ellery} presented the prizes.\n",
        }
    )
    draft = f"Morag Ellery, the council's {title}, said the fair would return next year."
    assert [f.claim_text for f in corpus.flags(draft, on="2031-08-04")] == flagged


def test_a_title_is_read_once_in_full(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "petition.md": "---\ndate: 2033-02-22\n---\n"
            "Chief fire officer Gwen Tallis said 1,100 responses had come in.\n"
        }
    )
    draft = "Gwen Tallis, the chief fire officer, said 1,100 responses had come in so far."
    roles = [m.text for m in read(draft, on="2033-02-25").values() if m.kind is Kind.ROLE]
    assert roles == ["chief fire officer"]
    assert corpus.flags(draft, on="2033-02-25") == []


@pytest.mark.parametrize(
    ("title", "flagged"),
    [("transport chief", []), ("housing chief", ["housing chief"])],
    ids=["the office's portfolio", "another portfolio"],
)
def test_a_generic_head_is_compared_with_the_persons_office_not_their_seat(
    corpus_of: CorpusOf, title: str, flagged: list[str]
) -> None:
    okafor = "Councillor Dev Okafor, the cabinet member for transport,"
    corpus = corpus_of(
        {
            "plans.txt": f"date 2034-02-15\n{okafor} said 3,200 passengers a day were expected.\n",
            "delay.txt": f"date 2034-03-15\n{okafor} said the delay was regrettable.\n",
            "launch.txt": "date 2034-06-21\nCouncillor Dev Okafor said a sixth pier would be considered.\n",
        }
    )
    draft = f"The council's {title}, Dev Okafor, said a sixth pier could follow."
    assert [f.claim_text for f in corpus.flags(draft, on="2034-06-24")] == flagged


@pytest.mark.parametrize(
    ("sentence", "title", "past"),
    [
        ("Tom Hargreaves is the club's chief executive.", "chief executive", False),
        ("Tom Hargreaves is currently the club's chief executive.", "chief executive", False),
        ("Tom Hargreaves was previously the club secretary.", "club secretary", True),
        ("The captaincy has passed to Morag Innes, previously the club secretary.", "club secretary", True),
        ("Sunita Rao was voted in as the trust's secretary.", "secretary", False),
        ("Sunita Rao was elected treasurer.", "treasurer", False),
        ("Martin Okafor, the co-operative's chair, said it was bad.", "chair", False),
        ("The figures came from Owen Ashby, the council's deputy leader.", "deputy leader", False),
        (
            "Maya Oduro, who has led the scheme as cabinet member for housing, was made deputy leader.",
            "deputy leader",
            False,
        ),
    ],
    ids=[
        "whose office",
        "currently",
        "previously",
        "an apposition, previously",
        "voted in as",
        "elected",
        "a hyphened owner",
        "an owner's title makes a person of a 'from' name",
        "past a relative clause",
    ],
)
def test_a_title_said_of_a_person_by_a_predicate_or_an_apposition(
    sentence: str, title: str, past: bool
) -> None:
    [role] = [m for m in read(sentence, on="2031-05-05").values() if m.kind is Kind.ROLE and m.text == title]
    assert isinstance(role.value, Title)
    assert role.value.past is past


@pytest.mark.parametrize(
    ("sentence", "verb", "head", "past"),
    [
        (
            "Gareth Pell, who chairs the fundraising appeal, said so.",
            "chairs the fundraising appeal",
            "chairman",
            False,
        ),
        ("Inès Marchal heads the Saint-Aubin cider cooperative.", "heads", "head", False),
        ("Kofi Mensah, who leads the survey team, said so.", "leads the survey team", "leader", False),
        (
            "Kofi Mensah, who has led the survey team since 2019, said so.",
            "led the survey team",
            "leader",
            False,
        ),
        ("Kofi Mensah, who led the survey team, said so.", "led the survey team", "leader", True),
        (
            "Gareth Pell, who will chair the appeal for the new hall, said so.",
            "chair the appeal",
            "chairman",
            True,
        ),
    ],
    ids=["who chairs", "a full name that heads", "who leads", "has led", "led: held before", "will chair"],
)
def test_a_verb_of_office_gives_its_holder_the_title(sentence: str, verb: str, head: str, past: bool) -> None:
    role = read(sentence, on="2031-05-05")[verb]
    assert role.kind is Kind.ROLE and isinstance(role.value, Title)
    assert (role.value.head, role.value.past) == (head, past)


@pytest.mark.parametrize(
    "sentence",
    [
        "Harbour Rovers lead the league by four points.",
        "The search was led by Kofi Mensah.",
        "The work leads to a new road.",
        "Kofi Mensah said the chair of the board had resigned.",
    ],
    ids=["a name not known as a person", "a passive", "no object", "a noun"],
)
def test_what_is_no_verb_of_office(sentence: str) -> None:
    assert not [m for m in read(sentence, on="2031-05-05").values() if m.kind is Kind.ROLE]


def test_a_title_given_by_a_verb_of_office_confirms_the_draft_s_title(corpus_of: CorpusOf) -> None:
    # older sources give one title twice; the latest gives the office he holds now by a verb
    corpus = corpus_of(
        {
            "appeal.txt": "date 2031-01-14\nGareth Pell, who has been team leader for 12 years, said the "
            "depot was too small.\n",
            "rescue.txt": "date 2031-02-18\nGareth Pell, the team leader, said the pair were unlucky.\n",
            "base.txt": "date 2031-07-22\nGareth Pell, who chairs the appeal, said building would begin "
            "on September 5.\n",
        }
    )
    draft = "The appeal chairman, Gareth Pell, blamed the delay on the wait for a power connection."
    assert corpus.flags(draft, on="2031-07-26") == []
    assert corpus.confirms(draft, on="2031-07-26", kind=Kind.ROLE) != []


def test_a_title_given_by_a_verb_of_office_refutes_nothing(corpus_of: CorpusOf) -> None:
    # "leads the walk" need not be an office: the treasurer may lead it
    corpus = corpus_of(
        {
            "walk.txt": "date 2031-07-22\nGareth Pell, who leads the Sunday walk, said 40 people came.\n",
        }
    )
    assert corpus.flags("The club's treasurer, Gareth Pell, said 40 people came.", on="2031-07-26") == []


def test_a_draft_s_verb_of_office_is_compared_as_its_title(corpus_of: CorpusOf) -> None:
    # an office held is the role's to judge, not a deed of the person's
    corpus = corpus_of(
        {
            "opening.txt": "date 2031-07-22\nThe museum trust's manager, Ines Carrow, said 900 people came. "
            "Gareth Pell, who chairs the museum trust, thanked the volunteers.\n",
            "visitors.txt": "date 2031-07-24\nInes Carrow, the museum trust's manager, said it would "
            "open late.\n",
        }
    )
    draft = "Ines Carrow, who chairs the museum trust, said 900 people came."
    assert corpus.flagged(draft, on="2031-07-26") == [(Kind.ROLE, "chairs the museum trust")]
    # "who manager" would not read: the sources' title is shown, not offered as a replacement
    [finding] = corpus.flags(draft, on="2031-07-26")
    assert finding.expected and not finding.replaceable
    assert (
        corpus.flags("Gareth Pell, who chairs the museum trust, thanked the volunteers.", on="2031-07-26")
        == []
    )


@pytest.mark.parametrize(
    ("title", "flagged"),
    [
        ("the stallholders' leader", []),
        ("the stallholders' treasurer", ["treasurer"]),
        ("the council leader", ["council leader"]),
    ],
    ids=["a generic head of the body's members", "another office", "an office of another owner"],
)
def test_a_generic_head_of_the_same_owner_says_the_leading_office_loosely(
    corpus_of: CorpusOf, title: str, flagged: list[str]
) -> None:
    chair = "Dana Ferris, the chair of the stallholders' association,"
    corpus = corpus_of(
        {
            "move.txt": f"date 2033-03-01\n{chair} said takings were down.\n",
            "review.txt": f"date 2033-07-01\n{chair} said the fund had been spent.\n",
        }
    )
    draft = f"Dana Ferris, {title}, said the last months had been hard."
    assert [f.claim_text for f in corpus.flags(draft, on="2033-09-23")] == flagged


def test_a_draft_s_verb_of_office_in_another_body_is_not_refuted(corpus_of: CorpusOf) -> None:
    # one person may run the co-operative and chair a club
    corpus = corpus_of(
        {
            "plan.txt": "date 2030-09-01\nOwen Tarrant, the co-operative's chief executive, said it was "
            "a good day.\n",
            "delay.txt": "date 2030-10-01\nOwen Tarrant, the co-operative's chief executive, called it "
            "disappointing.\n",
        }
    )
    draft = "Mr Tarrant, who has chaired the sailing club since 2024, said he would have more time."
    assert corpus.flags(draft, on="2030-10-18") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Kofi Mensah, who chairs the survey team, said so.",
        "At the council's meeting, Kofi Mensah, who chairs the survey team, said so.",
    ],
    ids=["alone", "after a possessive earlier in the sentence"],
)
def test_a_verb_of_office_s_owner_is_its_object(sentence: str) -> None:
    role = read(sentence, on="2031-05-05")["chairs the survey team"]
    assert isinstance(role.value, Title) and role.value.owner == ("survey", "team")
    chaired = read("Kofi Mensah, who chairs the council's planning committee, said so.", on="2031-05-05")
    [title] = [m.value for m in chaired.values() if m.kind is Kind.ROLE]
    assert isinstance(title, Title) and title.owner == ("council", "plan", "committee")  # dictionary forms


def test_a_trade_the_sources_always_give_is_held_beside_a_post(corpus_of: CorpusOf) -> None:
    threlfall = "Professor Alison Threlfall"
    corpus = corpus_of(
        {
            "depart.txt": f"date 2034-11-14\nThe expedition is led by {threlfall}, a glaciologist.\n",
            "injury.txt": f"date 2034-12-19\n{threlfall} broke her leg in a fall on Monday.\n",
        }
    )
    draft = f"Dr Kwame Asante is in charge after the expedition's leader, {threlfall}, broke her leg."
    assert corpus.flags(draft, on="2034-12-22") == []
