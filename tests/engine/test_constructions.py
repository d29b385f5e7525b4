"""Paraphrase, construction by construction: a source sentence, a draft sentence, the finding or none.

The corpus is a fictional city's bridge replacement, on no subject the engine was
tuned on. Each case is one way writers restate a fact (the tags of the shared
paraphrase set); a case that flags names the draft's words that must be flagged,
a case that passes names none. Dates are the draft's: relative dates and changing
figures are read from there.
"""

from __future__ import annotations

import pytest

from .checking import Corpus, CorpusOf

PLAN = """date 2024-03-04
Council backs £48m plan to replace Larkspur Harbour Bridge

The city council on Monday approved a £48 million plan to replace the Larkspur Harbour Bridge, the
62-year-old crossing that carries 21,000 vehicles a day.

Councillors voted 11 to 4 in favour after a three-hour debate.

The new bridge will have four lanes and a 3.5-kilometre cycle path, and will open in the spring of
2027, said the council's transport director, Nadia Okonjo. "This is the biggest project the harbour
has seen in forty years," she said.

Construction is expected to take 30 months. A public exhibition of the designs will open at the
Maritime Museum on March 18.

The contract has gone to Halberd Civil, which employs 240 people at its yard in Dunmore.
"""

WORK = """---
title: Work starts on Larkspur Harbour Bridge as cost rises to £53m
date: 2024-06-12
---

Work on the new Larkspur Harbour Bridge began on Monday, when the mayor, Tomas Ferreira, lifted the
first shovel of earth on the north bank.

The cost of the project has risen to £53 million, up from £48 million in March, after the price of
steel rose by 12 per cent.

The old bridge will close to traffic for nine weeks from July 1. About 80 workers are now on site,
rising to 150 next spring.
"""


