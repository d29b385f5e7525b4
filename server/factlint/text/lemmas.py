"""Words to their dictionary form, so that "opened", "opening" and "opens" meet.

Why spaCy's lookup table (Explosion's `spacy-lookups-data`): it works on the blank
English pipeline, needs no model, maps irregular forms ("went" -> "go", "feet" ->
"foot") that a suffix stripper gets wrong ("buses" -> "buse"), and loads in a
fifth of a second. Nominalised events fold into their verb too ("landing" ->
"land", "meeting" -> "meet"), which is what comparing events needs.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import cast

_OVERRIDES = {"does": "do", "data": "data", "media": "media", "us": "us", "news": "news", "its": "its",
              "number": "number", "rent": "rent", "rents": "rent", "crew": "crew", "crews": "crew",
              "ground": "ground", "grounds": "ground", "wound": "wound", "wounds": "wound",
              "putting": "put"}  # fmt: skip
"""Entries of the lookup table that would mislead here ("does" -> "doe", "number" -> "numb",
"crew" -> "crow", "ground" -> "grind": the nouns news means, not old or rare past tenses)."""


@cache
def _table() -> dict[str, str]:
    """The English table, read as the plain dict it is stored as.

    spaCy's `load_lookups` would re-key its 41,582 entries by string hash into a `Table`
    (with a Bloom filter): 0.08 s of every start-up, for the same answers (the words are
    distinct, and so are their hashes).
    """
    import spacy_lookups_data

    from factlint.text.spacy_import import load_spacy

    load_spacy()
    from spacy.util import load_language_data

    table = load_language_data(spacy_lookups_data.en["lemma_lookup"])
    return cast(dict[str, str], table)


AGENT_PLURALS = ("ers", "ors", "ists", "ians")
"""Plural endings of nouns for people who do something: a word the table lacks ("abseilers",
"paddleboarders") still meets its singular."""
NOMINAL_SUFFIXES = (("ment", ""), ("al", "e"), ("al", ""), ("ure", "e"), ("ure", ""), ("ission", "it"),
                    ("ision", "ide"), ("ision", "ise"), ("usion", "ude"), ("osion", "ode"), ("asion", "ade"),
                    ("nsion", "nd"), ("ion", ""), ("ion", "e"), ("ance", ""), ("ence", ""),
                    ("y", ""))  # fmt: skip
"""Endings that make a noun of a verb: approval, announcement, closure, election, discovery,
submission, decision, conclusion, explosion, invasion, extension."""
NOT_NOMINALISED = frozenset({"station", "question", "position", "battery", "population", "quarry", "gallery",
                             "lottery", "pottery", "century", "mission", "session", "commission",
                             "billion", "million", "trillion", "opinion", "nursery", "treasury",
                             "salary", "county", "country", "property", "bakery", "brewery",
                             "tally", "factory", "tension"})  # fmt: skip
"""Nouns that look made from a verb but are not (a station is not a "state")."""


@lru_cache(maxsize=8192)
def common_word(word: str) -> bool:
    """Whether the lemma table knows a lower-case word as a dictionary form: "water" ("waters"
    is its plural), "use"; not "norvane" or "jones"."""
    table = _table()
    return any(table.get(word + ending) == word for ending in ("s", "es", "ed", "d", "ing"))


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a lower-case word ("theatres" -> "theatre"); unknown words unchanged.

    A noun made from a verb folds into the verb ("approval" -> "approve", "closure" -> "close"),
    so that "the approval of the deal" and "approved the deal" name one event.
    """
    base = inflection(word)
    return _verb_of(base) or base


@lru_cache(maxsize=65536)
def inflection(word: str) -> str:
    """The word without its inflection only ("closures" -> "closure", "closed" -> "close")."""
    if word in _OVERRIDES:
        return _OVERRIDES[word]
    found = _table().get(word)
    if isinstance(found, str):
        return found
    if len(word) > 5 and word.endswith(AGENT_PLURALS):
        return word[:-1]  # "abseilers", "bellhangers": people who do something, not in the table
    return word


def _verb_of(noun: str) -> str:
    """The verb a noun is made from, when the lookup table knows the verb's past tense."""
    if len(noun) < 6 or noun in NOT_NOMINALISED:
        return ""
    for suffix, tail in NOMINAL_SUFFIXES:
        if noun.endswith(suffix):
            stem = noun[: -len(suffix)] + tail
            if len(stem) >= 5 and _is_verb(stem):
                return stem
    return ""


def _is_verb(word: str) -> bool:
    pasts = [word + "d"] if word.endswith("e") else [word + "ed", word + word[-1] + "ed"]  # "submitted"
    table = _table()
    return any(table.get(past) == word for past in pasts)
