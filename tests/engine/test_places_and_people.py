"""Place and person: where an event happened, and who did it."""

from __future__ import annotations

import pytest

from factlint.model import Kind

from .checking import Corpus, CorpusOf, read, source_names

MEETING = "Turkish Foreign Minister Mevlut Cavusoglu met Afghan President Ashraf Ghani in {} this week."
ON = "2021-04-02"


def test_a_place_the_sources_do_not_give_for_the_event_is_flagged(seeds: Corpus) -> None:
    [finding] = seeds.flags(MEETING.format("Uzbekistan"), on=ON)
    assert (finding.kind, finding.claim_text) == (Kind.PLACE, "Uzbekistan")
    assert finding.expected == ("Tajikistan",)


@pytest.mark.parametrize("place", ["Tajikistan", "Dushanbe"], ids=["the same place", "a city within it"])
def test_the_sources_place_or_a_place_within_it_passes(seeds: Corpus, place: str) -> None:
    assert seeds.flags(MEETING.format(place), on=ON) == []


def test_a_place_in_a_new_corpus_is_compared(transit: Corpus) -> None:
    draft = "The tunnel boring machine, built in {}, is named Agnes after the city's first female mayor."
    [finding] = transit.flags(draft.format("Italy"), on="2024-09-03")
    assert (finding.kind, finding.claim_text) == (Kind.PLACE, "Italy")
    assert transit.flags(draft.format("Germany"), on="2024-09-03") == []


def test_someone_else_named_in_the_sources_statement_is_flagged(seeds: Corpus) -> None:
    draft = (
        "During Monday's phone conversation, Turkish Foreign Minister Mevlut Cavusoglu and "
        "US Secretary of State {} discussed the Afghanistan conflict."
    )
    [finding] = seeds.flags(draft.format("Mike Pompeo"), on="2021-04-14")
    assert (finding.kind, finding.claim_text) == (Kind.PERSON, "Mike Pompeo")
    assert source_names(finding) == {"003_a5a73680dd0e2c6b.txt"}
    assert seeds.flags(draft.format("Antony Blinken"), on="2021-04-14") == []


def test_a_person_in_a_new_corpus_is_compared(transit: Corpus) -> None:
    draft = "Chief engineer {} said the crews had removed about 180,000 tonnes of earth."
    assert transit.flagged(draft.format("Sarah Lund"), on="2024-09-03") == [(Kind.PERSON, "Sarah Lund")]
    assert transit.flags(draft.format("Priya Raman"), on="2024-09-03") == []


def test_who_did_it_is_compared_with_who_did_the_same(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "docking.txt": "date 2025-10-22\n"
            '"The room just went silent," said Lena Varga, the flight director who led the docking team '
            "in Turin. Paolo Reyes, the mission director, said the docking had been flawless.\n"
        }
    )
    passive = "The docking team in Turin was led by mission director {}."
    assert corpus.flagged(passive.format("Paolo Reyes"), on="2025-10-23") == [(Kind.PERSON, "Paolo Reyes")]
    assert (
        corpus.flags("The docking team in Turin was led by flight director Lena Varga.", on="2025-10-23")
        == []
    )
    assert (
        corpus.flags(
            "Mission director Paolo Reyes said the docking in Turin had been flawless.", on="2025-10-23"
        )
        == []
    )


def test_a_full_name_that_does_something_is_a_person(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"golf.txt": "date 2015-04-10\nRory McIlroy carded a one-under-par 71 at Augusta on Thursday.\n"}
    )
    on = "2015-04-11"
    assert corpus.flagged("Justin Rose carded a one-under-par 71 at Augusta on Thursday.", on=on) == [
        (Kind.PERSON, "Justin Rose")
    ]
    assert corpus.flags("Rory McIlroy carded a one-under-par 71 at Augusta on Thursday.", on=on) == []


