"""YAML from strangers: plain data only, nested no deeper than people write, aliases bounded.

Front matter, manifests, rule and fact files come from anyone who can put a file in
a corpus or a repository. PyYAML's safe loader builds no objects, but its composer
recurses once per level (50,000 `[` is a `RecursionError`), and aliases share nodes
that anything walking the data, even `str()`, expands: ten levels of ten aliases is a
"billion laughs". So composing stops at `MAX_DEPTH` levels, and a document whose
aliases would expand past `MAX_EXPANDED_NODES` nodes is refused before anyone walks it.
Every refusal is a `YamlProblem` with the line and column, and never quotes the text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import yaml

MAX_DEPTH = 64
MAX_EXPANDED_NODES = 100_000


class YamlProblem(Exception):
    """Why a YAML text was refused, and where (1-based line and column)."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(line, column, message)
        self.line = line
        self.column = column
        self.message = message


class LimitedLoader(yaml.SafeLoader):
    """The pure-Python safe loader, composing no deeper than `MAX_DEPTH`."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def compose(text: str) -> yaml.Node | None:
    """The node tree of `text`, within the limits; raises `YamlProblem`."""
    loader = LimitedLoader(text)
    try:
        root: yaml.Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(*_position(exc), f"not valid YAML: {_problem(exc)}") from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        raise YamlProblem(line, column, "not valid YAML: a character YAML does not allow") from None
    except yaml.YAMLError:
        raise YamlProblem(1, 1, "not valid YAML") from None
    finally:
        loader.dispose()
    return checked(root)


def checked(root: yaml.Node | None) -> yaml.Node | None:
    """`root`, once its aliases are known to expand to a bounded tree; raises `YamlProblem`."""
    if root is not None:
        _check_expansion(root)
    return root


def load(text: str) -> Any:
    """Plain data (mappings, lists, text, numbers, dates) from `text`; raises `YamlProblem`."""
    root = compose(text)
    return None if root is None else construct(root)


def construct(node: yaml.Node) -> Any:
    """The plain data of a composed (and `checked`) node; raises `YamlProblem`.

    A date that is no real day (`2021-02-30`) is a problem at its position, not a crash.
    """
    try:
        return yaml.SafeLoader("").construct_document(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        bad = _bad_node(node)
        line, column = _where(bad) if bad else _where(node)
        what = f"{bad.value} is not a real date" if bad else f"not valid YAML: {type(exc).__name__}"
        raise YamlProblem(line, column, what) from None


def _bad_node(root: yaml.Node) -> yaml.ScalarNode | None:
    """The first timestamp-looking scalar that is no real date (what construction chokes on)."""
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":timestamp"):
                try:
                    date.fromisoformat(str(node.value)[:10])
                except ValueError:
                    return node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
    return None


def _check_expansion(root: yaml.Node) -> None:
    """Refuse a tree that, with every alias expanded, would exceed `MAX_EXPANDED_NODES`,
    or that contains itself (`&a [*a]`)."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]  # (node, children done?)
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not done:
            on_path.add(id(node))
            stack.append((node, True))
            for child in children:
                if id(child) in on_path:
                    raise YamlProblem(*_where(child), "an alias refers to the value that contains it")
                if id(child) not in sizes:
                    stack.append((child, False))
            continue
        on_path.discard(id(node))
        size = 1 + sum(sizes[id(child)] for child in children)
        if size > MAX_EXPANDED_NODES:
            raise YamlProblem(*_where(node), f"its aliases expand to more than {MAX_EXPANDED_NODES:,} values")
        sizes[id(node)] = size


def _where(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _position(exc: yaml.MarkedYAMLError) -> tuple[int, int]:
    mark = exc.problem_mark or exc.context_mark
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _problem(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's complaint without its snippet of the text (which would quote the file)."""
    if exc.problem and exc.context and exc.problem.startswith("but "):
        return f"{exc.context}, {exc.problem}"
    return str(exc.problem or exc.context or "cannot be parsed")
