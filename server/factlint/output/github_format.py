"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

`::error file=F,line=L,col=C,endColumn=E,title=T::message (source: S:N)` shows
the finding on the pull request's diff. Paths are relative to the working
folder (the checkout), as the runner expects. Values are escaped as the
runner's own toolkit does: `%`, CR and LF everywhere, plus `:` and `,` in
properties.
"""

from __future__ import annotations

from typing import TextIO

from factlint.model import Severity
from factlint.output.results import LintRun, summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(run: LintRun, stream: TextIO) -> None:
    for result in run.results:
        path = run.relative(result.path)
        for item in result.findings:
            finding = item.finding
            props = {"file": path, "line": str(item.line), "col": str(item.column)}
            if item.end_line != item.line:
                props["endLine"] = str(item.end_line)
            props["endColumn"] = str(item.end_column)
            props["title"] = f"factlint {finding.rule}"
            message = finding.message
            if finding.sources:
                where = finding.sources[0].sentence_location
                message += f" (source: {run.relative(where.path)}:{where.line})"
            fields = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
            command = COMMANDS.get(finding.severity, "notice")
            stream.write(f"::{command} {fields}::{escape_data(message)}\n")
    stream.write(summary_line(run) + "\n")
