"""`python -m bench`: generate the corpora and drafts, measure every figure, print the table, write JSON.

python -m bench            # 5, 1,000 and 10,000 articles; 2,000- and 20,000-word drafts
python -m bench --full     # also 100,000 and 1,000,000 articles (hours on 2 cores; --up-to 100000)
python -m bench --smoke    # tiny sizes: checks that every figure is produced
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.report import comparison_table, machine, scaling, table
from bench.run import DEFAULT, FULL, SMOKE, comparisons, judge, measure
from bench.snapshot import use_revision

OUT = Path(__file__).resolve().parent / "out"
WORK = Path(tempfile.gettempdir()) / "factlint-bench"
"""Corpora, caches and the snapshot: outside the checkout, where no linter or type checker looks."""


NEEDS = {"corroborate": "the package factlint is compared with"}
"""Modules the benchmarks import beyond factlint's own dependencies (the test extras have them)."""


def missing_modules() -> list[str]:
    return [name for name in NEEDS if importlib.util.find_spec(name) is None]


def main(argv: list[str] | None = None) -> int:
    missing = missing_modules()
    if missing:
        names = ", ".join(f"{name} ({NEEDS[name]})" for name in missing)
        print(
            f"python -m bench: missing {names}; install the test extras: .venv/bin/pip install -e '.[test]'",
            file=sys.stderr,
        )
        return 2
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--full", action="store_true", help="add the 100,000- and 1,000,000-article corpora")
    size.add_argument("--smoke", action="store_true", help="tiny sizes, for the test suite")
    parser.add_argument(
        "--up-to", type=int, metavar="N", help="only corpus sizes up to N articles (with --full: 100000)"
    )
    parser.add_argument("--work", type=Path, default=WORK, help="where corpora and caches go")
    parser.add_argument("--json", type=Path, default=OUT / "results.json", help="where the results go")
    parser.add_argument(
        "--rev", metavar="REV", help="measure factlint as of this git revision, not the working tree"
    )
    args = parser.parse_args(argv)
    measured_rev = None
    if args.rev:
        measured_rev = use_revision(args.rev, Path(__file__).resolve().parent.parent, args.work / "snapshot")
    plan = SMOKE if args.smoke else FULL if args.full else DEFAULT
    if args.up_to:
        plan = replace(plan, sizes=tuple(n for n in plan.sizes if n <= args.up_to))
    before = machine()
    started = time.perf_counter()

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    measured = measure(plan, args.work, log, partial_json=args.json.with_suffix(".partial.json"))
    figures = judge(plan, measured)
    compared = comparisons(plan, measured)
    results = {
        "command": "python -m bench" + (" --full" if args.full else " --smoke" if args.smoke else ""),
        "machine": before,
        "measured": f"revision {measured_rev}" if measured_rev else "working tree",
        "load_average_after": machine()["load_average"],
        "seconds": time.perf_counter() - started,
        "plan": {"sizes": plan.sizes, "drafts": measured["drafts"], "reference": plan.reference},
        "figures": figures,
        "corroborate": compared,
        "sizes": {str(n): row for n, row in measured["sizes"].items()},
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(figures))
    print()
    print(scaling(measured["sizes"]))
    print()
    print(comparison_table(compared))
    print(f"\nload average before {before['load_average']}, after {results['load_average_after']}")
    print(f"results: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
