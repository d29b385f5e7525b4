"""Directions: where a place lies from another, and which side of a thing, are places too."""

from __future__ import annotations

import pytest

from factlint.model import Kind

from .checking import CorpusOf, read

OBSERVATORY = {
    "delay.txt": "date 2030-01-16\n"
    "The observatory, founded in 1957, sits 1,840 metres above sea level on Mount Astell, 22 "
    "kilometres north of the town of Kilvarrow.\n\n"
    "A lava flow 1.2 kilometres long was moving down the eastern flank of Mount Astell towards Hovin.\n",
}


def test_a_place_on_the_other_side_of_its_anchor_is_flagged(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(OBSERVATORY)
    draft = "Set up in 1957, the observatory stands on Mount Astell, 22 kilometres {} of Kilvarrow."
    assert corpus.flagged(draft.format("south"), on="2030-01-21") == [(Kind.PLACE, "south")]
    assert corpus.flags(draft.format("north"), on="2030-01-21") == []


def test_the_wrong_side_of_a_thing_is_flagged_with_the_source_s_word_as_its_fix(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(OBSERVATORY)
    draft = "A tongue of lava was creeping down the {} flank of Mount Astell towards Hovin."
    [finding] = corpus.flags(draft.format("western"), on="2030-01-21")
    assert (finding.kind, finding.claim_text, finding.expected) == (Kind.PLACE, "western", ("eastern",))
    assert corpus.flags(draft.format("east"), on="2030-01-21") == []


def test_a_direction_from_another_place_is_not_compared(corpus_of: CorpusOf) -> None:
    corpus = corpus_of(OBSERVATORY)
    draft = "The observatory on Mount Astell is 30 kilometres south of Brackley."
    assert corpus.flags(draft, on="2030-01-21") == []


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("The estate lies 1.5 miles south of Pellbury town centre.", "south"),
        ("Its north-east corner flooded.", "north-east"),
        ("It sits north of the capital, Vellan.", "north"),
    ],
)
def test_a_direction_is_read_with_its_anchor(sentence: str, direction: str) -> None:
    found = read(sentence, on="2030-01-21")[direction]
    assert found.kind is Kind.PLACE and "direction" in found.slot.marks


@pytest.mark.parametrize(
    "sentence", ["The ship sailed into the North Sea.", "Prices rose in the south.", "It went north."]
)
def test_a_compass_word_without_an_anchor_or_in_a_name_is_no_direction(sentence: str) -> None:
    assert not any("direction" in m.slot.marks for m in read(sentence, on="2030-01-21").values())
