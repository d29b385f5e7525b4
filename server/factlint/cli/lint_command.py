"""`factlint lint`: check drafts against the fact base, report findings, exit 0/1/2.

Exit codes: 0 nothing at or above `--fail-on`, 1 findings at or above it,
2 a usage, input or configuration error (a draft that cannot be read is named and
the others are still checked and reported), 3 an internal error.
`--exit-zero` reports without failing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from factlint.cli.common import add_corpus_options, log, parse_date, report_skipped, resolve_config
from factlint.cli.lint_inputs import Draft, changed_drafts, collect_drafts, read_drafts
from factlint.cli.lint_pool import check_drafts, default_jobs
from factlint.corpus.reader import Unreadable, decode
from factlint.engine import Engine
from factlint.errors import ConfigError, InputError
from factlint.model import Severity
from factlint.output import FORMATS, SEVERITY_RANK, DraftResult, LintRun, RuleInfo
from factlint.resources import docs_dir

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "lint",
        help="check drafts against the sources",
        description="Check drafts against the fact base built from the source articles.",
        epilog="exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, "
        "2 a usage, input or configuration error (drafts that can be read are still "
        f"checked), 3 an internal error. CI recipes: {docs_dir() / 'ci.md'}",
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
        help="the date drafts are written on when neither their front matter nor their file name gives one",
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
    paths, config_start = _gather(args)
    config = resolve_config(args, config_start)
    drafts, problems = _read(args, paths, config.max_file_bytes)
    if problems and not drafts:
        raise problems[0] if len(problems) == 1 else _all_failed(problems)
    engine = Engine.open(config)
    report_skipped(engine)
    _note_drafts_in_corpus(engine, drafts)
    outcomes = check_drafts(engine, drafts, args.jobs or default_jobs())
    results = tuple(o for o in outcomes if isinstance(o, DraftResult))
    problems += [o for o in outcomes if isinstance(o, InputError)]
    report = LintRun(results, _rule_infos(engine), Path.cwd(), engine.config.docs_url)
    with open_output(args.output) as stream:
        FORMATS[args.format](report, stream)
    for problem in problems:
        sys.stderr.write(f"factlint: {problem.describe()}\n")
    if problems:
        return EXIT_ERROR
    return exit_code(report, args.fail_on, args.exit_zero)


def _all_failed(problems: list[InputError]) -> InputError:
    for problem in problems[:-1]:
        sys.stderr.write(f"factlint: {problem.describe()}\n")
    return problems[-1]


def _note_drafts_in_corpus(engine: Engine, drafts: list[Draft]) -> None:
    """Say once that drafts which are also sources are checked without their own article."""
    inside = [d.path for d in drafts if engine.in_corpus(d.path)]
    if inside:
        names = ", ".join(inside[:3]) + (f" and {len(inside) - 3} more" if len(inside) > 3 else "")
        log.warning("%s: in the corpus too; each is checked without its own article", names)


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


def _gather(args: argparse.Namespace) -> tuple[list[Path], Path]:
    """The draft files to check (none for --stdin) and where to start looking for factlint.toml."""
    if args.stdin:
        start = Path(args.stdin_filename) if args.stdin_filename else Path.cwd()
        return [], start.absolute()
    if args.changed_since:
        within = args.paths or [Path.cwd()]
        for path in within:
            if not path.exists():
                raise InputError(str(path), "no such file or folder")
        return changed_drafts(args.changed_since, within, Path.cwd()), within[0]
    return collect_drafts(args.paths), args.paths[0]


def _read(args: argparse.Namespace, paths: list[Path], limit: int) -> tuple[list[Draft], list[InputError]]:
    if not args.stdin:
        return read_drafts(paths, limit)
    name = args.stdin_filename or "<stdin>"
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        return [], [InputError(name, f"larger than the limit of {limit:,} bytes")]
    try:
        return [Draft(name, decode(data))], []
    except Unreadable as problem:
        return [], [InputError(name, problem.reason)]


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
