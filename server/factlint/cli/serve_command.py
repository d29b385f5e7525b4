"""`factlint serve`: the language server over stdio, as editors launch it."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    parser = commands.add_parser("serve", help="run the language server over stdio")
    # clients such as vscode-languageclient append --stdio; stdio is the only transport
    parser.add_argument("--stdio", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from factlint import collector

    collector.hold()  # until the first engine is open (`lsp.rebuild.open_engine_as_it_stands`)
    from factlint.lsp.server import serve_stdio

    return serve_stdio()
