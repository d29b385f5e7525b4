"""The store on each backend: what a sync leaves equals a fresh build, a killed build leaves the
last complete batch, and readers see whole articles while the builder writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from factlint.corpus.backend import SCHEMA_VERSION, SECONDARY_INDEXES, StoreError
from factlint.corpus.store import FactStore

from .stores import ROOT, snapshot, sync, write_articles


def test_a_store_kept_up_to_date_equals_one_built_afresh(tmp_path: Path, store_url: str) -> None:
    corpus = write_articles(tmp_path / "corpus", range(24))
    kept = FactStore(store_url)
    assert sync(kept, corpus) == 24
    changed = next(corpus.rglob("000003.md"))
    changed.write_text(changed.read_text() + "\nThe depot employs 412 cleaners, its manager said.\n")
    next(corpus.rglob("000007.md")).unlink()
    write_articles(corpus, [30, 31])
    assert sync(kept, corpus) == 3
    fresh = FactStore(str(tmp_path / "fresh.sqlite"))
    sync(fresh, corpus)
    assert snapshot(kept) == snapshot(fresh)
    assert kept.article_count == 25 and kept.fact_count == fresh.fact_count > 0


def test_a_sync_with_nothing_changed_reads_nothing(tmp_path: Path, store_url: str) -> None:
    corpus = write_articles(tmp_path / "corpus", range(5))
    store = FactStore(store_url)
    sync(store, corpus)
    before = snapshot(store)
    assert sync(store, corpus) == 0 and store.from_cache
    assert snapshot(store) == before


BUILDER = """
import sys, time
from pathlib import Path
from typing import Any

import pytest
sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
import factlint.corpus.store as store_module
from factlint.corpus.reader import Article
store_module.BATCH = 4
{settings}
slow = store_module.extract_records
def extract_slowly(*args, **kwargs):
    time.sleep(0.15)
    return slow(*args, **kwargs)
store_module.extract_records = extract_slowly
from store.stores import sync
sync(store_module.FactStore({url!r}), Path({corpus!r}), mapper=lambda f, files: map(f, files))
"""


def _start_builder(url: str, corpus: Path, settings: str = "") -> subprocess.Popen[bytes]:
    script = BUILDER.format(
        root=str(ROOT), tests=str(ROOT / "tests"), url=url, corpus=str(corpus), settings=settings
    )
    return subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE)


def _committed(url: str) -> int:
    store = FactStore(url)
    try:
        return store.article_count
    finally:
        store.close()


def _consistent(store: FactStore) -> int:
    """Checks, inside one read transaction, that every article is whole; returns how many there are."""
    db = store.backend
    db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ" if db.shared else "BEGIN")
    try:
        counted = dict(db.execute("SELECT name, n FROM counts"))
        articles = {int(i): int(n) for i, n in db.execute("SELECT id, facts FROM articles")}
        bodies = {int(a) for (a,) in db.execute("SELECT article FROM bodies")}
        sources = {k for (k,) in db.execute("SELECT key FROM sources")}
        owners = {s for (s,) in db.execute("SELECT source FROM articles")}
        segments = db.execute("SELECT low FROM postings")
        facts = [int(f) for (f,) in db.execute("SELECT id FROM facts")]
    finally:
        db.execute("COMMIT")
    assert counted["articles"] == len(articles) == len(bodies)
    assert set(articles) == bodies and owners <= sources and len(sources) == len(owners)
    assert counted["facts"] == sum(articles.values()) == len(facts)
    assert all(f >> 16 in articles for f in facts), "a fact of an article not stored"
    assert all(int(low) >> 16 in articles for (low,) in segments), "a posting of an article not stored"
    return len(articles)


def test_a_build_killed_mid_way_leaves_the_last_complete_batch(tmp_path: Path, store_url: str) -> None:
    corpus = write_articles(tmp_path / "corpus", range(40))
    FactStore(store_url).close()  # the schema exists before the builder starts
    builder = _start_builder(store_url, corpus)
    deadline = time.monotonic() + 120
    while _committed(store_url) < 8 and builder.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(builder.pid, signal.SIGKILL)
    builder.wait()
    left = FactStore(store_url)
    kept = _consistent(left)
    assert 8 <= kept < 40 and kept % 4 == 0, f"{kept} articles: not whole batches of 4"
    assert sync(left, corpus) == 40 - kept, "the next build reads exactly the files not yet stored"
    fresh = FactStore(str(tmp_path / "fresh.sqlite"))
    sync(fresh, corpus)
    assert snapshot(left) == snapshot(fresh)


def _indexes(store: FactStore) -> set[str]:
    db = store.backend
    if db.shared:
        return {name for (name,) in db.execute("SELECT indexname FROM pg_indexes")}
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_cold_build_killed_between_rounds_gets_its_indexes_back(tmp_path: Path, store_url: str) -> None:
    """A cold build drops the secondary indexes until its last round: killed before, its store had
    none for good, and every lookup of an article by source or story read the whole table."""
    corpus = write_articles(tmp_path / "corpus", range(40))
    FactStore(store_url).close()
    builder = _start_builder(store_url, corpus, "store_module.BULK_FROM = 1; store_module.SYNC_CHUNK = 8")
    deadline = time.monotonic() + 120
    while _committed(store_url) < 12 and builder.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(builder.pid, signal.SIGKILL)
    builder.wait()
    left = FactStore(store_url)
    assert not set(SECONDARY_INDEXES) & _indexes(left), "killed after its last round: nothing to show"
    sync(left, corpus)
    assert set(SECONDARY_INDEXES) <= _indexes(left)
    fresh = FactStore(str(tmp_path / "fresh.sqlite"))
    sync(fresh, corpus)
    assert snapshot(left) == snapshot(fresh)
    assert set(SECONDARY_INDEXES) <= _indexes(fresh)


def test_a_build_killed_while_it_merges_postings_leaves_every_key_whole(
    tmp_path: Path, store_url: str
) -> None:
    """Merging a key's segments deletes its rows and writes them again: a build killed in the
    middle leaves each key as it was or merged, never without some of its facts."""
    corpus = write_articles(tmp_path / "corpus", range(40))
    FactStore(store_url).close()
    marker = tmp_path / "merging"
    settings = f"""
