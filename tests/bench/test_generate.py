"""The generated inputs: seeded, comparable across sizes, and never about the seed topic."""

from __future__ import annotations

from pathlib import Path

from bench.generate import article_text, draft_text, word_count, write_corpus
from bench.lsp_latency import TYPED, keystroke_positions


def test_the_same_seed_gives_the_same_article_and_draft() -> None:
    assert article_text(7, 42) == article_text(7, 42)
    assert draft_text(7, 500) == draft_text(7, 500)
    assert article_text(7, 42) != article_text(8, 42)


def test_a_small_corpus_is_the_start_of_a_larger_one(tmp_path: Path) -> None:
    small = write_corpus(tmp_path / "small", 3, seed=1)
    large = write_corpus(tmp_path / "large", 12, seed=1)
    for path in sorted(small.rglob("*.md")):
        assert path.read_text() == (large / path.relative_to(small)).read_text()
    assert len(list(large.rglob("*.md"))) == 12


def test_articles_are_dated_and_titled_for_the_fact_base() -> None:
    text = article_text(1, 0)
    assert text.startswith("---\ntitle: ")
    assert "\ndate: 2024-" in text


def test_a_draft_reaches_its_length_in_words() -> None:
    assert 2_000 <= word_count(draft_text(3, 2_000)) < 2_200


def test_nothing_generated_is_about_the_seed_topic() -> None:
    generated = " ".join([draft_text(5, 3_000), *(article_text(5, i) for i in range(200))]).lower()
    for word in ("afghan", "taliban", "kabul", "khalilzad", "doha"):
        assert word not in generated


def test_keystrokes_land_inside_prose_lines_of_the_draft() -> None:
    text = draft_text(2, 400)
    lines = text.split("\n")
    places = keystroke_positions(text, 3, seed=0)
    assert len(places) == 3
    for line, column in places:
        assert lines[line][column] == " "
        assert not lines[line].startswith(("---", "title:", "date:"))
    assert TYPED.strip()
