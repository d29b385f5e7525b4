"""Load rule files strictly: YAML data in, typed `RuleSpec`s out, or a located error.

Parsing goes through `yaml.compose` so every key and value keeps its line and
column; a problem becomes a `RuleFileError(path, line, column, message)` that
points at the offending key or value. Only plain YAML data is accepted: any tag
that would build an object (`!!python/...`) is an error, never constructed.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
import string
import types
import typing
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from factlint.config import Config
from factlint.errors import RuleFileError
from factlint.model import Kind, Severity
from factlint.rulebook.ruleset import RuleSet
from factlint.rulebook.schema import (
    COMMON_KEYS,
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

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_TAG_FOR: dict[type[yaml.Node], str] = {yaml.MappingNode: _CORE + "map", yaml.SequenceNode: _CORE + "seq"}


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
    if folder.is_file():
        yield folder
        return
    if not folder.is_dir():
        raise RuleFileError(str(folder), 1, 1, "no such rule file or folder")
    for path in sorted(folder.rglob("*")):
        if path.suffix in RULE_SUFFIXES and path.is_file():
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
    reader = _Reader(path)
    nodes = root.value if isinstance(root, yaml.SequenceNode) else [root]
    if not nodes:
        raise reader.fail(root, "empty list: expected at least one rule")
    return [reader.rule(node) for node in nodes]


def compose_yaml(text: str, path: str) -> yaml.Node | None:
    """The YAML node tree of `text`, every node with its position; a syntax error is located."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"not valid YAML: {exc.problem or exc.context}"
        context = exc.context_mark
        if exc.problem and exc.context and exc.problem.startswith("but "):
            message = f"not valid YAML: {exc.context}, {exc.problem}"
        elif exc.problem and exc.context and context is not None and context is not mark:
            message += f" ({exc.context} at line {context.line + 1}, column {context.column + 1})"
        raise RuleFileError(path, line, column, message) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        character = chr(exc.character) if isinstance(exc.character, int) else exc.character
        raise RuleFileError(
            path, line, column, f"not valid YAML: character {character!r} is not allowed"
        ) from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, 1, 1, f"not valid YAML: {exc}") from None


def where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Reader:
    """Turns the nodes of one file into typed values, failing with the node's position."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str) -> RuleFileError:
        line, column = where(node)
        return RuleFileError(self.path, line, column, message)

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
        values: dict[str, Any] = {}
        for key, (key_node, value_node) in items.items():
            if key in COMMON_KEYS:
                continue
            if key not in fields:
                raise self.unknown_key(key, key_node, [*COMMON_KEYS, *fields], kind)
            values[fields[key]] = self.convert(value_node, hints[fields[key]], key)
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

    def optional_text(self, items: dict[str, tuple[yaml.Node, yaml.Node]], key: str) -> str | None:
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
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(sorted(known))})"
        where_text = f"a {kind.value} rule" if kind else "examples"
        return self.fail(key_node, f"unknown key {key!r} in {where_text}{hint}")

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

    def date(self, node: yaml.Node, key: str) -> date:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{key!r} must be a single value, not {_shape(node)}")
        self.check_tag(node)
        try:
            return date.fromisoformat(node.value)
        except ValueError:
            raise self.fail(node, f"{key!r} must be a date YYYY-MM-DD, not {node.value!r}") from None

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys to values, not {_shape(node)}")
        self.check_tag(node)
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _CORE + "str":
                raise self.fail(key_node, f"the keys of {what} must be words")
            key = key_node.value
            if key in out:
                raise self.fail(key_node, f"key {key!r} appears twice")
            out[key] = (key_node, value_node)
        return out

    def check_tag(self, node: yaml.Node) -> None:
        allowed = _PLAIN_TAGS if isinstance(node, yaml.ScalarNode) else {_TAG_FOR.get(type(node))}
        if node.tag not in allowed:
            tag = node.tag.replace(_CORE, "!!")
            raise self.fail(node, f"YAML tag {tag!r} is not allowed: rule files are plain data")

    def plain(self, node: yaml.Node, key: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{key!r} must be a single value, not {_shape(node)}")
        self.check_tag(node)
        try:
            return yaml.SafeLoader("").construct_object(node)
        except (yaml.YAMLError, ValueError) as exc:
            raise self.fail(node, f"{key!r} is not a valid value: {exc}") from None

    def scalar(self, node: yaml.Node, expected: type, key: str) -> Any:
        value = self.plain(node, key)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise self.fail(node, f"{key!r} must be {_NAMES[expected]}, not {_describe(value)}")
        if isinstance(value, str) and not value.strip():
            raise self.fail(node, f"{key!r} must not be empty")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(node, f"{key!r} must be a finite number, not {value}")
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise self.fail(node, f"{key!r} must not be negative, not {value}")
        return value

    def convert(self, node: yaml.Node, hint: Any, key: str) -> Any:
        """A value of the spec field type `hint`: words, numbers, lists, groups, tables."""
        origin = typing.get_origin(hint)
        if origin is tuple:
            inner = typing.get_args(hint)[0]
            if not isinstance(node, yaml.SequenceNode):
                value = self.plain(node, key)
                example = f"[{value}]" if isinstance(value, str) else "[a, b]"
                raise self.fail(node, f"{key!r} must be a list, like {example}, not {_describe(value)}")
            self.check_tag(node)
            if typing.get_origin(inner) is tuple:
                return tuple(self.group(item, key) for item in node.value)
            return tuple(self.convert(item, inner, f"each item of {key!r}") for item in node.value)
        if origin is dict:
            items = self.mapping(node, repr(key))
            inner = typing.get_args(hint)[1]
            return {
                self.scalar(name_node, str, f"a name in {key!r}"): self.convert(value, inner, f"{key}.{name}")
                for name, (name_node, value) in items.items()
            }
        if origin in (types.UnionType, typing.Union):
            return self.convert(node, typing.get_args(hint)[0], key)
        return self.scalar(node, hint, key)

    def group(self, node: yaml.Node, key: str) -> tuple[str, ...]:
        """One group of words that mean the same (`[station, stop]`): a list of two or more."""
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(
                node,
                f"each item of {key!r} must be a list of words that mean the same, like [station, stop]",
            )
        self.check_tag(node)
        words = tuple(self.scalar(item, str, f"each word of {key!r}") for item in node.value)
        if len(words) < 2:
            raise self.fail(node, f"a group in {key!r} needs at least two words")
        return words


_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    return repr(value.isoformat() if isinstance(value, date) else value)


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return repr(node.value) if node.tag != _CORE + "null" else "nothing"
