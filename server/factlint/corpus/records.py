"""One article's facts as the rows the store writes: made where the extraction runs.

Why a separate step: the parent process of a build writes every row serially, so
whatever can be done per article is done here, in the worker (a local process or
a Dask worker): each fact is encoded and compressed on its own, the sentences into
one blob, each slot key becomes a 48-bit hash (no table of key strings to consult,
so a worker needs nothing from the database but the store's compression dictionary,
and two builds give the same rows), and the context words are counted. The parent
then only numbers articles and inserts.

A fact's row keeps what a lookup needs (its value, slot, date, place in the file), so
a claim's candidate costs one small read; the article's blob keeps the sentence text
a hover or a message shows, zlib-compressed: a shared store answers without the
archive mounted on the writer's machine.
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

import numpy as np
import numpy.typing as npt

from factlint.corpus.extraction import ArticleFacts, StoredMention
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
    """zlib of the JSON `{"s": sentences, "n": names, "k": sketch}` (see `decode_body`): read
    only when a message or hover quotes a sentence, or the article is forgotten."""
    facts: tuple[bytes, ...]
    """Each fact on its own (`encode_fact`), by its index in the article: one row each."""
    postings: tuple[tuple[int, int], ...]
    """(key hash, fact index in this article), sorted."""
    words: tuple[tuple[str, int], ...]
    """Context words of its facts with their counts: document frequencies for idf."""
    names: tuple[str, ...]
    sketch: tuple[int, ...]
    digest: str = ""
    """The digest of the bytes the article was read from (`Article.digest`): what the store
    records as the file's content, so facts and digest cannot come from two versions."""


@dataclass(frozen=True)
class StoredFactRow:
    """One fact decoded from its row."""

    sentence: int
    mention: dict[str, Any]
    """As `mention_to_json` made it: `store.mention_from_json` turns it back into a `Mention`."""
    location: tuple[int, int, int, int]


class ArticleBody:
    """An article's blob, parsed: its sentences, names and sketch (its facts are rows of their own)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._sentences: list[list[Any]] = data["s"]
        self.names: tuple[str, ...] = tuple(data["n"])
        self.sketch: tuple[int, ...] = tuple(data["k"])

    def sentence(self, index: int) -> tuple[str, tuple[int, int, int, int], str | None]:
        """(text, (line, column, end line, end column), link)."""
        s = self._sentences[index]
        return s[0], (s[1], s[2], s[3], s[4]), s[5]

    @property
    def sentences(self) -> tuple[tuple[str, tuple[int, int, int, int], str | None], ...]:
        return tuple(self.sentence(index) for index in range(len(self._sentences)))


@lru_cache(maxsize=65536)
def key_hash(key: str) -> int:
    """A key's 48-bit hash; kept per distinct key, since most keys recur in article after article
    ("quantity|count|w|people")."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=KEY_BYTES).digest(), "big")


def fact_json(mention: StoredMention) -> bytes:
    """A fact as the JSON its row holds, before compression: `[sentence, mention, line, column,
    end line, end column]`."""
    where = mention.location
    return json.dumps(
        [mention.sentence, mention.data, where.line, where.column, where.end_line, where.end_column],
        separators=(",", ":"), ensure_ascii=False,
    ).encode()  # fmt: skip


def article_record(facts: ArticleFacts, dictionary: bytes = b"") -> ArticleRecord:
    """The article's rows; each fact is compressed alone, with the store's `dictionary`."""
    sentences = [
        [s.text, s.location.line, s.location.column, s.location.end_line, s.location.end_column, s.link]
        for s in facts.sentences
    ]
    postings: set[tuple[int, int]] = set()
    words: Counter[str] = Counter()
    packed: list[bytes] = []
    for index, mention in enumerate(facts.mentions[:MAX_FACTS_PER_ARTICLE]):
        postings.update((key_hash(k), index) for k in mention.keys)
        words.update(mention.words)
        packed.append(encode_fact(fact_json(mention), dictionary))
    body = {"s": sentences, "n": sorted(facts.names), "k": list(facts.sketch)}
    text = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    return ArticleRecord(
        meta=facts.meta,
        body=zlib.compress(text.encode(), 9),
        facts=tuple(packed),
        postings=tuple(sorted(postings)),
        words=tuple(sorted(words.items())),
        names=tuple(sorted(facts.names)),
        sketch=facts.sketch,
    )


DICTIONARY_BYTES = 32768
"""zlib's window: a preset dictionary longer than this is never referred to."""
_WBITS = -15
"""Raw deflate (no header or checksum: 6 bytes a fact), 32 KB window."""


