"""The error catalogue: what a user got wrong, kept apart from what factlint got wrong.

User errors carry where the problem is (file, line, column) as data until the
moment they are printed, so the CLI prints `file:line:col: problem`, the
language server turns them into diagnostics, and nobody parses strings back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


class FactlintError(Exception):
    """A problem in the user's input or setup; shown as one line, never a traceback."""

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        return self.args[0] if self.args else type(self).__name__


@dataclass
class RuleFileError(FactlintError):
    """A rule or fact file that cannot be used, and exactly where.

    One error may carry the other problems found in the same pass (`more`), so a file
    with three mistakes is reported in one run, one `file:line:col: problem` line each,
    while code that only wants the first still gets it from `path`, `line`, `column`.
    """

    path: str
    line: int
    column: int
    message: str
    more: tuple[RuleFileError, ...] = ()
    """Further problems found in the same pass, in the order they were found."""

    @classmethod
    def combine(cls, problems: list[RuleFileError]) -> RuleFileError:
        """One error that reports every problem of `problems` (not empty)."""
        flat = [one for problem in problems for one in problem.problems]
        return replace(flat[0], more=tuple(flat[1:]))

    @property
    def problems(self) -> tuple[RuleFileError, ...]:
        """This problem and every further one, each on its own."""
        return (replace(self, more=()), *self.more) if self.more else (self,)

    def describe(self) -> str:
        return "\n".join(f"{p.path}:{p.line}:{p.column}: {p.message}" for p in self.problems)


@dataclass
class ConfigError(FactlintError):
    """A setting that cannot be used: in `factlint.toml`, the editor's settings or a flag.

    `key` (and `item`, an entry of its value such as a rule id) name the setting, so the
    error can be placed at its line and column in the file (`config_position.locate`).
    """

    source: str
    message: str
    line: int | None = None
    column: int | None = None
    key: str | None = None
    item: str | None = None
    at_value: bool = False
    """Point at the setting's value rather than its key (a value of the wrong type)."""

    def describe(self) -> str:
        if self.line is None:
            return f"{self.source}: {self.message}"
        return f"{self.source}:{self.line}:{self.column or 1}: {self.message}"


@dataclass
class InputError(FactlintError):
    """A draft or corpus path that cannot be read."""

    path: str
    message: str

    def describe(self) -> str:
        return f"{self.path}: {self.message}"