def test_a_statement_whose_other_values_differ_is_about_another_event(corpus_of: CorpusOf) -> None:
    # two elections in one city, not one election with a wrong winner
    corpus = corpus_of(
        {
            "vote.txt": "date 2024-01-12\nLucas Varga won the mayoral election in Jakarta on January 10 "
            "with 133,502 votes.\n"
        }
    )
    on = "2024-07-01"
    other = (
        "The mayoral election in Jakarta was won on January 5 by Greta Kowalski, who received 72,927 votes."
    )
    assert (Kind.PERSON, "Greta Kowalski") not in corpus.flagged(other, on=on)
    same = (
        "The mayoral election in Jakarta was won on January 10 by Greta Kowalski, who received 133,502 votes."
    )
    assert corpus.flagged(same, on=on) == [(Kind.PERSON, "Greta Kowalski")]


def test_one_plural_word_after_the_names_an_event_not_a_place(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {"golf.txt": "date 2015-04-10\nRory McIlroy carded a 71 in the first round at the Masters.\n"}
    )
    assert corpus.flags("Rory McIlroy carded a 71 in the first round at Augusta.", on="2015-04-11") == []


def test_a_person_set_off_by_commas_did_what_follows_the_commas(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "festival.txt": "date 2026-02-03\n"
            "Anna Kowal, the theatre's director, will step down in May to run a drama school. "
            "Her deputy, Samuel Brandt, will take over the running of the summer festival "
            "at Castle Green.\n\n"
            "Ruth Imrie, the council's head of culture, opened the new box office at Castle Green "
            "on Monday.\n"
        }
    )
    taken = "The running of the summer festival at Castle Green will be taken over by {}."
    on = "2026-02-04"
    assert corpus.flagged(taken.format("Lucy Marr"), on=on) == [(Kind.PERSON, "Lucy Marr")]
    assert corpus.flags(taken.format("Samuel Brandt"), on=on) == []
    opened = "The new box office at Castle Green was opened on Monday by {}."
    assert corpus.flagged(opened.format("Tom Quayle"), on=on) == [(Kind.PERSON, "Tom Quayle")]
    assert corpus.flags(opened.format("Ruth Imrie"), on=on) == []


def test_names_listed_after_a_place_are_places(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "sites.txt": "date 2026-10-21\n"
            "The trial added seven hospitals in October. The three new British sites are in Aberdeen, "
            "Swansea and Plymouth.\n"
        }
    )
    draft = "The trial added seven hospitals in October, with new British sites in Aberdeen, Swansea and {}."
    assert corpus.flagged(draft.format("Exeter"), on="2026-11-27") == [(Kind.PLACE, "Exeter")]
    assert corpus.flags(draft.format("Plymouth"), on="2026-11-27") == []


def test_a_name_after_a_place_and_a_comma_alone_is_no_listed_place() -> None:
    found = read("Based in Zurich, Hallberg already has three British factories.", on="2025-04-04")
    assert found["Zurich"].kind is Kind.PLACE
    assert "Hallberg" not in found or found["Hallberg"].kind is not Kind.PLACE


def test_a_place_of_someone_described_by_age_is_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "arrests.txt": "date 2027-06-16\n"
            "The National Crime Agency said three people had been arrested: two men, aged 19 and 22, in "
            "Manchester on June 3, and a 17-year-old boy in Cardiff on June 8.\n"
        }
    )
    draft = (
        "Three people have been arrested by the National Crime Agency: two men, aged 19 and 22, in "
        "Manchester on June 3, and a boy of 17 in {} five days later."
    )
    assert corpus.flagged(draft.format("Swansea"), on="2027-06-18") == [(Kind.PLACE, "Swansea")]
    assert corpus.flags(draft.format("Cardiff"), on="2027-06-18") == []


def test_a_company_named_by_its_first_word_is_the_company(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "breach.txt": "date 2027-04-07\n"
            "The National Crime Agency said it was working with the bank. Quillbrook Systems said it had "
            '"suspended the affected account" and was cooperating fully.\n'
        }
    )
    draft = "The National Crime Agency is working with the bank, and {} said it had suspended the account."
    assert corpus.flags(draft.format("Quillbrook"), on="2027-04-09") == []


