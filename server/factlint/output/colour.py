"""Whether and how to colour human-facing output: only on a terminal, never under NO_COLOR.

NO_COLOR (https://no-color.org) turns colour off whatever its value; FORCE_COLOR
turns it on for CI logs that render ANSI codes though they are not terminals.
"""

from __future__ import annotations

import os
from typing import TextIO

from factlint.model import Severity

_RESET = "\033[0m"
_STYLES = {
    "path": "\033[1m",
    Severity.ERROR.value: "\033[31m",
    Severity.WARNING.value: "\033[33m",
    Severity.INFO.value: "\033[36m",
    "rule": "\033[2m",
}


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Painter:
    """Wraps text in ANSI styles, or leaves it alone when colour is off."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, style: str, text: str) -> str:
        if not self.enabled or style not in _STYLES:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"
