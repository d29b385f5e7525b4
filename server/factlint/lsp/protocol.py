"""pygls' protocol with the answers the LSP specification asks for, where pygls 2.1.1 gives none.

Each override works around pygls itself (the code is the same on its main branch,
e0fc705); the fixes belong upstream:

- A request before `initialize` gets `-32002 ServerNotInitialized` at once (spec:
  "Initialize Request"); pygls handled it, failing on the missing workspace.
- A request whose params do not fit its type gets `-32602 InvalidParams`; pygls
  raised inside its JSON object hook, logged, and never answered, so the client
  waited for ever.
- A notification's handler future is forgotten when it is done. Since pygls
  re-implemented its built-in handlers as generators (upstream commit 2d960f0),
  every `didChange` left one in `_request_futures`: about 1 KB per keystroke. The
  same family: openlawlibrary/pygls#608 (`_result_types`), #607 (progress tokens).

The stream's framing (a bad `Content-Length`) is worked around in `lsp.framing`.
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams, JsonRpcServerNotInitialized
from pygls.protocol import LanguageServerProtocol

log = logging.getLogger(__name__)


class _Rejected:
    """A request pygls could not structure: answered with an error, never handled."""

    jsonrpc = "2.0"

    def __init__(self, msg_id: Any, method: str) -> None:
        self.id = msg_id
        self.method = method


class FactlintProtocol(LanguageServerProtocol):
    initialize_seen = False

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcInvalidParams:
            if "id" in data and isinstance(data.get("method"), str):
                return _Rejected(data["id"], data["method"])
            raise

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        is_request = method is not None and getattr(message, "id", None) is not None
        if isinstance(message, _Rejected):
            invalid = JsonRpcInvalidParams(f"the params of {message.method} do not fit its type")
            self._send_response(message.id, None, invalid.to_response_error())
            return
        if not self.initialize_seen and method not in (types.INITIALIZE, types.EXIT):
            if is_request:
                early = JsonRpcServerNotInitialized("the server has not been initialized")
                self._send_response(message.id, None, early.to_response_error())
            return  # notifications before initialize are dropped (the spec)
        if method == types.INITIALIZE:
            self.initialize_seen = True
        super().handle_message(message)

    def _execute_handler(
        self,
        msg_id: Any,
        handler: Any,
        callback: Any,
        args: Any = None,
        kwargs: Any = None,
    ) -> None:
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        if callback == self._check_handler_result:  # a notification: nobody asks for it again
            future = self._request_futures.get(msg_id)
            if future is not None:
                future.add_done_callback(lambda _: self._request_futures.pop(msg_id, None))
