"""The fact base on disk: SQLite, updated one source file at a time, read on demand.

Why SQLite: a newsroom archive is tens of thousands of articles. Opening is a few
queries, a fact is read when a claim of its slot is checked, and a changed
article costs its own extraction only. Each source file (an article, or a fact
file) is remembered with its size, modification time and content digest; a sync
re-extracts exactly the ones that changed and forgets the ones that are gone.

Everything stored is plain columns and JSON: a planted or damaged store is at
worst wrong data, never code that runs when it is read.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from factlint.corpus.extraction import ArticleFacts, extract_article, slot_keys
from factlint.corpus.manifest import Manifest, read_manifest
from factlint.corpus.reader import Article, SkippedFile, read_article
from factlint.model import ArticleMeta, Kind, Location, SourceRef
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.judge import StoredFact
from factlint.slots.model import Mention, slot_from_json, value_from_json

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (key TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, digest TEXT);
CREATE TABLE IF NOT EXISTS skipped (key TEXT PRIMARY KEY, reason TEXT);
CREATE TABLE IF NOT EXISTS articles (id INTEGER PRIMARY KEY, source TEXT, path TEXT, title TEXT,
    date TEXT, date_inferred INTEGER, url TEXT);
CREATE INDEX IF NOT EXISTS articles_by_source ON articles (source);
CREATE TABLE IF NOT EXISTS sentences (id INTEGER PRIMARY KEY, article INTEGER, text TEXT, path TEXT,
    line INTEGER, col INTEGER, end_line INTEGER, end_col INTEGER, link TEXT);
CREATE INDEX IF NOT EXISTS sentences_by_article ON sentences (article);
CREATE TABLE IF NOT EXISTS facts (id INTEGER PRIMARY KEY, article INTEGER, sentence INTEGER, data TEXT,
    line INTEGER, col INTEGER, end_line INTEGER, end_col INTEGER);
CREATE INDEX IF NOT EXISTS facts_by_article ON facts (article);
CREATE TABLE IF NOT EXISTS keys (key TEXT, fact INTEGER);
CREATE INDEX IF NOT EXISTS keys_by_key ON keys (key);
CREATE INDEX IF NOT EXISTS keys_by_fact ON keys (fact);
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, df INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS names (word TEXT, article INTEGER);
CREATE INDEX IF NOT EXISTS names_by_article ON names (article);
CREATE TABLE IF NOT EXISTS sketches (hash INTEGER, article INTEGER);
CREATE INDEX IF NOT EXISTS sketches_by_hash ON sketches (hash);
CREATE INDEX IF NOT EXISTS sketches_by_article ON sketches (article);
"""
MAX_KEYS_LOOKED_UP = 10
"""A claim looks up its rarest keys only: common ones cost time and say little."""
MAX_POSTINGS_SCANNED = 5000
"""A key with more facts than this is skipped once two rarer keys have been looked up."""
MAX_CANDIDATES = 80
"""Facts scored per claim, those sharing the most (and rarest) keys with it."""
SAME_STORY = 5
"""Articles sharing this many of their eight sketch hashes are copies of one story."""
PARALLEL_FROM = 40
"""Extract in worker processes when at least this many articles changed."""

ProgressCallback = Callable[[str, float], None]


@dataclass(frozen=True)
class SourceFile:
    """One file the fact base is built from, and how to turn it into articles."""

    key: str
    path: Path
    read: Callable[[], list[Article] | SkippedFile]
    also: Path | None = None
    """A file whose content goes into this one's articles too (the folder's manifest)."""
    required: bool = False
    """A file named by the user (a fact file): missing is an error, not an article gone."""

    def stamp(self) -> tuple[int, int]:
        """Size and modification time: unchanged means not worth reading again."""
        size, mtime = 0, 0
        for path in (self.path, self.also):
            if path is not None:
                stat = path.stat()
                size, mtime = size * 1_000_003 + stat.st_size, max(mtime, stat.st_mtime_ns)
        return size % (1 << 62), mtime

    def digest(self) -> str:
        digest = hashlib.sha256()
        for path in (self.path, self.also):
            if path is not None:
                digest.update(path.read_bytes())
        return digest.hexdigest()