def make_dictionary(samples: Iterable[bytes]) -> bytes:
    """A preset dictionary for the facts of one store: the JSON of its first facts, up to 32 KB.

    Why one: a fact alone is about 300 bytes of JSON that zlib cannot shrink much by itself
    (170), while an article's facts compressed together share their field names and words. With
    a dictionary of the archive's own facts, each fact compresses alone to about 85 bytes (the
    benchmark corpus), so a fact can be read by itself at no cost in size. The store keeps the
    dictionary it was built with (`dictionary` table): it never changes while facts use it.
    """
    out = bytearray()
    for sample in samples:
        out += sample
        if len(out) >= DICTIONARY_BYTES:
            break
    return bytes(out[-DICTIONARY_BYTES:])


@lru_cache(maxsize=4)
def _compressor(dictionary: bytes) -> Any:
    """A compressor primed with the dictionary, copied for each fact (priming costs more than a fact).
    Level 6, not 9: on the benchmark's facts 2% larger (88 bytes a fact, not 86), 40% faster."""
    if dictionary:
        return zlib.compressobj(6, zlib.DEFLATED, _WBITS, 8, zlib.Z_DEFAULT_STRATEGY, dictionary)
    return zlib.compressobj(6, zlib.DEFLATED, _WBITS, 8, zlib.Z_DEFAULT_STRATEGY)


def encode_fact(raw: bytes, dictionary: bytes) -> bytes:
    compressor = _compressor(dictionary).copy()
    return bytes(compressor.compress(raw) + compressor.flush())


def decode_fact(blob: bytes, dictionary: bytes) -> StoredFactRow:
    inflate = zlib.decompressobj(_WBITS, dictionary) if dictionary else zlib.decompressobj(_WBITS)
    f = json.loads(inflate.decompress(blob) + inflate.flush())
    return StoredFactRow(f[0], f[1], (f[2], f[3], f[4], f[5]))


def decode_body(blob: bytes) -> ArticleBody:
    return ArticleBody(json.loads(zlib.decompress(blob)))


def fact_id(article: int, index: int) -> int:
    return (article << FACT_BITS) | index


def split_fact_id(fact: int) -> tuple[int, int]:
    return fact >> FACT_BITS, fact & (MAX_FACTS_PER_ARTICLE - 1)


def location(path: str, where: tuple[int, int, int, int]) -> Location:
    return Location(path, *where)


_HEADER = struct.Struct("<2sI")
_WIDTHS = (("B", 1 << 8), ("H", 1 << 16), ("I", 1 << 32), ("Q", 1 << 64))
_DTYPES = {"B": "<u1", "H": "<u2", "I": "<u4", "Q": "<u8"}


def encode_segment(facts: Sequence[int]) -> bytes:
    """A key's facts from one batch (sorted ids) as two packed arrays: article gaps and fact indexes.

    A batch numbers its articles consecutively, so gaps fit in a byte or two: a posting
    costs 2-3 bytes instead of a row of its own (about 19 bytes in SQLite).
    """
    articles = [f >> FACT_BITS for f in facts]
    gaps = array(_width(max(b - a for a, b in zip([articles[0], *articles], articles, strict=False))),
                 [b - a for a, b in zip([articles[0], *articles], articles, strict=False)])  # fmt: skip
    indexes = [f & (MAX_FACTS_PER_ARTICLE - 1) for f in facts]
    numbers = array(_width(max(indexes)), indexes)
    if sys.byteorder == "big":  # stored little-endian, whoever reads the shared store
        gaps.byteswap()
        numbers.byteswap()
    return (
        _HEADER.pack((gaps.typecode + numbers.typecode).encode(), len(facts))
        + gaps.tobytes()
        + numbers.tobytes()
    )


def encode_segment_array(facts: npt.NDArray[np.int64]) -> bytes:
    """`encode_segment` of sorted ids in a numpy array, byte for byte the same: merging a key's
    segments (`FactStore._merge_postings`) encodes millions of ids, a Python int each was most
    of its cost."""
    articles = facts >> FACT_BITS
    gaps = np.diff(articles, prepend=articles[:1])
    indexes = facts & (MAX_FACTS_PER_ARTICLE - 1)
    gap_code, number_code = _width(int(gaps.max())), _width(int(indexes.max()))
    return (
        _HEADER.pack((gap_code + number_code).encode(), len(facts))
        + gaps.astype(_DTYPES[gap_code]).tobytes()
        + indexes.astype(_DTYPES[number_code]).tobytes()
    )


