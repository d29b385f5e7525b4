"""A writer's editor as the server sees it: the helpers the end-to-end tests are written in.

`Editor` wraps a pytest-lsp client with what a writer does (open, type, hover,
apply a fix) and waits for the server's answers with `wait_for_notification`,
never by sleeping. A pulling client (Neovim) asks for diagnostics; a pushed-to
client (VS Code) waits for `publishDiagnostics`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

DATA = Path(__file__).parent / "data"
DRAFT = (DATA / "envoy-doha-2021.md").read_text(encoding="utf-8")
"""A draft that contradicts the bundled seeds: 3,000 troops, Uzbekistan, three missiles."""
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TIMEOUT = 120
"""Seconds to wait for any one answer; the first build of the fact base is the slowest."""

Diagnostics = Sequence[types.Diagnostic]

PULL_WITH_REFRESH = "visual_studio_code+pull"
"""VS Code's capabilities plus pull diagnostics with `workspace/diagnostic/refresh` (3.17
clients such as current VS Code); for tests that parametrise `client` with it."""


def capabilities(profile: str) -> types.ClientCapabilities:
    if profile != PULL_WITH_REFRESH:
        return client_capabilities(profile)
    caps = client_capabilities("visual_studio_code")
    assert caps.text_document is not None and caps.workspace is not None
    caps.text_document.diagnostic = types.DiagnosticClientCapabilities()
    caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    return caps


class RecordingClient(LanguageClient):
    """The pytest-lsp client, also keeping every `publishDiagnostics` in order and telling when
    the server asks it to pull diagnostics again."""

    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.refreshed = asyncio.Event()
        """Set at each `workspace/diagnostic/refresh` (`diagnostic_refresh_count` counts them)."""
        register_lsp_features(
            self,
            {
                **DEFAULT_CLIENT_FEATURES,
                types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record,
                types.WORKSPACE_DIAGNOSTIC_REFRESH: _refreshed,
            },
        )


def _record(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
    client.published.append(params)
    client.diagnostics[params.uri] = params.diagnostics


def _refreshed(client: RecordingClient, params: None) -> None:
    client.diagnostic_refresh_count += 1
    client.refreshed.set()


class Editor:
    """A writer's editor, as seen by the server."""

    def __init__(self, client: RecordingClient, root: Path, encoding: str) -> None:
        self.client = client
        self.root = root
        self.encoding = encoding
        """The position encoding the server chose from the client's list."""
        self.versions: dict[str, int] = {}
        self.registrations: list[types.Registration] = []
        """What the server registered dynamically (file watchers)."""

    @property
    def pulls(self) -> bool:
        caps = self.client.capabilities
        return bool(caps and caps.text_document and caps.text_document.diagnostic)

    @property
    def takes_refresh(self) -> bool:
        """Whether the client can be asked to pull again (`workspace/diagnostic/refresh`)."""
        caps = self.client.capabilities
        return bool(
            caps
            and caps.workspace
            and caps.workspace.diagnostics
            and caps.workspace.diagnostics.refresh_support
        )

    def uri(self, name: str) -> str:
        return (self.root / name).resolve().as_uri()

    def open(self, name: str, text: str, language: str = "markdown") -> str:
        uri = self.uri(name)
        self.versions[uri] = 1
        self.client.diagnostics.pop(uri, None)
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
            )
        )
        return uri

    def edit(self, uri: str, where: types.Range, text: str) -> int:
        """Replace `where` with `text`, as one incremental change; returns the new version."""
        self.versions[uri] += 1
        self.client.diagnostics.pop(uri, None)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=[types.TextDocumentContentChangePartial(range=where, text=text)],
            )
        )
        return self.versions[uri]

    def apply(self, uri: str, edit: types.WorkspaceEdit) -> None:
        """Apply a workspace edit from a code action to the open document."""
        edits: list[types.TextEdit] = []
        if edit.document_changes:
            for change in edit.document_changes:
                assert isinstance(change, types.TextDocumentEdit)
                assert change.text_document.uri == uri
                edits += [e for e in change.edits if isinstance(e, types.TextEdit)]
        elif edit.changes:
            edits += edit.changes[uri]
        for text_edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character)):
            self.edit(uri, text_edit.range, text_edit.new_text)

    async def notification(self, method: str) -> Any:
        async with asyncio.timeout(TIMEOUT):
            return await self.client.wait_for_notification(method)

    async def published_for(
        self, uri: str, until: Callable[[Diagnostics], bool] = lambda _: True
    ) -> Diagnostics:
        """Wait for a `publishDiagnostics` for `uri` that satisfies `until`."""
        async with asyncio.timeout(TIMEOUT):
            while True:
                found = self.client.diagnostics.get(uri)
                if found is not None and until(found):
                    return found
                await self.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    async def pull(self, uri: str, previous: str | None = None) -> types.DocumentDiagnosticReport:
        async with asyncio.timeout(TIMEOUT):
            return await self.client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    previous_result_id=previous,
                )
            )

    async def diagnostics(
        self, uri: str, until: Callable[[Diagnostics], bool] = lambda _: True
    ) -> Diagnostics:
        """The draft's diagnostics as this client gets them: pulled, or pushed by the server.

        A pulling client asks again until `until` holds: when the server asks it to (if it
        can be asked), else after each fact-base build.
        """
        if not self.pulls:
            return await self.published_for(uri, until)
        held: types.RelatedFullDocumentDiagnosticReport | None = None
        while True:
            builds, refreshes = self.builds_finished(), self.client.diagnostic_refresh_count
            report = await self.pull(uri, held.result_id if held else None)
            if isinstance(report, types.RelatedFullDocumentDiagnosticReport):
                held = report
            assert held is not None, f"the first pull was answered {report}"
            if until(held.items):
                return held.items
            if self.takes_refresh:
                await self.refresh_asked(after=refreshes)
            else:
                await self.build_finished(after=builds)

    async def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        return await self.client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
        )

    async def code_actions(
        self, uri: str, diagnostic: types.Diagnostic
    ) -> list[types.CodeAction | types.Command]:
        result = await self.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=diagnostic.range,
                context=types.CodeActionContext(diagnostics=[diagnostic]),
            )
        )
        return list(result or [])

    def files_changed(self, *paths: Path, kind: types.FileChangeType = types.FileChangeType.Changed) -> None:
        self.client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=p.resolve().as_uri(), type=kind) for p in paths]
            )
        )

    def builds_finished(self) -> int:
        """How many fact-base builds have ended (`$/progress` end notifications) so far."""
        return sum(
            isinstance(value, types.WorkDoneProgressEnd)
            for values in self.client.progress_reports.values()
            for value in values
        )

    async def refresh_asked(self, after: int) -> None:
        """Wait until the server has asked more than `after` times to pull again."""
        async with asyncio.timeout(TIMEOUT):
            while self.client.diagnostic_refresh_count <= after:
                self.client.refreshed.clear()
                await self.client.refreshed.wait()

    async def build_finished(self, after: int) -> None:
        """Wait until more than `after` fact-base builds have ended."""
        async with asyncio.timeout(TIMEOUT):
            while self.builds_finished() <= after:
                await self.client.wait_for_notification(types.PROGRESS)


def text_at(text: str, where: types.Range) -> str:
    """The text a single-line range covers (for ASCII lines)."""
    assert where.start.line == where.end.line
    line = text.splitlines()[where.start.line]
    return line[where.start.character : where.end.character]
