"""`bench.store_digest`: two builds of one corpus digest alike; a fact keyed differently does not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.generate import article_name, article_text
from bench.store_digest import digest, main
from factlint.config import Config
from factlint.corpus.factbase import corpus_sources
from factlint.corpus.store import FactStore
from factlint.rulebook.loader import load_rules


def _build(corpus: Path, path: Path) -> str:
    config = Config(corpus_dirs=(corpus,))
    store = FactStore(str(path))
    store.sync(corpus_sources(config), load_rules(config).lexicon, None)
    store.close()
    return str(path)


def test_builds_of_one_corpus_digest_alike_and_a_moved_posting_does_not(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for index in range(6):
        path = corpus / article_name(index)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(2024, index), encoding="utf-8")
    first, second = _build(corpus, tmp_path / "a.sqlite"), _build(corpus, tmp_path / "b.sqlite")
    assert main([first, second]) == 0
    db = sqlite3.connect(second)
    db.execute("UPDATE postings SET key = key + 1 WHERE (key, low) = (SELECT key, low FROM postings LIMIT 1)")
    db.commit()
    db.close()
    changed = digest(second)
    assert changed["digest"] != digest(first)["digest"]
    assert changed["tables"]["postings"] != digest(first)["tables"]["postings"]
    assert main([first, second]) == 1
