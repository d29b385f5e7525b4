"""The language server as an editor sees it: `factlint serve` driven over stdio by a real LSP client.

Measures the time from starting the process to its answer to `initialize` and to the
first diagnostics of an opened draft (the server publishes a long draft part by part before
the whole: the first and the whole publish are timed), then types into the draft one character at a time, each
keystroke an incremental `didChange`, and times each `didChange` -> `publishDiagnostics`
of that version. `measure_pull` times the same start with an editor that pulls diagnostics
(`textDocument/diagnostic`) when the draft opens and again whenever the server asks it to
(`workspace/diagnostic/refresh`), as VS Code does: to the first answer (a part, for a long
draft) and to the whole draft's. The debounce is set to 0 ms, so the time measured is the
server's own work plus the round trip over the pipes (the figure the target
describes, "minus debounce"). The server's own trace (`$/logTrace`, "work N ms")
is collected alongside.

Run alone: `python -m bench.lsp_latency --corpus DIR --cache DIR --draft FILE`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from bench.generate import DRAFT_DATE

TIMEOUT = 300.0
"""Seconds to wait for any one answer: the first may wait for a cold fact-base build."""
TYPED = " again"
"""What the writer types, one character per keystroke, into a sentence."""
_WORK = re.compile(r"work ([0-9.]+) ms")
_PART = re.compile(r"publish(?:ing|ed) \S+ version (\d+) \((part|whole draft)\)")
"""The server's trace of a part of a draft published before the whole, and of the whole."""
_PULLED = re.compile(r"answering pull of \S+ version (\d+) \((part|whole draft)\)")
"""The same for a pull answered with a part, and for the whole draft's answer after parts."""
EDITOR = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
            related_information=True, version_support=True, code_description_support=True
        )
    )
)
"""A pushed-to editor that shows each finding's sources, as VS Code does (the costlier case)."""
PULLING_EDITOR = types.ClientCapabilities(
    text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
            related_information=True, version_support=True, code_description_support=True
        ),
        diagnostic=types.DiagnosticClientCapabilities(
            related_information=True, code_description_support=True
        ),
    ),
    workspace=types.WorkspaceClientCapabilities(
        diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    ),
)
"""An editor that pulls diagnostics and takes `workspace/diagnostic/refresh`: VS Code with
vscode-languageclient 11 (which advertises both)."""


