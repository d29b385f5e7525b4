"""Dictionary forms: words meet their inflections, and nouns made from verbs meet the verb."""

from __future__ import annotations

import pytest

from factlint.text.lemmas import lemma


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("approval", "approve"),
        ("delivery", "deliver"),
        ("buses", "bus"),
        ("number", "number"),
        ("rents", "rent"),
        ("factory", "factory"),
    ],
    ids=["made from a verb", "made from a verb, -y", "plural", "not numb", "not rend", "not factor"],
)
def test_a_word_s_dictionary_form(word: str, form: str) -> None:
    assert lemma(word) == form