def test_a_name_after_said_that_a_verb_follows_is_not_the_speaker(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "refund.txt": "date 2028-04-12\n"
            "Voltra said it had paid refunds to 30,100 owners. Amira Haddad, whose flat in Kelbury was "
            "damaged in February, said Voltra had offered her family £12,000 towards their losses.\n"
        }
    )
    draft = "In Kelbury, Amira Haddad said her family had accepted £18,000 from Voltra last week."
    assert (Kind.PERSON, "Amira Haddad") not in corpus.flagged(draft, on="2028-05-05")


def test_officials_of_other_offices_are_two_speakers(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "ban.txt": "date 2027-12-01\n"
            "Halvia responded on Tuesday by banning Orsland vessels from its ports. Brita Lund, its "
            'fisheries commissioner, called the Orsland quota "a unilateral grab".\n',
            "deal.txt": "date 2027-12-15\n"
            "Sanna Rask, Orsland's fisheries minister, said the deal was \"the best outcome for our "
            'fishermen and for the fish".\n',
        }
    )
    draft = "Sanna Rask, Orsland's fisheries minister, called it the best result for both fishermen and fish."
    assert corpus.flags(draft, on="2027-12-16") == []
    # the same office in other words is still one speaker: "the interim chief executive"
    corpus = corpus_of(
        {
            "fine.txt": "date 2028-05-03\n"
            "Claire Haddon, the interim chief executive, said the company would pay the fine in full.\n"
        }
    )
    draft = "Daniel Mercer, the chief executive, said the company would pay the fine in full."
    assert corpus.flagged(draft, on="2028-05-05") == [(Kind.PERSON, "Daniel Mercer")]


def test_a_place_another_place_of_the_sentence_gives_is_that_one_s(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "move.md": "---\ndate: 2028-04-12\n---\n"
            "Brewing will end at Mill Street on September 29, and Askerby Gold will be brewed at Thorne "
            "Green from October.\n"
        }
    )
    draft = (
        "The final brew at Mill Street is set for September 29, and Askerby Gold will be made at Thorne Green"
    )
    assert corpus.flags(draft, on="2028-04-14") == []


def test_a_full_name_read_with_its_body_is_the_name(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "cause.md": "---\ndate: 2029-03-06\n---\nGroup manager Owen Stallard of Northmere Fire and "
            "Rescue Service, who led the investigation, said the duct had not been cleaned for at least "
            "14 months.\n",
            "supplier.txt": "date 2029-03-06\nThe pipes were made by Kessler Bremstechnik of Graz.\n",
        }
    )
    draft = (
        "The duct had gone uncleaned for at least 14 months, said group manager Owen Stallard, who led the "
        "inquiry for "
        "Northmere Fire and Rescue Service."
    )
    assert corpus.flags(draft, on="2029-03-08") == []
    assert corpus.flagged("The pipes were made by Kessler Bremstechnik of Linz.", on="2029-03-08") == [
        (Kind.PERSON, "Kessler Bremstechnik of Linz")
    ]


@pytest.mark.parametrize(
    ("street", "flagged"),
    [("Station Street", []), ("Mill Road", ["Mill Road"])],
    ids=["the same street", "another street"],
)
def test_a_street_is_a_place_whatever_the_preposition(
    corpus_of: CorpusOf, street: str, flagged: list[str]
) -> None:
    corpus = corpus_of(
        {
            "jobs.txt": "date 2033-09-07\n"
            "Edwin Frater founded Brightwick in 1948 in a garage on Station Street.\n\n"
            "The factory on Mill Road employs 240 people.\n"
        }
    )
    draft = f"Edwin Frater founded Brightwick in 1948 in a garage on {street}."
    assert [f.claim_text for f in corpus.flags(draft, on="2033-09-09")] == flagged


