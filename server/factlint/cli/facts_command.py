"""`factlint facts`: what the fact base knows, with where each fact comes from."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from factlint.cli.common import add_corpus_options, resolve_config
from factlint.engine import Engine
from factlint.model import Kind
from factlint.output.text_format import display_path


def register(commands: Any) -> None:
    parser = commands.add_parser("facts", help="show the facts the sources state")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--kind", choices=[k.value for k in Kind], help="only facts of this kind")
    add_corpus_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    engine = Engine.open(resolve_config(args, None))
    rows = [r for r in engine.facts() if args.kind is None or r.kind.value == args.kind]
    if args.format == "json":
        payload = [
            {
                "kind": r.kind.value,
                "slot": r.slot,
                "value": r.value,
                "path": r.location.path,
                "line": r.location.line,
                "column": r.location.column,
                "sentence": r.sentence,
                "article_date": r.article.date.isoformat() if r.article.date else None,
                "title": r.article.title,
                "url": r.article.url,
            }
            for r in rows
        ]
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    widths = (10, 18, 28)
    sys.stdout.write(f"{'KIND':<{widths[0]}} {'ABOUT':<{widths[1]}} {'VALUE':<{widths[2]}} SOURCE\n")
    for r in rows:
        where = f"{display_path(r.location.path)}:{r.location.line}:{r.location.column}"
        dated = f" ({r.article.date.isoformat()})" if r.article.date else ""
        sys.stdout.write(
            f"{r.kind.value:<{widths[0]}} {_clip(r.slot, widths[1]):<{widths[1]}} "
            f"{_clip(r.value, widths[2]):<{widths[2]}} {where}{dated}\n"
        )
    stats = engine.stats
    sys.stdout.write(f"{len(rows)} facts from {stats.articles} articles\n")
    return 0


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
