"""Whose value it is: the names a value's slot carries, as the extractor reads them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factlint.slots.extract import PREVIOUS_SENTENCE
from factlint.slots.model import Mention

from .checking import CorpusOf
from .checking import read as read_on


@pytest.fixture(scope="module")
def read() -> Callable[[str], dict[str, Mention]]:
    return lambda text: read_on(text, on="2024-05-01")


def test_a_clause_that_names_nobody_takes_the_sentence_s_names(read) -> None:  # type: ignore[no-untyped-def]
    found = read("In May, Cork opened its new Orbital tram line, with 28 stations along 49 kilometres.")
    assert set(found["28"].slot.names) == {"cork", "orbital"}


def test_a_clause_with_its_own_names_keeps_them(read) -> None:  # type: ignore[no-untyped-def]
    found = read("Felix Weiss won 146,157 votes, while Chloe Sato got 7,055.")
    assert found["146,157"].slot.names == ("felix weiss",)
    assert found["7,055"].slot.names == ("chloe sato",)


def test_the_words_of_a_title_are_no_name(read) -> None:  # type: ignore[no-untyped-def]
    found = read(
        "Revenue at Corquin Motors rose to 4,046 million dollars, Finance Director Hana Brennan said."
    )
    assert "finance" not in found["4,046 million dollars"].slot.names
    assert "hana brennan" in found["4,046 million dollars"].slot.names


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("The board approved the higher budget on Tuesday, up from £5.9 million.", "approve"),
        ("The garden was approved by the town council's planning committee on Monday.", "approve"),
        ("Its arrival in lunar orbit on October 21 ended a 25-day journey.", "arrive"),
        ("His swearing-in on May 19 followed a close contest.", "swear"),
        ("The lander touched down on the Moon on Monday night.", "land"),
        ("The judge gave preliminary approval to the deal on Tuesday.", "approve"),
        ("Residents have until April 14 to register to vote.", "register"),
        ("The ferry sailed at 6.30pm on Tuesday.", "sail"),
        ("He was serving a sentence when in July 1967 he escaped from prison.", "escape"),
        ("He said that twenty years ago he had taken over a club with no money.", "buy"),
        ("The mayoral election in Jakarta was won on April 5 by Elena Cruz.", "elect"),
        ("Elena Cruz won the mayoral election in Jakarta on April 7.", "elect"),
    ],
    ids=[
        "past an adjective",
        "past a qualifying -ing",
        "noun from a verb",
        "hyphenated noun",
        "phrase of the lexicon",
        "light verb",
        "to-infinitive",
        "past a time of day",
        "a pronoun's verb",
        "a pronoun's phrasal verb, past its auxiliary",
        "a light verb in the passive: its subject",
        "a light verb's object",
    ],
)
def test_a_date_s_event_is_read_from_its_construction(read, sentence: str, event: str) -> None:  # type: ignore[no-untyped-def]
    [date_mention] = [m for m in read(sentence).values() if m.kind.value == "event-date"]
    assert date_mention.slot.head == event


@pytest.mark.parametrize(
    ("sentence", "person", "act"),
    [
        ("The docking team in Turin was led by mission director Paolo Reyes.", "Paolo Reyes", "lead"),
        (
            '"It went silent," said Lena Varga, the flight director who led the docking team.',
            "Lena Varga",
            "lead",
        ),
        (
            "Jonathan Pryce, an attorney with the firm Sterling Hale who represents Dravon, spoke.",
            "Jonathan Pryce",
            "represent",
        ),
        ('"It went silent," said Lena Varga.', "Lena Varga", "announce"),  # saying is announcing
    ],
    ids=["agent of a passive", "relative clause in an apposition", "a long apposition", "only speaking"],
)
def test_a_person_s_act_is_read_from_the_sentence(read, sentence: str, person: str, act: str) -> None:  # type: ignore[no-untyped-def]
    assert read(sentence)[person].slot.head == act


def test_a_figure_s_noun_after_were_is_what_it_counts(read) -> None:  # type: ignore[no-untyped-def]
    found = read(
        "Thirty-four buildings were destroyed. Of those, 21 were homes, all of them near Osgood Flats."
    )
    assert found["21"].slot.head == "home"
    assert "part" not in found["21"].slot.marks


@pytest.mark.parametrize(
    ("sentence", "figure", "what"),
    [
        ("Dortmund value their captain Mats Halvor at £35m.", "35m", "value"),
        ("Work on the line will now cost £214m in total.", "214m", "cost"),
        ("Harwick United have made a £21.5m bid for Mats Halvor.", "21.5m", "bid"),
    ],
    ids=["valued at", "will cost", "a noun says it"],
)
def test_a_sum_is_what_its_verb_or_noun_says_it_is(read, sentence: str, figure: str, what: str) -> None:  # type: ignore[no-untyped-def]
    assert read(sentence)[figure].slot.head == what


def test_a_possessive_opener_before_a_named_subject_borrows_little() -> None:
    text = (
        "Velocita, which runs schemes in eleven cities, is opening a depot that will create 35 jobs. "
        "Its managing director, Sandrine Leclerc, says the bikes can cover 70 kilometres on a charge."
    )
    context = dict(read_on(text, on="2026-03-12")["70 kilometres"].slot.context)
    assert context.get("depot", 0.0) <= PREVIOUS_SENTENCE  # the weight of any sentence before, not 0.6


def test_the_other_borrows_nothing_from_the_one_just_named() -> None:
    text = (
        "One of the two injured contractors, Liam Tozer, is still in hospital. "
        "The other, 51, was discharged on Thursday."
    )
    context = dict(read_on(text, on="2027-09-29")["Thursday"].slot.context)
    assert "tozer" not in context and "liam" not in context


def test_a_second_predicate_s_figures_are_not_the_first_s(corpus_of: CorpusOf) -> None:
    # "and will be replaced by" starts another predicate: the five years are Hale's alone
    corpus = corpus_of(
        {
            "depot.txt": "date 2031-03-04\nTom Hale is to leave the Ashby depot after five years as manager "
            "and will be replaced by Rosa Venn, the manager of the Corley depot.\n"
        }
    )
    assert read_on(
        "Tom Hale is to leave the Ashby depot after five years as manager and will be replaced by Rosa Venn.",
        on="2031-03-04",
    )["five years"].slot.names == ("tom hale", "ashby")
    draft = (
        "Ms Venn, the company said, comes from the Corley depot, where she has been manager for eight years."
    )
    assert corpus.flags(draft, on="2031-03-07") == []


def test_a_second_predicate_shares_its_subject() -> None:
    sentence = "Owen Parr, 43, broke his left leg and was taken to Royal Hill Hospital in Westerby."
    assert "owen parr" in read_on(sentence, on="2031-03-04")["Westerby"].slot.names


def test_a_who_clause_speaks_of_the_name_before_it() -> None:
    sentence = "Ms Venn, who has run Corley for eight years, will take charge at Ashby on May 4."
    assert "venn" in read_on(sentence, on="2031-03-04")["eight years"].slot.names
