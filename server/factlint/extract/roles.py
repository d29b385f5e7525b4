"""Who holds which title: "Turkish Foreign Minister Mevlut Cavusoglu", "Abdullah, the chairman of X".

A role is a title (a head word from the rules, such as minister or spokesman,
with its qualifiers) attached to a person's name, either before it or as an
apposition after it.
"""

from __future__ import annotations

from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from factlint.extract.mentions import Mention, TitleValue
from factlint.model import Kind
from factlint.rulebook.ruleset import Lexicon
from factlint.text.names import fold

TITLE_MODIFIERS = {"special", "senior", "deputy", "vice", "chief", "acting", "interim", "assistant",
                   "associate", "executive", "general", "top", "first", "prime", "lead", "head"}  # fmt: skip
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her"}


def find_roles(
    words: list[str],
    lower: list[str],
    name_runs: list[tuple[int, int]],
    lexicon: Lexicon,
    span: Any,
) -> list[Mention]:
    roles: list[Mention] = []
    if not lexicon.titles:
        return roles
    run_at = {a: b for a, b in name_runs}
    run_ending = {b: a for a, b in name_runs}
    heads = [i for i, w in enumerate(lower) if w in lexicon.titles]
    for h in heads:
        if h + 1 < len(lower) and lower[h + 1] in lexicon.titles:
            continue  # the last head of "Vice President" is the head
        title_start = _title_start(words, lower, h, lexicon)
        after = _after_complements(words, lower, h + 1, lexicon)
        person: tuple[int, int] | None = None
        if after in run_at:
            person = (after, run_at[after])
        elif after < len(words) and words[after] == "," and after + 1 in run_at:
            person = (after + 1, run_at[after + 1])
        elif title_start >= 2 and lower[title_start - 1] in DETERMINERS and words[title_start - 2] == ",":
            if title_start - 2 in run_ending:
                person = (run_ending[title_start - 2], title_start - 2)
        if person is None:
            continue
        title_words = tuple(lower[k] for k in range(title_start, after) if words[k] != ",")
        value = _title_value(title_words, lower[h], lexicon)
        name = tuple(fold(w) for w in words[person[0] : person[1]] if fold(w))
        if not name:
            continue
        start, end, text = span(title_start, after)
        roles.append(Mention(Kind.ROLE, start, end, text, value, slot=name[-1], person=name))
    return roles


def _title_start(words: list[str], lower: list[str], h: int, lexicon: Lexicon) -> int:
    """Walk left over qualifiers: "Turkish Foreign", "US special", "State Department"."""
    k = h
    while k > 0:
        previous, text = lower[k - 1], words[k - 1]
        if (
            previous in lexicon.past_markers
            or previous in TITLE_MODIFIERS
            or previous in lexicon.portfolios
            or previous in lexicon.titles
        ):
            k -= 1
        elif previous in DETERMINERS or previous in STOP_WORDS:
            break
        elif (text[:1].isupper() and text.isalpha()) or text in ("U.S.", "U.K.", "U.N."):
            k -= 1
        else:
            break
    return k


def _after_complements(words: list[str], lower: list[str], k: int, lexicon: Lexicon) -> int:
    """Skip "of Defence", "for Afghanistan" after a head; return where the name may start."""
    while k + 1 < len(words) and lower[k] in ("of", "for"):
        following = lower[k + 1]
        if following in lexicon.portfolios or following in lexicon.places:
            k += 2
            continue
        break
    return k


def _title_value(title_words: tuple[str, ...], head: str, lexicon: Lexicon) -> TitleValue:
    head_key = lexicon.title_group.get(head, head)
    modifiers = [w for w in title_words if w in ("vice", "deputy", "assistant", "acting")]
    if modifiers:
        head_key = f"{'-'.join(sorted(modifiers))} {head_key}"
    portfolios = frozenset(lexicon.portfolios[w] for w in title_words if w in lexicon.portfolios)
    past = any(w in lexicon.past_markers for w in title_words)
    return TitleValue(title_words, head_key, portfolios, past)
