"""A sentence as the extractor reads it: words with their dictionary forms and clause marks.

Only tokens and sentences are needed (a blank spaCy pipeline gives both). Each
word knows its lemma and which clause of its sentence it stands in, so that a
value's context can weigh the words of its own clause above the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factlint.text.lemmas import inflection, lemma
from factlint.text.sentences import token_rows
from factlint.text.spacy_import import STOP_WORDS

CLAUSE_OPENERS = frozenset({"and", "but", "while", "whereas", "although", "though", "which", "who",
                            "whose", "where", "when", "after", "before", "as", "because", "since",
                            "including", "with", "so", "yet", "or", "until", "unless"})  # fmt: skip
"""Words that start a new clause when they follow a comma."""
HARD_BREAKS = frozenset({";", ":", "—", "–", "(", ")", "--"})
MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must"})
"""Words a bare verb follows: "will impose the ban from Friday"."""
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
"""Words that open a noun phrase: "the director", "its chief executive"."""
OWNERS = frozenset({"the", "its", "their", "his", "her", "our", "'s", "’s"})
"""Words before a noun that say whose it is."""
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
SAME_FORM_PASTS = frozenset({"bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "forecast",
                             "hit", "hurt", "let", "put", "quit", "set", "shut", "split", "spread",
                             "upset"})  # fmt: skip
"""Verbs whose past is their dictionary form: past after a singular subject ("it cost"), or a
participle after a noun ("the date set in May")."""


@dataclass(slots=True)
class Word:
    text: str
    lower: str
    lemma: str
    """Dictionary form, a noun made from a verb folded into the verb ("approval" -> "approve")."""
    base: str
    """Dictionary form by inflection only ("closures" -> "closure"): tells verbs from nouns."""
    start: int
    """Offset of the word in the text it was read from."""
    punct: bool
    upper: bool
    """Starts with a capital letter."""
    content: bool
    """A word that can place a value: not a stop word, not punctuation, has a letter."""
    clause: int = 0
    """Index of the clause of the sentence the word stands in."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def words_of(tokens: Any) -> list[Word]:
    """spaCy tokens (a sentence, or a whole doc) as `Word`s, with clause numbers."""
    out: list[Word] = []
    for text, idx, is_punct in token_rows(tokens):
        if not text.strip():
            continue
        lower, lemma_, base, punct, upper, content = _reading(text, is_punct)
        out.append(Word(text, lower, lemma_, base, idx, punct, upper, content))
    mark_clauses(out)
    return out


@lru_cache(maxsize=65536)
def _reading(text: str, is_punct: bool) -> tuple[str, str, str, bool, bool, bool]:
    """Everything a word is that depends on its text alone, read once per distinct text: a
    tenth of the extractor's time went to reading the same words again."""
    lower = text.lower()
    alpha = any(ch.isalpha() for ch in text)
    return (
        lower,
        lemma(lower) if alpha else lower,
        inflection(lower) if alpha else lower,
        is_punct or not any(ch.isalnum() for ch in text),
        text[:1].isupper(),
        alpha and lower not in STOP_WORDS and len(lower) > 1,
    )


CLAUSE_AUXILIARIES = MODALS | frozenset({"has", "have", "had", "is", "are", "was", "were"})
"""Words that, right after "and" or "but", start another predicate of the same subject: "is to
leave after five years as governor and will be replaced by ..."."""


def mark_clauses(words: list[Word]) -> None:
    """Number the clauses: a new one starts at ";", ":", a dash or bracket, ", and", ", which"...,
    or at "and will", "but has": a second predicate, whose figures are not the first one's."""
    clause = 0
    for k, word in enumerate(words):
        following = words[k + 1].lower if k + 1 < len(words) else ""
        if (
            word.text in HARD_BREAKS
            or (word.text == "," and following in CLAUSE_OPENERS)
            or (
                word.lower in ("and", "but")
                and following in CLAUSE_AUXILIARIES
                and k
                and words[k - 1].text != ","
            )
        ):
            clause += 1
        word.clause = clause


def is_stop(word: str) -> bool:
    return word in STOP_WORDS


IRREGULAR_PLURALS = frozenset({"children", "women", "men", "people", "feet", "teeth", "mice", "geese", "data",
                               "media", "criteria", "staff", "police", "cattle"})  # fmt: skip


def verb_form(word: Word) -> bool:
    """An inflected verb ends a noun run: "70 more people registered", "the six-year rule came".

    A word whose dictionary form differs is a verb unless it is a plural; "-ing" words are
    left to the run, which drops one that ends it ("operating theatres" is a noun).
    """
    lower = word.lower
    if word.base == lower or lower in IRREGULAR_PLURALS or lower.endswith("ing"):
        return False
    if not word.base.isalpha():
        return False  # "first" -> "1": an ordinal, not a verb
    if _comparative(lower, word.base):
        return False  # "the higher budget", "the largest station": an adjective
    return not lower.endswith("s") or lower.endswith("ed")


def _comparative(lower: str, base: str) -> bool:
    """A comparative or superlative of `base`: higher, larger, earliest, biggest."""
    for ending in ("er", "est"):
        if lower.endswith(ending):
            stem = lower[: -len(ending)]
            if stem in (base, base.rstrip("e"), base[:-1] + "i") or (
                len(stem) > 2 and stem[:-1] == base and stem[-1] == stem[-2]
            ):
                return True
    return False


RECORD_WORDS = frozenset({"first", "last", "only", "most", "least", "best", "worst"})
"""Words that, like a superlative, make "in 50 years" a record's span: "the first time in 12 years"."""


def record_word(word: Word) -> bool:
    """ "biggest", "wettest", "first", "worst", and "nothing bigger": a word that makes a record of
    what it qualifies."""
    lower = word.lower
    return lower in RECORD_WORDS or _comparative(lower, word.base)


def plural(word: Word) -> bool:
    return word.lower in IRREGULAR_PLURALS or (word.base != word.lower and word.lower.endswith("s"))
