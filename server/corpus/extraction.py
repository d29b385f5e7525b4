"""One article in, everything the fact base keeps about it out.

A pure function of the article and the rules' vocabulary, so it can run in a
worker process when many articles change at once, and its result is what the
store writes: sentences with their provenance, the words the article uses (does
it mention a name at all?), and the names it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factlint.corpus.reader import Article
from factlint.extract.frames import extract_frames
from factlint.extract.mentions import Frame
from factlint.model import ArticleMeta, Location
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
class ArticleFacts:
    meta: ArticleMeta
    sentences: tuple[SourceSentence, ...]
    """With `article` = -1: the store gives the article its id."""
    words: frozenset[str]
    names: frozenset[str]


def extract_article(article: Article, lexicon: Lexicon, spacy_model: str | None = None) -> ArticleFacts:
    nlp = pipeline(spacy_model)
    sentences: list[SourceSentence] = []
    names: set[str] = set()
    for paragraph in split_paragraphs(article.text, article.body_start):
        for frame in extract_frames(paragraph.text, article.meta.date, lexicon, nlp, base=paragraph.start):
            names.update(frame.names)
            sentences.append(
                SourceSentence(
                    -1,
                    frame,
                    article.location(frame.start, frame.end),
                    article.link_near(frame.start, frame.end),
                    tuple(article.location(m.start, m.end) for m in frame.mentions),
                )
            )
    words = frozenset(w for w in (fold(t) for t in _POSSESSIVE.sub(" ", article.text).split()) if w)
    return ArticleFacts(article.meta, tuple(sentences), words, frozenset(names))
