"""The rows made per article: packed posting segments, the facts and the compressed blob come back exactly."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from factlint.config import Config
from factlint.corpus import records
from factlint.corpus.extraction import extract_article
from factlint.corpus.reader import article_from_text
from factlint.corpus.records import (
    FACT_BITS,
    article_record,
    decode_body,
    decode_fact,
    decode_segment,
    encode_segment,
    fact_json,
    make_dictionary,
)
from factlint.rulebook.loader import load_rules

from .stores import SEED


@pytest.mark.parametrize(
    "facts",
    [
        [5 << FACT_BITS],
        [(7 << FACT_BITS) | 3, (7 << FACT_BITS) | 9, (8 << FACT_BITS) | 0, (300 << FACT_BITS) | 2],
        [(1 << FACT_BITS) | 700, (70_000 << FACT_BITS) | 1, (5_000_000_000 << FACT_BITS) | 65_535],
    ],
    ids=["one", "byte gaps", "wide gaps and indexes"],
)
def test_a_segment_gives_back_the_fact_ids_it_was_made_of(facts: list[int]) -> None:
    assert decode_segment(facts[0], encode_segment(facts)) == facts


@pytest.mark.parametrize(
    "facts",
    [
        [5 << FACT_BITS],
        [(7 << FACT_BITS) | 3, (7 << FACT_BITS) | 9, (8 << FACT_BITS) | 0, (300 << FACT_BITS) | 2],
        [(1 << FACT_BITS) | 700, (70_000 << FACT_BITS) | 1, (5_000_000_000 << FACT_BITS) | 65_535],
        [(a << FACT_BITS) | (a % 300) for a in range(10, 9000, 7)],
    ],
    ids=["one", "byte gaps", "wide gaps and indexes", "many"],
)
def test_a_merged_segment_is_encoded_byte_for_byte_as_one_built_in_a_batch(facts: list[int]) -> None:
    """Merging re-encodes a key's ids with numpy: the rows must be the ones `encode_segment` makes."""
    blob = records.encode_segment_array(np.array(facts, np.int64))
    assert blob == encode_segment(facts)
    assert records.segment_size(blob) == len(facts)


def test_a_segment_of_one_batch_costs_a_few_bytes_a_posting() -> None:
    facts = [(article << FACT_BITS) | (article % 20) for article in range(1000, 1400)]
    assert len(encode_segment(facts)) <= 2 * len(facts) + 6


def test_the_rows_give_back_every_fact_sentence_and_name(tmp_path: Path) -> None:
    from bench.generate import article_text

    rules = load_rules(Config())
    article = article_from_text(str(tmp_path / "a.md"), article_text(SEED, 3))
    facts = extract_article(article, rules.lexicon)
    dictionary = make_dictionary(fact_json(m) for m in facts.mentions)
    record = article_record(facts, dictionary)
    rows = [decode_fact(blob, dictionary) for blob in record.facts]
    assert [row.mention for row in rows] == [json.loads(json.dumps(m.data)) for m in facts.mentions]
    assert [row.sentence for row in rows] == [m.sentence for m in facts.mentions]
    assert [row.location for row in rows] == [
        (m.location.line, m.location.column, m.location.end_line, m.location.end_column)
        for m in facts.mentions
    ]
    body = decode_body(record.body)
    assert [s[0] for s in body.sentences] == [s.text for s in facts.sentences]
    assert body.names == tuple(sorted(facts.names))
    assert body.sketch == facts.sketch
    assert len(rows) > 5


def test_a_fact_compressed_alone_with_the_dictionary_is_smaller_than_without(tmp_path: Path) -> None:
    """Why the store keeps a dictionary: facts of other articles prime the compression of each."""
    from bench.generate import article_text

    rules = load_rules(Config())
    sample = [
        fact_json(m)
        for index in range(4)
        for m in extract_article(
            article_from_text(str(tmp_path / f"{index}.md"), article_text(SEED, index)), rules.lexicon
        ).mentions
    ]
    dictionary = make_dictionary(sample)
    assert 0 < len(dictionary) <= records.DICTIONARY_BYTES
    later = article_record(
        extract_article(article_from_text(str(tmp_path / "9.md"), article_text(SEED, 9)), rules.lexicon)
    )
    primed = article_record(
        extract_article(article_from_text(str(tmp_path / "9.md"), article_text(SEED, 9)), rules.lexicon),
        dictionary,
    )
    assert sum(map(len, primed.facts)) < 0.75 * sum(map(len, later.facts))
    assert [decode_fact(blob, dictionary) for blob in primed.facts] == [
        decode_fact(blob, b"") for blob in later.facts
    ]


