"""Words to their dictionary form, so that "opened", "opening" and "opens" meet.

Why spaCy's lookup table (Explosion's `spacy-lookups-data`): it works on the blank
English pipeline, needs no model, maps irregular forms ("went" -> "go", "feet" ->
"foot") that a suffix stripper gets wrong ("buses" -> "buse"), and loads in a
fifth of a second. Nominalised events fold into their verb too ("landing" ->
"land", "meeting" -> "meet"), which is what comparing events needs.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

_OVERRIDES = {"does": "do", "data": "data", "media": "media", "us": "us", "news": "news", "its": "its"}
"""Entries of the lookup table that would mislead here ("does" -> "doe")."""


@cache
def _table() -> Any:
    """The English table (keyed by string hashes, so it is queried, never copied)."""
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of a lower-case word ("theatres" -> "theatre"); unknown words unchanged."""
    if word in _OVERRIDES:
        return _OVERRIDES[word]
    found = _table().get(word, word)
    return found if isinstance(found, str) else word
