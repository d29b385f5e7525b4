"""Source articles from disk: plain text, date lines, front matter, HTML.

An `Article` holds the prose the extractor reads and the means to point back
at the exact line and column of the file on disk for any span of that prose.

A corpus is whatever someone put in a folder, so reading is defensive: only
regular files (a FIFO would block for ever, a link to `/dev/zero` never ends),
no more than a size limit, UTF-8 or UTF-16/32 with a byte-order mark and nothing
guessed. A file that cannot be read is a `SkippedFile` saying where and why,
never an exception that takes the other articles down.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from factlint.config import MAX_FILE_BYTES
from factlint.corpus.html import Link, looks_like_html, strip_html
from factlint.corpus.manifest import Manifest
from factlint.model import ArticleMeta, Location
from factlint.text.document import FrontMatterError, read_draft
from factlint.text.lines import LineIndex

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
MAX_ARTICLE_BYTES = MAX_FILE_BYTES
"""The default size limit of a source file (`max-file-bytes` in factlint.toml)."""
BINARY_PROBE_CHARS = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks, UTF-32's before UTF-16's (FF FE 00 00 starts with FF FE)."""


@dataclass
class Article:
    meta: ArticleMeta
    text: str
    """The prose, with metadata blanked and HTML stripped."""
    body_start: int
    origin: list[int] | None
    """text offset -> file offset, for HTML; None when they are the same."""
    file_lines: LineIndex
    links: list[Link]
    digest: str = ""
    """The digest of the bytes this article was made from (file, then manifest), as
    `SourceFile.digest` computes it: what the store records, so the facts it keeps and
    the content it says they came from cannot differ however the file changes meanwhile."""

    def location(self, start: int, end: int) -> Location:
        """Where `text[start:end]` stands in the file on disk."""
        if self.origin is not None:
            file_start = self.origin[start]
            file_end = self.origin[end - 1] + 1 if end > start else file_start
        else:
            file_start, file_end = start, end
        line, column = self.file_lines.position(file_start)
        end_line, end_column = self.file_lines.position(file_end)
        return Location(self.meta.path, line, column, end_line, end_column)

    def link_near(self, start: int, end: int) -> str | None:
        """The article's own link inside or nearest after the span, within its sentence."""
        for link in self.links:
            if link.start < end and start < link.end:
                return link.href
        return None


@dataclass(frozen=True)
class SkippedFile:
    """A source file left out of the fact base, and why (at `line`, when it is one place)."""

    path: str
    reason: str
    line: int | None = None
    column: int | None = None

    def describe(self) -> str:
        where = self.path + "".join(f":{n}" for n in (self.line, self.column) if n)
        return f"{where}: {self.reason}"


class Unreadable(Exception):
    """Why a file cannot be read as text; `line` when the problem is at one place."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(reason, line, column)
        self.reason = reason
        self.line = line
        self.column = column


def iter_article_paths(folder: Path) -> Iterator[Path]:
    """Article files under `folder`, in a stable order, skipping hidden files and folders.

    `os.walk` with string checks: opening a 10,000-article archive stats each
    file once, and this listing was most of that time with `rglob`. A file's path is
    its folder's joined with its name (`Path(root, name)` parses the folder's again for
    each file: a third of the listing's time).
    """
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        here = Path(root)
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                yield here / name


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes; else `Unreadable`.

    Opened without blocking and checked on the open file, so a FIFO or a device
    (or a link to one) is refused, not waited on or read for ever.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size > limit:
            raise Unreadable(f"larger than the limit of {limit:,} bytes ({info.st_size:,} bytes)")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise Unreadable(f"larger than the limit of {limit:,} bytes")
    return b"".join(chunks)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "a socket" if stat.S_ISSOCK(mode) else "a folder" if stat.S_ISDIR(mode) else "not a file"


def source_digest(path: Path) -> bytes:
    """A digest of the file's content (streamed: any size), or of why it cannot be read."""
    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        return f"unreadable: {exc.strerror}".encode()
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return f"unreadable: {_kind(info.st_mode)}".encode()
        while chunk := os.read(fd, 1 << 20):
            digest.update(chunk)
    except OSError as exc:
        return f"unreadable: {exc.strerror}".encode()
    finally:
        os.close(fd)
    return digest.digest()


def decode(data: bytes) -> str:
    """UTF-8, or UTF-16/32 with a byte-order mark; nothing guessed.

    Raises `Unreadable` at the line and column of the first byte that is not text:
    read as Windows-1252, a Latin-1 archive would put mojibake into quotes and names.
    """
    encoding, body = "utf-8", data
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, body = ("utf-8", data[len(bom) :]) if name == "utf-8-sig" else (name, data)
            break
    if encoding == "utf-8" and b"\x00" in body[:BINARY_PROBE_CHARS]:
        raise Unreadable("binary file (it contains NUL bytes; UTF-16 or UTF-32 text needs a byte-order mark)")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        before = body[: exc.start].decode(encoding, errors="replace")
        line, column = LineIndex(before + "x").position(len(before))
        byte = f"byte 0x{body[exc.start]:02x}"
        why = f"not {encoding.upper()} text: {byte} cannot be decoded (save the file as UTF-8)"
        raise Unreadable(why, line, column) from None
    if "\x00" in text[:BINARY_PROBE_CHARS]:
        raise Unreadable("binary file (it contains NUL characters)")
    return text


def read_article(
    path: Path, manifest: Manifest | None = None, limit: int = MAX_ARTICLE_BYTES
) -> Article | SkippedFile:
    """The article at `path`, or a `SkippedFile` saying where and why it cannot be used."""
    try:
        data = read_regular(path, limit)
        raw = decode(data)
    except Unreadable as problem:
        return SkippedFile(str(path), problem.reason, problem.line, problem.column)
    listed = manifest.problem(str(path)) if manifest is not None else None
    if listed is not None:
        return SkippedFile(str(path), f"its manifest entry cannot be read: {listed}")
    digest = hashlib.sha256(hashlib.sha256(data).digest() + (manifest.digest if manifest else b""))
    try:
        return replace(article_from_text(str(path), raw, manifest), digest=digest.hexdigest())
    except FrontMatterError as problem:
        return SkippedFile(str(path), problem.message, problem.line, problem.column)


def article_from_text(path: str, raw: str, manifest: Manifest | None = None) -> Article:
    info = read_draft(raw)
    meta = ArticleMeta(path=path, title=info.title, date=info.date, url=info.url)
    if manifest is not None:
        meta = manifest.complete(meta)
    if meta.title is None:
        meta = replace(meta, title=_first_line_title(raw[info.body_start :]))
    head = "".join(ch if ch in "\r\n" else " " for ch in raw[: info.body_start])
    prose = head + raw[info.body_start :]
    origin: list[int] | None = None
    links: list[Link] = []
    if looks_like_html(prose):
        stripped = strip_html(prose)
        prose, origin, links = stripped.text, stripped.origin, stripped.links
    return Article(meta, prose, info.body_start, origin, LineIndex(raw), links)


def _first_line_title(body: str) -> str | None:
    first = body.strip().split("\n", 1)[0].strip()
    if 0 < len(first) <= 120 and not first.endswith((".", "!", "?", '"', "”")):
        return first
    return None
