"""Character offsets to LSP positions and back, in the encoding the client negotiated.

The library speaks Python string offsets; LSP speaks (line, character) where the
character counts UTF-16 code units unless the client asked for UTF-8 or UTF-32.
A `LineIndex` is built once per document version and answers both ways in
O(log lines + line length). Lines end at `\\n`, `\\r\\n` or `\\r`, as in the LSP
specification.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

Encoding = types.PositionEncodingKind | str


def _units(text: str, encoding: Encoding) -> int:
    """How many code units of `encoding` the characters of `text` take."""
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """Where each line of one text starts, for offset <-> position conversion."""

    def __init__(self, text: str, encoding: Encoding = types.PositionEncodingKind.Utf16) -> None:
        self.text = text
        self.encoding = encoding
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """The 0-based line holding `offset` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        return bisect_right(self._starts, offset) - 1

    def line_start(self, line: int) -> int:
        """The offset where 0-based `line` begins (clamped to the text)."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        return self._starts[line]

    def line_end(self, line: int) -> int:
        """The offset of the end of 0-based `line`, before its line break."""
        if line + 1 >= len(self._starts):
            return len(self.text)
        end = self._starts[line + 1]
        text = self.text
        if end >= 2 and text[end - 2 : end] == "\r\n":
            return end - 2
        return end - 1

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self._starts[line]
        return types.Position(line=line, character=_units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of a client position; a character past the line's end clamps to it."""
        if position.line >= len(self._starts):
            return len(self.text)
        start = self.line_start(position.line)
        end = self.line_end(position.line)
        line = self.text[start:end]
        if self.encoding == types.PositionEncodingKind.Utf32 or line.isascii():
            return start + min(position.character, len(line))
        units = 0
        for i, ch in enumerate(line):
            if units >= position.character:
                return start + i
            units += _units(ch, self.encoding)
        return end

    def offset_of_column(self, line: int, column: int) -> int:
        """The offset of a 0-based line and 0-based character (not code unit) column."""
        return min(self.line_start(line) + column, self.line_end(line))
