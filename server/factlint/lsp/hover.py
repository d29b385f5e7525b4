"""Hover text for a checked claim: what the draft says, what the sources say, and where.

Flagged claims and confirmed ones get the same treatment, so a writer can check
any figure: each source sentence is quoted with its article's title and date, a
link that opens the corpus file at that line, and the article's original URL.

Everything quoted comes from articles anyone could have written, and editors render
hover Markdown (VS Code fetches its images, and runs `command:` links when trusted):
text is escaped so it is only ever text, and an article's URL becomes a link only
when it is `http(s)`, with every character that could end the link percent-encoded.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from factlint.conflicts import Conflict, describe
from factlint.lsp.sources import describe_source, line_link
from factlint.model import Confirmation, Finding, SourceRef, TimelinePoint

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
"""What could start emphasis, code, a link or image (`[`), HTML or an autolink (`<`)."""
_LINKABLE = frozenset({"http", "https"})
_URL_SAFE = "/:?#[]@!$&'*+,;=%~-._"
"""Kept as they are in a link's destination; `(`, `)`, `<`, `>`, spaces and controls are
percent-encoded, so nothing in a URL can end the link or start another."""


def escape(text: str) -> str:
    """Text shown literally in Markdown, on one line (no emphasis, links, images or HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def link(label: str, url: str) -> str:
    """`[label](url)` for an http(s) URL; anything else (`command:`, `javascript:`) as plain text."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in _LINKABLE:
        return f"{escape(label)}: {escape(url)}"
    return f"[{escape(label)}]({destination(url)})"


def destination(url: str) -> str:
    """`url` as a Markdown link destination that ends where the URL ends."""
    return quote(url, safe=_URL_SAFE)


def hover_markdown(item: Finding | Confirmation, conflicts: tuple[Conflict, ...] = ()) -> str:
    """The hover for a claim; `conflicts`: where `factlint audit` found its sources disagreeing."""
    text = _finding_markdown(item) if isinstance(item, Finding) else _confirmation_markdown(item)
    return "\n".join([text, *_timeline_markdown(item.timeline), *_conflicts_markdown(conflicts)])


HISTORY_MIN_POINTS = 2
"""A history of one value says nothing the quoted source does not."""


def _timeline_markdown(points: tuple[TimelinePoint, ...]) -> list[str]:
    """The slot's values oldest first, each linked to its source; the compared ones marked."""
    if len(points) < HISTORY_MIN_POINTS:
        return []
    lines = ["", "**History** (oldest first; ▶ what the draft was compared with):", ""]
    for point in points:
        where = point.source.sentence_location
        link = f"[{escape(Path(where.path).name)}:{where.line}]({line_link(where.path, where.line)})"
        label = escape(point.label())
        lines.append(f"- ▶ **{label}** · {link}" if point.compared else f"- {label} · {link}")
    return lines


def _conflicts_markdown(conflicts: tuple[Conflict, ...]) -> list[str]:
    lines: list[str] = []
    for conflict in conflicts:
        first = conflict.values[0].source.value_location
        link = line_link(first.path, first.line)
        lines += ["", f"*`factlint audit`: {escape(describe(conflict))}* · [the audit entry]({link})"]
    return lines


def _finding_markdown(finding: Finding) -> str:
    expected = " / ".join(f"**{escape(v)}**" for v in finding.expected)
    lines = [f"**factlint** `{finding.rule}`: {escape(finding.message)}"]
    if finding.sources:
        says = expected or "something else"
        lines += ["", f"The draft says **{escape(finding.claim_text)}**; the sources say {says}."]
    elif expected:
        lines += ["", f"Suggested: {expected}."]
    if finding.sources_disagree:
        lines += ["", "*The sources disagree among themselves: check which one is right.*"]
    if finding.doc_url:
        lines += ["", f"[About this rule]({finding.doc_url})"]
    return "\n".join([*lines, *_sources_markdown(finding.sources)])


def _confirmation_markdown(confirmation: Confirmation) -> str:
    count = story_count(confirmation.sources)
    agree = "1 source agrees" if count == 1 else f"{count} sources agree"
    head = f"**factlint**: {agree} on **{escape(confirmation.claim_text)}**."
    return "\n".join([head, *_sources_markdown(confirmation.sources)])


def story_count(sources: tuple[SourceRef, ...]) -> int:
    """Sources counted once per story: a story filed twice (HTML and text) is one source."""
    return len({frozenset((s.article.path, *s.copies)) for s in sources})


def _sources_markdown(sources: tuple[SourceRef, ...]) -> list[str]:
    lines: list[str] = []
    for source in sources:
        location = source.sentence_location
        name = f"{escape(Path(location.path).name)}:{location.line}"
        links = [f"[{name}]({destination(line_link(location.path, location.line))})"]
        if source.article.url:
            links.append(link("original article", source.article.url))
        if source.link and source.link != source.article.url:
            links.append(link("linked in the article", source.link))
        if source.copies:
            links.append("same story as " + ", ".join(escape(Path(c).name) for c in source.copies))
        lines += [
            "",
            f"> {escape(' '.join(source.sentence.split()))}",
            "",
            f"*{escape(describe_source(source))}* · {' · '.join(links)}",
        ]
    return lines
