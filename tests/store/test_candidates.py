"""A claim's candidate facts: the vectorised ranking returns exactly what the loop it replaced did."""

from __future__ import annotations

import heapq
import math
from pathlib import Path

import numpy as np
import pytest

from bench.generate import DRAFT_DATE, draft_text
from factlint.config import Config
from factlint.corpus import ranking
from factlint.corpus import store as store_module
from factlint.corpus.extraction import slot_keys
from factlint.corpus.ranking import top_scored
from factlint.corpus.records import decode_segment, key_hash
from factlint.corpus.store import FactStore
from factlint.rulebook.loader import load_rules
from factlint.slots.checker import Checker
from factlint.slots.model import Mention
from factlint.text.document import split_paragraphs

from .stores import SEED, sync, write_articles


def _reference(store: FactStore, claim: Mention) -> list[int]:
    """The ranking as a plain loop: each fact's score is the sum of its keys' weights, added
    rarest key first; the best `MAX_CANDIDATES` by score, then by the smaller id."""
    assert store.lexicon is not None
    counts = sorted(
        (store._key_count(key_hash(k)), k) for k in dict.fromkeys(slot_keys(claim, store.lexicon))
    )
    scores: dict[int, float] = {}
    looked = 0
    for count, key in counts:
        if count == 0:
            continue
        if looked >= store_module.MAX_KEYS_LOOKED_UP or (
            count > store_module.MAX_POSTINGS_SCANNED and looked >= 2
        ):
            break
        looked += 1
        weight = math.log(1 + max(store.fact_count, 1) / count)
        rows = store.backend.execute("SELECT low, facts FROM postings WHERE key = ?", (key_hash(key),))
        for fact in (f for low, blob in rows for f in decode_segment(int(low), bytes(blob))):
            scores[fact] = scores.get(fact, 0.0) + weight
    return heapq.nsmallest(store_module.MAX_CANDIDATES, scores, key=lambda f: (-scores[f], f))


def test_every_claim_of_a_draft_gets_the_candidates_the_plain_loop_ranks(tmp_path: Path) -> None:
    corpus = write_articles(tmp_path / "corpus", range(120))
    store = FactStore(":memory:")
    sync(store, corpus)
    checker = Checker(store, load_rules(Config(corpus_dirs=(corpus,))))
    text = draft_text(SEED, 1500)
    claims = [c for p in split_paragraphs(text) for c in checker.claims(p.text, DRAFT_DATE)]
    full = 0
    for claim in claims:
        expected = _reference(store, claim)
        assert [f.id for f in store.candidates(claim)] == expected
        full += len(expected) == store_module.MAX_CANDIDATES
    assert len(claims) > 100 and full > 10  # the cut at MAX_CANDIDATES is exercised, not only short lists


def test_ties_go_to_the_smaller_fact_and_scores_add_in_key_order() -> None:
    weights = [0.1, 0.2, 0.3]
    postings = [np.array([5, 9, 2]), np.array([9, 7]), np.array([2, 7, 11])]
    # 9: 0.1+0.2, 2: 0.1+0.3, 7: 0.2+0.3 (0.5, and 0.1+0.2 is 0.30000000000000004 > 0.3 of 11)
    assert top_scored(weights, postings, 4) == [7, 2, 9, 11]
    assert top_scored(weights, postings, 10) == [7, 2, 9, 11, 5]
    assert top_scored([1.0, 1.0], [np.array([8, 3]), np.array([4])], 2) == [3, 4]


@pytest.mark.parametrize("seed", range(20))
def test_the_cut_keeps_what_a_partition_of_every_score_keeps(seed: int) -> None:
    """The best `limit` facts, found through the masks' counts, are those the partition of every
    fact's score found (it was `np.partition(scores, n - limit)[n - limit]`)."""
    rng = np.random.default_rng(seed)
    keys = int(rng.integers(1, 8))
    weights = [float(w) for w in rng.choice([0.5, 1.0, 1.5, 2.25], keys)]  # equal sums from other masks
    postings = [np.unique(rng.integers(0, 400, int(rng.integers(1, 300)))) for _ in range(keys)]
    limit = int(rng.integers(1, 120))
    scores: dict[int, float] = {}
    for weight, posting in zip(weights, postings, strict=True):
        for fact in posting.tolist():
            scores[fact] = scores.get(fact, 0.0) + weight
    expected = heapq.nsmallest(limit, scores, key=lambda f: (-scores[f], f))
    assert top_scored(weights, postings, limit) == expected


def _plain_ranking(weights: list[float], postings: list[np.ndarray], limit: int) -> list[int]:
    scores: dict[int, float] = {}
    for weight, posting in zip(weights, postings, strict=True):
        for fact in posting.tolist():
            scores[fact] = scores.get(fact, 0.0) + weight
    return heapq.nsmallest(limit, scores, key=lambda f: (-scores[f], f))


def test_a_common_key_is_only_looked_up_for_the_facts_of_the_rarer_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fact in none of the rare keys scores below every fact in one of them, so the common key's
    50,000 facts are not ranked: it only completes the masks of the rare keys' facts."""
    rng = np.random.default_rng(7)
    postings = [np.unique(rng.integers(0, 60_000, n)) for n in (150, 300)] + [np.arange(0, 100_000, 2)]
    weights = [math.log(1 + 2_000_000 / len(p)) for p in postings]
    looked_up: list[int] = []
    members = ranking._members

    def spy(posting: np.ndarray, facts: np.ndarray) -> np.ndarray:
        looked_up.append(len(posting))
        return members(posting, facts)

    monkeypatch.setattr(ranking, "_members", spy)
    assert top_scored(weights, postings, 80) == _plain_ranking(weights, postings, 80)
    assert looked_up == [50_000]


@pytest.mark.parametrize("seed", range(40))
def test_ranking_only_the_rarer_keys_facts_keeps_what_ranking_every_fact_keeps(seed: int) -> None:
    """Keys in rarity order, as a claim reads them: some rare and heavy, some common and light, some
    of equal weight (ties between a rare key and the sum of the common ones are kept whole)."""
    rng = np.random.default_rng(seed)
    counts = sorted(int(c) for c in rng.choice([5, 40, 40, 300, 2_000, 9_000], int(rng.integers(1, 7))))
    weights = [math.log(1 + 50_000 / c) for c in counts]
    if seed % 4 == 0:
        weights = [round(w) / 2 for w in weights]  # sums that meet a single weight exactly
    postings = [np.unique(rng.integers(0, 12_000, c)) for c in counts]
    limit = int(rng.choice([1, 10, 80, 500]))
    assert top_scored(weights, postings, limit) == _plain_ranking(weights, postings, limit)
