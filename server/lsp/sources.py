"""Ranges and links into the corpus files that findings cite.

A `Location` from the library counts 1-based lines and character columns in the
file on disk; an editor wants a file URI and a range in its position encoding.
Files are read once per modification time, so a hover over twenty findings does
not read an article twenty times.
"""

from __future__ import annotations

from pathlib import Path

from factlint.lsp.positions import Encoding, LineIndex
from factlint.model import Location
from lsprotocol import types
from pygls.uris import from_fs_path


def file_uri(path: str | Path) -> str:
    """The `file://` URI of a path, absolute."""
    uri = from_fs_path(str(Path(path).resolve()))
    return uri or Path(path).resolve().as_uri()


def line_link(path: str | Path, line: int) -> str:
    """A link that opens `path` at 1-based `line` (`file:///...#L26`)."""
    return f"{file_uri(path)}#L{line}"


class SourceFiles:
    """Line indexes of corpus files, rebuilt when a file changes on disk."""

    def __init__(self, encoding: Encoding = types.PositionEncodingKind.Utf16) -> None:
        self.encoding = encoding
        self._indexes: dict[str, tuple[int, LineIndex]] = {}

    def _index(self, path: str) -> LineIndex | None:
        try:
            stamp = Path(path).stat().st_mtime_ns
        except OSError:
            return None
        cached = self._indexes.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        index = LineIndex(text, self.encoding)
        self._indexes[path] = (stamp, index)
        return index

    def range(self, location: Location) -> types.Range:
        """The editor range of a library location; plain columns if the file is unreadable."""
        index = self._index(location.path)
        if index is None:
            return types.Range(
                start=types.Position(line=location.line - 1, character=location.column - 1),
                end=types.Position(line=location.end_line - 1, character=location.end_column - 1),
            )
        start = index.offset_of_column(location.line - 1, location.column - 1)
        end = index.offset_of_column(location.end_line - 1, location.end_column - 1)
        return index.range(start, end)

    def location(self, location: Location) -> types.Location:
        return types.Location(uri=file_uri(location.path), range=self.range(location))
