"""What a draft or article says about itself before its prose: front matter and date lines.

Metadata is blanked in place, never cut out, so every offset into the prose
is an offset into the file as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_DATE_LINE = re.compile(r"\A\s*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\r?\n[ \t]*)+")


@dataclass(frozen=True)
class DraftInfo:
    """Metadata read from the head of a text, and where its prose starts."""

    body_start: int = 0
    date: date | None = None
    title: str | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Paragraph:
    start: int
    text: str


def read_draft(text: str) -> DraftInfo:
    """Front matter (`date:`, `title:`, `url:`) or a leading `date YYYY-MM-DD` line."""
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _safe_yaml(match.group(1))
        return DraftInfo(
            body_start=match.end(),
            date=_as_date(meta.get("date")),
            title=_as_text(meta.get("title")),
            url=_as_text(meta.get("url") or meta.get("link")),
        )
    match = _DATE_LINE.match(text)
    if match:
        return DraftInfo(body_start=match.end(), date=_as_date(match.group(1)))
    return DraftInfo()


def split_paragraphs(text: str, start: int = 0) -> list[Paragraph]:
    """Paragraphs of `text[start:]` (blank-line separated), with their offsets in `text`."""
    paragraphs: list[Paragraph] = []
    position = start
    for match in _PARAGRAPH_BREAK.finditer(text, start):
        _append_paragraph(paragraphs, text, position, match.start())
        position = match.end()
    _append_paragraph(paragraphs, text, position, len(text))
    return paragraphs


def _append_paragraph(out: list[Paragraph], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.lstrip()
    if stripped.strip():
        lead = len(chunk) - len(stripped)
        out.append(Paragraph(start + lead, stripped.rstrip()))


def _safe_yaml(block: str) -> dict[str, object]:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _as_text(value: object) -> str | None:
    return str(value).strip() if value not in (None, "") else None
