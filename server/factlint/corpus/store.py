"""The fact base on disk or on a server, updated one source file at a time, read on demand.

Why this shape: a newsroom archive is hundreds of thousands to millions of
articles. Opening reads a few counters, a fact is read when a claim of its slot is
checked, and a changed article costs its own extraction only. Each source file
(an article, or a fact file) is remembered with its size, modification time and
content digest; a sync re-extracts exactly the ones that changed and forgets the
ones that are gone.

What is kept per article: each of its facts (slot, value, time, place in the
file) in a row of its own, compressed with the store's dictionary, so a claim's
candidate is one small read; one compressed blob of the sentences that state
them; the postings of its facts' slot keys (48-bit hashes: a segment per key per
batch, merged into long rows as the store grows, `_merge_postings`), its names, and a
sketch that finds copies of one story. Rows go to a `Backend` (SQLite by default, PostgreSQL for a team),
committed in batches of whole articles: a reader, or a build killed mid-way,
sees the last complete batch, never half an article.

Everything stored is plain columns, compressed JSON and integers: a planted or
damaged store is at worst wrong data, never code that runs when it is read. How the
user's own cache file is opened, shared between processes, checked and repaired is
`store_file`'s; this module only holds its lock while it syncs and reads in snapshots.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache, partial
from itertools import chain, groupby, islice
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from factlint.corpus import store_file
from factlint.corpus.backend import DATA_TABLES, Backend, migrate, open_backend
from factlint.corpus.extraction import ArticleFacts, extract_article, slot_keys
from factlint.corpus.fact_decoding import article_meta, decode_rows, mention_from_json, stored_fact
from factlint.corpus.manifest import Manifest, read_manifest
from factlint.corpus.ranking import top_scored
from factlint.corpus.reader import MAX_ARTICLE_BYTES, Article, SkippedFile, read_article, source_digest
from factlint.corpus.records import (
    FACT_BITS,
    MAX_FACTS_PER_ARTICLE,
    ArticleBody,
    ArticleRecord,
    StoredFactRow,
    article_record,
    decode_body,
    decode_fact,
    decode_segment,
    decode_segments,
    encode_segment,
    encode_segment_array,
    fact_id,
    fact_json,
    key_hash,
    location,
    make_dictionary,
    segment_size,
    split_fact_id,
)
from factlint.corpus.store_file import FileBackend, StoreDamaged
from factlint.model import ArticleMeta, Location, SourceRef
from factlint.processes import die_with_parent
from factlint.rulebook.lexicon import Lexicon
from factlint.slots.judge import StoredFact
from factlint.slots.model import Mention

MAX_KEYS_LOOKED_UP = 10
"""A claim looks up its rarest keys only: common ones cost time and say little."""
MAX_POSTINGS_SCANNED = 5000
"""A key with more facts than this is skipped once two rarer keys have been looked up."""
MAX_CANDIDATES = 80
"""Facts scored per claim, those sharing the most (and rarest) keys with it."""
SAME_STORY = 5
"""Articles sharing this many of their eight sketch hashes are copies of one story."""
COMMON_SKETCH = 50
"""A sketch hash in more articles than this is boilerplate, not a sign of one story."""
PARALLEL_FROM = 40
"""Extract in worker processes when at least this many articles changed."""
BATCH = 400
"""Source files per transaction: a killed build loses at most this many, never half of one."""
SYNC_CHUNK = 20_000
"""Changed files taken per round of a sync: at a million, their list alone would be 700 MB."""
LISTED_CHUNK = 500
"""Listed files whose stored stamps are read in one query: a sync never holds the `sources` table
whole (at a million files, as a dict, about 400 MB, and as much again while it was read)."""
RANGE_SLACK = 4
"""A chunk's key range is read whole unless it holds more than this many stored files per listed one."""
BULK_FROM = 2000
"""A build into an empty store of at least this many files drops secondary indexes first, and
makes them once at its end: made again after each round of a million-file build, they were
sorted 50 times over (quadratic in the archive)."""
SEGMENT_FACTS = 8192
"""Fact ids a merged posting segment holds at most (about 20 KB): a lookup reads a key's ids in
rows this long, and forgetting an article re-encodes the one row of a key that holds its facts."""
MERGE_FROM = 8
"""A key gets the segments past its full ones merged once it has this many more rows than full
ones would take. A build writes a segment per key per batch of `BATCH` files: unmerged, a common
key had 1,250 rows at 500,000 articles, and a check decoded 280,000 segments."""
MERGE_COMMIT = 500
"""Keys merged per transaction: a killed merge loses at most these, and never changes what a key holds."""
DICTIONARY_FILES = 64
"""Files read, at most, for the compression dictionary's samples (`_make_dictionary`)."""
ROWS_KEPT = 50_000
"""Fact rows kept in memory as read (as many as `_fact` keeps facts)."""
ARTICLES_KEPT = 16_384
"""Articles' metadata kept in memory."""
_ARTICLE_ROW = "SELECT id, COALESCE(path, source), title, date, date_inferred, url, story FROM articles"

ProgressCallback = Callable[[str, float], None]
Extracted = list[ArticleRecord] | SkippedFile
ReadFacts = list[tuple[Article, ArticleFacts]] | SkippedFile
"""A source file's articles with their facts, before they are made rows."""
Changed = tuple["SourceFile", int, int, str, bool]
"""A file to read again: the file, its size, change stamp and digest, and whether the store holds
an earlier version of it (to be forgotten first)."""
Mapper = Callable[[Callable[["SourceFile"], Extracted], Sequence["SourceFile"]], Iterable[Extracted]]
"""Runs the extraction over source files and yields the results in order: worker processes on
this machine (the default) or a Dask cluster (`corpus.dask_build`)."""


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
        """Size and change stamp: unchanged (and trusted) means not worth reading again."""
        return store_file.stamp((self.path, self.also))

    def digest(self) -> str:
        """As `Article.digest` computes it; a FIFO or a device is not read, only named."""
        digest = hashlib.sha256()
        for path in (self.path, self.also):
            if path is not None:
                digest.update(source_digest(path))
        return digest.hexdigest()