def segment_size(blob: bytes) -> int:
    """How many fact ids a segment holds, read from its header alone."""
    return int(_HEADER.unpack_from(blob)[1])


def decode_segment(low: int, blob: bytes) -> list[int]:
    """The fact ids of a segment whose first fact is `low`."""
    codes, count = _HEADER.unpack_from(blob)
    gaps, numbers = array(chr(codes[0])), array(chr(codes[1]))
    split = _HEADER.size + count * gaps.itemsize
    gaps.frombytes(blob[_HEADER.size : split])
    numbers.frombytes(blob[split : split + count * numbers.itemsize])
    if sys.byteorder == "big":
        gaps.byteswap()
        numbers.byteswap()
    base = low >> FACT_BITS
    return [((base + a) << FACT_BITS) | i for a, i in zip(accumulate(gaps), numbers, strict=True)]


def decode_segment_array(low: int, blob: bytes) -> npt.NDArray[np.int64]:
    """`decode_segment` as a numpy array: a lookup reads long postings, and a Python int per
    fact was most of its cost."""
    codes, count = _HEADER.unpack_from(blob)
    gap_type, number_type = np.dtype(_DTYPES[chr(codes[0])]), np.dtype(_DTYPES[chr(codes[1])])
    gaps = np.frombuffer(blob, gap_type, count, _HEADER.size).astype(np.int64)
    numbers = np.frombuffer(blob, number_type, count, _HEADER.size + count * gap_type.itemsize)
    return ((np.cumsum(gaps) + (low >> FACT_BITS)) << FACT_BITS) | numbers.astype(np.int64)


def decode_segments(rows: Sequence[tuple[int, bytes]]) -> npt.NDArray[np.int64]:
    """The fact ids of many segments (`(low, blob)` rows) as one array, in row order.

    A common key has a segment per build batch, hundreds at 100,000 articles: decoding them
    one by one cost more than the rest of a claim's ranking. Segments whose widths agree are
    decoded together: their gaps are summed in one pass and each segment's sums restarted
    at its first article. Most keys mix widths (a batch with a long gap, a fact index past
    255), so each width's segments are decoded together and put back in row order.
    """
    kept: list[tuple[int, bytes]] = []
    heads: list[tuple[bytes, int]] = []
    for segment in rows:  # each header read once: a lookup reads thousands of segments
        head = _HEADER.unpack_from(segment[1])
        if head[1]:  # an empty segment has no start
            kept.append(segment)
            heads.append(head)
    if not kept:
        return np.empty(0, np.int64)
    rows = kept
    widths: dict[bytes, list[int]] = {}
    for row, (code, _) in enumerate(heads):
        widths.setdefault(code, []).append(row)
    if len(widths) == 1:
        return _decode_same_width(rows, heads)
    counts = np.array([count for _, count in heads], np.int64)
    starts = np.cumsum(counts) - counts
    out = np.empty(int(counts.sum()), np.int64)
    for members in widths.values():
        decoded = _decode_same_width([rows[r] for r in members], [heads[r] for r in members])
        chosen = np.array(members, np.int64)
        sizes = counts[chosen]
        # each segment's ids go where its row's would in row order
        out[np.repeat(starts[chosen] - (np.cumsum(sizes) - sizes), sizes) + np.arange(len(decoded))] = decoded
    return out


def _decode_same_width(
    rows: Sequence[tuple[int, bytes]], heads: Sequence[tuple[bytes, int]]
) -> npt.NDArray[np.int64]:
    """`decode_segments` of segments whose gaps and indexes have one width each."""
    code = heads[0][0]
    gap_type, number_type = np.dtype(_DTYPES[chr(code[0])]), np.dtype(_DTYPES[chr(code[1])])
    counts = np.array([count for _, count in heads], np.int64)
    gap_bytes, number_bytes = bytearray(), bytearray()
    for (_, blob), (_, count) in zip(rows, heads, strict=True):
        split = _HEADER.size + count * gap_type.itemsize
        gap_bytes += blob[_HEADER.size : split]
        number_bytes += blob[split : split + count * number_type.itemsize]
    sums = np.cumsum(np.frombuffer(gap_bytes, gap_type).astype(np.int64))
    starts = np.cumsum(counts) - counts
    bases = np.array([int(low) >> FACT_BITS for low, _ in rows], np.int64)
    articles: npt.NDArray[np.int64] = sums + np.repeat(bases - sums[starts], counts)
    return (articles << FACT_BITS) | np.frombuffer(number_bytes, number_type).astype(np.int64)


def _width(largest: int) -> str:
    return next(code for code, limit in _WIDTHS if largest < limit)
