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
        ("submission", "submit"),
        ("decision", "decide"),
        ("extension", "extend"),
        ("session", "session"),
    ],
    ids=[
        "made from a verb",
        "made from a verb, -y",
        "plural",
        "not numb",
        "not rend",
        "not factor",
        "-mission from -mit",
        "-sion from -de",
        "-nsion from -nd",
        "not sess",
    ],
)
def test_a_word_s_dictionary_form(word: str, form: str) -> None:
    assert lemma(word) == form


def test_the_table_read_as_a_dict_answers_as_spacy_s_lookups_do() -> None:
    """factlint reads the lookup table's file itself: the same entries, without spaCy's re-keying."""
    from spacy.lookups import load_lookups

    from factlint.text.lemmas import _table

    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    ours = _table()
    assert len(ours) == len(table)
    assert all(table.get(word) == form for word, form in ours.items())
    assert table.get("qwzxv-not-a-word") is None and "qwzxv-not-a-word" not in ours


@pytest.mark.parametrize(("word", "expected"), [("crew", "crew"), ("ground", "ground"), ("wounds", "wound")])
def test_nouns_the_table_reads_as_old_past_tenses(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_putting_is_put_not_golf() -> None:
    """The table reads "putting" as the golf stroke's "putt": "is still putting in £4 million"."""
    assert lemma("putting") == "put"


@pytest.mark.parametrize(
    ("plural", "singular"), [("abseilers", "abseiler"), ("paddleboarders", "paddleboarder")]
)
def test_people_who_do_something_meet_their_singular_though_the_table_lacks_them(
    plural: str, singular: str
) -> None:
    assert lemma(plural) == lemma(singular) == singular
