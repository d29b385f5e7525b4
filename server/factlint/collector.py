"""The garbage collector while the language server starts: held, then set for a long life.

Why: start-up (pygls, spaCy, the engine) makes a few hundred thousand objects that live as
long as the process, and the first check of a draft makes as many again (its candidates'
facts, kept in the store's memos). The collector's default young threshold (700 new
objects) runs hundreds of passes over them, and every full pass walks all of them again:
about 0.2 s of CPU while the modules import and 0.35 s in the first check of a 2,000-word
draft, a sixth of the language server's CPU before its first diagnostics. It finds little
garbage: the objects are in use. So `hold` stops automatic collection while the server
starts; `settle`, once the first engine is open, moves everything alive into the permanent
generation (`gc.freeze`: never walked again), and collects young objects less often. The
price is memory: the cycles the imports leave as garbage (about 45,000 objects, 15 MB of a
server's 280) are frozen with the rest, for good; a full collection to find them first would
cost 0.1 s, and gives back half of that memory.

Collection is held only by `hold` (the `serve` command): a library user's, or a test's,
collector is never changed.
"""

from __future__ import annotations

import gc
import threading

YOUNG_OBJECTS = 20_000
"""New container objects between two young collections (Python's default is 700). A check makes
hundreds of thousands that outlive it in the store's memos; at 700 each is walked again and
again as it ages. Garbage cycles are still collected, only in larger batches: memory held by
uncollected young cycles stays in the megabytes."""

_state = threading.Lock()
_held = False


def hold() -> None:
    """Stop automatic collection while the process starts (see the module's docstring)."""
    global _held
    with _state:
        if gc.isenabled():
            gc.disable()
            _held = True


def settle() -> None:
    """After start-up: freeze what is alive, collect young objects less often, collect again.

    Does nothing unless `hold` stopped collection, and only once: what the first engine holds
    is frozen with it (an engine replaced later leaves at most its cycles, once)."""
    global _held
    with _state:
        if not _held:
            return
        _held = False
        gc.freeze()
        _, middle, old = gc.get_threshold()
        gc.set_threshold(YOUNG_OBJECTS, middle, old)
        gc.enable()