def test_the_one_thing_of_its_noun_in_a_story_is_pinned_by_it(corpus_of: CorpusOf) -> None:
    """Where neither statement names anyone else, "the new station at" pins the place as a name
    would: the story has one new station."""
    corpus = corpus_of(
        {
            "plans.md": "---\ndate: 2030-03-20\n---\n"
            "The new ambulance station at Kelsey Bridge will open in July on the site of a disused "
            "cattle market.\n"
        }
    )
    draft = "The new ambulance station at {} is still expected to open in July."
    assert corpus.flags(draft.format("Kelsey Bridge"), on="2030-04-12") == []
    assert corpus.flagged(draft.format("Ashby Cross"), on="2030-04-12") == [(Kind.PLACE, "Ashby Cross")]


def test_one_act_pins_a_place_only_when_both_say_what_it_is_done_to(corpus_of: CorpusOf) -> None:
    """ "will be held at" is said of any event: racing held at one course since 1871 says nothing of
    where this summer's fixtures go; the same fixtures do."""
    corpus = corpus_of({"course.txt": "date 2033-01-13\nRacing has been held at Saltmoor since 1871.\n"})
    draft = "The fixtures on August 6 and August 20 will be held at Harrowfield Park, 20 miles away."
    assert corpus.flags(draft, on="2033-07-04") == []
    corpus = corpus_of(
        {"summer.txt": "date 2033-06-29\nThe summer fixtures will be held at Harrowfield Park.\n"}
    )
    assert corpus.flagged(draft.replace("Harrowfield Park", "Thorley Downs"), on="2033-07-04") == [
        (Kind.PLACE, "Thorley Downs")
    ]


def test_who_did_the_one_act_is_pinned_by_it(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "survey.md": "---\ndate: 2034-06-14\n---\n"
            "Cracked beams were found in the roof during a structural survey carried out in May by "
            "the engineer Samir Haddow, the council said.\n"
        }
    )
    draft = "The structural survey of the roof was carried out by {}."
    assert corpus.flags(draft.format("Samir Haddow"), on="2034-06-16") == []
    assert corpus.flagged(draft.format("Dara Quigley"), on="2034-06-16") == [(Kind.PERSON, "Dara Quigley")]


def test_a_place_before_firm_is_the_firms_home(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "contract.md": "---\ndate: 2031-01-20\n---\n"
            "The contract went to Coldline Engineering, a contractor based in Kelby.\n"
        }
    )
    draft = "The contractor, Coldline Engineering, is a {} firm."
    assert corpus.flags(draft.format("Kelby"), on="2031-01-23") == []
    assert corpus.flagged(draft.format("Harwick"), on="2031-01-23") == [(Kind.PLACE, "Harwick")]


def test_a_region_and_a_place_the_rules_do_not_know_may_be_one_in_the_other(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "core.txt": "date 2035-01-23\nThe Northmoor University team at the Vossberg Ice Rise drilled "
            "past 400 metres on Sunday.\n"
        }
    )
    draft = "The Northmoor University team in {} drilled past 400 metres on Sunday."
    assert corpus.flags(draft.format("Antarctica"), on="2035-01-26") == []
    assert corpus.flagged(draft.format("Kelsby"), on="2035-01-26") == [(Kind.PLACE, "Kelsby")]


def test_a_common_word_opening_a_sentence_before_its_noun_is_no_name(corpus_of: CorpusOf) -> None:
    # "Ferndale Water" makes "water" a name's word; "Water use" opening a sentence is not that name
    corpus = corpus_of(
        {
            "plans.txt": "date 2034-03-16\nNorvane Data Centres said the site would need up to 1.2 million "
            "litres of water a day for cooling.\n",
            "revised.md": "---\ndate: 2034-04-13\n---\nNorvane said on Tuesday that a closed-loop cooling "
            "system would cut the site's water use from 1.2 million litres a day to 850,000 litres. "
            "Ferndale Water said it could supply that amount without affecting homes in the town.\n",
        }
    )
    draft = (
        "Water use, however, would fall to 850,000 litres a day thanks to a closed-loop cooling system, "
        "Norvane said."
    )
    assert corpus.flags(draft, on="2034-04-17") == []