@pytest.mark.parametrize("index", [0, 1, 3, 7, 12, 40])
def test_a_mention_as_data_gives_the_rows_its_json_round_trip_gives(tmp_path: Path, index: int) -> None:
    """The record encodes each mention's data as it is, without encoding it to JSON and parsing it
    back: the rows must be byte for byte the ones the round trip gave (tuples become lists, keys
    stay text), or a store built now would differ from one built before."""
    from bench.generate import article_text

    rules = load_rules(Config())
    article = article_from_text(str(tmp_path / "a.md"), article_text(SEED, index))
    facts = extract_article(article, rules.lexicon)
    round_trip = replace(
        facts, mentions=tuple(replace(m, data=json.loads(json.dumps(m.data))) for m in facts.mentions)
    )
    assert facts.mentions and article_record(facts) == article_record(round_trip)


@pytest.mark.parametrize(
    "segments",
    [
        [
            [(3 << FACT_BITS) | 1, (4 << FACT_BITS) | 0],
            [(9 << FACT_BITS) | 2],
            [(12 << FACT_BITS) | 5, (15 << FACT_BITS)],
        ],
        [[(1 << FACT_BITS) | 700, (2 << FACT_BITS)], [(400 << FACT_BITS) | 1, (70_000 << FACT_BITS) | 2]],
        [[(5_000_000_000 << FACT_BITS) | 65_535]],
        [
            [(1 << FACT_BITS) | 3, (2 << FACT_BITS) | 4],
            [(400 << FACT_BITS) | 1, (70_000 << FACT_BITS) | 2],
            [(70_001 << FACT_BITS) | 7],
            [(70_100 << FACT_BITS) | 300, (70_101 << FACT_BITS)],
            [(80_000 << FACT_BITS) | 1, (80_001 << FACT_BITS) | 2, (80_002 << FACT_BITS) | 9],
            [(90_000 << FACT_BITS) | 1, (200_000 << FACT_BITS) | 2],
        ],
    ],
    ids=["same widths", "mixed widths", "one wide", "widths interleaved"],
)
def test_many_segments_decode_together_as_one_by_one(segments: list[list[int]]) -> None:
    rows = [(facts[0], encode_segment(facts)) for facts in segments]
    assert records.decode_segments(rows).tolist() == [
        f for low, blob in rows for f in decode_segment(low, blob)
    ]


@pytest.mark.parametrize("seed", range(5))
def test_many_random_segments_decode_together_as_one_by_one(seed: int) -> None:
    """Thousands of segments of every width, empty ones among them (a key's facts all forgotten),
    decoded from one joined byte array: the ids one-by-one decoding gives, in row order."""
    import random
    import struct

    rng = random.Random(seed)
    rows: list[tuple[int, bytes]] = []
    article = rng.randrange(1, 1 << 20)
    for _ in range(2000):
        if rng.random() < 0.05:
            rows.append((article << FACT_BITS, struct.pack("<2sI", b"BB", 0)))
            continue
        facts = []
        for _ in range(rng.randrange(1, 12)):
            article += rng.choice((0, 1, 1, 2, 300, 70_000, 5_000_000_000)) if facts else rng.randrange(1, 9)
            facts.append((article << FACT_BITS) | rng.choice((0, 3, 255, 256, 65_535)))
        facts = sorted(set(facts))
        rows.append((facts[0], encode_segment(facts)))
    expected = [f for low, blob in rows for f in decode_segment(low, blob)]
    assert records.decode_segments(rows).tolist() == expected
    assert records.decode_segments(rows[:1]).tolist() == decode_segment(*rows[0])
    assert records.decode_segments([]).tolist() == []
    assert records.decode_segments([(5 << FACT_BITS, struct.pack("<2sI", b"HB", 0))]).tolist() == []


def test_merged_rows_end_with_an_article_s_last_fact() -> None:
    """Forgetting an article reads the one row of a key that holds its facts: a merge must not cut
    an article's facts of a key across two rows."""
    from factlint.corpus.store import _parts

    ids = np.array([(a << FACT_BITS) | i for a in range(1, 40) for i in range(a % 5)], np.int64)
    parts = _parts(ids, 8)
    assert np.concatenate(parts).tolist() == ids.tolist()
    assert all(len(part) >= 8 for part in parts[:-1]) and len(parts) > 3
    ends = [int(part[-1]) >> FACT_BITS for part in parts[:-1]]
    starts = [int(part[0]) >> FACT_BITS for part in parts[1:]]
    assert all(end < start for end, start in zip(ends, starts, strict=True))
    assert [part.tolist() for part in _parts(ids[:5], 8)] == [ids[:5].tolist()]
