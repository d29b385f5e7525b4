"""`--format text`: one line per finding, like a compiler, and a summary line.

Coloured only when written to a terminal (see `colour.py`), so files and pipes
get plain text.
"""

from __future__ import annotations

import os
from typing import TextIO

from factlint.output.colour import Painter, wants_colour
from factlint.output.results import LintRun, summary_line


def display_path(path: str) -> str:
    """Relative to the working folder when inside it, else as given (no ../../..)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith(os.pardir + os.sep) else relative


def write_text(run: LintRun, stream: TextIO) -> None:
    paint = Painter(wants_colour(stream))
    for result in run.results:
        for item in result.findings:
            finding = item.finding
            source = finding.sources[0].sentence_location if finding.sources else None
            where = f" (source: {run.display(source.path)}:{source.line})" if source else ""
            severity = finding.severity.value
            stream.write(
                f"{paint('path', run.display(result.path))}:{item.line}:{item.column}: "
                f"{paint(severity, severity)}{paint('rule', f'[{finding.rule}]')} "
                f"{finding.message}{where}\n"
            )
    stream.write(summary_line(run) + "\n")


__all__ = ["display_path", "write_text"]
