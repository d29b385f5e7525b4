"""Options shared by subcommands: where the corpus, rules and facts are, and the draft date."""

from __future__ import annotations

import argparse
import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factlint.config import Config, load_config
from factlint.errors import ConfigError

if TYPE_CHECKING:
    from factlint.engine import Engine

log = logging.getLogger("factlint")


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--seeds",
        "--corpus",
        dest="seeds",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="a folder of source articles (repeatable; default: the bundled seeds)",
    )
    parser.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="a folder (or file) of extra rules (repeatable)",
    )
    parser.add_argument(
        "--facts",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a YAML file of facts declared by hand (repeatable)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="a factlint.toml to use instead of the one found above the drafts",
    )
    parser.add_argument("--no-builtin-rules", action="store_true", help="use only the rules given")
    parser.add_argument("--cache-dir", type=Path, metavar="DIR", help="where the built fact base is kept")


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def resolve_config(args: argparse.Namespace, start: Path | None) -> Config:
    config = load_config(start=start or Path.cwd(), path=args.config)
    for folder in args.seeds:
        if not folder.is_dir():
            raise ConfigError(str(folder), "corpus folder does not exist")
    overrides = {
        "corpus_dirs": tuple(p.resolve() for p in args.seeds),
        "rule_dirs": config.rule_dirs + tuple(p.resolve() for p in args.rules),
        "fact_files": config.fact_files + tuple(p.resolve() for p in args.facts),
        "draft_date": getattr(args, "date", None),
        "show_unsourced": getattr(args, "show_unsourced", None),
        "cache_dir": args.cache_dir.resolve() if args.cache_dir else None,
    }
    config = config.with_overrides(**overrides)
    if args.no_builtin_rules:
        from dataclasses import replace

        config = replace(config, builtin_rules=False)
    for note in config.notes:
        log.warning("%s", note)
    return config


def report_skipped(engine: Engine) -> None:
    """Name every source file the fact base left out, and count them: nothing dropped in silence."""
    skipped = engine.fact_base.skipped
    for item in skipped:
        log.warning("%s (skipped)", item.describe())
    if skipped:
        files = "file was" if len(skipped) == 1 else "files were"
        log.warning("%d source %s skipped; the others were read", len(skipped), files)