@dataclass
class _Batch:
    """Rows of one transaction, written together at its end."""

    postings: list[tuple[int, int]] = field(default_factory=list)
    facts_rows: list[tuple[int, bytes]] = field(default_factory=list)
    keys: Counter[int] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    facts: int = 0


class FactStore:
    """Facts by slot, their index and the articles' metadata, behind a `Backend`."""

    def __init__(self, path: str, backend: Backend | None = None, *, builder: bool = True) -> None:
        """`builder=False`: only reads a shared store, never empties it to migrate (see `migrate`)."""
        self.path = path
        self._db = backend if backend is not None else open_backend(path)
        self._file = self._db if isinstance(self._db, FileBackend) else None
        """The user's own cache file (`store_file`): locked, snapshotted, checked."""
        self.opened = store_file.inode(path) if self._file is not None else None
        self._lock = threading.RLock()
        with self._lock:
            try:
                migrate(self._db, builder)
            except BaseException:
                self._db.close()
                raise
        self.from_cache = False
        self.behind = False
        """Opened as the last complete sync left it, without a look at the corpus since
        (`factbase.load_fact_base(sync=False)`)."""
        self.follow = False
        """Move to the latest committed state at each `reading()` (a long-lived server);
        otherwise every read sees the state this process's own last sync left."""
        self.generation = -1
        self.refresh()

    def refresh(self) -> int:
        """Read the latest committed state from now on; reload the memory tables if it moved."""
        with self._lock:
            generation = self._file.begin_read() if self._file is not None else 0
            if generation != self.generation:
                self._load_memory()
                self.generation = generation
        return generation

    @contextmanager
    def reading(self) -> Iterator[int]:
        """One consistent snapshot for a check; yields its generation."""
        with self._lock:
            if self.follow:
                self.refresh()
            try:
                yield self.generation
            finally:
                if self.follow and self._file is not None:
                    self._file.end_read()  # an idle server holds no snapshot: the WAL can be reset

    @property
    def backend(self) -> Backend:
        return self._db

    # --- what the judge reads ---------------------------------------------------------

    def _load_memory(self) -> None:
        """Only what is small at any archive size: counters, the names vocabulary, skipped files."""
        with self._lock:
            db = self._db
            counts = dict(db.execute("SELECT name, n FROM counts"))
            self.article_count: int = int(counts.get("articles", 0))
            self.fact_count: int = int(counts.get("facts", 0))
            self.name_words: frozenset[str] = frozenset(
                w for (w,) in db.execute("SELECT word FROM names WHERE n > 0")
            )
            self.skipped = [
                SkippedFile(*row) for row in db.execute("SELECT key, reason, line, col FROM skipped")
            ]
            rows = db.execute("SELECT data FROM dictionary ORDER BY id LIMIT 1")
            self.dictionary: bytes | None = bytes(rows[0][0]) if rows else None
            """What the facts were compressed with; None until the first facts are written."""
        self._idfs = _Idfs(self._idf_of)
        self._rows: dict[int, bytes | None] = {}
        self._facts: dict[int, StoredFact | None] = {}
        self._places: dict[int, tuple[int, tuple[int, int, int, int]]] = {}
        self._articles: dict[int, tuple[ArticleMeta, int] | None] = {}
        for cached in (
            self._postings,
            self._key_count,
            self._df,
            self._body,
            self._source_ref,
        ):
            cached.cache_clear()
        self._copies.cache_clear()

    def candidates(self, claim: Mention) -> list[StoredFact]:
        """Facts sharing the most (and rarest) slot keys with the claim."""
        keys = slot_keys(claim, self.lexicon) if self.lexicon is not None else ()
        if not keys:
            return []
        # ties in count are broken by the key's text, as they always were: the order decides which
        # keys are read before the cap, so it must not depend on the hash
        counts = sorted((self._key_count(key_hash(k)), k) for k in dict.fromkeys(keys))
        total = max(self.fact_count, 1)
        weights: list[float] = []
        postings: list[npt.NDArray[np.int64]] = []
        for count, key in counts:
            if count == 0:
                continue
            if len(weights) >= MAX_KEYS_LOOKED_UP or (count > MAX_POSTINGS_SCANNED and len(weights) >= 2):
                break
            weights.append(math.log(1 + total / count))
            postings.append(self._postings(key_hash(key)))
        best = top_scored(weights, postings, MAX_CANDIDATES)
        self._read_all(best)
        found = [self._fact(f) for f in best]
        return [f for f in found if f is not None and f.article not in self._hidden]

    _hidden: frozenset[int] = frozenset()

    def holds(self, path: str) -> bool:
        """Whether articles read from the file at `path` (absolute) are in the fact base."""
        return bool(self._articles_at(path))

    @contextmanager
    def hiding(self, path: str | None) -> Iterator[bool]:
        """Leave the articles of `path` out of every lookup in the block (a draft that is also a
        source must not support itself); yields whether there were any."""
        ids = frozenset(a for a, _ in self._articles_at(path)) if path else frozenset()
        self._hidden = ids
        try:
            yield bool(ids)
        finally:
            self._hidden = frozenset()

    lexicon: Lexicon | None = None
    """The lexicon the store was synced with: claims are keyed with it too."""

    @lru_cache(maxsize=8192)  # noqa: B019 - one store per engine, dropped with it
    def _key_count(self, key: int) -> int:
        with self._lock:
            rows = self._db.execute("SELECT n FROM keycounts WHERE key = ?", (key,))
        return int(rows[0][0]) if rows else 0

    @lru_cache(maxsize=8192)  # noqa: B019 - one store per engine, dropped with it
    def _postings(self, key: int) -> npt.NDArray[np.int64]:
        with self._lock:
            rows = self._db.execute("SELECT low, facts FROM postings WHERE key = ? ORDER BY low", (key,))
        return decode_segments([(int(low), bytes(blob)) for low, blob in rows])

    def _fetch(self, facts: Iterable[int]) -> None:
        """Read the rows of the facts not yet read in one query (a claim's candidates), where a
        query per fact would cost more than decoding it."""
        wanted = [int(f) for f in facts if int(f) not in self._rows]
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join("?" for _ in part)
            with self._lock:
                rows = self._db.execute(f"SELECT id, data FROM facts WHERE id IN ({marks})", part)
            found = {int(i): bytes(data) for i, data in rows}
            for fact in part:
                self._remember(fact, found.get(fact))
        # not `set - self._articles.keys()`: a set minus a dict's keys walks every key of the dict
        # (up to ARTICLES_KEPT), for each claim; this looks up the claim's few articles instead
        known = self._articles
        articles = sorted({a for a in {f >> FACT_BITS for f in wanted} if a not in known})
        for start in range(0, len(articles), 500):
            part = articles[start : start + 500]
            marks = ", ".join("?" for _ in part)
            with self._lock:
                rows = self._db.execute(f"{_ARTICLE_ROW} WHERE id IN ({marks})", part)
            found_articles = {int(row[0]): row for row in rows}
            for article in part:
                self._remember_article(article, found_articles.get(article))

    def _fact_row(self, fact: int) -> StoredFactRow | None:
        """A fact's row, decoded: its sentence, mention (as JSON data) and place. The rows are kept
        as read (about 90 bytes each) and decoded on each use: `_fact` and `_source_ref` keep what
        is made of them."""
        if fact not in self._rows:
            with self._lock:
                rows = self._db.execute("SELECT data FROM facts WHERE id = ?", (fact,))
            self._remember(fact, bytes(rows[0][0]) if rows else None)
        return self._row_of(fact, self._rows[fact])

    def _row_of(self, fact: int, data: bytes | None) -> StoredFactRow | None:
        if data is None:
            return None
        try:
            return decode_fact(data, self.dictionary or b"")
        except Exception:
            # a store read by others may have been emptied and built again (other rules) since
            # this reader loaded its dictionary: read the dictionary again, once, before blaming the data
            with self._lock:
                rows = self._db.execute("SELECT data FROM dictionary ORDER BY id LIMIT 1")
            self.dictionary = bytes(rows[0][0]) if rows else None
        decoded: StoredFactRow = self._decoded(
            f"fact {fact}", partial(decode_fact, dictionary=self.dictionary or b""), data
        )
        return decoded

    def _remember(self, fact: int, row: bytes | None) -> None:
        if len(self._rows) >= ROWS_KEPT:
            self._rows.clear()  # a long-lived server's memory stays flat; refilled by the next checks
        self._rows[fact] = row

    @lru_cache(maxsize=4096)  # noqa: B019 - one store per engine, dropped with it
    def _body(self, article: int) -> ArticleBody | None:
        with self._lock:
            rows = self._db.execute("SELECT body FROM bodies WHERE article = ?", (article,))
        return self._decoded(f"article {article}", decode_body, bytes(rows[0][0])) if rows else None

    def _decoded(self, what: str, decode: Callable[[Any], Any], data: Any) -> Any:
        """`decode(data)`; data that cannot be decoded means the store is damaged, not a crash."""
        try:
            return decode(data)
        except Exception as error:
            raise StoreDamaged(self.path, f"{what} cannot be read: {type(error).__name__}") from None

    def _article(self, article: int) -> tuple[ArticleMeta, int] | None:
        """An article's metadata and its story (the article id its copies share)."""
        if article not in self._articles:
            with self._lock:
                rows = self._db.execute(f"{_ARTICLE_ROW} WHERE id = ?", (article,))
            self._remember_article(article, rows[0] if rows else None)
        return self._articles[article]

    def _remember_article(self, article: int, row: tuple[Any, ...] | None) -> None:
        if len(self._articles) >= ARTICLES_KEPT:
            self._articles.clear()
        if row is None:
            self._articles[article] = None
            return
        _, path, title, day, inferred, url, story = row
        meta = article_meta(path, title, date.fromisoformat(day) if day else None, bool(inferred), url)
        self._articles[article] = (meta, story)

    @lru_cache(maxsize=4096)  # noqa: B019 - one store per engine, dropped with it
    def _copies(self, story: int) -> tuple[tuple[int, str], ...]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, COALESCE(path, source) FROM articles WHERE story = ? ORDER BY id", (story,)
            )
        return tuple((int(i), str(p)) for i, p in rows)

    def _fact(self, fact: int) -> StoredFact | None:
        if fact in self._facts:
            return self._facts[fact]
        row = self._fact_row(fact)
        known = self._article(split_fact_id(fact)[0]) if row is not None else None
        made = None
        if row is not None and known is not None:
            made = self._made(fact, row, self._decoded(f"fact {fact}", mention_from_json, row.mention), known)
        self._remember_fact(fact, made, row)
        return made

    @staticmethod
    def _made(fact: int, row: StoredFactRow, mention: Mention, known: tuple[ArticleMeta, int]) -> StoredFact:
        article = split_fact_id(fact)[0]
        # a sentence's id: its article's, shifted as a fact's is, plus its index in the article
        return stored_fact(fact, mention, article, known[1], fact_id(article, row.sentence))

    def _read_all(self, facts: list[int]) -> None:
        """Read and decode `facts` together (`_fetch`, `_decode_all`): a query and a parse for many."""
        self._fetch(facts)
        self._decode_all(facts)

    def _decode_all(self, facts: Sequence[int]) -> None:
        """Decode the facts of `facts` not yet decoded together (`fact_decoding`), from the rows
        `_fetch` read; on any failure, leave them to `_fact`, which says which fact is damaged."""
        todo = [f for f in facts if f not in self._facts and self._rows.get(f) is not None]
        if not todo:
            return
        try:
            rows = decode_rows([self._rows[f] or b"" for f in todo], self.dictionary or b"")
            mentions = [mention_from_json(row.mention) for row in rows]
        except Exception:
            return
        # `_made` and `_remember_fact` for each, inlined: a check decodes 17,000 facts here
        if len(self._facts) + len(todo) > ROWS_KEPT:
            self._facts.clear()  # as `_remember_fact` would, before the first it could not keep
            self._places.clear()
        memo, places, articles = self._facts, self._places, self._articles
        for fact, row, mention in zip(todo, rows, mentions, strict=True):
            article = fact >> FACT_BITS
            known = articles[article] if article in articles else self._article(article)
            sentence = row.sentence
            memo[fact] = (
                stored_fact(fact, mention, article, known[1], (article << FACT_BITS) | sentence)
                if known is not None
                else None
            )
            places[fact] = (sentence, row.location)

    def _remember_fact(self, fact: int, made: StoredFact | None, row: StoredFactRow | None = None) -> None:
        if len(self._facts) >= ROWS_KEPT:
            self._facts.clear()  # as `_remember`: a long-lived server's memory stays flat
            self._places.clear()
        self._facts[fact] = made
        if row is not None:
            self._places[fact] = (row.sentence, row.location)

    def _place(self, fact: int) -> tuple[int, tuple[int, int, int, int]] | None:
        """A fact's sentence (its index in the article) and where its value is: kept as its row was
        decoded for the judge, so a message or hover citing it does not decode the row again."""
        if fact in self._places:
            return self._places[fact]
        row = self._fact_row(fact)
        return (row.sentence, row.location) if row is not None else None

    @property
    def idf(self) -> Callable[[str], float]:
        """A word's inverse document frequency among the facts' context words.

        The judge asks for the same few hundred words hundreds of thousands of times per draft:
        a dict's own lookup answers them without a Python call each (`_Idfs` computes a miss)."""
        return self._idfs.__getitem__

    def _idf_of(self, word: str) -> float:
        return math.log(1 + max(self.fact_count, 1) / (1 + self._df(word)))

    @lru_cache(maxsize=65536)  # noqa: B019 - one store per engine, dropped with it
    def _df(self, word: str) -> int:
        with self._lock:
            rows = self._db.execute("SELECT df FROM words WHERE word = ?", (word,))
        return int(rows[0][0]) if rows else 0

    def source_ref(self, fact: StoredFact) -> SourceRef:
        """The fact's sentence and provenance: decompressed only when a message or hover needs it.

        One object per fact while it is cached: the engine's memo of checked paragraphs (4,096
        of them) then shares its sources instead of holding a copy per paragraph version, which
        was most of a language server's growth while typing (about 3 KB per keystroke).
        """
        return self._source_ref(fact.id, fact.mention.text)

    @lru_cache(maxsize=16384)  # noqa: B019 - one store per engine, dropped with it
    def _source_ref(self, fact: int, value_text: str) -> SourceRef:
        article = split_fact_id(fact)[0]
        body, known, place = self._body(article), self._article(article), self._place(fact)
        assert body is not None and known is not None and place is not None, (
            "a fact of an article no longer stored"
        )
        meta, story = known
        sentence, at = place
        # sentences are parsed on first use, after decode_body: a damaged one is damage here too
        text, where, link = self._decoded(f"article {article}", body.sentence, sentence)
        others = tuple(path for other, path in self._copies(story) if other != article)
        return SourceRef(
            article=meta,
            sentence=text,
            sentence_location=location(meta.path, where),
            value_text=value_text,
            value_location=location(meta.path, at),
            link=link,
            copies=others,
        )

    def iter_facts(self) -> Iterator[tuple[StoredFact, SourceRef]]:
        with self._lock:
            articles = self._db.execute("SELECT id, facts FROM articles ORDER BY id")
        for article, count in articles:
            for index in range(count):
                fact = self._fact(fact_id(article, index))
                if fact is not None:
                    yield fact, self.source_ref(fact)

    def _articles_at(self, path: str) -> list[tuple[int, int]]:
        """(id, fact count) of the articles read from `path` (an article file's path is its key)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, facts FROM articles WHERE source = ? AND path IS NULL"
                " UNION SELECT id, facts FROM articles WHERE path = ? ORDER BY 1",
                (path, path),
            )
        return [(int(i), int(n)) for i, n in rows]

    def facts_in(self, path: str) -> list[StoredFact]:
        """The facts of the articles read from `path` (as `ArticleMeta.path` names it)."""
        ids = [fact_id(a, k) for a, count in self._articles_at(path) for k in range(count)]
        self._read_all(ids)
        facts = [self._fact(f) for f in ids]
        return [f for f in facts if f is not None]

    def sentence_facts(self, fact: StoredFact) -> list[StoredFact]:
        """The other facts of the sentence `fact` was read from."""
        with self._lock:
            rows = self._db.execute("SELECT facts FROM articles WHERE id = ?", (fact.article,))
        ids = [fact_id(fact.article, k) for k in range(int(rows[0][0]) if rows else 0)]
        self._read_all(ids)
        found = (self._fact(f) for f in ids)
        return [f for f in found if f is not None and f.sentence == fact.sentence and f.id != fact.id]

    def facts_at(self, where: Location) -> list[StoredFact]:
        """The facts whose value starts at `where` (a `SourceRef.value_location`)."""
        found = []
        for article, count in self._articles_at(where.path):
            for index in range(count):
                place = self._place(fact_id(article, index))
                if place is not None and place[1][:2] == (where.line, where.column):
                    found.append(self._fact(fact_id(article, index)))
        return [f for f in found if f is not None]

    # --- keeping it up to date ---------------------------------------------------

    def sync(
        self,
        sources: Iterable[SourceFile],
        lexicon: Lexicon,
        spacy_model: str | None,
        progress: ProgressCallback | None = None,
        mapper: Mapper | None = None,
    ) -> int:
        """Bring the store up to date with `sources`; returns how many files were (re)read.

        On the cache file, one process at a time (the others wait, then find the work
        done), and this process then reads the state it left, in one snapshot.
        """
        self.lexicon = lexicon
        with store_file.build_lock(self.path) if self._file is not None else nullcontext():
            if self._file is not None:
                self._file.end_read()
            read = self._sync(sources, lexicon, spacy_model, progress, mapper)
            if self._file is not None and not store_file.sealed(self._file):
                with self._lock:
                    self._file.begin()
                    store_file.seal(self._file)
                    self._file.commit()
            if self._file is None:
                self._load_memory()
            self.refresh()
        return read

    def _sync(
        self,
        sources: Iterable[SourceFile],
        lexicon: Lexicon,
        spacy_model: str | None,
        progress: ProgressCallback | None,
        mapper: Mapper | None,
    ) -> int:
        with self._lock:
            stored = int(self._db.execute("SELECT COUNT(*) FROM sources")[0][0])
            if stored:  # a cold build killed between its rounds left them dropped: made before any lookup
                self._db.bulk_mode(False)
        changed: list[Changed] = []
        seen: set[str] = set()
        matched = 0
        """Listed files the store held when they were listed: fewer than `stored` means some are gone."""
        restamped: list[tuple[int, int, str]] = []
        read = 0
        for listed in _chunks(sources, LISTED_CHUNK):
            with self._lock:
                known = self._stamps_of([source.key for source in listed])
            for source in listed:
                before = known.get(source.key)
                matched += before is not None and source.key not in seen
                seen.add(source.key)
                try:
                    size, mtime = source.stamp()
                    if store_file.unchanged(before[:2] if before else None, (size, mtime)):
                        continue
                    digest = source.digest()
                except OSError:
                    if source.required:
                        source.read()  # raises the file's own, located error
                    # listed but not there to read (a dangling link): read() names why it is skipped
                    size, mtime, digest = 0, store_file.UNTRUSTED_STAMP, "unreadable"
                if before and before[2] == digest:
                    if (size, mtime) != tuple(before[:2]):
                        restamped.append((size, mtime, source.key))
                    continue
                changed.append((source, size, mtime, digest, before is not None))
                if len(changed) >= SYNC_CHUNK:  # a round of its own: the list never holds the whole archive
                    read += self._extract_all(
                        changed, stored == 0, lexicon, spacy_model, progress, mapper, read
                    )
                    changed = []
            if len(restamped) >= SYNC_CHUNK:
                self._restamp(restamped)
                restamped = []
        gone = self._gone(seen) if matched < stored else []
        self._restamp(restamped)
        if not changed and not gone and not read:
            self.from_cache = True
            return 0
        with self._lock:
            self._db.begin()
            batch = _Batch()
            for key in gone:
                self._forget(key, batch)
            self._write_counts(batch)
            self._db.commit()
        if changed:
            read += self._extract_all(changed, stored == 0, lexicon, spacy_model, progress, mapper, read)
        with self._lock:
            self._db.bulk_mode(False)  # the secondary indexes, once for a cold build's every round
        return read

    def _stamps_of(self, keys: Sequence[str]) -> dict[str, tuple[int, int, str]]:
        """The stored size, change stamp and digest of those of `keys` the store holds.

        A listing names files in about their keys' order, so a chunk's stamps are one range of the
        key index (a scan: a third cheaper than probing each key); a range holding many more rows
        than asked for (a listing out of key order) is read key by key instead."""
        limit = RANGE_SLACK * len(keys)
        rows = self._db.execute(
            "SELECT key, size, mtime, digest FROM sources WHERE key BETWEEN ? AND ? LIMIT ?",
            (min(keys), max(keys), limit + 1),
        )
        if len(rows) > limit:
            marks = ", ".join("?" for _ in keys)
            rows = self._db.execute(
                f"SELECT key, size, mtime, digest FROM sources WHERE key IN ({marks})", keys
            )
        return {key: (size, mtime, digest) for key, size, mtime, digest in rows}

    def _gone(self, seen: set[str]) -> list[str]:
        """Stored source files that the listing did not name, read a page of keys at a time."""
        gone: list[str] = []
        after: tuple[str, ...] = ()
        while True:
            where = "WHERE key > ? " if after else ""
            with self._lock:
                rows = self._db.execute(
                    f"SELECT key FROM sources {where}ORDER BY key LIMIT {LISTED_CHUNK}", after
                )
            gone.extend(key for (key,) in rows if key not in seen)
            if len(rows) < LISTED_CHUNK:
                return gone
            after = (rows[-1][0],)

    def _restamp(self, restamped: list[tuple[int, int, str]]) -> None:
        """New stamps of files whose content did not change (copied, touched, checked out again)."""
        if restamped:
            with self._lock:
                self._db.begin()
                self._db.executemany("UPDATE sources SET size=?, mtime=? WHERE key=?", restamped)
                self._db.commit()

    def _extract_all(
        self,
        changed: list[Changed],
        empty: bool,
        lexicon: Lexicon,
        spacy_model: str | None,
        progress: ProgressCallback | None,
        mapper: Mapper | None,
        done_before: int = 0,
    ) -> int:
        """Extract and write `changed` (one round of a sync); returns how many files that was."""
        files = [s for s, *_ in changed]
        sampled: list[ReadFacts] = []
        if self.dictionary is None:
            sampled = self._make_dictionary(files, lexicon, spacy_model)
        dictionary = self.dictionary
        assert dictionary is not None
        extract = partial(extract_records, lexicon=lexicon, spacy_model=spacy_model, dictionary=dictionary)
        pool = None
        rest = files[len(sampled) :]
        extracted: Iterable[Extracted]
        if mapper is not None:
            extracted = mapper(extract, rest) if rest else ()
        elif rest and len(changed) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
            workers = min(os.cpu_count() or 1, 8)
            # workers die with this process however it ends (see `factlint.processes`)
            pool = ProcessPoolExecutor(
                max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
            )
            extracted = in_order(pool.submit, extract, rest, window=4 * workers)
        else:
            extracted = map(extract, rest)
        # the files read for the dictionary are not read again: their facts become rows here
        results = chain((records_of(read, dictionary) for read in sampled), extracted)
        bulk = self.article_count == 0 and empty and len(changed) + done_before >= BULK_FROM
        try:
            with self._lock:
                if bulk:  # dropped at the first round, made once after the last (`_sync`)
                    self._db.bulk_mode(True)
                try:
                    written = self._write_all(changed, results, progress, done_before)
                except BaseException:
                    if bulk:
                        self._db.bulk_mode(False)
                    raise
                self._merge_postings(written)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        return len(changed)

    def _make_dictionary(
        self, files: Sequence[SourceFile], lexicon: Lexicon, spacy_model: str | None
    ) -> list[ReadFacts]:
        """The store's compression dictionary, from the facts of the first files to write (read here,
        in this process, before the extraction starts: every worker compresses with it). Returns
        what those files were read as, in order, for the build to write without reading them again."""
        sampled: list[ReadFacts] = []

        def samples() -> Iterator[bytes]:
            for source in files[:DICTIONARY_FILES]:
                read = read_facts(source, lexicon, spacy_model)
                sampled.append(read)
                if isinstance(read, SkippedFile):
                    continue
                for _, facts in read:
                    yield from (fact_json(m) for m in facts.mentions)

        dictionary = make_dictionary(samples())
        with self._lock:
            self._db.begin()
            self._db.execute("DELETE FROM dictionary")
            self._db.execute("INSERT INTO dictionary (id, data) VALUES (1, ?)", (dictionary,))
            self._db.commit()
        self.dictionary = dictionary
        return sampled

    def _write_all(
        self,
        changed: list[Changed],
        results: Iterable[Extracted],
        progress: ProgressCallback | None,
        done_before: int,
    ) -> set[int]:
        """Write the round's rows, a transaction per `BATCH` files; returns the keys given segments."""
        db = self._db
        next_id = int(db.execute("SELECT COALESCE(MAX(id), 0) FROM articles")[0][0]) + 1
        batch = _Batch()
        written: set[int] = set()
        db.begin()
        try:
            for n, ((source, size, mtime, digest, stored), result) in enumerate(
                zip(changed, results, strict=True)
            ):
                digest = _read_digest(result) or digest
                if stored:
                    self._forget(source.key, batch)
                db.execute(
                    "INSERT INTO sources (key, size, mtime, digest) VALUES (?, ?, ?, ?)",
                    (source.key, size, mtime, digest),
                )
                if isinstance(result, SkippedFile):
                    db.execute(
                        "INSERT INTO skipped (key, reason, line, col) VALUES (?, ?, ?, ?)",
                        (source.key, result.reason, result.line, result.column),
                    )
                else:
                    for record in result:
                        self._insert(next_id, source.key, record, batch)
                        next_id += 1
                last = n == len(changed) - 1
                if (n + 1) % BATCH == 0 or last:
                    written.update(batch.keys)
                    self._flush(batch)
                    db.commit()
                    batch = _Batch()
                    if not last:
                        db.begin()
                if progress is not None and (n % 50 == 0 or last):
                    total = done_before + len(changed)
                    progress(f"reading sources: {done_before + n + 1}/{total}", (n + 1) / len(changed))
        except BaseException:
            db.rollback()
            raise
        return written

    def _insert(self, article: int, key: str, record: ArticleRecord, batch: _Batch) -> None:
        db = self._db
        meta = record.meta
        story = self._story_of(article, record.sketch)
        db.execute(
            "INSERT INTO articles (id, source, path, title, date, date_inferred, url, story, facts)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article,
                key,
                None if meta.path == key else meta.path,  # an article file's path is its key
                meta.title,
                meta.date.isoformat() if meta.date else None,
                int(meta.date_inferred),
                meta.url,
                story,
                len(record.facts),
            ),
        )
        db.execute("INSERT INTO bodies (article, body) VALUES (?, ?)", (article, record.body))
        db.executemany(
            "INSERT INTO sketches (hash, article) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(h, article) for h in record.sketch],
        )
        base = fact_id(article, 0)
        batch.facts_rows.extend((base + index, data) for index, data in enumerate(record.facts))
        batch.postings.extend((h, base + index) for h, index in record.postings)
        batch.keys.update(h for h, _ in record.postings)
        batch.words.update(dict(record.words))
        batch.names.update(record.names)
        batch.articles += 1
        batch.facts += len(record.facts)

    def _story_of(self, article: int, sketch: Sequence[int]) -> int:
        """The story this article belongs to: that of the earlier articles it copies, else its own."""
        shared: Counter[int] = Counter()
        for h in sketch:
            rows = self._db.execute(
                "SELECT article FROM sketches WHERE hash = ? LIMIT ?", (h, COMMON_SKETCH + 1)
            )
            if len(rows) <= COMMON_SKETCH:
                shared.update(r[0] for r in rows)
        copies = [a for a, count in shared.items() if count >= SAME_STORY and a != article]
        if not copies:
            return article
        marks = ", ".join("?" for _ in copies)
        rows = self._db.execute(f"SELECT MIN(story) FROM articles WHERE id IN ({marks})", copies)
        earlier = rows[0][0] if rows and rows[0][0] is not None else article
        return min(int(earlier), article)

    def _merge_postings(self, keys: Iterable[int]) -> int:
        """Merge the segments each of `keys` has past its first full ones (`SEGMENT_FACTS` ids), where
        it has `MERGE_FROM` rows more than full ones would take, into full rows and one part-full
        row; returns how many keys were merged.

        A key's ids and their order stay as they were (its rows never overlap: each holds later
        facts than the one before), so a lookup reads the same array from fewer rows; a merge
        is a transaction per `MERGE_COMMIT` keys, and one killed leaves each key whole, merged or not.
        """
        db = self._db
        merged = 0
        db.begin()
        try:
            for key in sorted(keys):
                rows, facts = db.execute(
                    "SELECT (SELECT COUNT(*) FROM postings WHERE key = ?),"
                    " (SELECT COALESCE(MAX(n), 0) FROM keycounts WHERE key = ?)",
                    (key, key),
                )[0]
                if int(rows) < int(facts) // SEGMENT_FACTS + MERGE_FROM:
                    continue
                segments = [
                    (int(low), bytes(blob))
                    for low, blob in db.execute(
                        "SELECT low, facts FROM postings WHERE key = ? ORDER BY low", (key,)
                    )
                ]
                # the full rows a merge made come first; every row after them is merged
                full = next(
                    (n for n, (_, blob) in enumerate(segments) if segment_size(blob) < SEGMENT_FACTS),
                    len(segments),
                )
                tail = segments[full:]
                if len(tail) < 2:
                    continue
                ids = decode_segments(tail)
                db.execute("DELETE FROM postings WHERE key = ? AND low >= ?", (key, tail[0][0]))
                db.load(
                    "postings",
                    ("key", "low", "facts"),
                    [(key, int(part[0]), encode_segment_array(part)) for part in _parts(ids, SEGMENT_FACTS)],
                )
                merged += 1
                if merged % MERGE_COMMIT == 0:
                    db.commit()
                    db.begin()
            db.commit()
        except BaseException:
            db.rollback()
            raise
        return merged

    def _flush(self, batch: _Batch) -> None:
        """The batch's postings in key order (appended near each other), then its counters."""
        db = self._db
        db.load("facts", ("id", "data"), batch.facts_rows)
        batch.postings.sort()
        segments = [
            (key, facts[0], encode_segment(facts))
            for key, group in groupby(batch.postings, key=itemgetter(0))
            for facts in [[f for _, f in group]]
        ]
        db.load("postings", ("key", "low", "facts"), segments)
        _add(db, "keycounts", "key", "n", batch.keys)
        _add(db, "words", "word", "df", batch.words)
        _add(db, "names", "word", "n", batch.names)
        self._write_counts(batch)

    def _write_counts(self, batch: _Batch) -> None:
        self._db.executemany(
            "UPDATE counts SET n = n + ? WHERE name = ?",
            [(batch.articles, "articles"), (batch.facts, "facts")],
        )

    def _forget(self, key: str, batch: _Batch) -> None:
        """Remove everything a source file contributed (the counters go down in `batch`)."""
        db = self._db
        db.execute("DELETE FROM sources WHERE key = ?", (key,))
        db.execute("DELETE FROM skipped WHERE key = ?", (key,))
        for (article,) in db.execute("SELECT id FROM articles WHERE source = ?", (key,)):
            rows = db.execute("SELECT body FROM bodies WHERE article = ?", (article,))
            if rows:
                body = self._decoded(f"article {article}", decode_body, bytes(rows[0][0]))
                facts = [
                    self._decoded(
                        f"fact {f}", partial(decode_fact, dictionary=self.dictionary or b""), bytes(data)
                    )
                    for f, data in db.execute(
                        "SELECT id, data FROM facts WHERE id BETWEEN ? AND ? ORDER BY id",
                        (fact_id(article, 0), fact_id(article, MAX_FACTS_PER_ARTICLE - 1)),
                    )
                ]
                self._forget_postings(article, facts)
                lost = Counter(w for row in facts for w, _ in row.mention["slot"]["context"])
                db.executemany(
                    "UPDATE words SET df = df - ? WHERE word = ?", [(n, w) for w, n in lost.items()]
                )
                db.executemany("UPDATE names SET n = n - 1 WHERE word = ?", [(w,) for w in body.names])
                db.executemany(
                    "DELETE FROM sketches WHERE hash = ? AND article = ?", [(h, article) for h in body.sketch]
                )
                batch.facts -= len(facts)
            db.execute(
                "DELETE FROM facts WHERE id BETWEEN ? AND ?",
                (fact_id(article, 0), fact_id(article, MAX_FACTS_PER_ARTICLE - 1)),
            )
            db.execute("DELETE FROM bodies WHERE article = ?", (article,))
            db.execute("DELETE FROM articles WHERE id = ?", (article,))
            batch.articles -= 1

    def _forget_postings(self, article: int, rows_of: Sequence[StoredFactRow]) -> None:
        """Take the article's facts out of the segments of their keys (keyed again, as when built).

        An article's facts of one key are in one segment (its batch's, or one merged whole
        articles at a time, `_parts`): the last one starting at or before its last fact."""
        assert self.lexicon is not None, "sync sets the lexicon before anything is forgotten"
        db, last = self._db, fact_id(article, MAX_FACTS_PER_ARTICLE - 1)
        keys = {
            key_hash(k) for row in rows_of for k in slot_keys(mention_from_json(row.mention), self.lexicon)
        }
        lost: list[tuple[int, int]] = []
        for key in sorted(keys):
            rows = db.execute(
                "SELECT low, facts FROM postings WHERE key = ? AND low <= ? ORDER BY low DESC LIMIT 1",
                (key, last),
            )
            if not rows:
                continue
            low = int(rows[0][0])
            facts = decode_segment(low, bytes(rows[0][1]))
            kept = [f for f in facts if f >> FACT_BITS != article]
            if len(kept) == len(facts):
                continue
            db.execute("DELETE FROM postings WHERE key = ? AND low = ?", (key, low))
            if kept:
                db.execute(
                    "INSERT INTO postings (key, low, facts) VALUES (?, ?, ?)",
                    (key, kept[0], encode_segment(kept)),
                )
            lost.append((len(facts) - len(kept), key))
        db.executemany("UPDATE keycounts SET n = n - ? WHERE key = ?", lost)

    def meta(self, name: str) -> str | None:
        with self._lock:
            rows = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def set_meta(self, name: str, value: str) -> None:
        with self._lock:
            self._db.begin()
            self._db.execute("DELETE FROM meta WHERE name = ?", (name,))
            self._db.execute("INSERT INTO meta (name, value) VALUES (?, ?)", (name, value))
            self._db.commit()

    def clear(self) -> None:
        """Forget every article and fact (one transaction): the next sync builds from scratch."""
        with self._lock:
            self._db.begin()
            for table in DATA_TABLES:
                self._db.execute(f"DELETE FROM {table}")
            self._db.execute("UPDATE counts SET n = 0")
            self._db.commit()
        self._load_memory()

    def size_bytes(self) -> int:
        with self._lock:
            return self._db.size_bytes()

    def close(self) -> None:
        with self._lock:
            self._db.close()