class FactStore:
    """Facts by slot, their index and the articles' metadata, in one SQLite file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.RLock()
        with self._lock:
            if path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
        self.from_cache = False
        self._load_memory()

    # --- what the judge reads ---------------------------------------------------------

    def _load_memory(self) -> None:
        """The small, hot parts live in memory: article metadata, names, counts, copies."""
        with self._lock:
            db = self._db
            self.articles: dict[int, ArticleMeta] = {
                i: ArticleMeta(path, title, date.fromisoformat(day) if day else None, bool(inferred), url)
                for i, path, title, day, inferred, url in db.execute(
                    "SELECT id, path, title, date, date_inferred, url FROM articles"
                )
            }
            self.name_words: frozenset[str] = frozenset(
                w for (w,) in db.execute("SELECT DISTINCT word FROM names")
            )
            self.fact_count = db.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
            self.skipped = [SkippedFile(k, r) for k, r in db.execute("SELECT key, reason FROM skipped")]
            self.copies = self._copies()
        self._fact.cache_clear()
        self._postings.cache_clear()
        self._key_count.cache_clear()
        self._df.cache_clear()

    def _copies(self) -> dict[int, tuple[int, ...]]:
        """Article -> every article that is the same story (itself included), for those with copies."""
        shared: Counter[tuple[int, int]] = Counter()
        by_hash: dict[int, list[int]] = {}
        for h, article in self._db.execute("SELECT hash, article FROM sketches"):
            by_hash.setdefault(h, []).append(article)
        for articles in by_hash.values():
            if 1 < len(articles) <= 50:
                for a in articles:
                    for b in articles:
                        if a < b:
                            shared[(a, b)] += 1
        groups: dict[int, set[int]] = {}
        for (a, b), count in shared.items():
            if count >= SAME_STORY:
                group = groups.get(a, {a}) | groups.get(b, {b})
                for member in group:
                    groups[member] = group
        return {a: tuple(sorted(g)) for a, g in groups.items()}

    @property
    def article_count(self) -> int:
        return len(self.articles)

    def candidates(self, claim: Mention) -> list[StoredFact]:
        """Facts sharing the most (and rarest) slot keys with the claim."""
        keys = slot_keys(claim, self.lexicon) if self.lexicon is not None else ()
        if not keys:
            return []
        counts = sorted((self._key_count(k), k) for k in keys)
        scores: dict[int, float] = {}
        total = max(self.fact_count, 1)
        looked = 0
        for count, key in counts:
            if count == 0:
                continue
            if looked >= MAX_KEYS_LOOKED_UP or (count > MAX_POSTINGS_SCANNED and looked >= 2):
                break
            looked += 1
            weight = math.log(1 + total / count)
            for fact in self._postings(key):
                scores[fact] = scores.get(fact, 0.0) + weight
        best = sorted(scores, key=lambda f: (-scores[f], f))[:MAX_CANDIDATES]
        found = [self._fact(f) for f in best]
        return [f for f in found if f is not None]

    lexicon: Lexicon | None = None
    """The lexicon the store was synced with: claims are keyed with it too."""

    @lru_cache(maxsize=8192)  # noqa: B019 - one store per engine, dropped with it
    def _key_count(self, key: str) -> int:
        return len(self._postings(key))

    @lru_cache(maxsize=8192)  # noqa: B019 - one store per engine, dropped with it
    def _postings(self, key: str) -> tuple[int, ...]:
        with self._lock:
            rows = self._db.execute("SELECT fact FROM keys WHERE key = ?", (key,)).fetchall()
        return tuple(r[0] for r in rows)

    @lru_cache(maxsize=50000)  # noqa: B019 - one store per engine, dropped with it
    def _fact(self, fact_id: int) -> StoredFact | None:
        with self._lock:
            row = self._db.execute(
                "SELECT article, data, sentence FROM facts WHERE id = ?", (fact_id,)
            ).fetchone()
        if row is None:
            return None
        article, data, sentence = row
        group = self.copies.get(article, (article,))[0]
        return StoredFact(fact_id, mention_from_json(json.loads(data)), article, group, sentence)

    def idf(self, word: str) -> float:
        return math.log(1 + max(self.fact_count, 1) / (1 + self._df(word)))

    @lru_cache(maxsize=65536)  # noqa: B019 - one store per engine, dropped with it
    def _df(self, word: str) -> int:
        with self._lock:
            row = self._db.execute("SELECT df FROM words WHERE word = ?", (word,)).fetchone()
        return int(row[0]) if row else 0

    def source_ref(self, fact: StoredFact) -> SourceRef:
        with self._lock:
            row = self._db.execute(
                "SELECT f.line, f.col, f.end_line, f.end_col, s.text, s.path, s.line, s.col, s.end_line,"
                " s.end_col, s.link FROM facts f JOIN sentences s ON s.id = f.sentence WHERE f.id = ?",
                (fact.id,),
            ).fetchone()
        line, col, end_line, end_col, text, path, s_line, s_col, s_end_line, s_end_col, link = row
        others = tuple(self.articles[a].path for a in self.copies.get(fact.article, ()) if a != fact.article)
        return SourceRef(
            article=self.articles[fact.article],
            sentence=text,
            sentence_location=Location(path, s_line, s_col, s_end_line, s_end_col),
            value_text=fact.mention.text,
            value_location=Location(path, line, col, end_line, end_col),
            link=link,
            copies=others,
        )

    def iter_facts(self) -> Iterator[tuple[StoredFact, SourceRef]]:
        with self._lock:
            ids = [i for (i,) in self._db.execute("SELECT id FROM facts ORDER BY id")]
        for fact_id in ids:
            fact = self._fact(fact_id)
            if fact is not None:
                yield fact, self.source_ref(fact)

    def facts_in(self, path: str) -> list[StoredFact]:
        """The facts of the articles read from `path` (as `ArticleMeta.path` names it)."""
        with self._lock:
            ids = [
                i
                for (i,) in self._db.execute(
                    "SELECT f.id FROM facts f JOIN articles a ON a.id = f.article WHERE a.path = ?"
                    " ORDER BY f.id",
                    (path,),
                )
            ]
        facts = [self._fact(i) for i in ids]
        return [f for f in facts if f is not None]

    def facts_at(self, location: Location) -> list[StoredFact]:
        """The facts whose value starts at `location` (a `SourceRef.value_location`)."""
        articles = [a for a, meta in self.articles.items() if meta.path == location.path]
        with self._lock:
            ids = [
                i
                for article in articles
                for (i,) in self._db.execute(
                    "SELECT id FROM facts WHERE article = ? AND line = ? AND col = ?",
                    (article, location.line, location.column),
                )
            ]
        facts = [self._fact(i) for i in ids]
        return [f for f in facts if f is not None]

    # --- keeping it up to date ---------------------------------------------------

    def sync(
        self,
        sources: Iterable[SourceFile],
        lexicon: Lexicon,
        spacy_model: str | None,
        progress: ProgressCallback | None = None,
    ) -> int:
        """Bring the store up to date with `sources`; returns how many files were (re)read."""
        self.lexicon = lexicon
        with self._lock:
            known = {
                k: (s, m, d)
                for k, s, m, d in self._db.execute("SELECT key, size, mtime, digest FROM sources")
            }
        changed: list[tuple[SourceFile, int, int, str]] = []
        seen: set[str] = set()
        for source in sources:
            seen.add(source.key)
            try:
                size, mtime = source.stamp()
                before = known.get(source.key)
                if before and before[0] == size and before[1] == mtime:
                    continue
                digest = source.digest()
            except OSError:
                if source.required:
                    source.read()  # raises the file's own, located error
                continue
            if before and before[2] == digest:
                with self._lock:
                    self._db.execute(
                        "UPDATE sources SET size=?, mtime=? WHERE key=?", (size, mtime, source.key)
                    )
                continue
            changed.append((source, size, mtime, digest))
        gone = [key for key in known if key not in seen]
        if not changed and not gone:
            self.from_cache = True
            return 0
        with self._lock:
            self._db.execute("BEGIN")
            for key in gone:
                self._forget(key)
            self._db.execute("COMMIT")
        self._extract_all(changed, lexicon, spacy_model, progress)
        self._load_memory()
        return len(changed)

    def _extract_all(
        self,
        changed: list[tuple[SourceFile, int, int, str]],
        lexicon: Lexicon,
        spacy_model: str | None,
        progress: ProgressCallback | None,
    ) -> None:
        workers = min(os.cpu_count() or 1, 8)
        results: Iterable[list[ArticleFacts] | SkippedFile]
        pool = None
        if len(changed) >= PARALLEL_FROM and workers > 1:
            pool = ProcessPoolExecutor(max_workers=workers)
            count = len(changed)
            results = pool.map(
                _extract_source,
                [s for s, *_ in changed],
                [lexicon] * count,
                [spacy_model] * count,
                chunksize=16,
            )
        else:
            results = (_extract_source(s, lexicon, spacy_model) for s, *_ in changed)
        try:
            with self._lock:
                self._db.execute("BEGIN")
                try:
                    self._write_all(changed, results, progress)
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _write_all(
        self,
        changed: list[tuple[SourceFile, int, int, str]],
        results: Iterable[list[ArticleFacts] | SkippedFile],
        progress: ProgressCallback | None,
    ) -> None:
        frequencies: Counter[str] = Counter()
        for n, ((source, size, mtime, digest), result) in enumerate(zip(changed, results, strict=True)):
            self._forget(source.key)
            self._db.execute(
                "INSERT INTO sources (key, size, mtime, digest) VALUES (?, ?, ?, ?)",
                (source.key, size, mtime, digest),
            )
            if isinstance(result, SkippedFile):
                self._db.execute("INSERT INTO skipped VALUES (?, ?)", (source.key, result.reason))
            else:
                for facts in result:
                    self._insert(source.key, facts, frequencies)
            if progress is not None and (n % 50 == 0 or n == len(changed) - 1):
                progress(f"reading sources: {n + 1}/{len(changed)}", (n + 1) / len(changed))
        # document frequencies once per sync, not once per sentence
        self._db.executemany(
            "INSERT INTO words VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET df = df + excluded.df",
            frequencies.items(),
        )

    def _insert(self, key: str, facts: ArticleFacts, frequencies: Counter[str]) -> None:
        db = self._db
        meta = facts.meta
        article = db.execute(
            "INSERT INTO articles (source, path, title, date, date_inferred, url) VALUES (?, ?, ?, ?, ?, ?)",
            (
                key,
                meta.path,
                meta.title,
                meta.date.isoformat() if meta.date else None,
                meta.date_inferred,
                meta.url,
            ),
        ).lastrowid
        assert article is not None
        db.executemany("INSERT INTO names VALUES (?, ?)", [(w, article) for w in facts.names])
        db.executemany("INSERT INTO sketches VALUES (?, ?)", [(h, article) for h in facts.sketch])
        sentence_ids = []
        for sentence in facts.sentences:
            where = sentence.location
            sentence_ids.append(
                db.execute(
                    "INSERT INTO sentences (article, text, path, line, col, end_line, end_col, link)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article,
                        sentence.text,
                        where.path,
                        where.line,
                        where.column,
                        where.end_line,
                        where.end_column,
                        sentence.link,
                    ),
                ).lastrowid
            )
        for mention in facts.mentions:
            where = mention.location
            fact = db.execute(
                "INSERT INTO facts (article, sentence, data, line, col, end_line, end_col)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    article,
                    sentence_ids[mention.sentence],
                    mention.data,
                    where.line,
                    where.column,
                    where.end_line,
                    where.end_column,
                ),
            ).lastrowid
            db.executemany("INSERT INTO keys VALUES (?, ?)", [(k, fact) for k in mention.keys])
            frequencies.update(mention.words)

    def _forget(self, key: str) -> None:
        """Remove everything a source file contributed."""
        db = self._db
        db.execute("DELETE FROM sources WHERE key = ?", (key,))
        db.execute("DELETE FROM skipped WHERE key = ?", (key,))
        articles = [a for (a,) in db.execute("SELECT id FROM articles WHERE source = ?", (key,))]
        for article in articles:
            facts = db.execute("SELECT id, data FROM facts WHERE article = ?", (article,)).fetchall()
            lost: Counter[str] = Counter()
            for fact, data in facts:
                lost.update(w for w, _ in json.loads(data)["slot"]["context"])
                db.execute("DELETE FROM keys WHERE fact = ?", (fact,))
            db.executemany("UPDATE words SET df = df - ? WHERE word = ?", [(n, w) for w, n in lost.items()])
            db.execute("DELETE FROM facts WHERE article = ?", (article,))
            db.execute("DELETE FROM sentences WHERE article = ?", (article,))
            db.execute("DELETE FROM names WHERE article = ?", (article,))
            db.execute("DELETE FROM sketches WHERE article = ?", (article,))
            db.execute("DELETE FROM articles WHERE id = ?", (article,))

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _extract_source(
    source: SourceFile, lexicon: Lexicon, spacy_model: str | None
) -> list[ArticleFacts] | SkippedFile:
    read = source.read()
    if isinstance(read, SkippedFile):
        return read
    return [extract_article(article, lexicon, spacy_model) for article in read]


def article_source(path: Path, manifest_path: Path | None) -> SourceFile:
    """An article file (an absolute path: it is the key); its manifest entry is read with it."""
    return SourceFile(str(path), path, _ArticleReader(path, manifest_path), manifest_path)


@dataclass(frozen=True)
class _ArticleReader:
    """Picklable: worker processes read the file themselves."""

    path: Path
    manifest_path: Path | None

    def __call__(self) -> list[Article] | SkippedFile:
        manifest = None
        if self.manifest_path is not None:
            manifest = _manifest(self.manifest_path.parent, self.manifest_path.stat().st_mtime_ns)
        result = read_article(self.path, manifest)
        return result if isinstance(result, SkippedFile) else [result]


@lru_cache(maxsize=16)
def _manifest(folder: Path, stamp: int) -> Manifest | None:
    """A folder's manifest, parsed once per version for all its articles (`stamp`: its mtime)."""
    return read_manifest(folder)


def mention_from_json(data: dict[str, Any]) -> Mention:
    said_on = data["said_on"]
    return Mention(
        kind=Kind(data["kind"]),
        start=data["start"],
        end=data["end"],
        text=data["text"],
        value=value_from_json(data["value"]),
        slot=slot_from_json(data["slot"]),
        said_on=date.fromisoformat(said_on) if said_on else None,
    )


__all__ = ["ArticleFacts", "FactStore", "SourceFile", "article_source", "read_article"]
