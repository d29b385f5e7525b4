"""People: who did it ("led by flight director Lena Sorensen", "Martin Hale placed the last beam").

Names compare the way readers compare them: "Cavusoglu" is "Çavuşoğlu", a surname alone
is the person the full name names, a first word alone the company ("Quillbrook" for
"Quillbrook Systems"), and a full name read with its body ("Owen Stallard of Northmere Fire")
the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from factlint.rulebook.lexicon import Lexicon
from factlint.slots.model import Mention, Name
from factlint.text.names import same_name_token


@dataclass(frozen=True)
class PersonSpec:
    window_days: int = 730
    """Who holds a post changes: sources further than this before the draft's date are not compared."""


def compare(claim: Name, fact: Name) -> bool:
    a, b = claim.words, fact.words
    bare_a, bare_b = _before_of(a), _before_of(b)
    if (bare_a == a) != (bare_b == b):
        a, b = bare_a, bare_b  # "Owen Stallard" and "Owen Stallard of Northmere Fire"
    if not a or not b:
        return False
    if (len(a) == 1) != (len(b) == 1) and same_name_token(a[0], b[0]):
        return True  # "Quillbrook" for "Quillbrook Systems": a company by its first word
    if not same_name_token(a[-1], b[-1]):
        return False
    if len(a) > 1 and len(b) > 1:
        # "Ada Okafor" and "Stationmaster Ada Okafor": a given name in common is enough
        return any(same_name_token(x, y) for x in a[:-1] for y in b[:-1])
    return True


def _before_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """A full name read with what it is of ("Owen Stallard of Northmere Fire") is the name, when the
    other name says nothing of it; two bodies named ("of Graz", "of Linz") still tell two apart."""
    if "of" in words[2:]:
        return words[: words.index("of", 2)]
    return words


def agrees(claim: Mention, fact: Mention, spec: PersonSpec, lexicon: Lexicon) -> bool | None:
    assert isinstance(claim.value, Name) and isinstance(fact.value, Name)
    if any(compare(claim.value, Name(tuple(n.split()))) for n in fact.slot.names):
        return True  # the source's clause names this person too, in another part
    return compare(claim.value, fact.value)
