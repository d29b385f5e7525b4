"""Helpers for the store tests: corpora from the benchmark's generator, stores of each kind, and a
snapshot of everything a store holds, by article path rather than by id (ids depend on history)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.generate import article_name, article_text
from factlint.config import Config
from factlint.corpus.factbase import corpus_sources
from factlint.corpus.records import decode_segment, split_fact_id
from factlint.corpus.store import FactStore
from factlint.rulebook.loader import load_rules

SEED = 2024
ROOT = Path(__file__).resolve().parents[2]


def write_articles(folder: Path, indexes: range | list[int]) -> Path:
    for index in indexes:
        path = folder / article_name(index)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(SEED, index), encoding="utf-8")
    return folder


def sync(store: FactStore, corpus: Path, **options: Any) -> int:
    config = Config(corpus_dirs=(corpus,))
    rules = load_rules(config)
    return store.sync(corpus_sources(config), rules.lexicon, None, **options)


def snapshot(store: FactStore) -> dict[str, Any]:
    """What the store says, independent of article ids: facts, index, counters, copies."""
    db = store.backend
    paths = {int(i): str(p) for i, p in db.execute("SELECT id, COALESCE(path, source) FROM articles")}
    stories = {int(i): int(s) for i, s in db.execute("SELECT id, story FROM articles")}

    def fact_name(fact: int) -> tuple[str, int]:
        article, index = split_fact_id(fact)
        return paths.get(article, f"<gone {article}>"), index

    postings: dict[int, list[tuple[str, int]]] = {}
    for key, low, blob in db.execute("SELECT key, low, facts FROM postings"):
        postings.setdefault(int(key), []).extend(fact_name(f) for f in decode_segment(int(low), bytes(blob)))
    facts = [
        (source.article.path, fact.mention, source.sentence, source.value_location, source.copies)
        for fact, source in store.iter_facts()
    ]
    return {
        "facts": sorted(facts, key=repr),
        "postings": {k: sorted(v) for k, v in postings.items() if v},
        "keycounts": {int(k): int(n) for k, n in db.execute("SELECT key, n FROM keycounts WHERE n > 0")},
        "words": dict(db.execute("SELECT word, df FROM words WHERE df > 0")),
        "names": dict(db.execute("SELECT word, n FROM names WHERE n > 0")),
        "counts": dict(db.execute("SELECT name, n FROM counts")),
        "articles": sorted(paths.values()),
        "stories": sorted(
            sorted(paths[a] for a in paths if stories[a] == story) for story in set(stories.values())
        ),
        "sources": sorted(k for (k,) in db.execute("SELECT key FROM sources")),
    }
