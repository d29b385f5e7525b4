"""The built fact base is cached by the content of corpus and rules, and rebuilt when they change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from factlint.config import Config
from factlint.engine import Engine
from factlint.model import Kind


def test_the_second_open_reads_the_cache_and_an_edit_rebuilds_it(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    story = articles / "bridge.txt"
    story.write_text(
        "date 2024-05-01\nThe new bridge has 14 spans, the city engineer said.\n", encoding="utf-8"
    )
    config = Config(corpus_dirs=(articles,), cache_dir=tmp_path / "cache")
    draft = "The new bridge has 16 spans, the city engineer said."

    first = Engine.open(config)
    assert not first.stats.from_cache
    assert [f.kind for f in first.check(draft, date(2024, 5, 2)).findings] == [Kind.QUANTITY]

    assert Engine.open(config).stats.from_cache

    story.write_text(
        "date 2024-05-01\nThe new bridge has 16 spans, the city engineer said.\n", encoding="utf-8"
    )
    edited = Engine.open(config)
    assert not edited.stats.from_cache
    assert edited.check(draft, date(2024, 5, 2)).findings == []


def test_the_cache_lives_where_the_configuration_says(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("date 2024-05-01\nThe bridge has 14 spans.\n", encoding="utf-8")
    Engine.open(Config(corpus_dirs=(articles,), cache_dir=tmp_path / "cache"))
    assert any((tmp_path / "cache").iterdir())
