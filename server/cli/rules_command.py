"""`factlint rules list|check|test`: see, validate and test rule files."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from factlint.cli.common import add_corpus_options, resolve_config
from factlint.errors import RuleFileError
from factlint.output.text_format import display_path
from factlint.rulebook.examples import run_examples
from factlint.rulebook.loader import iter_rule_files, load_rule_file, load_rules


def register(commands: Any) -> None:
    parser = commands.add_parser("rules", help="list, validate or test rules")
    actions = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
    listing = actions.add_parser("list", help="every active rule, where it comes from, its level")
    add_corpus_options(listing)
    listing.set_defaults(run=run_list)
    check = actions.add_parser("check", help="validate rule files; exit 2 on the first problems")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    check.set_defaults(run=run_check)
    test = actions.add_parser("test", help="run the examples inside every rule file")
    add_corpus_options(test)
    test.set_defaults(run=run_test)


def run_list(args: argparse.Namespace) -> int:
    rules = load_rules(resolve_config(args, None))
    for rule in rules.rules:
        sys.stdout.write(
            f"{rule.id:<24} {rule.kind.value:<11} {rule.severity.value:<8} {display_path(rule.path)}:{rule.line}\n"
        )
    return 0


def run_check(args: argparse.Namespace) -> int:
    problems = 0
    checked = 0
    for folder in args.paths:
        try:
            for path in iter_rule_files(folder):
                checked += 1
                try:
                    load_rule_file(path)
                except RuleFileError as exc:
                    problems += 1
                    sys.stdout.write(exc.describe() + "\n")
        except RuleFileError as exc:
            problems += 1
            sys.stdout.write(exc.describe() + "\n")
    sys.stdout.write(f"{checked} rule files checked, {problems} with problems\n")
    return 2 if problems else 0


def run_test(args: argparse.Namespace) -> int:
    config = resolve_config(args, None)
    rules = load_rules(config)
    count, failures = run_examples(replace(config), rules)
    for failure in failures:
        sys.stdout.write(failure.describe() + "\n")
    sys.stdout.write(f"{count - len(failures)} passed, {len(failures)} failed\n")
    return 1 if failures else 0
