"""Offsets to 1-based lines and columns, from an index built once per text."""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps character offsets of one text to (line, column), both 1-based.

    Lines end at `\n`, `\r\n` or a lone `\r`, so a file saved with old Mac line
    endings is cited at the line an editor shows, not as one long first line.
    """

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """The offset where 1-based `line` begins."""
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