@pytest.fixture(scope="module")
def bridge(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("bridge")
    (folder / "articles").mkdir()
    (folder / "articles" / "01-plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "articles" / "02-work.md").write_text(WORK, encoding="utf-8")
    return Corpus.open(folder / "articles", folder / "cache")


CASES = [
    # construction, draft date, draft sentence, the words flagged (None: passes)
    ("verbatim", "2024-03-05", "Councillors voted 12 to 4 in favour after a three-hour debate.", "12"),
    ("verbatim", "2024-03-05", "Councillors voted 11 to 4 in favour after a three-hour debate.", None),
    ("reordered-clauses", "2024-03-05",
     "A 3.5-kilometre cycle path and six lanes will be part of the new bridge, Okonjo said.", "six"),
    ("reordered-clauses", "2024-03-05",
     "A 3.5-kilometre cycle path and four lanes will be part of the new bridge, Okonjo said.", None),
    ("nominalisation", "2024-03-05",
     "The designs go on show with the opening of an exhibition at the Maritime Museum on March 20.",
     "March 20"),
    ("nominalisation", "2024-03-05",
     "The designs go on show with the opening of an exhibition at the Maritime Museum on March 18.", None),
    ("possessive-date", "2024-03-07", "After Tuesday's approval, the £48m plan goes ahead.", "Tuesday"),
    ("possessive-date", "2024-03-07", "After Monday's approval, the £48m plan goes ahead.", None),
    ("number-words", "2024-03-05", "Councillors voted twelve to four in favour of the plan.", "twelve"),
    ("number-words", "2024-03-05", "Councillors voted eleven to four in favour of the plan.", None),
    ("unit-change", "2024-03-05", "The new bridge will carry a 5-mile cycle path.", "5-mile"),
    ("unit-change", "2024-03-05", "The new bridge will carry a 2.2-mile cycle path.", None),
    ("multi-fact-sentence", "2024-03-05",
     "The new bridge will have four lanes, open in the spring of 2028 and cost £48m.", "spring of 2028"),
    ("multi-fact-sentence", "2024-03-05",
     "The new bridge will have four lanes, open in the spring of 2027 and cost £48m.", None),
    ("coreference", "2024-03-05",
     "The Larkspur Harbour Bridge is 62 years old. It carries 12,000 vehicles a day.", "12,000"),
    ("coreference", "2024-03-05",
     "The Larkspur Harbour Bridge is 62 years old. It carries 21,000 vehicles a day.", None),
    ("reported-speech", "2024-03-05",
     "Okonjo called it the biggest project in the harbour for twenty years.", "twenty years"),
    ("reported-speech", "2024-03-05",
     "Okonjo called it the biggest project in the harbour for forty years.", None),
    ("time-shift", "2026-03-05", "The 62-year-old crossing still carries traffic.", "62-year-old"),
    ("time-shift", "2026-03-05", "The 64-year-old crossing still carries traffic.", None),
    ("relative-date", "2024-06-13", "Work on the new bridge began on Tuesday.", "Tuesday"),
    ("relative-date", "2024-06-13", "Work on the new bridge began on Monday.", None),
    ("distractor", "2024-06-14", "The project will now cost £48m.", "48m"),
    ("distractor", "2024-06-14", "The project will now cost £53m, up from £48m.", None),
    ("hedge", "2024-03-05", "The crossing carries fewer than 30,000 vehicles a day.", None),
    ("hedge", "2024-03-05", "The crossing carries more than 25,000 vehicles a day.", "25,000"),
    ("new-info", "2024-03-05", "The old bridge has 14 street lamps and a toll booth.", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("construction", "on", "draft", "flagged"),
    CASES,
    ids=[f"{c[0]}-{'flag' if c[3] else 'pass'}" for c in CASES],
)
def test_a_paraphrase_is_judged_like_the_source_sentence(
    bridge: Corpus, construction: str, on: str, draft: str, flagged: str | None
) -> None:
    found = [f.claim_text for f in bridge.flags(draft, on=on)]
    if flagged is None:
        assert found == []
    else:
        assert len(found) == 1 and flagged in found[0], found


def test_a_future_marker_binds_to_its_own_clause(corpus_of: CorpusOf) -> None:
    # Monday 6 May: "will open ... on Thursday" is Thursday 9 May, however long the clause.
    corpus = corpus_of(
        {
            "depot.txt": (
                "date 2024-05-06\n"
                "The mayor will open the new tram depot in the harbour district on Thursday.\n"
            )
        }
    )
    draft = "The mayor opened the new tram depot in the harbour district on {}."
    assert corpus.flags(draft.format("May 9"), on="2024-05-10") == []
    assert [f.claim_text for f in corpus.flags(draft.format("May 2"), on="2024-05-10")] == ["May 2"]


def test_a_place_no_source_gives_is_flagged_even_when_the_sources_disagree(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(
        {
            "one.txt": "date 2024-05-01\n"
            "The operator Veloria tested the first trams in Lyon before the line opened.\n",
            "two.txt": "date 2024-05-01\n"
            "The operator Veloria tested the first trams in Marseille before the line opened.\n",
        }
    )
    draft = "The operator Veloria tested the first trams in {} before the line opened."
    [finding] = corpus.flags(draft.format("Madrid"), on="2024-05-02")
    assert finding.sources_disagree and "Lyon" in finding.message and "Marseille" in finding.message
    assert corpus.flags(draft.format("Lyon"), on="2024-05-02") == []


def test_a_place_is_what_tells_look_alike_statements_apart(corpus_of: CorpusOf) -> None:
    # Two meetings, not one: a statement that names nothing besides the place cannot refute
    # another place; one that names the same company can.
    corpus = corpus_of(
        {
            "one.txt": "date 2024-05-01\n"
            "Parents in Rosmoor welcomed the new timetable at a quiet meeting in the school gym.\n",
            "two.txt": "date 2024-05-01\n"
            "Orbis Rail, based in Glasgow, employs 8,200 people across 51 depots.\n",
        }
    )
    assert (
        corpus.flags(
            "Parents in Jorvik opposed the new timetable at a meeting in the school gym.", on="2024-05-02"
        )
        == []
    )
    [finding] = corpus.flags("Orbis Rail, based in Leeds, employs 8,200 people.", on="2024-05-02")
    assert finding.claim_text == "Leeds"
