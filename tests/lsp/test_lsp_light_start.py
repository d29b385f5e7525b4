"""`initialize` is answered before anything heavy is imported: the engine, the store, spaCy
and numpy load after `initialized`, on the build thread (see `lsp.server`).

A real `factlint serve` over stdio, wrapped so that its `Session.initialize` writes the
modules loaded by then to a file: that is what preceded the answer. No time is measured.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HEAVY = (
    "numpy",
    "spacy",
    "factlint.engine",
    "factlint.corpus",
    "factlint.slots.judge",
    "factlint.slots.checker",
)
"""Packages and modules whose import belongs to the first build, never to `initialize`."""

_SERVE = """
import json, sys
from factlint.lsp import session

answered = session.Session.initialize

def initialize(self, params):
    answered(self, params)
    with open({out!r}, "w", encoding="utf-8") as out:
        json.dump(sorted(sys.modules), out)

session.Session.initialize = initialize
from factlint.cli.main import main

sys.exit(main(["serve"]))
"""


def _heavy(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in HEAVY)


async def test_nothing_heavy_is_imported_before_initialize_is_answered(tmp_path: Path) -> None:
    out = tmp_path / "modules.json"
    client = LanguageClient("factlint-test", "1")
    await client.start_io(sys.executable, "-c", _SERVE.format(out=str(out)))
    try:
        result = await client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri())
        )
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
    assert result.server_info is not None and result.server_info.name == "factlint"
    modules = json.loads(out.read_text(encoding="utf-8"))
    assert "factlint.lsp.server" in modules  # the wrapper ran inside the server
    assert [m for m in modules if _heavy(m)] == []
