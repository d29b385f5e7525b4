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
import struct
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

import numpy as np
import numpy.typing as npt

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
    """zlib of the JSON `{"s": sentences, "f": facts (each a JSON string), "h": shapes, "n": names,
    "k": sketch}` (see `decode_body`)."""
    facts: int
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
    """One fact decoded from an article's blob."""

    sentence: int
    mention: dict[str, Any]
    """As `mention_to_json` made it: `store.mention_from_json` turns it back into a `Mention`."""
    location: tuple[int, int, int, int]


class ArticleBody:
    """An article's blob, parsed; a fact's mention is unpacked only when that fact is asked for.

    A claim's candidates touch a few facts of many articles: unpacking every fact of each
    was most of a lookup's time. The sentences, most of the blob's text, are parsed only when a
    message or hover quotes one (see `decode_body`).
    """

    def __init__(self, data: dict[str, Any], text: str | None = None) -> None:
        self._text = text
        self._parsed_sentences: list[list[Any]] | None = data.get("s")
        self._facts: list[str] = data["f"]
        self._shapes: list[list[str]] = data["h"]
        self.names: tuple[str, ...] = tuple(data["n"])
        self.sketch: tuple[int, ...] = tuple(data["k"])

    @property
    def _sentences(self) -> list[list[Any]]:
        if self._parsed_sentences is None:
            assert self._text is not None
            self._parsed_sentences = _DECODER.raw_decode(self._text, len(_SENTENCES_AT))[0]
        return self._parsed_sentences

    @property
    def fact_count(self) -> int:
        return len(self._facts)

    def fact(self, index: int) -> StoredFactRow:
        f = json.loads(self._facts[index])
        return StoredFactRow(f[0], _unpack(f[1], self._shapes), (f[2], f[3], f[4], f[5]))

    @property
    def facts(self) -> tuple[StoredFactRow, ...]:
        return tuple(self.fact(index) for index in range(len(self._facts)))

    def place(self, index: int) -> tuple[int, tuple[int, int, int, int]]:
        """A fact's sentence (index) and where its value stands."""
        f = json.loads(self._facts[index])
        return f[0], (f[2], f[3], f[4], f[5])

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


def article_record(facts: ArticleFacts) -> ArticleRecord:
    sentences = [
        [s.text, s.location.line, s.location.column, s.location.end_line, s.location.end_column, s.link]
        for s in facts.sentences
    ]
    shapes: dict[tuple[str, ...], int] = {}
    packed: list[str] = []
    postings: set[tuple[int, int]] = set()
    words: Counter[str] = Counter()
    for index, mention in enumerate(facts.mentions[:MAX_FACTS_PER_ARTICLE]):
        where = mention.location
        postings.update((key_hash(k), index) for k in mention.keys)
        words.update(mention.words)
        # each fact is a JSON string inside the body: reading the body parses strings only,
        # and a fact's own JSON is parsed when that fact is a candidate
        packed.append(
            json.dumps(
                [mention.sentence, _pack(mention.data, shapes), where.line, where.column,
                 where.end_line, where.end_column],
                separators=(",", ":"), ensure_ascii=False,
            )
        )  # fmt: skip
    body = {
        "s": sentences,
        "f": packed,
        "h": [list(shape) for shape in shapes],
        "n": sorted(facts.names),
        "k": list(facts.sketch),
    }
    text = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    return ArticleRecord(
        meta=facts.meta,
        body=zlib.compress(text.encode(), 9),
        facts=len(packed),
        postings=tuple(sorted(postings)),
        words=tuple(sorted(words.items())),
        names=tuple(sorted(facts.names)),
        sketch=facts.sketch,
    )


_CONTAINERS = (dict, list, tuple)


def _pack(data: Any, shapes: dict[tuple[str, ...], int]) -> Any:
    """Each JSON object as {shape number: [values]}: its field names once per article, not per fact.

    Lists (and tuples, which JSON writes as lists) are left as they are (and never walked when
    unpacking) unless they hold an object, in which case they become {"*": [items]}. One pass:
    a list holds an object exactly when packing changed one of its items.
    """
    if isinstance(data, dict):
        number = shapes.setdefault(tuple(data), len(shapes))
        return {str(number): [_pack(v, shapes) if isinstance(v, _CONTAINERS) else v for v in data.values()]}
    if isinstance(data, list | tuple):
        if not any(isinstance(v, _CONTAINERS) for v in data):
            return data
        if all(type(v) is list and not any(isinstance(x, _CONTAINERS) for x in v) for v in data):
            # rows of plain values ("context": [["hall", 1.5], ...]), as packing each would leave
            # them: a call per row was most of the packing's time
            return data
        packed = [_pack(v, shapes) if isinstance(v, _CONTAINERS) else v for v in data]
        if any(p is not v for p, v in zip(packed, data, strict=True)):
            return {"*": packed}
    return data


def _unpack(data: Any, shapes: list[list[str]]) -> Any:
    if type(data) is not dict:
        return data
    ((number, values),) = data.items()
    # a plain value is taken as it is, without a call: most of a fact's values are plain
    if number == "*":
        return [_unpack(v, shapes) if type(v) is dict else v for v in values]
    names = shapes[int(number)]
    return {name: _unpack(v, shapes) if type(v) is dict else v for name, v in zip(names, values, strict=True)}


_DECODER = json.JSONDecoder()
_SENTENCES_AT = '{"s":'
_FACTS_AT = ',"f":'
_REST = (("h", ',"h":'), ("n", ',"n":'), ("k", ',"k":'))


def decode_body(blob: bytes) -> ArticleBody:
    """The blob parsed from its facts on (`article_record` writes the keys in the order s, f, h,
    n, k); its sentences are left as text until asked for. The first `,"f":` is the facts' key:
    inside a JSON string every quote is escaped, so no sentence can hold that sequence."""
    text = zlib.decompress(blob).decode()
    at = text.find(_FACTS_AT) if text.startswith(_SENTENCES_AT) else -1
    if at < 0:
        return ArticleBody(json.loads(text))
    data: dict[str, Any] = {}
    data["f"], at = _DECODER.raw_decode(text, at + len(_FACTS_AT))
    for name, marker in _REST:
        if not text.startswith(marker, at):
            return ArticleBody(json.loads(text))
        data[name], at = _DECODER.raw_decode(text, at + len(marker))
    return ArticleBody(data, text)


def fact_id(article: int, index: int) -> int:
    return (article << FACT_BITS) | index


def split_fact_id(fact: int) -> tuple[int, int]:
    return fact >> FACT_BITS, fact & (MAX_FACTS_PER_ARTICLE - 1)


def location(path: str, where: tuple[int, int, int, int]) -> Location:
    return Location(path, *where)


_HEADER = struct.Struct("<2sI")
_WIDTHS = (("B", 1 << 8), ("H", 1 << 16), ("I", 1 << 32), ("Q", 1 << 64))


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


_DTYPES = {"B": "<u1", "H": "<u2", "I": "<u4", "Q": "<u8"}


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
    if not rows:
        return np.empty(0, np.int64)
    rows = [(low, blob) for low, blob in rows if _HEADER.unpack_from(blob)[1]]  # an empty one has no start
    if not rows:
        return np.empty(0, np.int64)
    heads = [_HEADER.unpack_from(blob) for _, blob in rows]
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
