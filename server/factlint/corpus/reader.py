"""Source articles from disk: plain text, date lines, front matter, HTML.

An `Article` holds the prose the extractor reads and the means to point back
at the exact line and column of the file on disk for any span of that prose.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from factlint.corpus.html import Link, looks_like_html, strip_html
from factlint.corpus.manifest import Manifest
from factlint.model import ArticleMeta, Location
from factlint.text.document import read_draft
from factlint.text.lines import LineIndex

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
MAX_ARTICLE_BYTES = 20 * 1024 * 1024


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
    path: str
    reason: str


def iter_article_paths(folder: Path) -> Iterator[Path]:
    """Article files under `folder`, in a stable order, skipping hidden files and folders.

    `os.walk` with string checks: opening a 10,000-article archive stats each
    file once, and this listing was most of that time with `rglob`.
    """
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                yield Path(root, name)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, which never fails to decode."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_article(path: Path, manifest: Manifest | None = None) -> Article | SkippedFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return SkippedFile(str(path), f"cannot read: {exc.strerror or exc}")
    if len(data) > MAX_ARTICLE_BYTES:
        return SkippedFile(str(path), f"larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB")
    if b"\x00" in data[:8192]:
        return SkippedFile(str(path), "binary file")
    raw = decode(data)
    return article_from_text(str(path), raw, manifest)


def article_from_text(path: str, raw: str, manifest: Manifest | None = None) -> Article:
    info = read_draft(raw)
    meta = ArticleMeta(path=path, title=info.title, date=info.date, url=info.url)
    if manifest is not None:
        meta = manifest.complete(meta)
    if meta.title is None:
        meta = replace(meta, title=_first_line_title(raw[info.body_start :]))
    head = "".join(ch if ch == "\n" else " " for ch in raw[: info.body_start])
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
