"""The fact-base cache file on disk: opened only when it is ours, shared safely, repaired once.

Why a module of its own: what the store holds changes with the extractor and the
backend layer (`corpus.store`, `corpus.backend`); how the user's own SQLite file is
opened, locked, checked and repaired does not. A PostgreSQL store has its own
transactions and users and is not handled here.

- Ours: the cache folder is created 0700 and the file 0600; a store that is not a
  regular file owned by the current user (a link, another user's file) is never opened.
- Shared: several `factlint` processes (two CI jobs, an editor's server, a pre-commit
  hook) use one file. Builders take an exclusive lock on `<store>.lock` for a whole
  sync, so a second cold build waits for the first and then finds its work done;
  writes are `BEGIN IMMEDIATE` with a busy timeout, never a "database is locked";
  SQLite's WAL lets readers go on meanwhile, each inside one read transaction.
- Consistent: every commit bumps a generation number (a reader that sees it move
  reloads what it keeps in memory); a finished sync seals the store with every
  table's row count, and a sync that starts writing unseals it first, so a build
  killed half-way is resumed, not taken for damage.
- Repaired once: a store with another schema, a missing table, rows missing against
  its seal, or pages SQLite cannot read is removed and built again on disk, with a
  message; a second failure is an error, not a loop.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from factlint.corpus.backend import DATA_TABLES, SCHEMA_VERSION, TABLES, SqliteBackend, migrate
from factlint.errors import FactlintError

log = logging.getLogger("factlint.cache")

GENERATION = "generation"
"""The `counts` row counting committed writes: a reader that sees it change reloads."""
SEALED = "rows:"
"""Prefix of the `counts` rows a finished sync records: each data table's row count."""
BUSY_TIMEOUT_S = 60.0
"""How long a write waits for another process's write to finish before failing."""
RACY_NS = 2_000_000_000
"""A file changed this close to when its stamp was taken may change again with the same
size and modification time (a coarse clock tick, a two-second file system): such a stamp
is not trusted, and the file is compared by content next time (git's "racy clean")."""
UNTRUSTED_STAMP = -1


class StoreDamaged(FactlintError):
    """The store cannot be trusted: another schema, missing rows, unreadable pages or data."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def describe(self) -> str:
        return f"the fact-base cache {self.path} is damaged ({self.reason})"


class UnsafeCache(FactlintError):
    """A cache folder or store file that another user could have written: not used."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.reason = reason


def store_path(folder: Path, name: str) -> str:
    """The store file `name` in the private cache `folder`; ":memory:" when that cannot be.

    A folder that cannot be created (read-only home) or is not private costs speed only:
    the fact base is then built in memory, and the message says why.
    """
    path = folder / name
    try:
        private_folder(folder)
        check_owner(path)
    except (OSError, UnsafeCache) as problem:
        why = problem.reason if isinstance(problem, UnsafeCache) else (problem.strerror or problem)
        log.warning("not using the cache %s: %s; building the fact base in memory", path, why)
        return ":memory:"
    return str(path)


def private_folder(folder: Path) -> None:
    """Create `folder` readable by its owner only; refuse one another user owns or can write."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.stat()
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeCache(str(folder), "it is not a folder")
    if info.st_uid != os.getuid():
        raise UnsafeCache(str(folder), f"the folder belongs to another user (uid {info.st_uid})")
    if info.st_mode & 0o022:
        raise UnsafeCache(str(folder), "other users can write to its folder")


def check_owner(path: Path) -> None:
    """A store that exists must be a regular file of ours: a link or another user's is refused."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeCache(str(path), "the store is not a regular file")
    if info.st_uid != os.getuid():
        raise UnsafeCache(str(path), f"the store belongs to another user (uid {info.st_uid})")


@contextlib.contextmanager
def build_lock(path: str) -> Iterator[None]:
    """Exclusive across processes while held (released by the kernel if the holder dies)."""
    if path == ":memory:":
        yield
        return
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("waiting for another factlint to finish updating %s", path)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


