"""Where the fact base's rows live: an embedded SQLite file, or a PostgreSQL database a team shares.

Why a layer of its own: the store's logic (what is written for an article, how a
claim finds its candidates) is the same on both; only connecting, the SQL
dialect's few differences (placeholders, blob type, clustered tables), bulk
loading and the schema's versioning differ. `FactStore` speaks to a `Backend` with
`?` placeholders; the PostgreSQL backend (`corpus.postgres`) rewrites them.

The schema is versioned: `meta` holds `schema`, and `migrate` brings an older
store up step by step or refuses one written by a newer factlint.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from factlint.errors import FactlintError

SCHEMA_VERSION = 3
"""Version 1: facts by slot in one compressed blob per article; postings by 48-bit key hash, in
segments of packed fact ids (one row per key and build batch). Version 2: a skipped file's
line and column, so its warning points at the place. Version 3: each fact a row of its own
(`facts`, by fact id), compressed with the store's dictionary (`dictionary`), so a candidate
costs one small read and not its article's blob; `bodies` keeps the sentences, names and sketch.
A version 2 store's rows cannot be read as version 3's: migrating empties it, and the next sync
or build reads every article again."""

TABLES = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS counts (name TEXT PRIMARY KEY, n BIGINT);
CREATE TABLE IF NOT EXISTS sources (key TEXT PRIMARY KEY, size BIGINT, mtime BIGINT, digest TEXT);
CREATE TABLE IF NOT EXISTS skipped (key TEXT PRIMARY KEY, reason TEXT, line INTEGER, col INTEGER);
CREATE TABLE IF NOT EXISTS articles (id {rowid} PRIMARY KEY, source TEXT, path TEXT, title TEXT,
    date TEXT, date_inferred INTEGER, url TEXT, story BIGINT, facts INTEGER);
CREATE TABLE IF NOT EXISTS bodies (article {rowid} PRIMARY KEY, body {blob});
CREATE TABLE IF NOT EXISTS facts (id {rowid} PRIMARY KEY, data {blob});
CREATE TABLE IF NOT EXISTS dictionary (id {rowid} PRIMARY KEY, data {blob});
CREATE TABLE IF NOT EXISTS postings (key BIGINT, low BIGINT, facts {blob}, PRIMARY KEY (key, low)){clustered};
CREATE TABLE IF NOT EXISTS keycounts (key BIGINT PRIMARY KEY, n BIGINT){clustered};
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, df BIGINT){clustered};
CREATE TABLE IF NOT EXISTS names (word TEXT PRIMARY KEY, n BIGINT){clustered};
CREATE TABLE IF NOT EXISTS sketches (hash BIGINT, article BIGINT, PRIMARY KEY (hash, article)){clustered};
"""
DATA_TABLES = (
    "sources",
    "skipped",
    "articles",
    "bodies",
    "facts",
    "dictionary",
    "postings",
    "keycounts",
    "words",
    "names",
    "sketches",
)
"""Every table that holds what the corpus says (not `meta` and `counts`)."""
INDEXES = """
CREATE INDEX IF NOT EXISTS articles_by_source ON articles (source);
CREATE INDEX IF NOT EXISTS articles_by_story ON articles (story);
CREATE INDEX IF NOT EXISTS articles_by_path ON articles (path);
"""
SECONDARY_INDEXES = ("articles_by_source", "articles_by_story", "articles_by_path")
"""Dropped around a cold build and made again after it (`Backend.bulk_mode`)."""


class StoreError(FactlintError):
    """The store cannot be opened or used: unreachable, or written by a newer factlint."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where
        self.message = message

    def describe(self) -> str:
        return f"{self.where}: {self.message}"


class Backend(Protocol):
    """A connection to the store's database; SQL uses `?` placeholders."""

    name: str
    """Where the store is, for messages (a path, or the URL without its password)."""
    shared: bool
    """True for a server others read too: readers never build it behind the builder's back."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Append many rows at once (bulk: COPY on PostgreSQL)."""
        ...

    def begin(self) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def create_schema(self) -> None: ...

    def bulk_mode(self, on: bool) -> None:
        """Around a cold build: secondary indexes dropped while rows go in, built after."""
        ...

    def size_bytes(self) -> int: ...

    def close(self) -> None: ...


