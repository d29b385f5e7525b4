"""A server's first diagnostics are checked against the store as its last sync left it; the
sync runs after them, and a corpus file that changed since then has the drafts checked again.

Two servers in turn on one workspace and cache (pytest-lsp's fixtures start one per test), so
the client is pygls' own, as in `bench/lsp_latency.py`.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsp_editor import DRAFT, TIMEOUT, text_at
from lsprotocol import types
from pygls.lsp.client import LanguageClient

ARTICLE = "date 2021-04-01\n\nThe US has {troops} troops in Afghanistan, officials said.\n"


def troops_flagged(diagnostics: list[types.Diagnostic]) -> bool:
    return any(text_at(DRAFT, d.range) == "3,000" for d in diagnostics)


async def serve_once(workspace: Path, cache: Path) -> list[list[types.Diagnostic]]:
    """Start a server, open the draft, and return every `publishDiagnostics` of it, in order,
    until one flags the troops or the server has been quiet for a while after the first."""
    published: list[list[types.Diagnostic]] = []
    arrived = asyncio.Event()
    client = LanguageClient("factlint-test", "1")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        if params.version == 1:
            published.append(list(params.diagnostics))
            arrived.set()

    @client.feature("factlint/status")
    def on_status(params: object) -> None:
        """The status bar's feed: not checked here."""

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def on_log(params: types.LogMessageParams) -> None:
        """The server's log: not checked here."""

    draft = workspace / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    await client.start_io(sys.executable, "-m", "factlint", "serve")
    try:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                root_uri=workspace.as_uri(),
                initialization_options={"factlint": {"corpus": "corpus", "cache-dir": str(cache)}},
            )
        )
        client.initialized(types.InitializedParams())
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=draft.as_uri(), language_id="markdown", version=1, text=DRAFT
                )
            )
        )
        async with asyncio.timeout(TIMEOUT):
            while not published or not troops_flagged(published[-1]):
                arrived.clear()
                try:
                    await asyncio.wait_for(arrived.wait(), timeout=5 if published else None)
                except TimeoutError:
                    break  # no second publish: the store had not changed
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
    return published


async def test_first_diagnostics_use_the_last_state_and_are_published_again_after_the_sync(
    tmp_path: Path,
) -> None:
    workspace = tmp_path / "workspace"
    corpus = workspace / "corpus"
    corpus.mkdir(parents=True)
    article = corpus / "troops.txt"
    article.write_text(ARTICLE.format(troops="3,000"), encoding="utf-8")
    cache = tmp_path / "cache"

    first_server = await serve_once(workspace, cache)
    assert first_server and not troops_flagged(first_server[0])  # built from the corpus: agrees

    # changed while no server ran: the store does not know yet
    article.write_text(ARTICLE.format(troops="2,500"), encoding="utf-8")
    second_server = await serve_once(workspace, cache)
    assert len(second_server) >= 2
    assert not troops_flagged(second_server[0])  # the store as the last sync left it
    assert troops_flagged(second_server[-1])  # then the sync read the changed article
    [troops] = [d for d in second_server[-1] if text_at(DRAFT, d.range) == "3,000"]
    assert "2,500" in troops.message
