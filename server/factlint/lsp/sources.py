"""Ranges and links into the corpus files that findings cite.

A `Location` from the library counts 1-based lines and character columns in the
file on disk; an editor wants a file URI and a range in its position encoding.
Each file is read once and each location converted once: a `SourceFiles` lives
as long as one fact base (the session makes a new one after every rebuild, when
the files may have changed), so re-checking a draft with hundreds of findings
on every keystroke costs dictionary lookups, not file reads.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.uris import from_fs_path

from factlint.lsp.positions import Encoding, LineIndex
from factlint.model import Location, SourceRef

RELATED_MESSAGE_CHARS = 160
"""Related information quotes at most this much of a sentence; the hover quotes it whole.
Every publish re-sends every source of every finding, so this bounds its size."""


def file_uri(path: str | Path) -> str:
    """The `file://` URI of a path, absolute."""
    uri = from_fs_path(str(Path(path).resolve()))
    return uri or Path(path).resolve().as_uri()


def line_link(path: str | Path, line: int) -> str:
    """A link that opens `path` at 1-based `line` (`file:///...#L26`)."""
    return f"{file_uri(path)}#L{line}"


def describe_source(source: SourceRef) -> str:
    """`Title (2021-04-02)`, or the file name when the article has no title."""
    article = source.article
    name = article.title or Path(article.path).name
    if article.date is None:
        return name
    inferred = ", inferred" if article.date_inferred else ""
    return f"{name} ({article.date.isoformat()}{inferred})"


def clip(sentence: str, limit: int = RELATED_MESSAGE_CHARS) -> str:
    """A sentence on one line, cut at a word boundary to about `limit` characters."""
    text = " ".join(sentence.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


class SourceFiles:
    """Line indexes of corpus files and the editor locations of their sentences, memoised."""

    def __init__(self, encoding: Encoding = types.PositionEncodingKind.Utf16) -> None:
        self.encoding = encoding
        self._indexes: dict[str, LineIndex | None] = {}
        self._locations: dict[Location, types.Location] = {}
        self._related: dict[tuple[SourceRef, ...], list[types.DiagnosticRelatedInformation]] = {}
        self._wire: dict[int, tuple[types.DiagnosticRelatedInformation, Any]] = {}

    def _index(self, path: str) -> LineIndex | None:
        if path not in self._indexes:
            try:
                text = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                self._indexes[path] = None
            else:
                self._indexes[path] = LineIndex(text, self.encoding)
        return self._indexes[path]

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
        found = self._locations.get(location)
        if found is None:
            found = types.Location(uri=file_uri(location.path), range=self.range(location))
            self._locations[location] = found
        return found

    def related(self, sources: tuple[SourceRef, ...]) -> list[types.DiagnosticRelatedInformation]:
        """A diagnostic's related information: each source sentence, where it is and who said it."""
        found = self._related.get(sources)
        if found is None:
            found = [
                types.DiagnosticRelatedInformation(
                    location=self.location(source.sentence_location),
                    message=f"{describe_source(source)}: {clip(source.sentence)}",
                )
                for source in sources
            ]
            self._related[sources] = found
            for info in found:
                self._wire[id(info)] = (info, None)
        return found

    def unstructured(
        self, info: types.DiagnosticRelatedInformation, unstructure: Callable[[Any], Any]
    ) -> Any:
        """The JSON form of related information, made once for the objects `related` made.

        Every publish re-sends every source of every finding; turning the same objects
        into dictionaries on every keystroke was a third of the server's time on a long
        draft. Objects made elsewhere are converted as usual.
        """
        entry = self._wire.get(id(info))
        if entry is None or entry[0] is not info:
            return unstructure(info)
        if entry[1] is None:
            entry = (info, unstructure(info))
            self._wire[id(info)] = entry
        return entry[1]
