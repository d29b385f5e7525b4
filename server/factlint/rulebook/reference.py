"""The key reference of `docs/rules.md`, generated from the field docstrings of the specs.

The docs keep hand-written prose and examples; the key tables between
`<!-- generated: NAME -->` and `<!-- end generated -->` markers come from here,
so a key cannot be added without its documentation. Refresh them with

    python -m factlint.rulebook.reference --write docs/rules.md

without `--write` it exits 1 when they are stale (the test suite checks this too).
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import inspect
import itertools
import re
import sys
import types
import typing
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from factlint.config import CONFIG_KEYS, Config
from factlint.corpus.factfiles import FACT_KEY_DOCS
from factlint.model import Kind, Severity
from factlint.rulebook.schema import (
    COMMON_KEYS,
    ONE_WORD,
    SPEC_FOR_KIND,
    Example,
    Examples,
    RuleSpec,
    yaml_key,
)

REQUIRED = ("id", "kind", "message")
_BLOCK = re.compile(r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.S)


def field_docs(cls: type) -> dict[str, str]:
    """Field name -> the docstring written under it in the class body (whitespace folded)."""
    tree = ast.parse(inspect.getsource(inspect.getmodule(cls)))  # type: ignore[arg-type]
    body = next(
        node.body for node in ast.walk(tree) if isinstance(node, ast.ClassDef) and node.name == cls.__name__
    )
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = " ".join(following.value.value.split())
    return docs


def documented_keys() -> dict[str, dict[str, str]]:
    """Every YAML key a user can write, by section, with its documentation ('' if none)."""
    rule_docs = field_docs(RuleSpec)
    sections = {"common": {key: rule_docs.get(key, "") for key in COMMON_KEYS}}
    example_docs = field_docs(Examples)
    sections["examples"] = {
        yaml_key(f.name): example_docs.get(f.name, "") for f in dataclasses.fields(Examples)
    }
    for kind, spec_type in SPEC_FOR_KIND.items():
        docs = field_docs(spec_type)
        sections[f"kind-{kind.value}"] = {
            yaml_key(f.name): docs.get(f.name, "") for f in dataclasses.fields(spec_type)
        }
    sections["facts"] = dict(FACT_KEY_DOCS)
    config_docs = field_docs(Config)
    sections["config"] = {key: config_docs.get(name, "") for key, name in CONFIG_KEYS.items()}
    return sections


def render_blocks() -> dict[str, str]:
    """Block name -> its markdown table."""
    blocks = {"common": _rule_table(RuleSpec, COMMON_KEYS)}
    blocks["examples"] = _table(
        ["key", "value", "meaning"],
        [
            [f"`{yaml_key(f.field.name)}`", _type_name(f.type_hint), doc]
            for f, doc in _fields(Examples, documented_keys()["examples"])
        ],
    )
    for kind, spec_type in SPEC_FOR_KIND.items():
        docs = documented_keys()[f"kind-{kind.value}"]
        blocks[f"kind-{kind.value}"] = _table(
            ["key", "value", "default", "meaning"],
            [
                [f"`{yaml_key(f.field.name)}`", _type_name(f.type_hint), _default(f.field), doc]
                for f, doc in _fields(spec_type, docs)
            ],
        )
    blocks["facts"] = _table(["key", "meaning"], [[f"`{key}`", doc] for key, doc in FACT_KEY_DOCS.items()])
    config_docs = field_docs(Config)
    hints = typing.get_type_hints(Config)
    blocks["config"] = _table(
        ["key", "value", "meaning"],
        [
            [f"`{key}`", _type_name(hints[name]), config_docs.get(name, "")]
            for key, name in CONFIG_KEYS.items()
        ],
    )
    return blocks


def render(document: str) -> str:
    """`document` with every generated block replaced by its current content."""
    blocks = render_blocks()

    def fill(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in blocks:
            raise KeyError(f"docs name an unknown generated block {name!r}")
        return f"{match.group(1)}{blocks[name]}{match.group(4)}"

    return _BLOCK.sub(fill, document)


def block_names(document: str) -> list[str]:
    return [m.group("name") for m in _BLOCK.finditer(document)]


@dataclasses.dataclass(frozen=True)
class _Field:
    field: dataclasses.Field[Any]
    type_hint: Any


def _fields(cls: type, docs: dict[str, str]) -> list[tuple[_Field, str]]:
    hints = typing.get_type_hints(cls)
    return [
        (
            _Field(f, hints[f.name]),
            docs[yaml_key(f.name)] + (" One word each." if f.metadata.get(ONE_WORD) else ""),
        )
        for f in dataclasses.fields(cls)
    ]


def _rule_table(cls: type, keys: Sequence[str]) -> str:
    docs = field_docs(cls)
    hints = typing.get_type_hints(cls)
    rows = []
    for key in keys:
        value = "a mapping (below)" if key == "examples" else _type_name(hints[key])
        rows.append([f"`{key}`", value, "yes" if key in REQUIRED else "no", docs.get(key, "")])
    return _table(["key", "value", "required", "meaning"], rows)


def _type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple:
        items = {str: "list of words", Path: "path or list of paths", Example: "list of sentences"}
        return "list of word groups" if typing.get_origin(args[0]) is tuple else items[args[0]]
    if origin is dict:
        return "table: name → list of words" if args[1] is not str else "table: rule id → severity"
    if origin is frozenset:
        return "list of rule ids"
    if origin in (types.UnionType, typing.Union):
        return _type_name(next(a for a in args if a is not type(None)))
    if hint is Kind:
        return " / ".join(k.value for k in SPEC_FOR_KIND)
    if hint is Severity:
        return " / ".join(s.value for s in Severity)
    names = {str: "text", int: "whole number", float: "number", bool: "true / false", date: "date"}
    if hint in names:
        return names[hint]
    if hint is Path:
        return "path"
    return str(getattr(hint, "__name__", hint))


def _default(field: dataclasses.Field[Any]) -> str:
    if field.default_factory is not dataclasses.MISSING:
        value: Any = field.default_factory()
    else:
        value = field.default
    if value in ((), {}):
        return "empty"
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factlint.rulebook.reference")
    parser.add_argument("doc", type=Path, help="the markdown file with generated blocks")
    parser.add_argument("--write", action="store_true", help="refresh the blocks in place")
    args = parser.parse_args(argv)
    current = args.doc.read_text(encoding="utf-8")
    fresh = render(current)
    if args.write:
        args.doc.write_text(fresh, encoding="utf-8")
        return 0
    if fresh != current:
        sys.stderr.write(f"{args.doc}: key tables are stale; run with --write\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
