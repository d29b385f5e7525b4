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

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"factlint: error: {message}\n")
        raise SystemExit(EXIT_ERROR)


def build_parser() -> argparse.ArgumentParser:
    from factlint.cli import facts_command, lint_command, rules_command, serve_command

    parser = _Parser(prog="factlint", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    lint_command.register(commands)
    facts_command.register(commands)
    rules_command.register(commands)
    serve_command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.run(args)
        return result
    except FactlintError as exc:
        sys.stderr.write(f"factlint: {exc.describe()}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
