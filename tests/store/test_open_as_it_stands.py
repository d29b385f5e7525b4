"""A server's first open takes the cache file as its last complete sync left it, without a look at
the corpus; `sync_cache` then brings it up to date and says whether what was checked is stale."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factlint.config import Config
from factlint.corpus import store_file
from factlint.corpus.factbase import load_fact_base, store_key, sync_cache
from factlint.rulebook.loader import load_rules
from factlint.rulebook.ruleset import RuleSet

from .stores import write_articles


def _config(tmp_path: Path) -> Config:
    return Config(corpus_dirs=(tmp_path / "corpus",), cache_dir=tmp_path / "cache")


def _synced(tmp_path: Path) -> tuple[Config, RuleSet]:
    """Three articles, synced once into the cache file, as a previous session leaves them."""
    write_articles(tmp_path / "corpus", range(3))
    config = _config(tmp_path)
    rules = load_rules(config)
    load_fact_base(config, rules).close()
    return config, rules


def _edit_store(config: Config, tmp_path: Path, sql: str, *params: str) -> None:
    """Change the cache file behind the store's back, as a crash or a damaged disk would."""
    path = store_file.store_path(config.cache_dir or tmp_path, f"facts-{store_key(config)}.sqlite")
    db = sqlite3.connect(path)
    db.execute(sql, params)
    db.commit()
    db.close()


def test_an_open_as_it_stands_sees_the_last_sync_and_the_catch_up_moves_it(tmp_path: Path) -> None:
    config, rules = _synced(tmp_path)
    write_articles(tmp_path / "corpus", [3, 4])

    standing = load_fact_base(config, rules, sync=False)
    assert standing.behind and standing.from_cache
    assert standing.article_count == 3  # the new files are not looked at yet
    assert standing.lexicon is rules.lexicon  # claims can be looked up at once
    standing.follow = True

    assert sync_cache(config, rules, standing) == "moved"
    assert not standing.behind
    with standing.reading():
        assert standing.article_count == 5  # a following store reads the synced state
    assert sync_cache(config, rules, standing) == "unchanged"
    standing.close()


def test_a_catch_up_with_nothing_changed_leaves_the_state_alone(tmp_path: Path) -> None:
    config, rules = _synced(tmp_path)
    standing = load_fact_base(config, rules, sync=False)
    generation = standing.generation
    assert sync_cache(config, rules, standing) == "unchanged"
    assert standing.refresh() == generation
    standing.close()


def test_without_a_completed_sync_the_open_syncs_first(tmp_path: Path) -> None:
    write_articles(tmp_path / "corpus", range(3))
    config = _config(tmp_path)
    rules = load_rules(config)
    fresh = load_fact_base(config, rules, sync=False)  # no file yet: built now
    assert not fresh.behind and fresh.article_count == 3
    fresh.close()

    _edit_store(
        config, tmp_path, "DELETE FROM counts WHERE name LIKE ?", store_file.SEALED + "%"
    )  # cut short
    write_articles(tmp_path / "corpus", [3])
    synced = load_fact_base(config, rules, sync=False)
    assert not synced.behind and synced.article_count == 4
    synced.close()


def test_a_damaged_store_found_by_the_catch_up_is_reported_replaced(tmp_path: Path) -> None:
    config, rules = _synced(tmp_path)
    standing = load_fact_base(config, rules, sync=False)
    _edit_store(
        config, tmp_path, "DELETE FROM articles WHERE id = (SELECT MIN(id) FROM articles)"
    )  # rows lost
    # the open as it stands does not count rows; the catch-up's open does, and builds anew
    assert sync_cache(config, rules, standing) == "replaced"
    standing.close()


def test_a_corpus_emptied_since_the_last_sync_is_reported_so(tmp_path: Path) -> None:
    config, rules = _synced(tmp_path)
    standing = load_fact_base(config, rules, sync=False)
    for article in (tmp_path / "corpus").rglob("*.md"):
        article.unlink()
    # Engine.open refuses a corpus with no article: the server opens again to say so
    assert sync_cache(config, rules, standing) == "emptied"
    standing.close()
