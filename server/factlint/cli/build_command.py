"""`factlint build`: bring the fact base up to date with the archive, and do nothing else.

Why a command of its own: a team's shared store is built and kept current by one
process (a cron job, or the wire feed's hook), file by file as `lint` does for a
private cache, while editors and CI only read it. `--dask ADDRESS` runs the
extraction on a Dask cluster; the writes stay here, in one process, in order.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from factlint.cli.common import add_corpus_options, resolve_config
from factlint.corpus.factbase import load_fact_base
from factlint.rulebook.loader import load_rules


def register(commands: Any) -> None:
    parser = commands.add_parser("build", help="update the fact base (or the shared store) from the sources")
    add_corpus_options(parser)
    parser.add_argument(
        "--store",
        metavar="URL",
        help="a shared store to build (postgresql://host/database); default: `store` in factlint.toml, "
        "then FACTLINT_STORE, then the cache file",
    )
    parser.add_argument("--dask", metavar="ADDRESS", help="extract on this Dask scheduler (factlint[dask])")
    parser.add_argument("--quiet", action="store_true", help="print only the summary line")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = resolve_config(args, None).with_overrides(store=args.store)
    rules = load_rules(config)
    mapper = None
    if args.dask:
        from factlint.corpus.dask_build import dask_mapper

        mapper = dask_mapper(args.dask)
    shown = [-1.0]

    def progress(message: str, done: float) -> None:
        if args.quiet or (done - shown[0] < 0.1 and done < 1.0):
            return
        shown[0] = done
        sys.stderr.write(f"factlint: {message}\n")

    started = time.perf_counter()
    store = load_fact_base(config, rules, progress, build=True, mapper=mapper)
    try:
        where = store.backend.name
        sys.stdout.write(
            f"{store.article_count} articles, {store.fact_count} facts in {where}"
            f" ({store.size_bytes() / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s)\n"
        )
    finally:
        store.close()
    return 0
