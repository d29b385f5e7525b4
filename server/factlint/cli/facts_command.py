"""`factlint facts`: what the fact base knows, with where each fact comes from.

The text listing ends with the source files that were skipped and why; with
`--format json` (a list of facts, see docs/json.md) they are warnings on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from factlint.cli.common import add_corpus_options, parse_date, report_skipped, resolve_config
from factlint.engine import Engine
from factlint.model import Kind
from factlint.output.text_format import display_path
from factlint.timeline import history_text
from factlint.wording import count


def register(commands: Any) -> None:
    parser = commands.add_parser("facts", help="show the facts the sources state")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--kind", choices=[k.value for k in Kind], help="only facts of this kind")
    parser.add_argument(
        "--slot",
        metavar="WORDS",
        help='the history of the slots WORDS name ("US troops in Afghanistan"), oldest first',
    )
    parser.add_argument(
        "--date",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="with --slot: mark the values a draft of this date is compared with (default: today)",
    )
    add_corpus_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    engine = Engine.open(resolve_config(args, None))
    if args.slot is not None:
        return _run_slot(engine, args.slot, args.date or date.today())
    if args.format == "text":
        return _print_slots(engine, args.kind)
    rows = [r for r in engine.facts() if args.kind is None or r.kind.value == args.kind]
    if args.format == "json":
        report_skipped(engine)
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
    return 0


def _print_slots(engine: Engine, kind: str | None) -> int:
    """One row per slot: what it is about, then its values oldest first with their sources."""
    groups = [g for g in engine.slots() if kind is None or g.kind.value == kind]
    width = 34
    sys.stdout.write(f"{'KIND':<10} {'ABOUT':<{width}} VALUE (date, source) -> later values\n")
    for group in groups:
        sys.stdout.write(f"{group.kind.value:<10} {_clip(group.about, width):<{width}} {group.describe()}\n")
    facts = sum(len(g.facts) for g in groups)
    stats = engine.stats
    slots, facts_ = count(len(groups), "slot"), count(facts, "fact")
    sys.stdout.write(f"{slots}, {facts_} from {count(stats.articles, 'article')}\n")
    skipped = engine.fact_base.skipped
    if skipped:
        sys.stdout.write(f"{len(skipped)} source files skipped:\n")
        for item in skipped:
            sys.stdout.write(f"  {display_path(item.path)}{item.describe()[len(item.path) :]}\n")
    return 0


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _run_slot(engine: Engine, words: str, when: date) -> int:
    """One line per slot: "troops - Afghanistan: 14,000 · 2019-03-12 (004.txt:6) -> ..."."""
    histories = engine.slot_histories(words, when)
    for label, points in histories:
        sys.stdout.write(f"{label}: {history_text(points)}\n")
    if not histories:
        sys.stdout.write(f"no slot of the sources matches {words!r}\n")
    return 0
