"""`factlint audit`: where the sources disagree among themselves; exit 1 when they do.

A draft checked against an archive that contradicts itself inherits the
contradiction, so an archive's keepers want the list before the writers meet it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from factlint.cli.common import add_corpus_options, resolve_config
from factlint.cli.lint_command import open_output
from factlint.engine import Engine
from factlint.output.audit_format import AUDIT_FORMATS, AuditRun

EXIT_OK, EXIT_CONFLICTS = 0, 1


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "audit",
        help="list where the sources disagree among themselves",
        description="List every slot two sources give different values for the same time.",
        epilog="exit codes: 0 no conflicts, 1 conflicts, 2 a usage or configuration error",
    )
    parser.add_argument("--format", choices=sorted(AUDIT_FORMATS), default="text")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the report to FILE, not stdout"
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with conflicts (report-only jobs)"
    )
    add_corpus_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    engine = Engine.open(resolve_config(args, None))
    report = AuditRun(tuple(engine.audit()), engine.stats.articles, Path.cwd())
    with open_output(args.output) as stream:
        AUDIT_FORMATS[args.format](report, stream)
    return EXIT_CONFLICTS if report.conflicts and not args.exit_zero else EXIT_OK
