"""The shared store: the fact base in a PostgreSQL database that a team's editors and CI read.

Why PostgreSQL: many readers and one builder at once, each reader seeing the last
committed state (a build commits complete articles only, so a reader or a killed
build never sees half of one), and no file to copy around. psycopg 3 is imported
only here, only when a `postgresql://` store is configured.

Credentials never come from a committed file: the URL names host and database,
and libpq takes the password from `PGPASSWORD` or `~/.pgpass` as it always does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from factlint.corpus.backend import DATA_TABLES, INDEXES, SECONDARY_INDEXES, TABLES, StoreError

OUR_TABLES = ("meta", "counts", *DATA_TABLES)


class PostgresBackend:
    shared = True

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError(url, "a PostgreSQL store needs psycopg: pip install 'psycopg[binary]'") from None
        self.name = _without_password(url)
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(self.name, f"cannot reach the store: {_first_line(exc)}") from None
        self._error = psycopg.Error

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._db.cursor() as cursor:
            cursor.execute(_dialect(sql), params)
            return cursor.fetchall() if cursor.description is not None else []

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._db.cursor() as cursor:
            cursor.executemany(_dialect(sql), list(rows))

    def load(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        with (
            self._db.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def begin(self) -> None:
        self._db.execute("BEGIN")

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        self._db.execute("ROLLBACK")

    def create_schema(self) -> None:
        # one builder at a time creates or migrates: an advisory lock held for the transaction
        self.begin()
        self._db.execute("SELECT pg_advisory_xact_lock(7130013)")
        for statement in (TABLES.format(blob="BYTEA", clustered="", rowid="BIGINT") + INDEXES).split(";"):
            if statement.strip():
                self._db.execute(statement)
        self.commit()

    def bulk_mode(self, on: bool) -> None:
        if on:
            for index in SECONDARY_INDEXES:
                self._db.execute(f"DROP INDEX IF EXISTS {index}")
        else:
            for statement in INDEXES.split(";"):
                if statement.strip():
                    self._db.execute(statement)

    def size_bytes(self) -> int:
        total = 0
        for table in OUR_TABLES:
            row = self._db.execute("SELECT pg_total_relation_size(%s)", (table,)).fetchone()
            total += int(row[0]) if row and row[0] is not None else 0
        return total

    def close(self) -> None:
        self._db.close()


def _dialect(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (factlint's SQL has no `?` or `%` of its own)."""
    return sql.replace("?", "%s")


def _without_password(url: str) -> str:
    try:
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        parts = conninfo_to_dict(url)
        parts.pop("password", None)
        return make_conninfo("", **{k: v for k, v in parts.items() if v is not None})
    except Exception:
        return url.split("@")[-1]


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
