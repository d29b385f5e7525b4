"""`factlint`: the command line. Subcommands live in their own modules; this one dispatches.

Exit codes: 0 clean, 1 findings, 2 usage, input or configuration error (one
line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from factlint import __version__
from factlint.errors import FactlintError
from factlint.resources import docs_dir

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
