"""The error catalogue: what a user got wrong, kept apart from what factlint got wrong.

User errors carry where the problem is (file, line, column) as data until the
moment they are printed, so the CLI prints `file:line:col: problem`, the
language server turns them into diagnostics, and nobody parses strings back.
"""

from __future__ import annotations

from dataclasses import dataclass


class FactlintError(Exception):
    """A problem in the user's input or setup; shown as one line, never a traceback."""

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        return self.args[0] if self.args else type(self).__name__


@dataclass
class RuleFileError(FactlintError):
    """A rule or fact file that cannot be used, and exactly where."""

    path: str
    line: int
    column: int
    message: str

    def describe(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


@dataclass
class ConfigError(FactlintError):
    source: str
    message: str

    def describe(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class InputError(FactlintError):
    """A draft or corpus path that cannot be read."""

    path: str
    message: str

    def describe(self) -> str:
        return f"{self.path}: {self.message}"
