"""`factlint lint`: check drafts against the fact base, print findings, exit 0/1/2."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from factlint.cli.common import add_corpus_options, parse_date, resolve_config
from factlint.corpus.reader import decode
from factlint.engine import Engine
from factlint.errors import InputError
from factlint.model import Severity
from factlint.output import FORMATS, DraftResult

DRAFT_SUFFIXES = {".md", ".markdown", ".txt"}
FLAGGING = {Severity.ERROR, Severity.WARNING}


def register(commands: Any) -> None:
    parser = commands.add_parser("lint", help="check drafts against the sources")
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="draft files, or folders searched for .md and .txt drafts",
    )
    parser.add_argument(
        "--date",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date drafts are written on when their front matter has none",
    )
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    add_corpus_options(parser)
    parser.set_defaults(run=run)


def collect_drafts(paths: list[Path]) -> list[Path]:
    drafts: list[Path] = []
    for path in paths:
        if path.is_dir():
            drafts.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES
            )
        elif path.is_file():
            drafts.append(path)
        else:
            raise InputError(str(path), "no such file or folder")
    return drafts


def read_draft_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file, not a draft")
    return decode(data)


def run(args: argparse.Namespace) -> int:
    drafts = collect_drafts(args.paths)
    config = resolve_config(args, args.paths[0])
    engine = Engine.open(config)
    results = []
    for path in drafts:
        text = read_draft_text(path)
        report = engine.check(text)
        results.append(DraftResult.locate(str(path.resolve()), text, report.findings))
    FORMATS[args.format](results, sys.stdout)
    flagged = any(f.finding.severity in FLAGGING for r in results for f in r.findings)
    return 1 if flagged else 0