store_module.SYNC_CHUNK = 20; store_module.MERGE_FROM = 2; store_module.SEGMENT_FACTS = 4
store_module.MERGE_COMMIT = 3
encode = store_module.encode_segment_array
def encode_slowly(*args, **kwargs):
    Path({str(marker)!r}).touch()
    time.sleep(0.05)
    return encode(*args, **kwargs)
store_module.encode_segment_array = encode_slowly
"""
    builder = _start_builder(store_url, corpus, settings)
    deadline = time.monotonic() + 120
    while not marker.exists() and builder.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    assert builder.poll() is None, "the builder ended before it was killed in its first merge"
    os.kill(builder.pid, signal.SIGKILL)
    builder.wait()
    left = FactStore(store_url)
    assert _consistent(left) == 20, "the first round is written whole before it is merged"
    assert sync(left, corpus) == 20
    fresh = FactStore(str(tmp_path / "fresh.sqlite"))
    sync(fresh, corpus)
    assert snapshot(left) == snapshot(fresh)


def _rows_per_key(store: FactStore) -> dict[int, int]:
    return {
        int(k): int(n) for k, n in store.backend.execute("SELECT key, COUNT(*) FROM postings GROUP BY key")
    }


def test_merged_postings_give_each_lookup_the_ids_the_batches_gave(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build writes a segment per key per batch (1,250 for a common key at 500,000 articles,
    all decoded by each lookup of it): a key's segments are merged into long rows as the store
    grows, and a lookup must read the same ids, in the same order, from fewer rows."""
    import factlint.corpus.store as store_module

    corpus = write_articles(tmp_path / "corpus", range(30))
    monkeypatch.setattr(store_module, "BATCH", 2)
    monkeypatch.setattr(store_module, "SYNC_CHUNK", 10)
    monkeypatch.setattr(store_module, "MERGE_FROM", 10**9)
    unmerged = FactStore(str(tmp_path / "unmerged.sqlite"))
    sync(unmerged, corpus)
    monkeypatch.setattr(store_module, "MERGE_FROM", 3)
    monkeypatch.setattr(store_module, "SEGMENT_FACTS", 4)
    merged = FactStore(store_url)
    sync(merged, corpus)
    rows, batches = _rows_per_key(merged), _rows_per_key(unmerged)
    counts = {int(k): int(n) for k, n in merged.backend.execute("SELECT key, n FROM keycounts")}
    assert rows.keys() == batches.keys()
    assert all(rows[key] <= counts[key] // 4 + 2 for key in rows), (
        "a key left with more rows than merging allows"
    )
    assert all(rows[key] <= batches[key] for key in rows)
    assert sum(rows.values()) < 0.7 * sum(batches.values())
    # forgetting a changed or deleted article takes its facts out of merged rows too
    changed = next(corpus.rglob("000003.md"))
    changed.write_text(changed.read_text() + "\nThe depot employs 412 cleaners, its manager said.\n")
    next(corpus.rglob("000017.md")).unlink()
    write_articles(corpus, [40, 41])
    for store in (merged, unmerged):
        assert sync(store, corpus) == 3
    assert snapshot(merged) == snapshot(unmerged)
    for key in rows.keys() | batches.keys():
        assert merged._postings(key).tolist() == unmerged._postings(key).tolist()


