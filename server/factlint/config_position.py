"""Where a setting sits in `factlint.toml` (or `[tool.factlint]`), so its errors say file:line:col.

`tomllib` parses without positions, and a configuration error that names only the
file leaves the writer searching it. Rule files get `file:line:col` from their YAML
nodes; this gives settings the same by scanning the file's lines for the table, the
key (bare, quoted or dotted) and, within its value, the entry an error is about (a
rule id in `severity = {...}` or in `disable = [...]`). What the scan cannot find
keeps the file name alone: a position is a help, never a guess at the wrong line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from factlint.errors import ConfigError

_HEADER = re.compile(r"\s*\[\s*(?P<name>[^\[\]]+?)\s*\]\s*(?:#.*)?\Z")
_ARRAY_HEADER = re.compile(r"\s*\[\[")
_KEY = re.compile(r"(?P<indent>\s*)(?P<key>[^=#\s][^=#]*?)\s*=\s*(?P<value>.*)\Z")
_DECODE_AT = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)\Z")
_DECODE_END = re.compile(r"\s*\(at end of document\)\Z")


def decode_error(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> ConfigError:
    """A TOML syntax error as `file:line:col: not valid TOML: problem`."""
    message = str(exc)
    at = _DECODE_AT.search(message)
    if at is not None:
        line, column = int(at.group("line")), int(at.group("column"))
    elif _DECODE_END.search(message):
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    else:
        line = column = 0
    problem = _DECODE_END.sub("", _DECODE_AT.sub("", message))
    return ConfigError(str(path), f"not valid TOML: {problem}", line or None, column or None)


def locate(error: ConfigError, path: Path, text: str | None = None) -> ConfigError | None:
    """`error` with the line and column of its setting in `path`; None when it is not there.

    `text` is the file's content when the caller has already read it.
    """
    if error.key is None:
        return None
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    table = ("tool", "factlint") if path.name == "pyproject.toml" else ()
    found = setting_position(text, table, error.key, error.item, error.at_value)
    if found is None:
        return None
    return replace(error, source=str(path), line=found[0], column=found[1])


def setting_position(
    text: str, table: tuple[str, ...], key: str, item: str | None = None, at_value: bool = False
) -> tuple[int, int] | None:
    """(line, column), 1-based, of `key` in `table` (or of `item` inside its value, or its value)."""
    lines = text.splitlines()
    start = _key_start(lines, table, key)
    if start is None:
        return None
    row, column, value_column = start
    if item is not None:
        return _item_position(lines, row, column, item) or (row + 1, column + 1)
    return row + 1, (value_column if at_value and value_column is not None else column) + 1


def _key_start(lines: list[str], table: tuple[str, ...], key: str) -> tuple[int, int, int | None] | None:
    """(row, column of the key, column of its value) of the first line that sets `key`.

    A sub-table header `[severity]` (`[tool.factlint.severity]`) counts as setting it.
    """
    current: tuple[str, ...] = ()
    for row, line in enumerate(lines):
        if _ARRAY_HEADER.match(line):
            current = ("[[",)
            continue
        header = _HEADER.match(line)
        if header is not None:
            current = _dotted(header.group("name"))
            if current == (*table, key):
                return row, line.index("["), None
            continue
        if current != table:
            continue
        assignment = _KEY.match(line)
        if assignment is not None and _dotted(assignment.group("key"))[:1] == (key,):
            value_column = assignment.start("value")
            return row, len(assignment.group("indent")), value_column
    return None


def _item_position(lines: list[str], row: int, column: int, item: str) -> tuple[int, int] | None:
    """Where `item` first appears as a word or a quoted string from (row, column) on, before the
    next table header."""
    pattern = re.compile(
        rf"(?P<quote>[\"'])(?:{re.escape(item)})(?P=quote)|(?<![\w.-]){re.escape(item)}(?![\w.-])"
    )
    for at in range(row, len(lines)):
        if at > row and (_HEADER.match(lines[at]) or _ARRAY_HEADER.match(lines[at])):
            return None
        found = pattern.search(lines[at], column if at == row else 0)
        if found is not None:
            return at + 1, found.start() + 1
    return None


def _dotted(name: str) -> tuple[str, ...]:
    """`tool.factlint`, `"tool" . factlint` -> ("tool", "factlint")."""
    return tuple(part.strip().strip("\"'") for part in name.split("."))
