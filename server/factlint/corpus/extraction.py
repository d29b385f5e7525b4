"""One article in, everything the fact base keeps about it out.

A pure function of the article and the rules' vocabulary, so it can run in a
worker process when many articles change at once, and its result is what the
store writes: sentences with their provenance, the words the article uses (does
it mention a name at all?), and the names it uses.
"""

from __future__ import annotations

import pickle
import re
from dataclasses import dataclass

from factlint.corpus.reader import Article
from factlint.extract.frames import extract_frames, is_placeholder
from factlint.extract.mentions import Frame
from factlint.model import ArticleMeta, Kind, Location
from factlint.rulebook.ruleset import Lexicon
from factlint.text.document import split_paragraphs
from factlint.text.names import fold
from factlint.text.nlp import pipeline

_POSSESSIVE = re.compile(r"['’]s\b|[^\w\s'’-]")


@dataclass(frozen=True)
class SourceSentence:
    article: int
    frame: Frame
    location: Location
    link: str | None
    value_locations: tuple[Location, ...]
    """One per mention of the frame, in the same order."""


@dataclass(frozen=True)
class StoredSentence:
    """A sentence ready for the store: pickled where it was extracted, with its index entries."""

    data: bytes
    """The pickled `SourceSentence` (its `article` is set when it is read back)."""
    tokens: frozenset[str]
    roles: tuple[tuple[str, int], ...]
    """(surname key, mention index) of each title the sentence gives someone."""
    facts: int


@dataclass(frozen=True)
class ArticleFacts:
    meta: ArticleMeta
    sentences: tuple[StoredSentence, ...]
    words: frozenset[str]
    names: frozenset[str]


def _stored(sentence: SourceSentence) -> StoredSentence:
    frame = sentence.frame
    return StoredSentence(
        data=pickle.dumps(sentence, protocol=pickle.HIGHEST_PROTOCOL),
        tokens=frozenset(t for t in frame.tokens if not is_placeholder(t) and len(t) > 1),
        roles=tuple((m.slot, i) for i, m in enumerate(frame.mentions) if m.kind is Kind.ROLE and m.slot),
        facts=sum(1 for m in frame.mentions if m.kind not in (Kind.PERSON, Kind.PLACE) or m.position >= 0),
    )


def extract_article(article: Article, lexicon: Lexicon, spacy_model: str | None = None) -> ArticleFacts:
    nlp = pipeline(spacy_model)
    sentences: list[StoredSentence] = []
    names: set[str] = set()
    for paragraph in split_paragraphs(article.text, article.body_start):
        for frame in extract_frames(paragraph.text, article.meta.date, lexicon, nlp, base=paragraph.start):
            names.update(frame.names)
            sentence = SourceSentence(
                -1,
                frame,
                article.location(frame.start, frame.end),
                article.link_near(frame.start, frame.end),
                tuple(article.location(m.start, m.end) for m in frame.mentions),
            )
            sentences.append(_stored(sentence))
    words = frozenset(w for w in (fold(t) for t in _POSSESSIVE.sub(" ", article.text).split()) if w)
    return ArticleFacts(article.meta, tuple(sentences), words, frozenset(names))
