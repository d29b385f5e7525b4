"""What a built store says, as one digest: `python -m bench.store_digest STORE.sqlite ...`.

Why: a faster build must store exactly the same facts. Two builds of one corpus (before
and after a change, serial and in worker processes) give the same digest when every
article, fact, sentence, posting and counter is the same. Rows are compared as what they
mean, not as bytes: posting segments are decoded into (key, fact) pairs, so a change in
how postings are cut into segments does not count, but a fact found, lost or keyed
differently does. The source files' stamps (size, mtime) are left out: they belong to
the files, not to the extraction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from collections.abc import Iterator
from typing import Any

from factlint.corpus.records import FACT_BITS, decode_body, decode_fact, decode_segment


def table_rows(db: sqlite3.Connection) -> Iterator[tuple[str, Any]]:
    """(table, canonical row) for every row that holds what the corpus says."""
    for key, digest in db.execute("SELECT key, digest FROM sources ORDER BY key"):
        yield "sources", [key, digest]
    for row in db.execute("SELECT key, reason FROM skipped ORDER BY key"):
        yield "skipped", list(row)
    yield from (("articles", list(row)) for row in db.execute("SELECT * FROM articles ORDER BY id"))
    found = db.execute("SELECT data FROM dictionary ORDER BY id LIMIT 1").fetchall()
    dictionary = bytes(found[0][0]) if found else b""
    # an article's facts (rows of their own since schema 3) go with its blob, as they did in it:
    # the digest of a store does not depend on how its facts are laid out or compressed
    rows = db.execute("SELECT id, data FROM facts ORDER BY id")
    pending = next(rows, None)
    for article, blob in db.execute("SELECT article, body FROM bodies ORDER BY article"):
        body = decode_body(bytes(blob))
        facts = []
        while pending is not None and pending[0] >> FACT_BITS <= article:
            if pending[0] >> FACT_BITS == article:
                f = decode_fact(bytes(pending[1]), dictionary)
                facts.append([f.sentence, f.mention, list(f.location)])
            pending = next(rows, None)
        yield "bodies", [article, facts, [list(s) for s in body.sentences], body.names, body.sketch]
    pairs = sorted(
        (int(key), fact)
        for key, low, blob in db.execute("SELECT key, low, facts FROM postings")
        for fact in decode_segment(int(low), bytes(blob))
    )
    yield from (("postings", list(pair)) for pair in pairs)
    for table, order in (
        ("keycounts", "key"),
        ("words", "word"),
        ("names", "word"),
        ("sketches", "hash, article"),
    ):
        yield from ((table, list(row)) for row in db.execute(f"SELECT * FROM {table} ORDER BY {order}"))
    # the corpus's totals; not the commit counter or the sealed row counts, which count how the
    # store was written (commits, tables), not what it holds
    for row in db.execute("SELECT name, n FROM counts WHERE name IN ('articles', 'facts') ORDER BY name"):
        yield "counts", list(row)


def digest(path: str) -> dict[str, Any]:
    """The whole store's digest, and each table's with its row count (to see where two differ)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        whole = hashlib.sha256()
        tables: dict[str, Any] = {}
        for table, row in table_rows(db):
            line = json.dumps([table, row], sort_keys=True, separators=(",", ":")).encode() + b"\n"
            whole.update(line)
            entry = tables.setdefault(table, [hashlib.sha256(), 0])
            entry[0].update(line)
            entry[1] += 1
    finally:
        db.close()
    return {
        "store": path,
        "digest": whole.hexdigest(),
        "tables": {t: {"rows": n, "digest": h.hexdigest()[:16]} for t, (h, n) in sorted(tables.items())},
    }


def main(argv: list[str] | None = None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    results = [digest(p) for p in paths]
    sys.stdout.write(json.dumps(results, indent=2) + "\n")
    return 0 if len({r["digest"] for r in results}) <= 1 else 1


if __name__ == "__main__":
    raise SystemExit(main())