class _Idfs(dict[str, float]):
    """Idfs computed on first use: `FactStore.idf` is this dict's `__getitem__`."""

    def __init__(self, compute: Callable[[str], float]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, word: str) -> float:
        value = self[word] = self._compute(word)
        return value


CHUNK = 16
"""Files per task sent to a worker process."""


def in_order(
    submit: Callable[..., Any],
    extract: Callable[[SourceFile], Extracted],
    files: Sequence[SourceFile],
    window: int,
) -> Iterator[Extracted]:
    """Results of `extract` over `files`, in order, with at most `window` chunks in flight.

    `Executor.map` would submit every file at once and keep every result the writer has not
    reached yet: at a million articles, more memory than the build is allowed. `submit` is
    an executor's or a Dask client's.
    """
    pending: deque[Any] = deque()
    starts = iter(range(0, len(files), CHUNK))

    def send() -> None:
        start = next(starts, None)
        if start is not None:
            pending.append(submit(extract_chunk, extract, list(files[start : start + CHUNK])))

    for _ in range(window):
        send()
    while pending:
        done = pending.popleft().result()
        send()
        yield from done


def _parts(ids: npt.NDArray[np.int64], size: int) -> list[npt.NDArray[np.int64]]:
    """A key's sorted fact ids in parts of at least `size` (the last may be shorter), each ending
    with an article's last fact: an article's facts of one key stay in one row, the one
    `_forget_postings` reads when the article is forgotten (as a batch's segment holds them)."""
    articles = ids >> FACT_BITS
    parts, start = [], 0
    while len(ids) - start > size:
        end = int(np.searchsorted(articles, articles[start + size - 1], side="right"))
        parts.append(ids[start:end])
        start = end
    if start < len(ids):
        parts.append(ids[start:])
    return parts