@dataclass
class Recorder:
    """Each version's publish time, and the server's reported work per publish."""

    published: dict[int, float] = field(default_factory=dict)
    diagnostics: dict[int, int] = field(default_factory=dict)
    last_published: dict[int, float] = field(default_factory=dict)
    last_diagnostics: dict[int, int] = field(default_factory=dict)
    parts: set[int] = field(default_factory=set)
    """Versions whose first publish was of their first part only (the server traces it)."""
    whole: set[int] = field(default_factory=set)
    """Versions whose whole draft was published after its parts."""
    pulled: list[str] = field(default_factory=list)
    """The server's word on each pull it answered with a part ("part") or, after parts, with the
    whole draft ("whole draft"), in order."""
    work_ms: list[float] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    def on_publish(self, params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            now = time.perf_counter()
            self.published.setdefault(params.version, now)
            self.diagnostics.setdefault(params.version, len(params.diagnostics))
            self.last_published[params.version] = now
            self.last_diagnostics[params.version] = len(params.diagnostics)
            self.arrived.set()

    def on_trace(self, params: Any) -> None:
        message = str(getattr(params, "message", params))
        found = _WORK.search(message)
        if found:
            self.work_ms.append(float(found.group(1)))
        part = _PART.search(message)
        if part:
            (self.parts if part.group(2) == "part" else self.whole).add(int(part.group(1)))
            self.arrived.set()
        pulled = _PULLED.search(message)
        if pulled:
            self.pulled.append(pulled.group(2))

    async def version(self, version: int) -> float:
        async with asyncio.timeout(TIMEOUT):
            while version not in self.published:
                self.arrived.clear()
                await self.arrived.wait()
        return self.published[version]

    async def complete(self, version: int) -> float:
        """When `version` was published whole: its first publish, unless that was a part."""
        first = await self.version(version)
        if version not in self.parts:
            return first
        async with asyncio.timeout(TIMEOUT):
            while version not in self.whole:
                self.arrived.clear()
                await self.arrived.wait()
        return self.last_published[version]


@dataclass
class Puller:
    """A pulling editor's pulls of one draft, as vscode-languageclient 11 makes them: one when
    the draft opens, one more whenever the server asks (one after the pull in flight, if any),
    each saying which report it holds; every answer is timed."""

    client: LanguageClient
    uri: str
    recorder: Recorder
    held: str | None = None
    in_flight: bool = False
    again: bool = False
    answers: list[tuple[float, int, bool]] = field(default_factory=list)
    """When each full report came, how many diagnostics it had, and whether it was a part."""
    answered: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None

    def pull(self) -> None:
        if self.in_flight:
            self.again = True
            return
        self.in_flight = True
        self.task = asyncio.ensure_future(self._pulls())

    async def _pulls(self) -> None:
        try:
            while True:
                self.again = False
                traced = len(self.recorder.pulled)
                report = await self.client.text_document_diagnostic_async(
                    types.DocumentDiagnosticParams(
                        text_document=types.TextDocumentIdentifier(uri=self.uri), previous_result_id=self.held
                    )
                )
                now = time.perf_counter()
                if isinstance(report, types.RelatedFullDocumentDiagnosticReport):
                    # the server traces a part before it answers with it
                    part = self.recorder.pulled[traced:] == ["part"]
                    self.answers.append((now, len(report.items), part))
                    self.held = report.result_id
                    self.answered.set()
                if not self.again:
                    return
        finally:
            self.in_flight = False

    async def answer(self, whole: bool) -> tuple[float, int]:
        """The first answer, or the first answer with the whole draft's report."""
        async with asyncio.timeout(TIMEOUT):
            while True:
                for at, count, part in self.answers:
                    if not (whole and part):
                        return at, count
                self.answered.clear()
                await self.answered.wait()


def _client(recorder: Recorder) -> LanguageClient:
    client = LanguageClient("factlint-bench", "1")
    _on(client, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, recorder.on_publish)
    _on(client, types.LOG_TRACE, recorder.on_trace)
    _on(client, types.WINDOW_LOG_MESSAGE, lambda params: recorder.messages.append(params.message))
    _on(client, types.WINDOW_SHOW_MESSAGE, _show)
    _on(client, "factlint/status", lambda params: None)  # the status bar's feed: not measured
    return client


def _on(client: Any, method: str, handler: Callable[[Any], None]) -> None:
    """Register a notification handler (pygls's decorator is untyped and tags the function it gets)."""

    def handle(params: Any) -> None:
        handler(params)

    client.feature(method)(handle)


def _show(params: types.ShowMessageParams) -> None:
    print(f"bench: server says: {params.message}", file=sys.stderr)


def _pid(client: Any) -> int:
    return int(client._server.pid)


def process_cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux): steady when the machine is busy."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def keystroke_positions(text: str, count: int, seed: int) -> list[tuple[int, int]]:
    """Where to type: (line, column) after a sentence's first word, in `count` paragraphs spread out.

    Each place gets the whole of `TYPED`, so every keystroke changes one paragraph.
    """
    lines = text.split("\n")
    body = [n for n, line in enumerate(lines) if line.count(" ") > 8]
    rng = random.Random(seed)
    chosen = sorted(rng.sample(body, min(count, len(body))))
    return [(n, lines[n].index(" ")) for n in chosen]


