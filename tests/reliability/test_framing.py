"""A bad `Content-Length` costs the client one message, never the stream or the server.

pygls 2.1 believed the header: a long one swallowed the messages after it, 10^12 asked for
a terabyte, and a short, negative or missing one read a body as headers and lost the next
message too. Each bad frame now gets one parse error (-32700, id null), and the request
sent right after it is answered as if nothing had happened.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .rpc import Server
from .running import Home

HOVER = {"textDocument": {"uri": "file:///draft.md"}, "position": {"line": 0, "character": 0}}


def framed(length: bytes) -> Callable[[bytes], bytes]:
    return lambda body: b"Content-Length: " + length + b"\r\n\r\n" + body


BAD_FRAMES: dict[str, Callable[[bytes], bytes]] = {
    "short": lambda body: b"Content-Length: %d\r\n\r\n" % (len(body) - 10) + body,
    "long": lambda body: b"Content-Length: %d\r\n\r\n" % (len(body) + 40) + body,
    "negative": framed(b"-5"),
    "not a number": framed(b"many"),
    "10^12": framed(b"1000000000000"),
    "missing": lambda body: b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body,
}


def parse_errors(server: Server) -> int:
    return sum(1 for m in server.received if m.get("id") is None and m.get("error", {}).get("code") == -32700)


def test_each_bad_content_length_gets_a_parse_error_and_the_next_request_its_answer(
    tmp_path: Path, home: Home
) -> None:
    server = Server(home)  # not initialized: every request is answered at once with -32002
    try:
        for n, (case, frame) in enumerate(BAD_FRAMES.items(), start=1):
            body = json.dumps(
                {"jsonrpc": "2.0", "id": 1000 + n, "method": "textDocument/hover", "params": HOVER}
            )
            server.write(frame(body.encode()))
            probe = server.request("textDocument/hover", HOVER)
            answer = server.response(probe, timeout=10)
            assert answer is not None and answer["error"]["code"] == -32002, (
                case,
                server.received,
                server.log(),
            )
            assert parse_errors(server) == n, (case, server.received)
            assert server.process.poll() is None, (case, server.log())
        assert server.initialize(tmp_path) is not None  # and it starts normally after all that
    finally:
        server.stop()