def test_readers_see_whole_articles_while_the_builder_writes(tmp_path: Path, store_url: str) -> None:
    corpus = write_articles(tmp_path / "corpus", range(32))
    FactStore(store_url).close()
    builder = _start_builder(store_url, corpus)
    seen: list[int] = []
    try:
        while builder.poll() is None:
            reader = FactStore(store_url)
            seen.append(_consistent(reader))
            reader.close()
            time.sleep(0.02)
    finally:
        if builder.poll() is None:
            builder.kill()
    assert builder.returncode == 0, builder.stderr.read().decode() if builder.stderr else ""
    assert seen == sorted(seen), "a reader saw the store go back"
    assert len(set(seen)) >= 3, f"readers saw too few states of the build: {sorted(set(seen))}"
    assert _consistent(FactStore(store_url)) == 32


def test_a_sync_in_rounds_makes_the_store_one_round_makes(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import factlint.corpus.store as store_module

    corpus = write_articles(tmp_path / "corpus", range(12))
    monkeypatch.setattr(store_module, "SYNC_CHUNK", 5)
    in_rounds = FactStore(store_url)
    assert sync(in_rounds, corpus) == 12
    next(corpus.rglob("000004.md")).unlink()
    write_articles(corpus, [20])
    assert sync(in_rounds, corpus) == 1
    monkeypatch.setattr(store_module, "SYNC_CHUNK", 1000)
    at_once = FactStore(str(tmp_path / "fresh.sqlite"))
    sync(at_once, corpus)
    assert snapshot(in_rounds) == snapshot(at_once)


def test_a_sync_reads_the_stored_files_a_page_at_a_time(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a million articles the table of stored files, read whole, was most of a sync's memory:
    a sync reads it a page of keys at a time and still finds what changed and what is gone."""
    import factlint.corpus.store as store_module

    corpus = write_articles(tmp_path / "corpus", range(9))
    monkeypatch.setattr(store_module, "LISTED_CHUNK", 2)
    monkeypatch.setattr(store_module, "RANGE_SLACK", 1)
    paged = FactStore(store_url)
    assert sync(paged, corpus) == 9
    for gone in ("000001.md", "000006.md"):
        next(corpus.rglob(gone)).unlink()
    changed = next(corpus.rglob("000004.md"))
    changed.write_text(changed.read_text() + "\nThe depot employs 412 cleaners, its manager said.\n")
    write_articles(corpus, [12])
    largest = 0
    execute = paged.backend.execute

    def counted(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        nonlocal largest
        rows = execute(sql, params)
        if "FROM sources" in sql:
            largest = max(largest, len(rows))
        return rows

    monkeypatch.setattr(paged.backend, "execute", counted)
    assert sync(paged, corpus) == 2
    assert largest <= 3
    fresh = FactStore(str(tmp_path / "fresh.sqlite"))
    sync(fresh, corpus)
    assert snapshot(paged) == snapshot(fresh)
    assert paged.article_count == 8


def test_stored_stamps_are_read_by_key_when_their_range_holds_many_others(
    tmp_path: Path, store_url: str
) -> None:
    corpus = write_articles(tmp_path / "corpus", range(12))
    store = FactStore(store_url)
    sync(store, corpus)
    keys = sorted(k for (k,) in store.backend.execute("SELECT key FROM sources"))
    assert set(store._stamps_of([keys[0], keys[-1]])) == {keys[0], keys[-1]}
    assert set(store._stamps_of(keys[3:6])) == set(keys[3:6])
    assert store._stamps_of([str(tmp_path / "elsewhere.md")]) == {}


def test_a_fact_has_one_source_while_it_is_cached(tmp_path: Path, store_url: str) -> None:
    """Memoised check results share their sources: typing in the language server grows its
    memory by a paragraph's findings per keystroke, not by a copy of each source sentence."""
    corpus = write_articles(tmp_path / "corpus", range(3))
    store = FactStore(store_url)
    sync(store, corpus)
    fact, source = next(store.iter_facts())
    assert store.source_ref(fact) is source


def test_a_version_1_store_is_migrated_with_the_columns_of_skipped_files(
    tmp_path: Path, store_url: str
) -> None:
    """Version 2 records where in a skipped file the problem is: a version 1 store gains the columns
    (and, as any store before version 3, is emptied to be read again)."""
    old = FactStore(store_url)
    db = old.backend
    db.execute("DROP TABLE skipped")
    db.execute("CREATE TABLE skipped (key TEXT PRIMARY KEY, reason TEXT)")
    db.execute("INSERT INTO skipped (key, reason) VALUES ('/news/a.md', 'binary file')")
    db.execute("UPDATE meta SET value = '1' WHERE name = 'schema'")
    old.close()
    store = FactStore(store_url)
    assert store.meta("schema") == str(SCHEMA_VERSION) == "3"
    assert store.skipped == []
    store.backend.execute(
        "INSERT INTO skipped (key, reason, line, col) VALUES ('/news/b.md', 'binary file', 2, 3)"
    )
    assert store.backend.execute("SELECT line, col FROM skipped") == [(2, 3)]


def test_a_version_2_store_is_emptied_and_read_again(tmp_path: Path, store_url: str) -> None:
    """Version 3 keeps each fact in a row of its own: a version 2 store's article blobs held them,
    so migrating forgets every article, and the next sync reads them all, as a fresh store would."""
    corpus = write_articles(tmp_path / "corpus", range(4))
    old = FactStore(store_url)
    sync(old, corpus)
    db = old.backend
    db.execute("DROP TABLE facts")
    db.execute("DROP TABLE dictionary")
    db.execute("UPDATE meta SET value = '2' WHERE name = 'schema'")
    old.close()
    store = FactStore(store_url)
    assert store.meta("schema") == "3"
    assert (store.article_count, store.fact_count, store.dictionary) == (0, 0, None)
    assert sync(store, corpus) == 4
    fresh = FactStore(str(tmp_path / "fresh.sqlite"))
    sync(fresh, corpus)
    assert snapshot(store) == snapshot(fresh)


def test_a_reader_never_empties_an_older_store_to_migrate_it(tmp_path: Path, store_url: str) -> None:
    """An editor who upgrades factlint before the team's builder does must not empty the team's
    store: the reader is refused with a message; the builder migrates it and reads it again."""
    corpus = write_articles(tmp_path / "corpus", range(2))
    old = FactStore(store_url)
    sync(old, corpus)
    old.backend.execute("UPDATE meta SET value = '2' WHERE name = 'schema'")
    old.close()
    with pytest.raises(StoreError, match=r"schema version 2.*factlint build"):
        FactStore(store_url, builder=False)
    kept = FactStore(store_url)
    assert kept.meta("schema") == "3" and kept.article_count == 0
    assert sync(kept, corpus) == 2


def test_a_reader_opened_before_the_store_was_built_again_reads_its_new_facts(
    tmp_path: Path, store_url: str
) -> None:
    """A store emptied and built again (other rules) has another compression dictionary: a reader
    that loaded the old one reads the dictionary again rather than calling the store damaged."""
    first = write_articles(tmp_path / "first", range(3))
    builder = FactStore(store_url)
    sync(builder, first)
    reader = FactStore(store_url, builder=False)
    old = reader.dictionary
    builder.clear()
    second = write_articles(tmp_path / "second", range(10, 14))
    sync(builder, second)
    assert builder.dictionary not in (None, old)
    fact = next(f for f, _ in builder.iter_facts())
    assert reader._fact_row(fact.id) == builder._fact_row(fact.id)
    assert reader.dictionary == builder.dictionary


def test_a_build_reads_each_file_once_the_dictionary_s_samples_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files read for the compression dictionary become rows as they were read, not read again,
    and hold what the extraction of a build without samples to reuse stores."""
    import factlint.corpus.store as store_module

    corpus = write_articles(tmp_path / "corpus", range(12))
    read: list[str] = []
    extract = store_module.extract_article

    def counted(article: Any, *args: Any) -> Any:
        read.append(article.meta.path)
        return extract(article, *args)

    monkeypatch.setattr(store_module, "extract_article", counted)
    monkeypatch.setattr(store_module, "DICTIONARY_FILES", 3)
    store = FactStore(str(tmp_path / "once.sqlite"))
    assert sync(store, corpus, mapper=lambda f, files: map(f, files)) == 12
    assert sorted(read) == sorted(set(read)) and len(read) == 12
    monkeypatch.setattr(store_module, "DICTIONARY_FILES", 0)  # no samples to reuse: all read by `extract`
    again = FactStore(str(tmp_path / "again.sqlite"))
    sync(again, corpus, mapper=lambda f, files: map(f, files))
    assert snapshot(again) == snapshot(store)
