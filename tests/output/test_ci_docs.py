"""docs/ci.md stays copy-paste ready: its YAML parses and every `factlint lint` in it is a valid call."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from factlint.cli.main import build_parser

DOC = Path(__file__).resolve().parents[2] / "docs" / "ci.md"
YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
VARIABLE = re.compile(r"\$\{\{[^}]*\}\}|\$[A-Z_]+")


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings(item)


def lint_commands() -> list[str]:
    commands = []
    for block in YAML_BLOCK.findall(DOC.read_text(encoding="utf-8")):
        document = yaml.safe_load(block)  # a recipe that is not valid YAML fails here
        commands += [s for s in strings(document) if s.strip().startswith("factlint lint")]
    return commands


def test_the_ci_recipes_call_factlint_lint() -> None:
    assert len(lint_commands()) >= 3


def test_every_factlint_lint_in_the_ci_recipes_parses() -> None:
    parser = build_parser()
    for command in lint_commands():
        words = shlex.split(VARIABLE.sub("main", " ".join(command.split())))
        args = parser.parse_args(words[1:])
        assert args.command == "lint", command
