"""`factlint`: the command line. Subcommands live in their own modules; this one dispatches.

Exit codes: 0 clean, 1 findings, 2 usage, input or configuration error (one
line on stderr, never a traceback), 3 an internal error: a bug in factlint, named
in one line with where to report it (`FACTLINT_DEBUG=1` shows the traceback).
Warnings (a skipped source file, an ignored setting) go to stderr as
`factlint: warning: ...` and do not change the exit code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence

from factlint import __version__
from factlint.errors import FactlintError
from factlint.resources import docs_dir

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"factlint: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser for every subcommand, or for `only` one of them.

    `factlint serve` builds just its own: the other commands import the engine
    and spaCy, and an editor waits for `initialize` while they load.
    """
    import importlib

    parser = _Parser(
        prog="factlint",
        description=DESCRIPTION,
        epilog=f"documentation (installed with factlint): {docs_dir()}; "
        "one rule's: factlint rules explain RULE",
    )
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"factlint.cli.{name}_command").register(commands)
    return parser


COMMANDS = ("lint", "audit", "facts", "build", "rules", "serve")
DESCRIPTION = "Flag statements in news drafts that contradict their source articles."


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only="serve" if arguments[:1] == ["serve"] else None)
    args = parser.parse_args(arguments)
    if args.command != "serve":
        show_warnings()
    try:
        result: int = args.run(args)
        return result
    except FactlintError as exc:
        sys.stderr.writelines(f"factlint: {line}\n" for line in exc.describe().splitlines())
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: one line, a distinct code, never exit 1 (findings)
        if os.environ.get("FACTLINT_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(
            f"factlint: internal error: {type(exc).__name__}: {exc}; please report it, with the "
            "command and the traceback FACTLINT_DEBUG=1 shows (docs/security.md)\n"
        )
        return EXIT_INTERNAL


class _StderrHandler(logging.Handler):
    """`factlint: warning: ...` on whatever `sys.stderr` is when the warning is made."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(f"factlint: {record.levelname.lower()}: {record.getMessage()}\n")
        except Exception:
            self.handleError(record)


def show_warnings() -> None:
    """Send the library's warnings (logger `factlint`) to stderr, once per process."""
    logger = logging.getLogger("factlint")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler(logging.WARNING))
        logger.setLevel(logging.WARNING)
        logger.propagate = False
