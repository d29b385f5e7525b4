"""`factlint serve`: the language server, a thin layer of LSP handlers over a `Session`.

`create_server()` builds a fresh server with its own state (tests and embedders
can make several); every handler only translates between LSP and the session.
Nothing heavy is imported here: the engine and spaCy load after `initialized`,
so `initialize` is answered at once.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import sys
import threading
from typing import Any, BinaryIO

from cattrs import Converter
from lsprotocol import types
from pygls.io_ import StdoutWriter, run_async
from pygls.lsp.server import LanguageServer
from pygls.protocol import default_converter

from factlint import __version__
from factlint.lsp.framing import FramedReader
from factlint.lsp.protocol import FactlintProtocol
from factlint.lsp.session import Session

logger = logging.getLogger("factlint.server")

REBUILD_COMMAND = "factlint.rebuild"
FACTS_COMMAND = "factlint.facts"


class FactlintServer(LanguageServer):
    """A pygls server that carries its `Session`."""

    def __init__(self) -> None:
        super().__init__(
            "factlint",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            converter_factory=self._converter,
            protocol_cls=FactlintProtocol,
        )
        self.session = Session(self)
        self.shut_down = False

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        """pygls' stdio loop, reading through `FramedReader` (a bad Content-Length costs one
        message: see `lsp.framing`)."""
        self._stop_event = threading.Event()
        writer = StdoutWriter(stdout or sys.stdout.buffer)
        self.protocol.set_writer(writer)
        source = stdin or sys.stdin.buffer
        reader = FramedReader(source.fileno(), self.thread_pool, writer.write)
        try:
            asyncio.run(
                run_async(
                    stop_event=self._stop_event,
                    reader=reader,
                    protocol=self.protocol,
                    logger=logger,
                    error_handler=self.report_server_error,
                )
            )
        except BrokenPipeError:
            logger.error("the client is gone; shutting down")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]

    def _converter(self) -> Converter:
        """pygls' converter, taking related information from the session's memo."""
        converter: Converter = default_converter()  # type: ignore[no-untyped-call]
        plain = converter.get_unstructure_hook(types.DiagnosticRelatedInformation)
        converter.register_unstructure_hook(
            types.DiagnosticRelatedInformation,
            lambda info: self.session.sources.unstructured(info, plain),
        )
        return converter


def create_server() -> FactlintServer:
    server = FactlintServer()
    session = server.session

    @server.feature(types.INITIALIZE)
    def initialize(params: types.InitializeParams) -> None:
        session.initialize(params)

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        await session.initialized()

    @server.feature(types.SHUTDOWN)
    def shutdown(params: None) -> None:
        session.shutdown()
        server.shut_down = True

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: types.DidOpenTextDocumentParams) -> None:
        session.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: types.DidChangeTextDocumentParams) -> None:
        session.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(params: types.DidSaveTextDocumentParams) -> None:
        session.saved(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: types.DidCloseTextDocumentParams) -> None:
        session.closed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(params: types.HoverParams) -> types.Hover | None:
        return await session.hover(params.text_document.uri, params.position)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def code_action(params: types.CodeActionParams) -> list[types.CodeAction] | None:
        return await session.code_actions(params.text_document.uri, params.range)

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="factlint", inter_file_dependencies=False, workspace_diagnostics=False
        ),
    )
    async def diagnostic(params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        return await session.pull_diagnostics(params.text_document.uri, params.previous_result_id)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        await session.settings_changed(params.settings)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        session.watched_files_changed(list(params.changes))

    @server.command(REBUILD_COMMAND)
    async def rebuild(*args: Any) -> dict[str, Any]:
        return await session.rebuild()

    @server.command(FACTS_COMMAND)
    async def facts(*args: Any) -> str:
        return await session.facts()

    return server


def serve_stdio() -> int:
    """Serve over stdin/stdout until the client says `exit`; logs go to stderr."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="factlint: %(message)s")
    # The server has threads (pygls' stdin reader, the check and build workers). A worker
    # process forked from it inherits whatever locks they hold, and one held by the stdin
    # reader mid-read hangs the child for ever; so the engine's worker processes start
    # from a fork server, which has no threads.
    multiprocessing.set_start_method("forkserver", force=True)
    server = create_server()
    server.start_io()
    # `exit` without `shutdown` (or the client gone) is exit code 1 (the spec); pygls' own
    # `exit` handler computes it but its loop swallows the SystemExit that carries it.
    return 0 if server.shut_down else 1
