"""The facts that share the most (and rarest) keys with a claim, from the keys' postings.

Why numpy: a claim reads postings of up to ten keys, and a key common in the archive
has tens of thousands of facts; scoring them one Python operation at a time was most
of a lookup at 10,000 articles and grew with the archive. Here each fact gets a mask
of the keys it is in (one vectorised pass), and its score is the sum of those keys'
weights added in key order, as the loop it replaces added them: the same floats, so
the same ranking, ties broken by the smaller fact id as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt


def top_scored(weights: Sequence[float], postings: Sequence[npt.NDArray[np.int64]], limit: int) -> list[int]:
    """The `limit` facts with the highest sums of the weights of the postings they are in
    (postings[i] has weight weights[i]; none holds a fact twice), highest first, then by id."""
    if not postings:
        return []
    facts, masks = _head_masks(weights, postings, limit)
    if not len(facts):
        return []
    # a mask is below 2 ** (number of keys): each one present is scored once, by table
    counts = np.bincount(masks, minlength=1 << len(postings))
    present = np.flatnonzero(counts)
    table = np.zeros(1 << len(postings), np.float64)
    table[present] = [_score(int(mask), weights) for mask in present]
    scores = table[masks]
    unique = facts
    if len(unique) > limit:  # only those that can be among the best need sorting
        # the limit-th best score, found among the few distinct masks by their counts (a
        # partition of every fact's score took a sixth of a lookup at 100,000 articles)
        best_first = np.argsort(-table[present], kind="stable")
        reached = np.searchsorted(np.cumsum(counts[present][best_first]), limit)
        threshold = table[present][best_first][reached]
        keep = scores >= threshold
        unique, scores = unique[keep], scores[keep]
    ranked = np.lexsort((unique, -scores))[:limit]
    return [int(f) for f in unique[ranked]]


def _head_masks(
    weights: Sequence[float], postings: Sequence[npt.NDArray[np.int64]], limit: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The facts that can be among the best `limit`, ascending, with the mask of the keys each is in.

    Why not every fact: a claim's commonest keys (the last, with the least weight) hold most of
    its postings, up to 140,000 facts at 100,000 articles, and sorting them all was most of the
    ranking. A fact in none of the first `head` keys scores at most the sum of the other keys'
    weights; when that is below the least weight among the first ones, and those hold at least
    `limit` facts, it cannot be among the best. The other keys are then only looked up (their
    postings are sorted: a binary search per fact of the first keys) to complete the masks.
    """
    for head in range(1, len(postings)):
        rest = 0.0
        for weight in weights[head:]:
            rest = rest + weight  # the most a fact of only these keys can score, added as `_score` adds
        if not min(weights[:head]) > rest * (1 + 1e-9) or sum(len(p) for p in postings[:head]) < limit:
            continue
        if not all(_increasing(p) for p in postings[head:]):
            break
        facts, masks = _masks(postings, range(head))
        if len(facts) < limit:
            continue
        for i in range(head, len(postings)):
            masks |= _members(postings[i], facts).astype(np.int64) << i
        return facts, masks
    return _masks(postings, range(len(postings)))


def _increasing(posting: npt.NDArray[np.int64]) -> bool:
    return bool(np.all(posting[1:] > posting[:-1]))


def _members(posting: npt.NDArray[np.int64], facts: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
    """Which of `facts` the strictly increasing `posting` holds."""
    if not len(posting):
        return np.zeros(len(facts), np.bool_)
    at = np.searchsorted(posting, facts).clip(max=len(posting) - 1)
    found: npt.NDArray[np.bool_] = posting[at] == facts
    return found


def _masks(
    postings: Sequence[npt.NDArray[np.int64]], keys: range
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The distinct facts of the postings of `keys`, ascending, each with the mask of those keys it is in."""
    if len(keys) == 1 and _increasing(postings[keys[0]]):  # already its own distinct facts, ascending
        return postings[keys[0]], np.full(len(postings[keys[0]]), 1 << keys[0], np.int64)
    facts = np.concatenate([postings[i] for i in keys])
    if not len(facts):
        return facts, facts
    bits = np.concatenate([np.full(len(postings[i]), 1 << i, np.int64) for i in keys])
    # each posting is sorted (a key's segments are read in order of their first fact): the stable
    # sort (a merge of sorted runs) takes a tenth of the time of the default quicksort on them.
    # A fact's copies are only brought together, and OR-ed, whichever sort brings them
    order = np.argsort(facts, kind="stable")
    facts, bits = facts[order], bits[order]
    firsts = np.flatnonzero(np.r_[True, facts[1:] != facts[:-1]])
    return facts[firsts], np.bitwise_or.reduceat(bits, firsts)


def _score(mask: int, weights: Sequence[float]) -> float:
    """The sum of the weights of the keys in `mask`, added in key order from 0.0."""
    total = 0.0
    for i, weight in enumerate(weights):
        if mask >> i & 1:
            total = total + weight
    return total
