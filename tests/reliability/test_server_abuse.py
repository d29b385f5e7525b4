"""The language server answers what the specification says, even to a client that gets it wrong.

Requests before `initialize`, params of the wrong shape, `exit` without `shutdown`, and
ten thousand edits: each had no answer, the wrong exit code, or a memory cost per
keystroke (pygls 2.1.1; see factlint/lsp/protocol.py).
"""

from __future__ import annotations

from pathlib import Path

from .rpc import Server
from .running import Home


def test_a_request_before_initialize_is_refused_at_once(tmp_path: Path, home: Home) -> None:
    server = Server(home)
    try:
        ident = server.request(
            "textDocument/hover",
            {"textDocument": {"uri": "file:///x.md"}, "position": {"line": 0, "character": 0}},
        )
        answer = server.response(ident, timeout=10)
        assert answer is not None and answer["error"]["code"] == -32002, answer
        assert server.initialize(tmp_path) is not None  # and the server still starts normally
    finally:
        server.stop()


def test_a_request_with_params_of_the_wrong_shape_gets_an_error_response(tmp_path: Path, home: Home) -> None:
    server = Server(home)
    try:
        server.initialize(tmp_path)
        ident = server.request("textDocument/hover", {"textDocument": 42})
        answer = server.response(ident, timeout=10)
        assert answer is not None and answer["error"]["code"] == -32602, answer
        again = server.request("shutdown")
        assert server.response(again, timeout=10) is not None  # still answering
        server.notify("exit")
        assert server.wait() == 0
    finally:
        server.stop()


def test_exit_without_shutdown_exits_1(tmp_path: Path, home: Home) -> None:
    server = Server(home)
    server.initialize(tmp_path)
    server.notify("exit")
    assert server.wait() == 1


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_ten_thousand_edits_cost_no_memory_beyond_the_bounded_caches(tmp_path: Path, home: Home) -> None:
    """A 2,000-word draft, one character typed and deleted 5,000 times: after the first
    1,000 edits warm the caches, the next 9,000 add less than 3 MB (pygls kept ~1 KB each)."""
    from bench.generate import draft_text

    text = draft_text(7, 2000)
    server = Server(home)
    try:
        server.initialize(tmp_path)
        assert server.status() is not None
        uri = server.open(tmp_path / "long.md", text)
        assert server.diagnostics(uri, timeout=120) is not None
        version = 1

        def edits(count: int) -> None:
            nonlocal version
            for n in range(count):
                version += 1
                change = (
                    {
                        "range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}},
                        "text": "x",
                    }
                    if n % 2 == 0
                    else {
                        "range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 1}},
                        "text": "",
                    }
                )
                server.notify(
                    "textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
                )
            last = version
            server.received.clear()
            found = server.wait_for(
                lambda m: (
                    m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("version") == last
                ),
                timeout=300,
            )
            assert found is not None, f"no diagnostics for version {last}"

        edits(1000)
        warm = rss_kb(server.process.pid)
        edits(9000)
        grown = rss_kb(server.process.pid) - warm
        print(f"RSS after 1,000 edits: {warm} KB; after 10,000: {warm + grown} KB (+{grown} KB)")
        assert grown < 3 * 1024, f"{grown} KB more after 9,000 edits"
    finally:
        server.stop()
