"""`factlint rules list|check|test|explain`: see, validate, test and read about rules.

`check` reports every problem of every rule (or `--facts` fact) file as
`file:line:col: problem` and exits 2; `test` runs the examples each rule carries
(exit 1 when one fails); `explain` prints one rule's documentation (rules_explain.py).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from factlint.cli.common import add_corpus_options, resolve_config
from factlint.cli.rules_explain import WIDTH, explain
from factlint.config import Config, load_config
from factlint.corpus.factfiles import read_fact_file
from factlint.errors import ConfigError, RuleFileError
from factlint.output.text_format import display_path
from factlint.resources import builtin_rules_dir
from factlint.rulebook.examples import run_examples
from factlint.rulebook.loader import check_rule_paths, iter_rule_files, load_rule_file, load_rules
from factlint.rulebook.schema import RuleSpec
from factlint.wording import count

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def register(commands: Any) -> None:
    parser = commands.add_parser("rules", help="list, validate or test rules")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="every active rule, where it comes from, its level")
    add_corpus_options(listing)
    listing.set_defaults(run=run_list)
    check = actions.add_parser(
        "check", help="validate rule files: file:line:col: problem, exit 2 when any is broken"
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="rule files or folders (default: those of factlint.toml, and its fact files)",
    )
    check.add_argument(
        "--facts",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a fact file to validate too (repeatable)",
    )
    check.add_argument(
        "--no-builtin-rules",
        action="store_true",
        help="do not treat the built-in rule ids as taken",
    )
    check.set_defaults(run=run_check)
    test = actions.add_parser("test", help="run the examples inside every rule file")
    add_corpus_options(test)
    test.set_defaults(run=run_test)
    explain = actions.add_parser(
        "explain", help="what a rule checks: its description, keys, examples and documentation"
    )
    explain.add_argument("rule", metavar="RULE", help="a rule id, as findings show it (quantity-mismatch)")
    add_corpus_options(explain)
    explain.set_defaults(run=run_explain)


def run_list(args: argparse.Namespace) -> int:
    rules = load_rules(resolve_config(args, None))
    for rule in rules.rules:
        where = f"{display_path(rule.path)}:{rule.line}"
        sys.stdout.write(f"{rule.id:<24} {rule.kind.value:<11} {rule.severity.value:<8} {where}\n")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    if not args.paths and not args.facts:
        config = load_config(start=Path.cwd())
        args.paths, args.facts = list(config.rule_dirs), list(config.fact_files)
        if not args.paths and not args.facts:
            # "0 rule files checked" would read as a pass of something.
            found = config.config_path
            why = f"{found} names no rules or facts" if found else "no factlint.toml names any"
            raise ConfigError(
                "rules check", f"nothing to check: give rule files or folders (or --facts FILE); {why}"
            )
    builtin = _builtin_rules() if not args.no_builtin_rules else []
    paths = [p for p in args.paths if p.resolve() != builtin_rules_dir().resolve()]
    if len(paths) < len(args.paths):
        builtin = []  # checking the built-in rules themselves
        paths = list(args.paths)
    checked, problems = check_rule_paths(paths, builtin)
    fact_problems = _check_fact_files(args.facts)
    for problem in problems + fact_problems:
        sys.stdout.write(problem.describe() + "\n")
    if paths or not args.facts:
        broken = len({p.path for p in problems})
        sys.stdout.write(f"{count(checked, 'rule file')} checked, {broken} with problems\n")
    if args.facts:
        checked_facts = count(len(args.facts), "fact file")
        sys.stdout.write(f"{checked_facts} checked, {len(fact_problems)} with problems\n")
    return EXIT_ERROR if problems or fact_problems else EXIT_OK


def _check_fact_files(paths: list[Path]) -> list[RuleFileError]:
    problems = []
    for path in paths:
        try:
            read_fact_file(path)
        except RuleFileError as exc:
            problems.append(exc)
    return problems


def _builtin_rules() -> list[RuleSpec]:
    return [spec for path in iter_rule_files(builtin_rules_dir()) for spec in load_rule_file(path)]


def run_test(args: argparse.Namespace) -> int:
    config: Config = resolve_config(args, None)
    rules = load_rules(config)
    count, failures = run_examples(config, rules)
    for failure in failures:
        sys.stdout.write(failure.describe() + "\n")
    sys.stdout.write(f"{count - len(failures)} passed, {len(failures)} failed\n")
    return EXIT_FAILED if failures else EXIT_OK


def run_explain(args: argparse.Namespace) -> int:
    rules = load_rules(resolve_config(args, None))
    width = min(shutil.get_terminal_size().columns, WIDTH) if sys.stdout.isatty() else WIDTH
    sys.stdout.write(explain(args.rule, rules.rules, width))
    return EXIT_OK
