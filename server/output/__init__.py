"""Output formats: each a small module turning one list of findings into text.

`FORMATS` maps a `--format` name to a writer `(results, stream) -> None`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from factlint.output.json_format import write_json
from factlint.output.results import DraftResult
from factlint.output.text_format import write_text

Writer = Callable[[list[DraftResult], TextIO], None]

FORMATS: dict[str, Writer] = {
    "text": write_text,
    "json": write_json,
}

__all__ = ["FORMATS", "DraftResult", "Writer"]