def compile_bytecode() -> None:
    """Compile the measured factlint's modules to bytecode, once, as installing a wheel does.

    A checkout installed with `pip install -e .` is imported from source, and where
    PYTHONDONTWRITEBYTECODE is set (as on the machines these figures come from) its bytecode is
    never written: every server and `lint` process then compiled factlint's 90 modules again,
    about 0.1 s of CPU that a user's installed factlint never spends. Compiling writes
    `__pycache__` beside the measured sources, whatever the variable says; the other packages
    were compiled by pip when they were installed."""
    where = subprocess.run(
        [sys.executable, "-c", "import factlint, os; print(os.path.dirname(factlint.__file__))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True, stdout=subprocess.DEVNULL)


def _settings(corpus: Path, cache: Path) -> dict[str, Any]:
    return {
        "corpus": [str(corpus.resolve())],
        "cache-dir": str(cache.resolve()),
        "debounce-ms": 0,
        "date": DRAFT_DATE.isoformat(),
    }


async def measure(corpus: Path, cache: Path, draft: Path, places: int = 5, seed: int = 0) -> dict[str, Any]:
    """Start a server, open `draft`, time its first diagnostics, then type at `places` places."""
    compile_bytecode()
    text = draft.read_text(encoding="utf-8")
    recorder = Recorder()
    client = _client(recorder)
    uri = draft.resolve().as_uri()
    settings = _settings(corpus, cache)
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "factlint", "serve")
    try:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=EDITOR,
                root_uri=draft.resolve().parent.as_uri(),
                initialization_options={"factlint": settings},
                trace=types.TraceValue.Verbose,
            )
        )
        initialize = time.perf_counter() - started
        initialize_cpu = process_cpu_seconds(_pid(client))  # what preceded the answer to `initialize`
        client.initialized(types.InitializedParams())
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        first = await recorder.version(1) - started
        first_cpu = process_cpu_seconds(_pid(client))  # the server's CPU from its start: steadier under load
        first_count = recorder.diagnostics[1]
        whole = await recorder.complete(1) - started  # the same, unless the first was a part
        whole_cpu = process_cpu_seconds(_pid(client)) if 1 in recorder.parts else first_cpu
        whole_count = recorder.last_diagnostics[1]
        recorder.work_ms.clear()
        cpu_before = process_cpu_seconds(_pid(client))
        latencies = []
        version = 1
        for line, column in keystroke_positions(text, places, seed):
            for offset, char in enumerate(TYPED):
                version += 1
                at = types.Position(line=line, character=column + offset)
                sent = time.perf_counter()
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                        content_changes=[
                            types.TextDocumentContentChangePartial(range=types.Range(at, at), text=char)
                        ],
                    )
                )
                latencies.append(await recorder.version(version) - sent)
        cpu = process_cpu_seconds(_pid(client)) - cpu_before
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await cast(Any, client).stop()
    return {
        "initialize_s": initialize,
        "initialize_cpu_s": initialize_cpu,
        "first_diagnostics_s": first,
        "first_diagnostics_cpu_s": first_cpu,
        "first_diagnostics_count": first_count,
        "first_diagnostics_partial": 1 in recorder.parts,
        "whole_diagnostics_s": whole,
        "whole_diagnostics_cpu_s": whole_cpu,
        "whole_diagnostics_count": whole_count,
        "keystrokes": len(latencies),
        "keystroke_ms_median": 1000 * statistics.median(latencies) if latencies else None,
        "keystroke_ms_p90": 1000 * sorted(latencies)[int(0.9 * (len(latencies) - 1))] if latencies else None,
        "keystroke_cpu_ms_mean": 1000 * cpu / max(len(latencies), 1),
        "server_work_ms_median": statistics.median(recorder.work_ms) if recorder.work_ms else None,
        "from_cache": any("from cache" in m for m in recorder.messages),
    }


async def measure_pull(corpus: Path, cache: Path, draft: Path) -> dict[str, Any]:
    """Start a server for a pulling editor, open `draft`, time the first answer to its pull and
    the answer with the whole draft's report."""
    compile_bytecode()
    text = draft.read_text(encoding="utf-8")
    recorder = Recorder()
    client = _client(recorder)
    uri = draft.resolve().as_uri()
    puller = Puller(client, uri, recorder)
    _on(client, types.WORKSPACE_DIAGNOSTIC_REFRESH, lambda params: puller.pull())
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "factlint", "serve")
    try:
        await client.initialize_async(
            types.InitializeParams(
                capabilities=PULLING_EDITOR,
                root_uri=draft.resolve().parent.as_uri(),
                initialization_options={"factlint": _settings(corpus, cache)},
                trace=types.TraceValue.Verbose,
            )
        )
        client.initialized(types.InitializedParams())
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        puller.pull()  # as vscode-languageclient does once the open is sent
        first, first_count = await puller.answer(whole=False)
        first_cpu = process_cpu_seconds(_pid(client))
        partial = puller.answers[0][2]
        whole, whole_count = await puller.answer(whole=True)
        whole_cpu = process_cpu_seconds(_pid(client)) if partial else first_cpu
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await cast(Any, client).stop()
    return {
        "first_pull_s": first - started,
        "first_pull_cpu_s": first_cpu,
        "first_pull_count": first_count,
        "first_pull_partial": partial,
        "whole_pull_s": whole - started,
        "whole_pull_cpu_s": whole_cpu,
        "whole_pull_count": whole_count,
        "pulls": len(puller.answers),
        "from_cache": any("from cache" in m for m in recorder.messages),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lsp_latency")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--draft", type=Path, required=True)
    parser.add_argument("--places", type=int, default=5)
    parser.add_argument("--pull", action="store_true", help="time a pulling editor's start instead")
    args = parser.parse_args(argv)
    if args.pull:
        result = asyncio.run(measure_pull(args.corpus, args.cache, args.draft))
    else:
        result = asyncio.run(measure(args.corpus, args.cache, args.draft, args.places))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
