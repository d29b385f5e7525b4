"""The rows made per article: packed posting segments and the compressed blob come back exactly."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from factlint.config import Config
from factlint.corpus.extraction import extract_article
from factlint.corpus.reader import article_from_text
from factlint.corpus.records import FACT_BITS, article_record, decode_body, decode_segment, encode_segment
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


def test_a_segment_of_one_batch_costs_a_few_bytes_a_posting() -> None:
    facts = [(article << FACT_BITS) | (article % 20) for article in range(1000, 1400)]
    assert len(encode_segment(facts)) <= 2 * len(facts) + 6


def test_the_blob_gives_back_every_fact_sentence_and_name(tmp_path: Path) -> None:
    from bench.generate import article_text

    rules = load_rules(Config())
    article = article_from_text(str(tmp_path / "a.md"), article_text(SEED, 3))
    facts = extract_article(article, rules.lexicon)
    body = decode_body(article_record(facts).body)
    assert [row.mention for row in body.facts] == [json.loads(json.dumps(m.data)) for m in facts.mentions]
    assert [s[0] for s in body.sentences] == [s.text for s in facts.sentences]
    assert body.names == tuple(sorted(facts.names))
    assert body.sketch == facts.sketch
    assert len(body.facts) > 5


@pytest.mark.parametrize("index", [0, 1, 3, 7, 12, 40])
def test_packing_a_mention_as_data_gives_the_blob_its_json_round_trip_gives(
    tmp_path: Path, index: int
) -> None:
    """The record packs each mention's data as it is, without encoding it to JSON and parsing it
    back: the blob must be byte for byte the one the round trip gave (tuples become lists, keys
    stay text), or a store built now would differ from one built before."""
    from bench.generate import article_text

    rules = load_rules(Config())
    article = article_from_text(str(tmp_path / "a.md"), article_text(SEED, index))
    facts = extract_article(article, rules.lexicon)
    round_trip = replace(
        facts, mentions=tuple(replace(m, data=json.loads(json.dumps(m.data))) for m in facts.mentions)
    )
    assert facts.mentions and article_record(facts) == article_record(round_trip)