def _chunks(items: Iterable[SourceFile], size: int) -> Iterator[list[SourceFile]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_chunk(extract: Callable[[SourceFile], Extracted], chunk: list[SourceFile]) -> list[Extracted]:
    return [extract(source) for source in chunk]


def _add(db: Backend, table: str, key: str, column: str, counts: Counter[Any]) -> None:
    """Add counts to a counter table, row by key (an upsert both SQLite and PostgreSQL speak)."""
    db.executemany(
        f"INSERT INTO {table} ({key}, {column}) VALUES (?, ?)"
        f" ON CONFLICT ({key}) DO UPDATE SET {column} = {table}.{column} + excluded.{column}",
        sorted(counts.items()),
    )


def extract_records(
    source: SourceFile, lexicon: Lexicon, spacy_model: str | None, dictionary: bytes = b""
) -> Extracted:
    """Read one source file and turn its articles into rows: runs in a worker, local or on Dask."""
    return records_of(read_facts(source, lexicon, spacy_model), dictionary)


def read_facts(source: SourceFile, lexicon: Lexicon, spacy_model: str | None) -> ReadFacts:
    """Read one source file and extract each of its articles' facts."""
    read = source.read()
    if isinstance(read, SkippedFile):
        return read
    return [(article, extract_article(article, lexicon, spacy_model)) for article in read]


def records_of(read: ReadFacts, dictionary: bytes) -> Extracted:
    """A file's extracted articles as the rows the store writes, facts compressed with `dictionary`."""
    if isinstance(read, SkippedFile):
        return read
    return [replace(article_record(facts, dictionary), digest=article.digest) for article, facts in read]


def _read_digest(result: Extracted) -> str | None:
    """The digest of the bytes `result` was extracted from, when one file version made it all."""
    if isinstance(result, SkippedFile):
        return None
    digests = {record.digest for record in result}
    return digests.pop() if len(digests) == 1 and "" not in digests else None


def article_source(path: Path, manifest_path: Path | None, limit: int = MAX_ARTICLE_BYTES) -> SourceFile:
    """An article file (an absolute path: it is the key); its manifest entry is read with it."""
    return SourceFile(str(path), path, _ArticleReader(path, manifest_path, limit), manifest_path)


@dataclass(frozen=True)
class _ArticleReader:
    """Picklable: worker processes read the file themselves."""

    path: Path
    manifest_path: Path | None
    limit: int = MAX_ARTICLE_BYTES

    def __call__(self) -> list[Article] | SkippedFile:
        manifest = None
        if self.manifest_path is not None:
            try:
                manifest = _manifest(self.manifest_path.parent, self.manifest_path.stat().st_mtime_ns)
            except OSError:
                manifest = None  # deleted since the listing: the next sync sees it gone
        result = read_article(self.path, manifest, self.limit)
        return result if isinstance(result, SkippedFile) else [result]


@lru_cache(maxsize=16)
def _manifest(folder: Path, stamp: int) -> Manifest | None:
    """A folder's manifest, parsed once per version for all its articles (`stamp`: its mtime)."""
    return read_manifest(folder)


__all__ = ["ArticleFacts", "FactStore", "SourceFile", "article_source", "extract_records", "read_article"]
