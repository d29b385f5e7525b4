"""The build's map step on a Dask cluster: `factlint build --dask ADDRESS` (the factlint[dask] extra).

Why only the map: extracting an article is a pure function of its file and the
rules, and is nearly all of a build's CPU; writing is ordered, transactional and
cheap. So the workers read and extract chunks of files (`store.CHUNK`) (they need the archive at
the same paths), and the results come back here in the order they were sent, to
be written exactly as a single-process build writes them: the store is the same.
A bounded window of chunks is in flight, so memory stays flat however big the archive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from factlint.corpus.backend import StoreError
from factlint.corpus.store import Extracted, Mapper, SourceFile, in_order

WINDOW_PER_WORKER = 4
"""Tasks in flight per worker thread: enough to keep every worker busy while results come back."""


def dask_mapper(address: str) -> Mapper:
    """Extraction on the Dask scheduler at `address` (tcp://host:8786), results in order."""
    try:
        import distributed
    except ImportError:
        raise StoreError(address, "--dask needs the Dask extra: pip install 'factlint[dask]'") from None

    def run(extract: Callable[[SourceFile], Extracted], files: Sequence[SourceFile]) -> Iterator[Extracted]:
        client: Any = connect(address)
        try:
            yield from _ordered(client, extract, files)
        finally:
            client.close()

    connect: Any = distributed.Client  # untyped: one call, kept behind Any
    return run


def _ordered(
    client: Any, extract: Callable[[SourceFile], Extracted], files: Sequence[SourceFile]
) -> Iterator[Extracted]:
    remote = client.scatter(extract, broadcast=True)  # the rules' lexicon goes to each worker once
    threads = sum(client.nthreads().values()) or 1

    def submit(function: Callable[..., Any], _: object, chunk: list[SourceFile]) -> Any:
        return _Released(client.submit(function, remote, chunk, pure=False))

    return in_order(submit, extract, files, window=threads * WINDOW_PER_WORKER)


class _Released:
    """A Dask future whose result is dropped from the cluster once fetched."""

    def __init__(self, future: Any) -> None:
        self._future = future

    def result(self) -> Any:
        value = self._future.result()
        self._future.release()
        return value
