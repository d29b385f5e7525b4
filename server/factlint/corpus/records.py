"""One article's facts as the rows the store writes: made where the extraction runs.

Why a separate step: the parent process of a build writes every row serially, so
whatever can be done per article is done here, in the worker (a local process or
a Dask worker): the facts and sentences are encoded and compressed into one blob,
each slot key becomes a 48-bit hash (no table of key strings to consult, so a
worker needs nothing from the database and two builds give the same rows), and
the context words are counted. The parent then only numbers articles and inserts.

The blob keeps what a lookup needs (each fact's value, slot, date, place in the
file) and the sentence text a hover or a message shows, zlib-compressed: a
shared store answers without the archive mounted on the writer's machine.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from factlint.corpus.extraction import ArticleFacts
from factlint.model import ArticleMeta, Location

FACT_BITS = 16
"""A fact's id is its article's id shifted left by this, plus its index in the article."""
MAX_FACTS_PER_ARTICLE = 1 << FACT_BITS
KEY_BYTES = 6
"""48-bit key hashes: at 10 million distinct keys about 0.2 collisions are expected, and a
collision only adds a few candidates that the judge's similarity then rejects."""


@dataclass(frozen=True)
class ArticleRecord:
    """Everything the store writes for one article, before it has an id."""

    meta: ArticleMeta
    body: bytes
    """zlib of the JSON `{"s": sentences, "f": facts, "n": names, "k": sketch}` (see `decode_body`)."""
    facts: int
    postings: tuple[tuple[int, int], ...]
    """(key hash, fact index in this article)."""
    words: tuple[tuple[str, int], ...]
    """Context words of its facts with their counts: document frequencies for idf."""
    names: tuple[str, ...]
    sketch: tuple[int, ...]


@dataclass(frozen=True)
class StoredFactRow:
    """One fact decoded from an article's blob."""

    sentence: int
    mention: dict[str, Any]
    location: tuple[int, int, int, int]
    keys: tuple[int, ...]


@dataclass(frozen=True)
class ArticleBody:
    sentences: tuple[tuple[str, tuple[int, int, int, int], str | None], ...]
    """(text, (line, column, end line, end column), link)."""
    facts: tuple[StoredFactRow, ...]
    names: tuple[str, ...]
    sketch: tuple[int, ...]


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=KEY_BYTES).digest(), "big")


def article_record(facts: ArticleFacts) -> ArticleRecord:
    sentences = [
        [s.text, s.location.line, s.location.column, s.location.end_line, s.location.end_column, s.link]
        for s in facts.sentences
    ]
    encoded: list[str] = []
    postings: list[tuple[int, int]] = []
    words: Counter[str] = Counter()
    for index, mention in enumerate(facts.mentions[:MAX_FACTS_PER_ARTICLE]):
        where = mention.location
        hashes = sorted({key_hash(k) for k in mention.keys})
        postings.extend((h, index) for h in hashes)
        words.update(mention.words)
        # the mention is JSON already: spliced in, not parsed and dumped again
        encoded.append(
            f"[{mention.sentence},{mention.data},{where.line},{where.column},{where.end_line},"
            f"{where.end_column},{json.dumps(hashes)}]"
        )
    text = '{"s":' + json.dumps(sentences, separators=(",", ":"), ensure_ascii=False)
    text += ',"f":[' + ",".join(encoded) + "]"
    text += (
        f',"n":{json.dumps(sorted(facts.names), ensure_ascii=False)},"k":{json.dumps(list(facts.sketch))}}}'
    )
    return ArticleRecord(
        meta=facts.meta,
        body=zlib.compress(text.encode(), 6),
        facts=len(encoded),
        postings=tuple(postings),
        words=tuple(sorted(words.items())),
        names=tuple(sorted(facts.names)),
        sketch=facts.sketch,
    )


def decode_body(blob: bytes) -> ArticleBody:
    data = json.loads(zlib.decompress(blob))
    return ArticleBody(
        sentences=tuple((s[0], (s[1], s[2], s[3], s[4]), s[5]) for s in data["s"]),
        facts=tuple(StoredFactRow(f[0], f[1], (f[2], f[3], f[4], f[5]), tuple(f[6])) for f in data["f"]),
        names=tuple(data["n"]),
        sketch=tuple(data["k"]),
    )


def fact_id(article: int, index: int) -> int:
    return (article << FACT_BITS) | index


def split_fact_id(fact: int) -> tuple[int, int]:
    return fact >> FACT_BITS, fact & (MAX_FACTS_PER_ARTICLE - 1)


def location(path: str, where: tuple[int, int, int, int]) -> Location:
    return Location(path, *where)
