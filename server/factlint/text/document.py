"""What a draft or article says about itself before its prose: front matter and date lines.

Metadata is blanked in place, never cut out, so every offset into the prose
is an offset into the file as written. Lines end at `\n`, `\r\n` or a lone `\r`
(old Mac files and some CMS exports), as in YAML and LSP.

Front matter that cannot be read is a `FrontMatterError` at its line and column:
ignoring it would date the draft today and silently lose every finding that
depends on its date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from factlint.errors import FactlintError
from factlint.text import safe_yaml
from factlint.text.lines import LineIndex

_BREAK = r"(?>\r\n|\r|\n)"
"""One line break; atomic, so a `\r\n` is never taken apart into two breaks."""
_FRONT_MATTER = re.compile(rf"\A---[ \t]*{_BREAK}(.*?){_BREAK}---[ \t]*(?:{_BREAK}|\Z)", re.DOTALL)
_DATE_LINE = re.compile(r"\A\s*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*")
_PARAGRAPH_BREAK = re.compile(rf"{_BREAK}[ \t]*(?:{_BREAK}[ \t]*)+")
MAX_PARAGRAPH_CHARS = 100_000
"""Longer paragraphs (a whole book on one line) are cut: spaCy refuses a text over a million
characters, and a paragraph is checked and memoised as one piece."""
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(frozen=True)
class DraftInfo:
    """Metadata read from the head of a text, and where its prose starts."""

    body_start: int = 0
    date: date | None = None
    title: str | None = None
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


class FrontMatterError(FactlintError):
    """Front matter that cannot be read, at a 1-based line and column of the text."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(line, column, message)
        self.line = line
        self.column = column
        self.message = message

    def describe(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Paragraph:
    start: int
    text: str


def read_draft(text: str) -> DraftInfo:
    """Front matter (`date:`, `title:`, `url:`) or a leading `date YYYY-MM-DD` line.

    Raises `FrontMatterError` for front matter that is not YAML, not a mapping, or
    whose `date` is not a real day.
    """
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _front_matter(match.group(1))
        return DraftInfo(
            body_start=match.end(),
            date=_front_matter_date(meta, match.group(1)),
            title=_as_text(meta.get("title")),
            url=_as_text(meta.get("url") or meta.get("link")),
        )
    match = _DATE_LINE.match(text)
    if match:
        try:
            return DraftInfo(body_start=match.end(), date=date.fromisoformat(match.group(1)))
        except ValueError:
            line, column = LineIndex(text[: match.end(1)]).position(match.start(1))
            raise FrontMatterError(line, column, f"{match.group(1)} is not a real date") from None
    return DraftInfo()


_HEADING = re.compile(r"#{1,6}[ \t]")


_NAMED_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def date_in_name(path: str) -> date | None:
    """The day a draft's file name gives ("talks-2030-02-11.md", Jekyll's "2030-02-11-talks.md"):
    its date when its front matter gives none. The last such date in the name counts."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    for match in reversed(list(_NAMED_DATE.finditer(name))):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue  # "2030-13-45" is no day
    return None


def is_heading(paragraph: str) -> bool:
    """A Markdown heading on a line of its own ("# Girl, 6, is first to die in measles outbreak"): a
    headline, read like the front matter's title. It restates the story below in too few words to
    tell which of the sources' statements a value is of, and the story states it again."""
    return bool(_HEADING.match(paragraph)) and "\n" not in paragraph and "\r" not in paragraph


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
    if not stripped.strip():
        return
    first = start + len(chunk) - len(stripped)
    stripped = stripped.rstrip()
    while len(stripped) > MAX_PARAGRAPH_CHARS:
        cut = _cut_point(stripped)
        piece = stripped[:cut].rstrip()
        if piece:
            out.append(Paragraph(first, piece))
        rest = stripped[cut:]
        first += cut + len(rest) - len(rest.lstrip())
        stripped = rest.lstrip()
    if stripped:
        out.append(Paragraph(first, stripped))


def _cut_point(text: str) -> int:
    """Where to cut a paragraph that is too long: after the last sentence end that fits,
    else at the last space, else at the limit."""
    window = text[:MAX_PARAGRAPH_CHARS]
    ends = [m.end() for m in _SENTENCE_END.finditer(window, MAX_PARAGRAPH_CHARS // 2)]
    if ends:
        return ends[-1]
    space = max(window.rfind(" "), window.rfind("\t"), window.rfind("\n"))
    return space + 1 if space > 0 else MAX_PARAGRAPH_CHARS


def _front_matter(block: str) -> dict[str, object]:
    try:
        loaded = safe_yaml.load(block)
    except safe_yaml.YamlProblem as problem:
        raise FrontMatterError(problem.line + 1, problem.column, f"front matter: {problem.message}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise FrontMatterError(
            2, 1, "front matter must be `key: value` lines (YAML), like `date: 2021-04-02`"
        )
    return loaded


def _front_matter_date(meta: dict[str, object], block: str) -> date | None:
    value = meta.get("date")
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    line = next((n for n, text in enumerate(re.split(_BREAK, block), start=2) if text.startswith("date")), 2)
    raise FrontMatterError(line, 1, "front matter: `date` must be a day written YYYY-MM-DD")


def _as_text(value: object) -> str | None:
    """A scalar as text; a list or mapping (never walked: aliases could make it huge) is none."""
    if isinstance(value, str | int | float | date) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None
