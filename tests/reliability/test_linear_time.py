"""Hostile input costs what ordinary input of the same size costs: no pattern is quadratic.

An HTML article of `<p>` and 50,000 unclosed `<a ` took 33 s to read; a draft of
12,500 unclosed `<!--factlint-enable ` took 22.7 s per check, on every keystroke.
Each case is timed against an ordinary text of the same size, as a ratio (a
wall-clock budget would pass on a fast machine and fail on a busy one). The ratio
is wide, and the ordinary time has a floor, because a busy CI machine can slow
one side of a few-millisecond comparison by several times: the regressions this
guards against were a thousand times slower, not five.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from factlint.corpus.html import looks_like_html, strip_html
from factlint.rulebook.suppressions import iter_directives

MAX_RATIO = 20.0
FLOOR_SECONDS = 0.01
"""The least the ordinary text is taken to cost: below it, timing is mostly noise."""


def seconds(work: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        work(text)
        best = min(best, time.perf_counter() - started)
    return best


def html(size: int) -> str:
    sentence = "<p>The council approved <a href='x'>the tram</a> line on Monday, with 14 stops.</p> "
    return (sentence * (size // len(sentence) + 1))[:size]


def prose(size: int) -> str:
    sentence = "The council approved the tram line on Monday, with 14 stops; <!-- a note --> "
    return (sentence * (size // len(sentence) + 1))[:size]


def comparisons(size: int) -> str:
    """Plain text with a `<` every few characters, as the hostile case has, and no tag."""
    return ("3 < 4 and 5 < 6; " * (size // 17 + 1))[:size]


CASES: dict[str, tuple[Callable[[str], Any], str, Callable[[int], str]]] = {
    "unclosed <a in HTML": (strip_html, "<p>" + "<a " * 50_000, html),
    "unclosed <a when sniffing HTML": (looks_like_html, "x" + "<a " * 50_000, comparisons),
    "unclosed tags with attributes": (strip_html, "<p>" + "<div class=x " * 12_000, html),
    "unclosed suppression comments": (
        lambda t: list(iter_directives(t)),
        "<!--factlint-enable " * 12_500,
        prose,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_input_costs_no_more_than_ordinary_input_of_its_size(case: str) -> None:
    work, hostile, ordinary_text = CASES[case]
    ordinary = seconds(work, ordinary_text(len(hostile)))
    measured = seconds(work, hostile)
    assert measured <= MAX_RATIO * max(ordinary, FLOOR_SECONDS), (
        f"{case}: {measured:.3f} s vs {ordinary:.3f} s"
    )
