"""Load rule files strictly: YAML data in, typed `RuleSpec`s out, or a located error.

Parsing goes through `yaml.compose` so every key and value keeps its line and
column; a problem becomes a `RuleFileError(path, line, column, message)`.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from factlint.config import Config
from factlint.errors import RuleFileError
from factlint.model import Kind, Severity
from factlint.rulebook.ruleset import RuleSet
from factlint.rulebook.schema import SPEC_FOR_KIND, Example, Examples, RuleSpec

COMMON_KEYS = ("id", "kind", "message", "severity", "description", "link", "examples")
RULE_SUFFIXES = (".yaml", ".yml")


def load_rules(config: Config) -> RuleSet:
    specs: list[RuleSpec] = []
    seen: dict[str, RuleSpec] = {}
    for folder in config.effective_rule_dirs():
        for path in iter_rule_files(folder):
            for spec in load_rule_file(path):
                if spec.id in seen:
                    first = seen[spec.id]
                    raise RuleFileError(
                        spec.path,
                        spec.line,
                        1,
                        f"duplicate rule id {spec.id!r} (first defined at {first.path}:{first.line})",
                    )
                seen[spec.id] = spec
                specs.append(spec)
    return RuleSet.build(specs, config)


def iter_rule_files(folder: Path) -> Iterator[Path]:
    if folder.is_file():
        yield folder
        return
    if not folder.is_dir():
        raise RuleFileError(str(folder), 1, 1, "rule folder does not exist")
    for path in sorted(folder.rglob("*")):
        if path.suffix in RULE_SUFFIXES and path.is_file():
            yield path


def load_rule_file(path: Path) -> list[RuleSpec]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), 1, 1, f"cannot read rule file: {exc}") from None
    return parse_rules(text, str(path))


def parse_rules(text: str, path: str) -> list[RuleSpec]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleFileError(path, line, column, f"not valid YAML: {problem}") from None
    if root is None:
        raise RuleFileError(path, 1, 1, "empty rule file")
    nodes = root.value if isinstance(root, yaml.SequenceNode) else [root]
    return [_rule_from_node(node, path) for node in nodes]


def _where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _fail(path: str, node: yaml.Node, message: str) -> RuleFileError:
    line, column = _where(node)
    return RuleFileError(path, line, column, message)


def _mapping(node: yaml.Node, path: str, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(path, node, f"{what} must be a mapping of keys to values")
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if not isinstance(key, str) or not isinstance(key_node, yaml.ScalarNode):
            raise _fail(path, key_node, f"{what} keys must be words")
        if key in out:
            raise _fail(path, key_node, f"key {key!r} appears twice")
        out[key] = (key_node, value_node)
    return out


def _unknown_key(
    path: str, key: str, key_node: yaml.Node, known: list[str], where: str
) -> RuleFileError:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(sorted(known))})"
    return _fail(path, key_node, f"unknown key {key!r} in {where}{hint}")


def _rule_from_node(node: yaml.Node, path: str) -> RuleSpec:
    items = _mapping(node, path, "a rule")
    for required in ("id", "kind", "message"):
        if required not in items:
            raise _fail(path, node, f"rule is missing the required key {required!r}")
    rule_id = _scalar(items["id"][1], str, path, "id")
    if not rule_id or any(ch.isspace() for ch in rule_id):
        raise _fail(path, items["id"][1], "id must be one word, like 'transit-stations'")
    kind_text = _scalar(items["kind"][1], str, path, "kind")
    try:
        kind = Kind(kind_text)
    except ValueError:
        known = [k.value for k in Kind]
        close = difflib.get_close_matches(kind_text, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (one of: {', '.join(known)})"
        raise _fail(path, items["kind"][1], f"unknown kind {kind_text!r}{hint}") from None
    spec_type = SPEC_FOR_KIND[kind]
    spec_fields = {f.name: f for f in dataclasses.fields(spec_type)}
    spec_values: dict[str, Any] = {}
    for key, (key_node, value_node) in items.items():
        if key in COMMON_KEYS:
            continue
        name = key.replace("-", "_")
        if name not in spec_fields:
            known = list(COMMON_KEYS) + [f.replace("_", "-") for f in spec_fields]
            raise _unknown_key(path, key, key_node, known, f"a {kind.value} rule")
        hint = typing.get_type_hints(spec_type)[name]
        spec_values[name] = _convert(value_node, hint, path, key)
    severity_text = (
        _scalar(items["severity"][1], str, path, "severity") if "severity" in items else "error"
    )
    try:
        severity = Severity(severity_text)
    except ValueError:
        raise _fail(
            path,
            items["severity"][1],
            f"severity must be error, warning, info or off, not {severity_text!r}",
        ) from None
    message = _scalar(items["message"][1], str, path, "message")
    _check_placeholders(message, path, items["message"][1])
    return RuleSpec(
        id=rule_id,
        kind=kind,
        message=message,
        severity=severity,
        spec=spec_type(**spec_values),
        description=_scalar(items["description"][1], str, path, "description")
        if "description" in items
        else "",
        link=_scalar(items["link"][1], str, path, "link") if "link" in items else None,
        path=path,
        line=_where(node)[0],
        examples=_examples(items["examples"][1], path) if "examples" in items else Examples(),
    )


PLACEHOLDERS = ("claim", "expected", "subject", "source")


def _check_placeholders(message: str, path: str, node: yaml.Node) -> None:
    import string

    try:
        names = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as exc:
        raise _fail(path, node, f"message has a broken placeholder: {exc}") from None
    for name in names:
        if name not in PLACEHOLDERS:
            raise _fail(
                path,
                node,
                f"unknown placeholder {{{name}}} in message (known: {', '.join(PLACEHOLDERS)})",
            )


def _scalar(node: yaml.Node, expected: type, path: str, key: str) -> Any:
    value = _plain(node, path, key)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        names = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}
        raise _fail(path, node, f"{key!r} must be {names[expected]}, not {_describe(value)}")
    return value


def _plain(node: yaml.Node, path: str, key: str) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _fail(
            path,
            node,
            f"{key!r} must be a single value, not a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}",
        )
    return yaml.SafeLoader("").construct_object(node)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    return f"{value!r}"


def _convert(node: yaml.Node, hint: Any, path: str, key: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is tuple:
        inner = typing.get_args(hint)[0]
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(path, node, f"{key!r} must be a list")
        return tuple(_convert(item, inner, path, key) for item in node.value)
    if origin is dict:
        inner = typing.get_args(hint)[1]
        items = _mapping(node, path, repr(key))
        return {
            name: _convert(value, inner, path, f"{key}.{name}")
            for name, (_, value) in items.items()
        }
    if origin in (types.UnionType, typing.Union):
        return _convert(node, typing.get_args(hint)[0], path, key)
    return _scalar(node, hint, path, key)


def _examples(node: yaml.Node, path: str) -> Examples:
    items = _mapping(node, path, "examples")
    known = ["corpus", "corpus-date", "date", "flag", "pass"]
    values: dict[str, Any] = {}
    cases: list[Example] = []
    for key, (key_node, value_node) in items.items():
        if key not in known:
            raise _unknown_key(path, key, key_node, known, "examples")
        if key in ("flag", "pass"):
            if not isinstance(value_node, yaml.SequenceNode):
                raise _fail(path, value_node, f"examples {key!r} must be a list of sentences")
            for item in value_node.value:
                text = _scalar(item, str, path, f"examples.{key}")
                cases.append(Example(text, key == "flag", _where(item)[0]))
        elif key in ("date", "corpus-date"):
            text = str(_plain(value_node, path, key))
            values[key.replace("-", "_")] = text
        else:
            values[key] = _scalar(value_node, str, path, f"examples.{key}")
    return Examples(cases=tuple(cases), **values)
