"""Suppression comments in drafts: `<!-- factlint-disable[-next-line] ids -->`, `<!-- factlint-enable -->`.

The same HTML comment works in Markdown and plain text. A comment that names a
rule id no loaded rule has silences nothing, so it is reported itself, as a
finding of the `unknown-suppression` check with the closest known id as fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factlint.model import Finding, Kind, Severity


def apply_suppressions(
    text: str, findings: list[Finding], known_ids: frozenset[str], unknown: Severity | None
) -> list[Finding]:
    """`findings` minus the silenced ones, plus one finding per unknown id (unless `unknown` is None)."""
    if "factlint-" not in text:
        return findings
    directives = list(iter_directives(text))
    silenced = suppressed_ranges(text, directives)
    kept = [
        f
        for f in findings
        if not any(start <= f.start < end and (not ids or f.rule in ids) for start, end, ids in silenced)
    ]
    return kept + ([] if unknown is None else unknown_ids(directives, known_ids, unknown))


def unknown_ids(directives: list[Directive], known_ids: frozenset[str], severity: Severity) -> list[Finding]:
    found = []
    for directive in directives:
        for rule_id, start in directive.ids:
            if rule_id in known_ids:
                continue
            close = difflib.get_close_matches(rule_id, sorted(known_ids), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            found.append(
                Finding(
                    rule=UNKNOWN_SUPPRESSION,
                    kind=Kind.SUPPRESSION,
                    severity=severity,
                    message=f"factlint-{directive.verb} names no known rule {rule_id!r}{hint}",
                    start=start,
                    end=start + len(rule_id),
                    claim_text=rule_id,
                    expected=tuple(close),
                    sources=(),
                )
            )
    return found


UNKNOWN_SUPPRESSION = "unknown-suppression"
"""The id of the check that reports suppression comments naming rules that do not exist."""

_DIRECTIVE = re.compile(r"<!--\s*factlint-(disable-next-line|disable|enable)\b([^<>]*?)-->")
"""Ids end at `<` too: an unclosed comment costs the distance to the next `<`, not a scan to
the end of the draft for every one (12,500 of them took 22.7 s per keystroke)."""
_ID = re.compile(r"[^\s,]+")


@dataclass(frozen=True)
class Directive:
    """One `<!-- factlint-... -->` comment of a draft."""

    verb: str
    """disable, disable-next-line or enable."""
    start: int
    end: int
    ids: tuple[tuple[str, int], ...]
    """(rule id, offset in the draft) of every id the comment names; none means every rule."""


def iter_directives(text: str) -> Iterator[Directive]:
    for match in _DIRECTIVE.finditer(text):
        ids = tuple((m.group(), match.start(2) + m.start()) for m in _ID.finditer(match.group(2)))
        yield Directive(match.group(1), match.start(), match.end(), ids)


def suppressed_ranges(
    text: str, directives: list[Directive] | None = None
) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, rule ids) spans silenced by comments; empty ids means every rule.

    `disable` blocks run to the next `enable` (which closes every open block) or
    to the end of the draft; `disable-next-line` covers the line after the comment.
    """
    ranges: list[tuple[int, int, frozenset[str]]] = []
    open_blocks: list[tuple[int, frozenset[str]]] = []
    for directive in iter_directives(text) if directives is None else directives:
        ids = frozenset(rule_id for rule_id, _ in directive.ids)
        if directive.verb == "disable-next-line":
            line_start = text.find("\n", directive.end)
            if line_start < 0:
                continue
            line_end = text.find("\n", line_start + 1)
            ranges.append((line_start + 1, line_end if line_end >= 0 else len(text), ids))
        elif directive.verb == "disable":
            open_blocks.append((directive.end, ids))
        else:
            ranges.extend((start, directive.start, ids) for start, ids in open_blocks)
            open_blocks = []
    ranges.extend((start, len(text), ids) for start, ids in open_blocks)
    return ranges
