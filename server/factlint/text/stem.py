"""A light English stemmer for matching nouns: "troops" ~ "troop", "negotiations" ~ "negotiation"."""

from __future__ import annotations

from functools import lru_cache

_KEEP = {
    "news",
    "series",
    "species",
    "us",
    "gas",
    "bus",
    "chaos",
    "is",
    "was",
    "has",
    "this",
    "its",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    w = word.lower()
    if len(w) <= 3 or w in _KEEP or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w
