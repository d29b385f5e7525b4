"""`factlint serve` spoken to over its pipes, byte by byte, as a fuzzer or a careless client would.

pytest-lsp speaks correct LSP; these tests also need to send what no client
should (requests before `initialize`, broken headers, params of the wrong
shape) and to see exactly what comes back, or that nothing does.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .running import Home

Message = dict[str, Any]


class Server:
    """One `factlint serve` process and everything it has said so far."""

    def __init__(self, home: Home, cwd: Path | None = None, args: tuple[str, ...] = ()) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "factlint", "serve", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=home.env(),
            start_new_session=True,
        )
        self.received: list[Message] = []
        self._inbox: queue.Queue[Message | None] = queue.Queue()
        self.stderr = bytearray()
        self._ids = itertools.count(1)
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # --- sending ---------------------------------------------------------------------------

    def write(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: Message) -> None:
        body = json.dumps(message).encode()
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method: str, params: Any = None) -> int:
        ident = next(self._ids)
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return ident

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    # --- receiving ---------------------------------------------------------------------------

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self._inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self._inbox.put(json.loads(stream.read(length)))

    def _drain_stderr(self) -> None:
        stream = self.process.stderr
        assert stream is not None
        for chunk in iter(lambda: stream.read1(65536), b""):
            self.stderr.extend(chunk)

    def wait_for(self, wanted: Callable[[Message], bool], timeout: float = 60) -> Message | None:
        """The first message so far (or within `timeout` seconds) that is `wanted`, else None."""
        found = next((m for m in self.received if wanted(m)), None)
        deadline = time.monotonic() + timeout
        while found is None and time.monotonic() < deadline:
            try:
                message = self._inbox.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if message is None:
                break
            self.received.append(message)
            if wanted(message):
                found = message
        return found

    def response(self, ident: int, timeout: float = 60) -> Message | None:
        return self.wait_for(lambda m: m.get("id") == ident and "method" not in m, timeout)

    def status(self, timeout: float = 120) -> Message | None:
        """The first `factlint/status` saying the fact base is ready or failed."""
        return self.wait_for(
            lambda m: m.get("method") == "factlint/status" and m["params"]["state"] in ("ready", "error"),
            timeout,
        )

    # --- the usual conversation ---------------------------------------------------------------

    def initialize(self, root: Path, options: Any = None, capabilities: Any = None) -> Message | None:
        ident = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.resolve().as_uri(),
                "capabilities": capabilities
                or {"textDocument": {"publishDiagnostics": {"relatedInformation": True}}},
                "initializationOptions": options,
            },
        )
        answer = self.response(ident)
        self.notify("initialized", {})
        return answer

    def open(self, path: Path, text: str, version: int = 1) -> str:
        uri = path.resolve().as_uri()
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}},
        )
        return uri

    def diagnostics(self, uri: str, timeout: float = 60) -> list[Message] | None:
        found = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
            timeout,
        )
        return None if found is None else list(found["params"]["diagnostics"])

    def stop(self, timeout: float = 20) -> int:
        """`shutdown` then `exit`, as an editor closes it; returns the exit code."""
        if self.process.poll() is None:
            try:
                self.response(self.request("shutdown"), timeout)
                self.notify("exit")
            except (BrokenPipeError, OSError):
                pass
        return self.wait(timeout)

    def wait(self, timeout: float = 20) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
            raise

    def log(self) -> str:
        return self.stderr.decode("utf-8", "replace")
