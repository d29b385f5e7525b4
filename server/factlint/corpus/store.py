"""The fact base on disk: SQLite, updated one source file at a time, read on demand.

Why SQLite: a newsroom archive is tens of thousands of articles. Loading a
pickled base of that size takes seconds and its memory; here opening is a few
queries, a sentence is read when a draft needs it, and a changed article costs
its own extraction only. Each source file (an article, or a fact file) is
remembered with its size, modification time and content digest; a sync
re-extracts exactly the ones that changed and forgets the ones that are gone.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import os
import pickle
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from factlint.corpus.extraction import ArticleFacts, SourceSentence, extract_article
from factlint.corpus.manifest import Manifest, read_manifest
from factlint.corpus.reader import Article, SkippedFile, read_article
from factlint.extract.frames import is_placeholder
from factlint.extract.mentions import Frame
from factlint.model import ArticleMeta
from factlint.rulebook.ruleset import Lexicon
from factlint.text.names import skeleton

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (key TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, digest TEXT);
CREATE TABLE IF NOT EXISTS skipped (key TEXT PRIMARY KEY, reason TEXT);
CREATE TABLE IF NOT EXISTS articles (id INTEGER PRIMARY KEY, source TEXT, meta BLOB, words BLOB);
CREATE INDEX IF NOT EXISTS articles_by_source ON articles (source);
CREATE TABLE IF NOT EXISTS sentences (id INTEGER PRIMARY KEY, article INTEGER, facts INTEGER, data BLOB);
CREATE INDEX IF NOT EXISTS sentences_by_article ON sentences (article);
CREATE TABLE IF NOT EXISTS postings (token TEXT, sentence INTEGER);
CREATE INDEX IF NOT EXISTS postings_by_token ON postings (token);
CREATE INDEX IF NOT EXISTS postings_by_sentence ON postings (sentence);
CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, df INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS roles (surname TEXT, sentence INTEGER, mention INTEGER);
CREATE INDEX IF NOT EXISTS roles_by_sentence ON roles (sentence);
CREATE TABLE IF NOT EXISTS names (word TEXT, article INTEGER);
CREATE INDEX IF NOT EXISTS names_by_article ON names (article);
"""
MAX_POSTINGS_SCANNED = 2000
"""A word in more sentences than this is skipped once two rarer words are in the query."""
MAX_QUERY_WORDS = 8
LOCAL_WINDOW = 4
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
    """Sentences, their index and the articles' metadata, in one SQLite file."""

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

    # --- what the checker reads -------------------------------------------------

    def _load_memory(self) -> None:
        """The small, hot parts live in memory: article metadata, names, roles, counts."""
        with self._lock:
            rows = self._db.execute("SELECT id, meta FROM articles").fetchall()
            self.articles: dict[int, ArticleMeta] = {i: pickle.loads(m) for i, m in rows}
            self.name_words: frozenset[str] = frozenset(
                w for (w,) in self._db.execute("SELECT DISTINCT word FROM names")
            )
            self.roles: dict[str, list[tuple[int, int]]] = {}
            for surname, sentence, mention in self._db.execute(
                "SELECT surname, sentence, mention FROM roles"
            ):
                self.roles.setdefault(surname, []).append((sentence, mention))
            # spelling variants of a surname share a skeleton: look them up, do not scan
            self.surnames_by_skeleton: dict[str, list[str]] = {}
            for surname in self.roles:
                self.surnames_by_skeleton.setdefault(skeleton(surname), []).append(surname)
            self.sentence_count = self._db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]
            self.fact_count = self._db.execute("SELECT COALESCE(SUM(facts), 0) FROM sentences").fetchone()[0]
            self.skipped = [SkippedFile(k, r) for k, r in self._db.execute("SELECT key, reason FROM skipped")]
        self._sentence.cache_clear()
        self._words.cache_clear()

    @property
    def article_count(self) -> int:
        return len(self.articles)

    def sentence(self, sentence_id: int) -> SourceSentence | None:
        return self._sentence(sentence_id)

    @lru_cache(maxsize=20000)  # noqa: B019 - one store per engine, dropped with it
    def _sentence(self, sentence_id: int) -> SourceSentence | None:
        with self._lock:
            row = self._db.execute(
                "SELECT article, data FROM sentences WHERE id = ?", (sentence_id,)
            ).fetchone()
        if row is None:
            return None
        sentence: SourceSentence = pickle.loads(row[1])
        return replace(sentence, article=row[0])

    def article_words(self, article: int) -> frozenset[str]:
        return self._words(article)

    @lru_cache(maxsize=2000)  # noqa: B019 - one store per engine, dropped with it
    def _words(self, article: int) -> frozenset[str]:
        with self._lock:
            row = self._db.execute("SELECT words FROM articles WHERE id = ?", (article,)).fetchone()
        return pickle.loads(row[0]) if row else frozenset()

    def candidates(self, frame: Frame, limit: int = 12, around: int | None = None) -> list[int]:
        """Source sentences sharing the most (and rarest) words with `frame`, best first.

        With `around`, only the words within a few places of that position count:
        the context of one value rather than the whole sentence. The rarest words
        find a sentence; common ones cost time and say little.
        """
        pairs = list(zip(frame.tokens, frame.weights, strict=True))
        if around is not None:
            pairs = pairs[max(0, around - LOCAL_WINDOW) : around + LOCAL_WINDOW + 1]
        weights: dict[str, float] = {}
        for token, weight in pairs:
            if weight > 0 and not is_placeholder(token):
                weights[token] = max(weight, weights.get(token, 0.0))
        if not weights:
            return []
        counts = self._document_frequencies(tuple(sorted(weights)))
        found = sorted((df, token) for token, df in counts.items())[:MAX_QUERY_WORDS]
        total = max(self.sentence_count, 1)
        scores: dict[int, float] = {}
        for rank, (df, token) in enumerate(found):
            if df > MAX_POSTINGS_SCANNED and rank >= 2:
                break
            idf = math.log(1 + total / df)
            for sentence_id in self._postings(token):
                scores[sentence_id] = scores.get(sentence_id, 0.0) + weights[token] * idf
        return heapq.nlargest(limit, scores, key=scores.__getitem__)

    def _document_frequencies(self, tokens: tuple[str, ...]) -> dict[str, int]:
        marks = ",".join("?" * len(tokens))
        with self._lock:
            rows = self._db.execute(f"SELECT token, df FROM tokens WHERE token IN ({marks})", tokens)
            return {token: df for token, df in rows if df > 0}

    @lru_cache(maxsize=4096)  # noqa: B019 - one store per engine, dropped with it
    def _postings(self, token: str) -> tuple[int, ...]:
        with self._lock:
            rows = self._db.execute("SELECT sentence FROM postings WHERE token = ?", (token,)).fetchall()
        return tuple(r[0] for r in rows)

    def iter_sentences(self) -> Iterator[tuple[int, SourceSentence]]:
        with self._lock:
            rows = self._db.execute("SELECT id, article, data FROM sentences ORDER BY id").fetchall()
        for sentence_id, article, data in rows:
            yield sentence_id, replace(pickle.loads(data), article=article)

    # --- keeping it up to date ---------------------------------------------------

    def sync(
        self,
        sources: Iterable[SourceFile],
        lexicon: Lexicon,
        spacy_model: str | None,
        progress: ProgressCallback | None = None,
    ) -> int:
        """Bring the store up to date with `sources`; returns how many files were (re)read."""
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
            "INSERT INTO tokens VALUES (?, ?) ON CONFLICT(token) DO UPDATE SET df = df + excluded.df",
            frequencies.items(),
        )

    def _insert(self, key: str, facts: ArticleFacts, frequencies: Counter[str]) -> None:
        db = self._db
        article = db.execute(
            "INSERT INTO articles (source, meta, words) VALUES (?, ?, ?)",
            (key, pickle.dumps(facts.meta), pickle.dumps(facts.words)),
        ).lastrowid
        assert article is not None
        db.executemany("INSERT INTO names VALUES (?, ?)", [(w, article) for w in facts.names])
        for sentence in facts.sentences:
            sentence_id = db.execute(
                "INSERT INTO sentences (article, facts, data) VALUES (?, ?, ?)",
                (article, sentence.facts, sentence.data),
            ).lastrowid
            db.executemany("INSERT INTO postings VALUES (?, ?)", [(t, sentence_id) for t in sentence.tokens])
            frequencies.update(sentence.tokens)
            db.executemany(
                "INSERT INTO roles VALUES (?, ?, ?)", [(s, sentence_id, i) for s, i in sentence.roles]
            )

    def _forget(self, key: str) -> None:
        """Remove everything a source file contributed."""
        db = self._db
        db.execute("DELETE FROM sources WHERE key = ?", (key,))
        db.execute("DELETE FROM skipped WHERE key = ?", (key,))
        articles = [a for (a,) in db.execute("SELECT id FROM articles WHERE source = ?", (key,))]
        for article in articles:
            sentences = [s for (s,) in db.execute("SELECT id FROM sentences WHERE article = ?", (article,))]
            for sentence in sentences:
                tokens = [
                    t for (t,) in db.execute("SELECT token FROM postings WHERE sentence = ?", (sentence,))
                ]
                db.executemany("UPDATE tokens SET df = df - 1 WHERE token = ?", [(t,) for t in tokens])
                db.execute("DELETE FROM postings WHERE sentence = ?", (sentence,))
                db.execute("DELETE FROM roles WHERE sentence = ?", (sentence,))
            db.execute("DELETE FROM sentences WHERE article = ?", (article,))
            db.execute("DELETE FROM names WHERE article = ?", (article,))
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


__all__ = ["ArticleFacts", "FactStore", "SourceFile", "SourceSentence", "article_source", "read_article"]
