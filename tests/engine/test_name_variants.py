"""Names match across diacritics, spelling variants and surname-only mentions."""

from __future__ import annotations

import pytest

from factlint.model import Kind

from .checking import Corpus

ON = "2021-04-02"


@pytest.mark.parametrize(
    "name",
    ["Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", "Cavusoglu", "Çavuşoğlu"],
    ids=["as in the sources", "with diacritics", "surname only", "surname with diacritics"],
)
def test_every_form_of_a_name_is_the_same_person(seeds: Corpus, name: str) -> None:
    right = f"Turkish Foreign Minister {name} spoke to reporters."
    wrong = f"Turkish Defence Minister {name} spoke to reporters."
    assert seeds.flags(right, on=ON) == []
    assert seeds.flagged(wrong, on=ON) == [(Kind.ROLE, "Turkish Defence Minister")]
    assert len(seeds.confirms(right, on=ON, kind=Kind.ROLE)) == 1


@pytest.mark.parametrize("given", ["Mohammad", "Mohammed"])
def test_transliterations_of_a_given_name_are_the_same_person(seeds: Corpus, given: str) -> None:
    # 000 spells him Mohammad Naeem, 003 Mohammed Naeem: both are the Taliban spokesman.
    draft = f"Taliban spokesman {given} Naeem called for the withdrawal of foreign forces."
    assert seeds.flags(draft, on=ON) == []
    [confirmed] = seeds.confirms(draft, on=ON, kind=Kind.ROLE)
    assert len({s.article.path for s in confirmed.sources}) == 3
