"""Places: where something happened ("at Brackenford Library", "the operations centre in Bremen").

A place agrees with the source's when it is the same place, lies within it or
contains it (the rule's `regions`), or is named by the source's sentence too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factlint.rulebook.fields import ONE_WORD
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.model import Mention, Name
from factlint.text.names import fold


@dataclass(frozen=True)
class PlaceSpec:
    regions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Containment: region -> places inside it. A place is compatible with what contains it."""
    prepositions: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words before a place name ("in", "at")."""
    demonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Place -> the adjectives and nouns that name it or its people: Qatar: [Qatari, Qataris]."""
    organisations: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that end an organisation's name ("Motors", "Bank"): "shares in Corquin Motors" is no place."""
    streets: tuple[str, ...] = field(default=(), metadata={ONE_WORD: True})
    """Words that end an address ("Road", "Street"): "a garage on Mill Road" is a place, whatever
    the preposition before it."""


def vocabulary(spec: PlaceSpec, vocab: Lexicon) -> None:
    vocab.place_prepositions.update(p.lower() for p in spec.prepositions)
    vocab.organisation_words.update(fold(w) for w in spec.organisations)
    vocab.street_words.update(fold(w) for w in spec.streets)
    direct: dict[str, set[str]] = {}
    for region, places in spec.regions.items():
        for place in places:
            direct.setdefault(_key(place), set()).add(_key(region))
    region_of = {k: set(v) for k, v in vocab.region_of.items()}
    for place in list(direct):  # transitive: a city in a country in a continent is in the continent
        seen: set[str] = set()
        stack = list(direct[place])
        while stack:
            region = stack.pop()
            if region not in seen:
                seen.add(region)
                stack.extend(direct.get(region, ()))
        region_of.setdefault(place, set()).update(seen)
    for place, names in spec.demonyms.items():
        for name in names:
            region_of.setdefault(_key(name), set()).add(_key(place))
    vocab.region_of = {k: frozenset(v) for k, v in region_of.items()}
    vocab.regions = vocab.regions | frozenset(_key(region) for region in spec.regions)
    vocab.places = (
        frozenset(vocab.region_of) | frozenset(r for v in vocab.region_of.values() for r in v) | vocab.regions
    )


def _key(name: str) -> str:
    return " ".join(fold(w) for w in name.split() if fold(w))


def compare(claim: Name, fact: Name, vocab: Lexicon, fact_names: tuple[str, ...]) -> bool | None:
    ours, theirs = " ".join(claim.words), " ".join(fact.words)
    if ours == theirs or ours in vocab.region_of.get(theirs, ()) or theirs in vocab.region_of.get(ours, ()):
        return True
    if (ours in vocab.regions and theirs not in vocab.places) or (
        theirs in vocab.regions and ours not in vocab.places
    ):
        return None  # "in Antarctica" and "at the Vossberg Ice Rise": the one may lie in the other
    if ours in fact_names:
        return True  # the source's sentence names it too: "the Pell County Courthouse in Harlow"
    shorter, longer = sorted((claim.words, fact.words), key=len)
    return all(w in longer for w in shorter)


def agrees(claim: Mention, fact: Mention, spec: PlaceSpec, lexicon: Lexicon) -> bool | None:
    assert isinstance(claim.value, Name) and isinstance(fact.value, Name)
    return compare(claim.value, fact.value, lexicon, fact.slot.names)