EMPTIED_BEFORE = 3
"""A store of a schema older than this is emptied by `migrate` (its rows cannot be read as they
are): only a builder may do that to a shared store, which it then reads again whole."""


def migrate(backend: Backend, builder: bool = True) -> None:
    """Create the schema, or bring an older one up to `SCHEMA_VERSION`, recording the version.

    A current store is only read: a reader whose role may only SELECT opens it as well. A store
    that migrating would empty is refused to a reader of a shared store (`builder=False`): one
    editor's upgrade must not empty the team's facts before `factlint build` reads them again.
    """
    if _version(backend) == SCHEMA_VERSION:
        return
    backend.create_schema()
    rows = backend.execute("SELECT value FROM meta WHERE name = 'schema'")
    version = int(rows[0][0]) if rows else 0
    if version > SCHEMA_VERSION:
        raise StoreError(
            backend.name,
            f"the store has schema version {version}; this factlint knows up to {SCHEMA_VERSION}: upgrade it",
        )
    if version == SCHEMA_VERSION:
        return
    if 1 <= version < EMPTIED_BEFORE and not builder:
        raise StoreError(
            backend.name,
            f"the store has schema version {version}; this factlint reads version {SCHEMA_VERSION},"
            " which `factlint build` makes (it reads the whole archive again)",
        )
    # Steps from one version to the next go here as the schema changes; version 0 is an
    # empty database, which `create_schema` has just made current.
    backend.begin()
    if version == 1:
        backend.execute("ALTER TABLE skipped ADD COLUMN line INTEGER")
        backend.execute("ALTER TABLE skipped ADD COLUMN col INTEGER")
    if 1 <= version < EMPTIED_BEFORE:
        # the facts were in the articles' blobs: the store is read again from the sources
        for table in DATA_TABLES:
            backend.execute(f"DELETE FROM {table}")
        backend.execute("UPDATE counts SET n = 0")
    for name in ("articles", "facts"):
        backend.execute("INSERT INTO counts (name, n) VALUES (?, 0) ON CONFLICT DO NOTHING", (name,))
    backend.execute("DELETE FROM meta WHERE name = 'schema'")
    backend.execute("INSERT INTO meta (name, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    backend.commit()


def _version(backend: Backend) -> int | None:
    try:
        rows = backend.execute("SELECT value FROM meta WHERE name = 'schema'")
    except Exception:  # no meta table yet (sqlite3 and psycopg each raise their own error)
        return None
    return int(rows[0][0]) if rows else 0


class SqliteBackend:
    """The default store: one file in the cache folder, nothing to set up."""

    shared = False

    def __init__(self, path: str) -> None:
        self.name = path
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        # before the first table: an article's blob (about 3 KB) leaves much of a 4 KB page empty
        self._db.execute("PRAGMA page_size=16384")
        if path != ":memory:":
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA cache_size=-65536")  # 64 MB of pages: hot postings stay in memory

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, params).fetchall()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    def load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        marks = ", ".join("?" for _ in columns)
        self._db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def begin(self) -> None:
        self._db.execute("BEGIN")

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def create_schema(self) -> None:
        self._db.executescript(
            TABLES.format(blob="BLOB", clustered=" WITHOUT ROWID", rowid="INTEGER") + INDEXES
        )

    def bulk_mode(self, on: bool) -> None:
        if on:
            for index in SECONDARY_INDEXES:
                self._db.execute(f"DROP INDEX IF EXISTS {index}")
        else:
            self._db.executescript(INDEXES)

    def size_bytes(self) -> int:
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        size = self._db.execute("PRAGMA page_size").fetchone()[0]
        return int(pages) * int(size)

    def close(self) -> None:
        self._db.close()


def open_backend(where: str) -> Backend:
    """A PostgreSQL URL (`postgresql://...`) opens the shared store; anything else is a SQLite file."""
    if where.startswith(("postgresql://", "postgres://")):
        from factlint.corpus.postgres import PostgresBackend

        return PostgresBackend(where)
    return SqliteBackend(where)
