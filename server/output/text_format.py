"""`--format text`: one line per finding, like a compiler, and a summary line."""

from __future__ import annotations

import os
from typing import TextIO

from factlint.output.results import DraftResult


def display_path(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def write_text(results: list[DraftResult], stream: TextIO) -> None:
    count = 0
    flagged = 0
    for result in results:
        if result.findings:
            flagged += 1
        for item in result.findings:
            finding = item.finding
            count += 1
            source = finding.sources[0].sentence_location if finding.sources else None
            where = f" (source: {display_path(source.path)}:{source.line})" if source else ""
            stream.write(
                f"{display_path(result.path)}:{item.line}:{item.column}: "
                f"{finding.severity.value}[{finding.rule}] {finding.message}{where}\n"
            )
    noun = "contradiction" if count == 1 else "contradictions"
    files = "file" if flagged == 1 else "files"
    stream.write(f"{count} {noun} in {flagged} {files}, {len(results)} checked\n")


__all__ = ["write_text"]
