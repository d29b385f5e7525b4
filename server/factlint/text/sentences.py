"""A text's tokens and sentences, read from spaCy's arrays rather than its `Token` objects.

The blank pipeline is a tokenizer and spaCy's rule-based `sentencizer`. Running the
sentencizer, then walking `doc.sents`, makes a Python `Token` for every word twice:
about a sixth of the extractor's time, for a split that needs each token's text and
whether it is punctuation. `sentences` splits the tokenizer's output with the
sentencizer's own rule and punctuation marks, so the sentences are the same (but for a full
stop the tokenizer leaves on a unit, "minus 9C." or "£37.4m.", which ends a sentence here); any other
pipeline (a configured model with a parser or senter) is run as it is, and its
`doc.sents` used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

TokenRow = tuple[str, int, bool]
"""A token's text, its offset in the doc's text, and whether spaCy reads it as punctuation."""

_ROWS = "factlint.token_rows"


@dataclass(frozen=True, slots=True)
class Sentence:
    """Tokens `start` to `end` of `doc`: what a sentence `Span` is, without making one."""

    doc: Any
    start: int
    end: int


def token_rows(tokens: Any, text: str | None = None) -> list[TokenRow]:
    """The rows of a doc, a `Span` or a `Sentence`, read from the doc's arrays once per doc. A
    token's text is the doc's text at its offset, for its length (spaCy keeps them so). `text`:
    the text the doc was made of, which is its text (`doc.text` joins a `Token` per word)."""
    doc = tokens.doc if hasattr(tokens, "doc") else tokens
    rows = doc.user_data.get(_ROWS)
    if rows is None:
        from spacy.attrs import IDX, IS_PUNCT, LENGTH

        if text is None:
            text = doc.text
        rows = [(text[i : i + n], i, bool(p)) for i, n, p in doc.to_array([IDX, LENGTH, IS_PUNCT]).tolist()]
        doc.user_data[_ROWS] = rows
    if tokens is doc:
        return rows  # type: ignore[no-any-return]
    return rows[tokens.start : tokens.end]  # type: ignore[no-any-return]


def sentences(nlp: Any, text: str) -> list[Any]:
    """`text`'s sentences (`Sentence`s, or a model's `Span`s), as `nlp(text).sents` gives them."""
    marks = _sentencizer_marks(nlp)
    if marks is None:
        return list(nlp(text).sents)
    doc = nlp.make_doc(text)
    rows = token_rows(doc, text)
    starts = [0]
    seen_mark = False
    for k, (word, _, punct) in enumerate(rows):  # the rule of spaCy's Sentencizer.predict
        marked = word in marks or _unit_with_full_stop(rows, k)
        if seen_mark and not punct and not marked:
            starts.append(k)
            seen_mark = False
        elif marked:
            seen_mark = True
    if not rows:
        return []
    ends = [*starts[1:], len(rows)]
    return [Sentence(doc, start, end) for start, end in zip(starts, ends, strict=True)]


_FIGURE_WITH_STOP = re.compile(r"\d[\d.,]*[A-Za-z]{1,3}\.")
_UNIT_WITH_STOP = re.compile(r"[A-Za-z]{1,3}\.")


def _unit_with_full_stop(rows: list[TokenRow], k: int) -> bool:
    """Whether token `k` is a figure's unit that keeps the sentence's full stop ("minus 9C." and
    "£37.4m." are tokens "9C." and "m.", as initials are), before a capitalised word: the
    tokenizer's abbreviation rule would otherwise run two sentences together."""
    word = rows[k][0]
    if k + 1 >= len(rows) or not rows[k + 1][0][:1].isupper():
        return False
    if _FIGURE_WITH_STOP.fullmatch(word):
        return True
    return bool(_UNIT_WITH_STOP.fullmatch(word)) and k >= 1 and rows[k - 1][0][-1:].isdigit()


@lru_cache(maxsize=8)
def _sentencizer_marks(nlp: Any) -> frozenset[str] | None:
    """The sentencizer's punctuation marks when it is the pipeline's only component, else None
    (pipelines are made once and kept: see `nlp.pipeline`)."""
    if nlp.pipe_names != ["sentencizer"]:
        return None
    sentencizer = nlp.get_pipe("sentencizer")
    if type(sentencizer).__name__ != "Sentencizer":
        return None
    return frozenset(sentencizer.punct_chars)