class FileBackend(SqliteBackend):
    """A SQLite cache file shared by processes: immediate writes, counted commits, snapshots."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self._writing = False

    def begin(self) -> None:
        self.end_read()
        self._db.execute("BEGIN IMMEDIATE")
        self._writing = True
        unseal(self)  # until the sync that writes this ends and seals it again

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return super().execute(sql, params)
        except sqlite3.DatabaseError as error:
            raise _damaged(self.name, error) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            super().executemany(sql, rows)
        except sqlite3.DatabaseError as error:
            raise _damaged(self.name, error) from None

    def commit(self) -> None:
        if self._writing:
            self._db.execute(
                "INSERT INTO counts (name, n) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1",
                (GENERATION,),
            )
        self._writing = False
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        self._writing = False
        super().rollback()

    def begin_read(self) -> int:
        """Start a read snapshot (ending any previous one); returns its generation."""
        self.end_read()
        self._db.execute("BEGIN")
        return generation(self)

    def end_read(self) -> None:
        if self._db.in_transaction and not self._writing:
            self._db.execute("COMMIT")


def _damaged(path: str, error: sqlite3.DatabaseError) -> Exception:
    """Pages SQLite finds corrupt mean a damaged store; anything else (busy, full disk) is itself."""
    if getattr(error, "sqlite_errorcode", None) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return StoreDamaged(path, _describe(path, error))
    return error


def generation(backend: SqliteBackend) -> int:
    rows = backend.execute("SELECT n FROM counts WHERE name = ?", (GENERATION,))
    return int(rows[0][0]) if rows else 0


def open_file(path: str, count_rows: bool = True) -> FileBackend:
    """The store at `path`: created private, checked, and rebuilt once if it is damaged.

    `count_rows=False` leaves out the count of every data table's rows against the counts the
    last sync sealed (a scan that grows with the archive): for a server's first check against
    the store as it stands, whose sync right after opens the store again with the count.
    """
    with build_lock(path):
        try:
            return _open_checked(path, count_rows)
        except StoreDamaged as damage:
            log.warning("%s; rebuilding it", damage.describe())
            remove(path)
            return _open_checked(path, count_rows)


def discard(path: str, damage: StoreDamaged, opened: int | None) -> None:
    """Remove a store found damaged while reading it, unless another process already has.

    `opened` is the inode the caller opened: a different one at `path` is a new store.
    """
    if path == ":memory:":
        return
    with build_lock(path):
        with contextlib.suppress(OSError):
            if opened is not None and os.stat(path).st_ino != opened:
                return
        log.warning("%s; rebuilding it", damage.describe())
        remove(path)


def inode(path: str) -> int | None:
    try:
        return os.stat(path).st_ino if path != ":memory:" else None
    except OSError:
        return None


def remove(path: str) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path + suffix)


def _open_checked(path: str, count_rows: bool = True) -> FileBackend:
    check_owner(Path(path))
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    os.close(fd)  # created private before SQLite opens it
    try:
        backend = FileBackend(path)
    except sqlite3.DatabaseError as error:
        raise StoreDamaged(path, _describe(path, error)) from None
    try:
        _verify(backend, path, count_rows)
        migrate(backend)
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)  # a store made before factlint created it private
    except sqlite3.DatabaseError as error:
        backend.close()
        raise StoreDamaged(path, _describe(path, error)) from None
    except StoreDamaged:
        backend.close()
        raise
    return backend


def _expected_tables() -> set[str]:
    scratch = sqlite3.connect(":memory:")
    try:
        scratch.executescript(TABLES.format(blob="BLOB", clustered="", rowid="INTEGER"))
        return {name for (name,) in scratch.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        scratch.close()


def _verify(backend: FileBackend, path: str, count_rows: bool = True) -> None:
    """Schema version, tables and sealed row counts, all read in one snapshot."""
    backend.end_read()
    backend.execute("BEGIN")
    try:
        present = {name for (name,) in backend.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not present:
            return  # a new file
        if "meta" not in present:
            raise StoreDamaged(path, "it was written with another schema")
        rows = backend.execute("SELECT value FROM meta WHERE name = 'schema'")
        version = int(rows[0][0]) if rows and str(rows[0][0]).isdigit() else None
        if version is None or version > SCHEMA_VERSION:
            raise StoreDamaged(path, "it was written with another schema")
        if version < SCHEMA_VERSION:
            return  # `migrate` brings it up to date
        missing = sorted(_expected_tables() - present)
        if missing:
            raise StoreDamaged(path, f"missing table {', '.join(missing)}")
        if not count_rows:
            return
        for name, expected in backend.execute(
            "SELECT name, n FROM counts WHERE name LIKE ? ORDER BY name", (SEALED + "%",)
        ):
            table = name[len(SEALED) :]
            if table not in DATA_TABLES:
                continue
            found = backend.execute(f'SELECT COUNT(*) FROM "{table}"')[0][0]
            if found != expected:
                raise StoreDamaged(path, f"{table} holds {found} rows, not the {expected} written")
    finally:
        backend.end_read()


def sealed(backend: SqliteBackend) -> bool:
    return bool(backend.execute("SELECT 1 FROM counts WHERE name LIKE ? LIMIT 1", (SEALED + "%",)))


def unseal(backend: SqliteBackend) -> None:
    """Inside a sync's first write transaction: the recorded row counts no longer hold."""
    backend.execute("DELETE FROM counts WHERE name LIKE ?", (SEALED + "%",))


def seal(backend: SqliteBackend) -> None:
    """In a write transaction at the end of a sync: record every data table's row count."""
    rows = [(SEALED + t, backend.execute(f'SELECT COUNT(*) FROM "{t}"')[0][0]) for t in DATA_TABLES]
    unseal(backend)
    backend.executemany("INSERT INTO counts (name, n) VALUES (?, ?)", rows)


def _describe(path: str, error: sqlite3.DatabaseError) -> str:
    """SQLite's complaint, with the first line of `PRAGMA quick_check` when it can run."""
    reason = str(error)
    with contextlib.suppress(sqlite3.Error):
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            first = probe.execute("PRAGMA quick_check").fetchone()
        finally:
            probe.close()
        if first and first[0] != "ok":
            reason += f"; quick_check: {first[0]}"
    return reason


def stamp(paths: tuple[Path | None, ...]) -> tuple[int, int]:
    """Size and change stamp of `paths` together: equal means unchanged, unless untrusted.

    The change stamp folds each file's modification and status-change times and its
    inode (an edit, `touch -d`, or a file replaced by another all change one); it is
    `UNTRUSTED_STAMP` when a file changed within `RACY_NS` of now.
    """
    size, digest = 0, hashlib.blake2b(digest_size=7)
    now = time.time_ns()
    racy = False
    for path in paths:
        if path is None:
            continue
        info = path.stat()
        size = size * 1_000_003 + info.st_size
        digest.update(f"{info.st_mtime_ns}/{info.st_ctime_ns}/{info.st_ino};".encode())
        racy = racy or now - max(info.st_mtime_ns, info.st_ctime_ns) < RACY_NS
    token = UNTRUSTED_STAMP if racy else int.from_bytes(digest.digest(), "big")
    return size % (1 << 62), token


def unchanged(before: tuple[int, int] | None, now: tuple[int, int]) -> bool:
    """Whether a stored stamp still vouches for the file (never when either is untrusted)."""
    return before is not None and before == now and now[1] != UNTRUSTED_STAMP
