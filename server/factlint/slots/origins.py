"""Where a named thing is from: "Delvin Ground Support, of Rotherham", "the Bergen-based
investment firm", "a fund based in London", "a contractor from Sheffield", "who joined from the
Port of Rotterdam".

An origin belongs to its owner, not to the statement around it: "a contractor, Delvin Ground
Support, of Rotherham" and "Delvin Ground Support, a contractor from Sheffield, said ..." give
one thing two homes, whatever else the two sentences say. So an origin is its own slot (the
"origin" mark), pinned by the name it is the origin of. No parser: the constructions reporters
use for it are few and short.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factlint.slots.words import DETERMINERS, Word, verb_form

if TYPE_CHECKING:  # names.py asks `is_origin` how to type a name
    from factlint.slots.names import NameRun

BASE_WORDS = frozenset({"based", "headquartered"})
"""Participles that give a home: "based in Leeds", "the Oslo-based firm"."""
FIRM_NOUNS = frozenset({"firm", "company", "business", "contractor", "charity", "manufacturer", "builder"})
"""Nouns a place before them says the home of, after "a": "a Harwick firm" is based in Harwick."""
HOME_NOUNS = frozenset({"headquarters", "hq"})
"""Nouns that give a home: "with headquarters in Rotterdam", "has its head office in Leeds"."""
HOME_OPENERS = frozenset({"with", "its", "their", "has", "have", "head", "main", "registered"})
"""Words before a home noun: "with", "its head"."""
ARRIVAL_VERBS = frozenset({"arrive", "come", "join", "move", "transfer"})
"""Verbs whose "from" says where their subject came from: "joined from the Port of Rotterdam"."""
LINKING = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "also", "now"})
"""Words between an owner (or its "which") and the participle of its origin: "which is based in"."""
DESCRIPTION_OPENERS = DETERMINERS | {"two", "three", "four"}
"""Words that open a description before its "from" or "based": "two firms based in"."""
DESCRIPTION_REACH = 4
"""Words of a description before its "from" or "based": "a Norwegian investment fund based in"."""
APPOSITION_REACH = 10
"""Words between an owner and the "who" of its description: "Petrov, the port's chief operating
officer, who joined from"."""


@dataclass(frozen=True)
class Origin:
    owner: NameRun | None
    """The name whose origin it is, when the sentence says ("Delvin Ground Support")."""
    noun: int | None
    """Where the noun that describes the owner stands ("a *contractor* from Sheffield")."""
    noun_after: int | None = None
    """Where the noun after "X-based" starts ("the Oslo-based *investment firm*")."""


def is_origin(words: list[Word], a: int, b: int) -> bool:
    """Whether the name words[a:b] is said to be where something is from."""
    return _construction(words, a, b) is not None


def origin_of(words: list[Word], run: NameRun, runs: list[NameRun]) -> Origin | None:
    """The origin the place `run` is, with its owner and describing noun; None if it is none."""
    found = _construction(words, run.start, run.end)
    if found is None:
        return None
    start, noun, noun_after = found
    owner = _owner(words, runs, start, run)
    if owner is None and start == 0 and run.end < len(words) and words[run.end].text == ",":
        owner = next((r for r in runs if r.start == run.end + 1), None)  # "Based in Zurich, Hallberg"
    if owner is None and noun_after is not None:  # "the Oslo-based Fjellby Capital"
        owner = next((r for r in runs if r.start == run.end + 2), None)
    return Origin(owner, noun, noun_after)


def _construction(words: list[Word], a: int, b: int) -> tuple[int, int | None, int | None] | None:
    """Where the phrase giving words[a:b] as an origin starts, its describing noun, and the noun
    after "-based"; None if words[a:b] is no origin."""
    if b + 1 < len(words) and words[b].text == "-" and words[b + 1].lower in BASE_WORDS:
        start = a
        while start > 0 and words[start - 1].lower in DESCRIPTION_OPENERS:
            start -= 1
        return start, None, b + 2 if b + 2 < len(words) else None
    if a >= 1 and words[a - 1].lower in ("a", "an") and b < len(words) and words[b].lower in FIRM_NOUNS:
        return a - 1, None, b  # "a Harwick firm": as "a Harwick-based firm"
    k = a - 1
    if k >= 0 and words[k].lower == "the":
        k -= 1
    if k < 1:
        return None
    preposition, before = words[k].lower, words[k - 1]
    if preposition in ("in", "at") and before.lower in BASE_WORDS:
        return _description(words, k - 1)
    head_office = before.lower == "office" and words[k - 2].lower in ("head", "main", "registered")
    if preposition in ("in", "at") and (before.lower in HOME_NOUNS or head_office):
        j = k - 1
        while j > 0 and words[j - 1].lower in HOME_OPENERS:
            j -= 1  # "a multinational with headquarters in", "which has its head office in"
        return _description(words, j)
    if preposition == "of" and before.text == "," and k == a - 1 and _ends_phrase(words, b):
        return k - 1, None, None  # "Delvin Ground Support, of Rotherham,"
    if preposition == "from":
        if before.lemma in ARRIVAL_VERBS and verb_form(before):
            return k - 1, None, None
        if before.content and not before.upper and not verb_form(before):
            found = _description(words, k)
            if found[1] is not None:
                return found
    return None


def _description(words: list[Word], k: int) -> tuple[int, int | None, None]:
    """The description ending before words[k] ("a contractor", "an investment fund"): where it
    starts and its noun; the noun is None when no determiner opens it within reach."""
    noun = k - 1
    for m in range(k - 1, max(-1, k - 1 - DESCRIPTION_REACH), -1):
        word = words[m]
        if word.lower in DESCRIPTION_OPENERS:
            if noun >= 0 and words[noun].content and not verb_form(words[noun]):
                return m, noun, None
            break
        if word.punct or word.upper or not word.content:
            break
    return k, None, None


def _ends_phrase(words: list[Word], b: int) -> bool:
    return b >= len(words) or words[b].text in (",", ".", ";")


def _owner(words: list[Word], runs: list[NameRun], start: int, run: NameRun) -> NameRun | None:
    """The name a description at words[start] is of: right before it ("Delvin Ground Support, a
    contractor from"), or before the "who" it opens ("Petrov, the port's chief operating
    officer, who joined from")."""
    ending = {r.end: r for r in runs if r is not run}
    k = start - 1
    while k >= 0 and words[k].lower in LINKING:
        k -= 1  # "Voltra, which is based in"
    if k >= 0 and words[k].lower in ("who", "which"):
        for m in range(k - 1, max(-1, k - 1 - APPOSITION_REACH), -1):
            if m in ending and (m == k or words[m].text == ","):
                return ending[m]
            if words[m].text in (".", ";") or verb_form(words[m]):
                break
        return None
    if k >= 0 and words[k].text == ",":
        k -= 1
    return ending.get(k + 1)
