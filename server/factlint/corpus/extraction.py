"""One article in, everything the fact base keeps about it out.

A pure function of the article and the rules' lexicon, so it can run in a worker
process when many articles change at once. Its result is plain data, ready for
the store: the article's sentences with their places in the file, its facts (a
value and its slot, as JSON), the keys that index each fact, the names the
article uses, and a sketch of its text that finds other copies of the story.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from factlint.corpus.reader import Article
from factlint.model import ArticleMeta, Kind, Location
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.extract import extract_paragraph, with_leads
from factlint.slots.model import Mention, slot_to_json, value_to_json
from factlint.text.document import split_paragraphs
from factlint.text.names import fold, skeleton
from factlint.text.nlp import pipeline

SKETCH_SIZE = 8
"""Hashes kept per article (the smallest of its five-word shingles): enough to find copies."""
SHINGLE = 5
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class StoredSentence:
    text: str
    location: Location
    link: str | None


@dataclass(frozen=True)
class StoredMention:
    sentence: int
    """Index into the article's sentences."""
    data: dict[str, object]
    """The mention as JSON data (see `mention_to_json`), not yet encoded: the record packs it
    and encodes it once (encoding it here and parsing it back there cost a tenth of a build)."""
    location: Location
    keys: tuple[str, ...]
    words: tuple[str, ...]
    """Its context words: what document frequencies count."""


@dataclass(frozen=True)
class ArticleFacts:
    meta: ArticleMeta
    sentences: tuple[StoredSentence, ...]
    mentions: tuple[StoredMention, ...]
    names: frozenset[str]
    sketch: tuple[int, ...]


def extract_article(article: Article, lexicon: Lexicon, spacy_model: str | None = None) -> ArticleFacts:
    nlp = pipeline(spacy_model)
    sentences: list[StoredSentence] = []
    at: dict[tuple[int, int], int] = {}
    mentions: list[StoredMention] = []
    names: set[str] = set()
    known = names_used(article.text)
    for paragraph, lead in with_leads(split_paragraphs(article.text, article.body_start)):
        for read in extract_paragraph(
            paragraph.text,
            article.meta.date,
            lexicon,
            nlp,
            base=paragraph.start,
            lead=lead,
            known_names=known,
            derive=True,
        ):
            span = (read.sentence_start, read.sentence_end)
            if span not in at:
                at[span] = len(sentences)
                sentences.append(
                    StoredSentence(
                        article.text[span[0] : span[1]],
                        article.location(*span),
                        article.link_near(*span),
                    )
                )
            mention = read.mention
            if mention.kind in (Kind.PERSON, Kind.PLACE):
                names.update(mention.value.words)  # type: ignore[union-attr]
            mentions.append(
                StoredMention(
                    at[span],
                    mention_to_json(mention),
                    article.location(mention.start, mention.end),
                    slot_keys(mention, lexicon),
                    tuple(w for w, _ in mention.slot.context),
                )
            )
    return ArticleFacts(
        article.meta, tuple(sentences), tuple(mentions), frozenset(names), sketch(article.text)
    )


_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,] )[A-Z][^\W\d_]+")


def names_used(text: str) -> frozenset[str]:
    """Capitalised words the article uses inside a sentence: its names. The same word opening a
    sentence ("Hallberg, based in Basel, ...") is then read as the name it is, not as a capital."""
    return frozenset(fold(m.group(0)) for m in _MID_SENTENCE_NAME.finditer(text))


def mention_to_json(mention: Mention) -> dict[str, object]:
    return {
        "kind": mention.kind.value,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "value": value_to_json(mention.value),
        "slot": slot_to_json(mention.slot),
        "said_on": mention.said_on.isoformat() if mention.said_on else None,
    }


KEY_WEIGHT = 0.3
"""Context words at least this close to a value index it: the rest are too far to find it by."""


def slot_keys(mention: Mention, lexicon: Lexicon) -> tuple[str, ...]:
    """The keys a fact is found by, and a claim looks facts up by: its head, its nearest words, names."""
    slot = mention.slot
    if mention.kind is Kind.ROLE:
        return (f"role|{skeleton(slot.head.split()[-1])}",)
    base = f"{mention.kind.value}|{slot.dimension}"
    keys: list[str] = []
    if slot.head:
        keys.append(f"{base}|h|{slot.head}")
        general = lexicon.hypernym_of.get(slot.head)
        if general:
            keys.append(f"{base}|h|{general}")
    keys.extend(f"{base}|n|{name}" for name in slot.names)
    keys.extend(f"{base}|w|{word}" for word, weight in slot.context if weight >= KEY_WEIGHT)
    return tuple(dict.fromkeys(keys))


def sketch(text: str) -> tuple[int, ...]:
    """The smallest hashes of the text's five-word shingles: copies of a story share most of them."""
    words = [fold(w) for w in _WORD.findall(text.lower())]
    shingles = {" ".join(words[k : k + SHINGLE]) for k in range(max(1, len(words) - SHINGLE + 1))}
    hashes = sorted({zlib.crc32(s.encode()) for s in shingles if s})
    return tuple(hashes[:SKETCH_SIZE])
