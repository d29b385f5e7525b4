"""Load rule files strictly: YAML data in, typed `RuleSpec`s out, or a located error.

Parsing goes through `yaml.compose` so every key and value keeps its line and
column (see `nodes.py`); a problem becomes a `RuleFileError(path, line, column,
message)` that points at the offending key or value.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import string
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from factlint.config import Config
from factlint.errors import RuleFileError
from factlint.model import Kind, Severity
from factlint.rulebook.nodes import Items, NodeReader, compose_yaml, where
from factlint.rulebook.ruleset import RuleSet
from factlint.rulebook.schema import (
    COMMON_KEYS,
    ONE_WORD,
    PLACEHOLDERS,
    SPEC_FOR_KIND,
    Example,
    Examples,
    RuleSpec,
    yaml_key,
)

RULE_SUFFIXES = (".yaml", ".yml")
REQUIRED_KEYS = ("id", "kind", "message")
EXAMPLE_KEYS = tuple(yaml_key(f.name) for f in dataclasses.fields(Examples))
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")
OTHER_TOOLS_KEYS = {"level": "severity", "extends": "kind", "name": "id"}
"""Keys users bring from Vale and friends, and what factlint calls them."""


def load_rules(config: Config) -> RuleSet:
    """Every rule of the configured folders, ready to use; the first problem is raised."""
    specs: list[RuleSpec] = []
    seen: dict[str, RuleSpec] = {}
    for folder in config.effective_rule_dirs():
        for path in iter_rule_files(folder):
            for spec in load_rule_file(path):
                duplicate = _duplicate(spec, seen)
                if duplicate is not None:
                    raise duplicate
                specs.append(spec)
    return RuleSet.build(specs, config)


def check_rule_paths(
    paths: Iterable[Path], known: Iterable[RuleSpec] = ()
) -> tuple[int, list[RuleFileError]]:
    """(files checked, problems): the first problem of each file, and ids clashing across files.

    `known` are rules loaded alongside (the built-in ones): reusing their ids is a clash too.
    """
    seen: dict[str, RuleSpec] = {spec.id: spec for spec in known}
    problems: list[RuleFileError] = []
    checked = 0
    for folder in paths:
        try:
            files = list(iter_rule_files(folder))
        except RuleFileError as exc:
            problems.append(exc)
            continue
        for path in files:
            checked += 1
            try:
                specs = load_rule_file(path)
            except RuleFileError as exc:
                problems.append(exc)
                continue
            for spec in specs:
                duplicate = _duplicate(spec, seen)
                if duplicate is not None:
                    problems.append(duplicate)
    return checked, problems


def _duplicate(spec: RuleSpec, seen: dict[str, RuleSpec]) -> RuleFileError | None:
    first = seen.setdefault(spec.id, spec)
    if first is spec:
        return None
    return RuleFileError(
        spec.path,
        spec.id_line,
        spec.id_column,
        f"duplicate rule id {spec.id!r} (first defined at {first.path}:{first.id_line})",
    )


def iter_rule_files(folder: Path) -> Iterator[Path]:
    """`folder` itself if it is a file, else its .yaml/.yml files in path order, hidden ones skipped."""
    if folder.is_file():
        yield folder
        return
    if not folder.is_dir():
        raise RuleFileError(str(folder), 1, 1, "no such rule file or folder")
    for path in sorted(folder.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        if path.suffix in RULE_SUFFIXES and path.is_file() and not hidden:
            yield path


def load_rule_file(path: Path) -> list[RuleSpec]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise RuleFileError(str(path), 1, 1, f"cannot read rule file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        line = text_line(exc.object[: exc.start])
        raise RuleFileError(str(path), line, 1, "rule files must be UTF-8 text") from None
    return parse_rules(text, str(path))


def text_line(data: bytes) -> int:
    return data.count(b"\n") + 1


def parse_rules(text: str, path: str) -> list[RuleSpec]:
    """The rules of one file: a single rule mapping, or a list of them."""
    root = compose_yaml(text, path)
    if root is None:
        raise RuleFileError(path, 1, 1, "empty rule file: expected a rule (id, kind, message)")
    reader = _RuleReader(path)
    nodes = root.value if isinstance(root, yaml.SequenceNode) else [root]
    if not nodes:
        raise reader.fail(root, "empty list: expected at least one rule")
    return [reader.rule(node) for node in nodes]


class _RuleReader(NodeReader):
    """Reads rules: the common keys, the keys of the rule's kind, its examples."""

    def rule(self, node: yaml.Node) -> RuleSpec:
        items = self.mapping(node, "a rule")
        for required in REQUIRED_KEYS:
            if required not in items:
                raise self.fail(node, f"rule is missing the required key {required!r}")
        id_node = items["id"][1]
        rule_id = self.scalar(id_node, str, "id")
        if not ID_PATTERN.match(rule_id):
            raise self.fail(
                id_node,
                f"id {rule_id!r} must be one word of letters, digits, '-', '_' or '.', "
                "like 'transit-stations'",
            )
        kind = self.kind(items["kind"][1])
        spec_type = SPEC_FOR_KIND[kind]
        hints = typing.get_type_hints(spec_type)
        fields = {yaml_key(f.name): f.name for f in dataclasses.fields(spec_type)}
        one_word = {f.name for f in dataclasses.fields(spec_type) if f.metadata.get(ONE_WORD)}
        values: dict[str, Any] = {}
        for key, (key_node, value_node) in items.items():
            if key in COMMON_KEYS:
                continue
            if key not in fields:
                raise self.unknown_key(key, key_node, [*COMMON_KEYS, *fields], kind)
            values[fields[key]] = self.convert(value_node, hints[fields[key]], key)
            if fields[key] in one_word:
                self.check_one_word(value_node, key)
        message_node = items["message"][1]
        message = self.scalar(message_node, str, "message")
        self.check_placeholders(message, message_node)
        line, _ = where(node)
        id_line, id_column = where(id_node)
        return RuleSpec(
            id=rule_id,
            kind=kind,
            message=message,
            severity=self.severity(items["severity"][1]) if "severity" in items else Severity.ERROR,
            spec=spec_type(**values),
            description=self.optional_text(items, "description") or "",
            link=self.optional_text(items, "link"),
            examples=self.examples(items["examples"][1]) if "examples" in items else Examples(),
            path=self.path,
            line=line,
            id_line=id_line,
            id_column=id_column,
        )

    def kind(self, node: yaml.Node) -> Kind:
        text = self.scalar(node, str, "kind")
        known = [k.value for k in SPEC_FOR_KIND]
        if text in known:
            return Kind(text)
        close = difflib.get_close_matches(text, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (one of: {', '.join(known)})"
        raise self.fail(node, f"unknown kind {text!r}{hint}")

    def severity(self, node: yaml.Node) -> Severity:
        text = self.scalar(node, str, "severity")
        known = [s.value for s in Severity]
        if text in known:
            return Severity(text)
        close = difflib.get_close_matches(text, known, n=1, cutoff=0.5)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise self.fail(node, f"severity must be error, warning, info or off, not {text!r}{hint}")

    def optional_text(self, items: Items, key: str) -> str | None:
        return self.scalar(items[key][1], str, key) if key in items else None

    def unknown_key(
        self, key: str, key_node: yaml.Node, known: list[str], kind: Kind | None
    ) -> RuleFileError:
        where_text = f"{kind.value} rules" if kind else "examples"
        if key in OTHER_TOOLS_KEYS:
            return self.fail(key_node, f"unknown key {key!r}; factlint calls it {OTHER_TOOLS_KEYS[key]!r}")
        owners = [
            k.value
            for k, spec_type in SPEC_FOR_KIND.items()
            if k is not kind and key in {yaml_key(f.name) for f in dataclasses.fields(spec_type)}
        ]
        if owners:
            return self.fail(
                key_node,
                f"key {key!r} belongs to {', '.join(owners)} rules, not {where_text}",
            )
        return self.unknown(key, key_node, known, f"a {kind.value} rule" if kind else "examples")

    def check_one_word(self, node: yaml.Node, key: str) -> None:
        """The extractor matches these lists word by word: a phrase would never match."""
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self.check_one_word(item, key)
        elif isinstance(node, yaml.ScalarNode) and len(node.value.split()) > 1:
            raise self.fail(node, f"{key!r} holds single words, and {node.value!r} is several")

    def check_placeholders(self, message: str, node: yaml.Node) -> None:
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
        except ValueError as exc:
            raise self.fail(
                node, f"message has a broken placeholder ({exc}); write {{{{ and }}}} for braces"
            ) from None
        for name in names:
            if name not in PLACEHOLDERS:
                known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
                raise self.fail(node, f"unknown placeholder {{{name}}} in message (known: {known})")

    def examples(self, node: yaml.Node) -> Examples:
        items = self.mapping(node, "examples")
        values: dict[str, Any] = {}
        for key, (key_node, value_node) in items.items():
            if key not in EXAMPLE_KEYS:
                raise self.unknown_key(key, key_node, list(EXAMPLE_KEYS), None)
            if key in ("flag", "pass"):
                values[key.replace("pass", "pass_")] = self.sentences(value_node, key)
            elif key in ("date", "corpus-date"):
                values[key.replace("-", "_")] = self.date(value_node, f"examples.{key}")
            else:
                values[key] = self.scalar(value_node, str, f"examples.{key}")
        if "corpus-date" in items and "corpus" not in items:
            raise self.fail(items["corpus-date"][0], "'corpus-date' only applies to an inline 'corpus'")
        examples = Examples(**values)
        if not examples.cases:
            raise self.fail(node, "examples need at least one sentence under 'flag' or 'pass'")
        return examples

    def sentences(self, node: yaml.Node, key: str) -> tuple[Example, ...]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"examples.{key} must be a list of sentences")
        self.check_tag(node)
        out = []
        for item in node.value:
            text = self.scalar(item, str, f"each sentence of examples.{key}")
            out.append(Example(text, key == "flag", where(item)[0]))
        return tuple(out)
