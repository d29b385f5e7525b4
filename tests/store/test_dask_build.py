"""`factlint build --dask`: the extraction runs on a Dask cluster (here a LocalCluster of 2 worker
processes), and the store it makes is the single-process build's, row for row."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from factlint.cli.main import main

from .stores import write_articles

distributed = pytest.importorskip("distributed")  # the factlint[dask] extra; the test extras install it


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(path)
    tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    # a source's change stamp is when the build saw it (untrusted if the file was just written)
    columns = {t: "key, size, digest" if t == "sources" else "*" for t in tables}
    return {t: sorted(db.execute(f"SELECT {columns[t]} FROM {t}").fetchall(), key=repr) for t in tables}


def test_a_build_on_dask_makes_the_same_store_as_one_process(tmp_path: Path, scheduler: str) -> None:
    corpus = write_articles(tmp_path / "corpus", range(150))
    alone, on_dask = tmp_path / "alone.sqlite", tmp_path / "dask.sqlite"
    assert main(["build", "--quiet", "--seeds", str(corpus), "--store", str(alone)]) == 0
    assert (
        main(["build", "--quiet", "--seeds", str(corpus), "--store", str(on_dask), "--dask", scheduler]) == 0
    )
    expected, got = _rows(alone), _rows(on_dask)
    assert len(expected["articles"]) == 150 and len(expected["postings"]) > 150
    assert got == expected
