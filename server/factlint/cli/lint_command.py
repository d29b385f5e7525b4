"""`factlint lint`: check drafts against the fact base, report findings, exit 0/1/2.

Exit codes: 0 nothing at or above `--fail-on`, 1 findings at or above it,
2 a usage, input or configuration error. `--exit-zero` reports without failing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from factlint.cli.common import add_corpus_options, parse_date, resolve_config
from factlint.cli.lint_inputs import Draft, changed_drafts, collect_drafts, read_drafts
from factlint.cli.lint_pool import check_drafts, default_jobs
from factlint.corpus.reader import decode
from factlint.engine import Engine
from factlint.errors import ConfigError, InputError
from factlint.model import Severity
from factlint.output import FORMATS, SEVERITY_RANK, LintRun, RuleInfo
from factlint.resources import docs_dir

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "lint",
        help="check drafts against the sources",
        description="Check drafts against the fact base built from the source articles.",
        epilog="exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, "
        f"2 a usage, input or configuration error. CI recipes: {docs_dir() / 'ci.md'}",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="draft files, or folders searched for .md, .markdown and .txt drafts "
        "(with --changed-since: where to look, default the current folder)",
    )
    parser.add_argument(
        "--date",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="the date drafts are written on when their front matter has none",
    )
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text for people, json for tools, github for Actions annotations, "
        "sarif for code scanning, junit for CI test tabs, html for a page to look at "
        "(default: text)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write the report to FILE, not stdout"
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="error",
        help="the lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (report-only jobs)"
    )
    parser.add_argument(
        "--changed-since",
        metavar="REV",
        help="only drafts changed since the merge base of REV and HEAD, including "
        "uncommitted and untracked ones (git)",
    )
    parser.add_argument(
        "--show-unsourced",
        action="store_true",
        default=None,
        help="also report claims no source addresses (rule unsourced-claim, info): new "
        "information to verify before publishing",
    )
    parser.add_argument("--stdin", action="store_true", help="check the draft read from standard input")
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the path to report a --stdin draft under (also where factlint.toml is looked for)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes for many drafts (default: one per core)",
    )
    add_corpus_options(parser)
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    _check_usage(args)
    drafts, config_start = _gather(args)
    config = resolve_config(args, config_start)
    engine = Engine.open(config)
    results = check_drafts(engine, drafts, args.jobs or default_jobs())
    report = LintRun(tuple(results), _rule_infos(engine), Path.cwd(), engine.config.docs_url)
    with open_output(args.output) as stream:
        FORMATS[args.format](report, stream)
    return exit_code(report, args.fail_on, args.exit_zero)


def exit_code(report: LintRun, fail_on: str, exit_zero: bool) -> int:
    """1 when a finding is at or above `fail_on` (and `--exit-zero` is off), else 0."""
    threshold = SEVERITY_RANK[Severity(fail_on)]
    failing = any(
        SEVERITY_RANK[item.finding.severity] >= threshold
        for result in report.results
        for item in result.findings
    )
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_OK


def _check_usage(args: argparse.Namespace) -> None:
    if args.stdin and (args.paths or args.changed_since):
        raise ConfigError("--stdin", "reads one draft; give no PATH and no --changed-since")
    if args.stdin_filename and not args.stdin:
        raise ConfigError("--stdin-filename", "only means something with --stdin")
    if not (args.paths or args.stdin or args.changed_since):
        raise ConfigError("usage", "give drafts to check: PATH..., --stdin or --changed-since")


def _gather(args: argparse.Namespace) -> tuple[list[Draft], Path]:
    """The drafts to check and where to start looking for factlint.toml."""
    if args.stdin:
        name = args.stdin_filename or "<stdin>"
        text = decode(sys.stdin.buffer.read())
        start = Path(args.stdin_filename) if args.stdin_filename else Path.cwd()
        return [Draft(name, text)], start.absolute()
    if args.changed_since:
        within = args.paths or [Path.cwd()]
        for path in within:
            if not path.exists():
                raise InputError(str(path), "no such file or folder")
        paths = changed_drafts(args.changed_since, within, Path.cwd())
        return read_drafts(paths), within[0]
    return read_drafts(collect_drafts(args.paths)), args.paths[0]


def _rule_infos(engine: Engine) -> tuple[RuleInfo, ...]:
    return tuple(
        RuleInfo(rule.id, rule.kind, rule.severity, rule.description, rule.link)
        for rule in engine.rules.rules
    )


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        stream = path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(str(path), f"cannot write the report: {exc.strerror or exc}") from None
    with stream:
        yield stream
