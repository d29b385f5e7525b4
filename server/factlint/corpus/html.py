"""HTML to plain text that remembers where every character came from.

Articles scraped from the web arrive as HTML, sometimes as one long line. The
checker works on plain text, but a source link must point at the line and
column of the file on disk, so each plain-text character keeps its offset in
the original, and `<a href>` targets are kept as links over the text they wrap.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>|<!--.*?-->", re.DOTALL)
"""Attributes end at the next `<` as well as `>`: a tag left open then costs the distance to
the next `<`, not a scan to the end of the article for every `<a ` (quadratic)."""
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
_SKIP_CONTENT = {"script", "style"}
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:a\s[^<>]*href|p|div|span|br|em|strong|b|i|h[1-6]|ul|li)\b[^<>]*>", re.IGNORECASE
)


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    href: str


@dataclass(frozen=True)
class StrippedText:
    text: str
    origin: list[int]
    """origin[i] is the offset in the original of text[i]; one extra entry marks the end."""
    links: list[Link]


def looks_like_html(text: str) -> bool:
    return _LOOKS_LIKE_HTML.search(text) is not None


def strip_html(source: str) -> StrippedText:
    out: list[str] = []
    origin: list[int] = []
    links: list[Link] = []
    open_link: tuple[int, str] | None = None
    skipping: str | None = None
    position = 0

    def emit_text(segment_start: int, segment_end: int) -> None:
        cursor = segment_start
        for entity in _ENTITY.finditer(source, segment_start, segment_end):
            for k in range(cursor, entity.start()):
                out.append(source[k])
                origin.append(k)
            decoded = html.unescape(entity.group(0))
            for ch in decoded:
                out.append(ch)
                origin.append(entity.start())
            cursor = entity.end()
        for k in range(cursor, segment_end):
            out.append(source[k])
            origin.append(k)

    for tag in _TAG.finditer(source):
        if skipping is None:
            emit_text(position, tag.start())
        position = tag.end()
        closing, name, attributes = tag.group(1), (tag.group(2) or "").lower(), tag.group(3) or ""
        if not name:
            continue
        if skipping is not None:
            if closing and name == skipping:
                skipping = None
            continue
        if name in _SKIP_CONTENT and not closing:
            skipping = name
        elif name == "a" and not closing:
            href = _HREF.search(attributes)
            if href:
                open_link = (len(out), next(g for g in href.groups() if g is not None))
        elif name == "a" and closing and open_link is not None:
            links.append(Link(open_link[0], len(out), html.unescape(open_link[1])))
            open_link = None
        elif name in _BLOCK_TAGS:
            for ch in "\n\n":
                out.append(ch)
                origin.append(tag.start())
    if skipping is None:
        emit_text(position, len(source))
    origin.append(len(source))
    return StrippedText("".join(out), origin, links)
