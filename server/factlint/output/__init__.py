"""Output formats: each a small module turning one `LintRun` into text.

`FORMATS` maps a `--format` name to a writer `(run, stream) -> None`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from factlint.output.github_format import write_github
from factlint.output.html_format import write_html
from factlint.output.json_format import write_json
from factlint.output.junit_format import write_junit
from factlint.output.results import SEVERITY_RANK, DraftResult, LintRun, RuleInfo
from factlint.output.sarif_format import write_sarif
from factlint.output.text_format import write_text

Writer = Callable[[LintRun, TextIO], None]

FORMATS: dict[str, Writer] = {
    "text": write_text,
    "json": write_json,
    "github": write_github,
    "sarif": write_sarif,
    "junit": write_junit,
    "html": write_html,
}

__all__ = ["FORMATS", "SEVERITY_RANK", "DraftResult", "LintRun", "RuleInfo", "Writer"]
