"""Typed values out of YAML nodes, each failure located at its node.

Rule files and fact files are read the same way: `yaml.compose` keeps every
key and value with its line and column, and `NodeReader` turns nodes into
words, numbers, dates, lists and tables, raising `RuleFileError(path, line,
column, message)` at the node that is wrong. Only plain YAML data is accepted:
a tag that would build an object (`!!python/...`) is an error, never constructed.
"""

from __future__ import annotations

import difflib
import math
import types
import typing
from collections.abc import Iterable
from datetime import date
from typing import Any

import yaml

from factlint.errors import RuleFileError
from factlint.text import safe_yaml

_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_TAG_FOR: dict[type[yaml.Node], str] = {
    yaml.MappingNode: _CORE + "map",
    yaml.SequenceNode: _CORE + "seq",
}

Items = dict[str, tuple[yaml.Node, yaml.Node]]
"""A mapping's keys -> (key node, value node)."""


def compose_yaml(text: str, path: str) -> yaml.Node | None:
    """The YAML node tree of `text`, every node with its position; a syntax error is located.

    libyaml's parser (when PyYAML has it) is several times faster on the large
    built-in place list; a file it rejects is parsed again by the pure-Python
    parser, whose error messages the user sees.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    try:
        if fast is not None:
            try:
                return safe_yaml.checked(yaml.compose(text, Loader=fast))
            except yaml.YAMLError:
                pass
        return safe_yaml.checked(yaml.compose(text, Loader=safe_yaml.LimitedLoader))
    except safe_yaml.YamlProblem as problem:
        raise RuleFileError(
            path, problem.line, problem.column, f"not valid YAML: {problem.message}"
        ) from None
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


class NodeReader:
    """Turns the nodes of one file into typed values, failing with the node's position."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node: yaml.Node, message: str) -> RuleFileError:
        line, column = where(node)
        return RuleFileError(self.path, line, column, message)

    def unknown(self, key: str, key_node: yaml.Node, known: Iterable[str], where_text: str) -> RuleFileError:
        """An unknown key, with the closest known one as a hint."""
        known = list(known)
        close = difflib.get_close_matches(key, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(sorted(known))})"
        return self.fail(key_node, f"unknown key {key!r} in {where_text}{hint}")

    def date(self, node: yaml.Node, key: str) -> date:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{_label(key)} must be a single value, not {_shape(node)}")
        self.check_tag(node)
        try:
            return date.fromisoformat(node.value)
        except ValueError:
            raise self.fail(node, f"{_label(key)} must be a date YYYY-MM-DD, not {node.value!r}") from None

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
            raise self.fail(node, f"YAML tag {tag!r} is not allowed: only plain data")

    def plain(self, node: yaml.Node, key: str) -> Any:
        self.check_tag(node)
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{_label(key)} must be a single value, not {_shape(node)}")
        try:
            return yaml.SafeLoader("").construct_object(node)
        except (yaml.YAMLError, ValueError) as exc:
            raise self.fail(node, f"{_label(key)} is not a valid value: {exc}") from None

    def scalar(self, node: yaml.Node, expected: type, key: str) -> Any:
        value = self.plain(node, key)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise self.fail(node, f"{_label(key)} must be {_NAMES[expected]}, not {_describe(value)}")
        if isinstance(value, str) and not value.strip():
            raise self.fail(node, f"{_label(key)} must not be empty")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(node, f"{_label(key)} must be a finite number, not {value}")
        if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
            raise self.fail(node, f"{_label(key)} must not be negative, not {value}")
        return value

    def convert(self, node: yaml.Node, hint: Any, key: str) -> Any:
        """A value of the spec field type `hint`: words, numbers, lists, groups, tables."""
        origin = typing.get_origin(hint)
        if origin is tuple:
            inner = typing.get_args(hint)[0]
            if not isinstance(node, yaml.SequenceNode):
                value = self.plain(node, key)
                example = f"[{value}]" if isinstance(value, str) else "[a, b]"
                raise self.fail(node, f"{_label(key)} must be a list, like {example}, not {_describe(value)}")
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


def _label(key: str) -> str:
    """A key as messages name it: `'tolerance'`, or a phrase like `each item of 'nouns'` as is."""
    return key if " " in key else repr(key)


QUOTED_CHARS = 40
"""Messages quote a wrong value only when it is short and on one line: a file that is not a
rule file at all (`--rules ~/.netrc`) must not have its content printed in a CI log."""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    text = value.isoformat() if isinstance(value, date) else value
    if isinstance(text, str) and (len(text) > QUOTED_CHARS or "\n" in text):
        return f"a text of {len(text):,} characters"
    return repr(text)


def _shape(node: yaml.Node) -> str:
    """What a node is, never what it says: this names the shape of a whole file that is wrong."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return "a single value" if node.tag != _CORE + "null" else "nothing"
