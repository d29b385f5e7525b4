"""The server's end of the stdio stream: a bad `Content-Length` costs one message, never the stream.

Why not pygls' reader: pygls 2.1's loop (`pygls.io_.run_async`) believes the header.
A length longer than the message waits for bytes that belong to the next ones, 10^12
asks `read` for a terabyte, and a negative, missing or short one reads a body as
headers and loses the message after it as well. pygls has no limit to set and no
hook for a parse error (no upstream issue found at the time of writing), so this
reader does the framing itself and hands pygls only whole, well-formed messages,
in the header form its loop expects.

What a bad frame gets: a JSON-RPC parse error (-32700, id null) naming what was
wrong, and reading goes on from the next `Content-Length` header in the stream. A
header inside a claimed body is proof the length was too long: JSON cannot hold a
raw CR LF inside a string, and the words of a header outside one.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor

MAX_MESSAGE_BYTES = 256 * 1024 * 1024
"""A larger declared length is refused, not allocated (the server takes 10 MB drafts)."""
MAX_HEADER_BYTES = 64 * 1024
"""Header bytes kept while looking for the blank line that ends them."""
CHUNK = 1 << 16
_LENGTH = re.compile(rb"content-length:[ \t]*([^\r\n]*)\r\n", re.IGNORECASE)
_NEXT_HEADER = re.compile(rb"content-length:[ \t]*\d+\r\n", re.IGNORECASE)
"""Where a message starts: a raw CR LF cannot occur inside a JSON body, so this is no draft's text."""


class FramedReader:
    """pygls' `AsyncReader` (`readline`, `readexactly`) over frames checked here first."""

    def __init__(self, fd: int, executor: Executor | None, answer: Callable[[bytes], None]) -> None:
        self._fd = fd
        self._executor = executor
        self._answer = answer
        """Writes a framed response to the client (the parse errors)."""
        self._buffer = bytearray()
        self._lines: deque[bytes] = deque()
        self._body = b""

    async def readline(self) -> bytes:
        if not self._lines:
            body = await self.next_message()
            if body is None:
                return b""
            self._body = body
            self._lines.extend((b"Content-Length: %d\r\n" % len(body), b"\r\n"))
        return self._lines.popleft()

    async def readexactly(self, n: int) -> bytes:
        body, self._body = self._body, b""
        return body

    async def next_message(self) -> bytes | None:
        """The next well-formed message body; None at the end of the input."""
        while True:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buffer) > MAX_HEADER_BYTES:
                    self._drop_to_header(len(self._buffer) - MAX_HEADER_BYTES)
                if not await self._more():
                    return None
                continue
            start = end + 4
            found = list(_LENGTH.finditer(self._buffer, 0, end + 2))
            if not found:
                self._refuse("no Content-Length header", start)
                continue
            value = found[-1].group(1).strip()
            if not value.isdigit():
                self._refuse(f"Content-Length {value[:40].decode('latin-1')!r} is not a length", start)
                continue
            length = int(value)
            if length > MAX_MESSAGE_BYTES:
                self._refuse(f"Content-Length {length} is over the limit of {MAX_MESSAGE_BYTES}", start)
                continue
            state = await self._until(start, start + length)
            if state == "end":
                return None
            if state == "short":
                continue
            body = bytes(self._buffer[start : start + length])
            del self._buffer[: start + length]
            try:
                json.loads(body)
            except ValueError as error:  # also a short length: the rest precedes the next header
                self._parse_error(f"the message is not JSON ({error.__class__.__name__})")
                continue
            return body

    async def _until(self, start: int, size: int) -> str:
        """Wait until the buffer holds `size` bytes: "ok"; "end" of input first; or "short", the
        body claimed from `start` holds the start of another message (which is read next)."""
        while True:
            later = _NEXT_HEADER.search(self._buffer, start)
            if later is not None and later.start() < size:
                self._parse_error("Content-Length is longer than the message")
                del self._buffer[: later.start()]
                return "short"
            if len(self._buffer) >= size:
                return "ok"
            if not await self._more():
                return "end"

    async def _more(self) -> bool:
        """Append what arrives next; False at the end of input."""
        loop = asyncio.get_running_loop()
        data = await loop.run_in_executor(self._executor, os.read, self._fd, CHUNK)
        self._buffer += data
        return bool(data)

    def _refuse(self, why: str, start: int) -> None:
        """A header block that cannot frame a message: answer, and read on after it."""
        self._parse_error(why)
        del self._buffer[:start]

    def _drop_to_header(self, keep_from: int) -> None:
        """Bytes that frame nothing (the body of a refused message): keep from the next header."""
        found = [m.start() for m in _NEXT_HEADER.finditer(self._buffer)]
        del self._buffer[: found[-1] if found and found[-1] > 0 else keep_from]

    def _parse_error(self, why: str) -> None:
        reply = {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": f"Parse error: {why}"}}
        body = json.dumps(reply).encode()
        self._answer(b"Content-Length: %d\r\n\r\n" % len(body) + body)
