"""Worker processes that die with the process that started their pool, however it dies.

A `ProcessPoolExecutor` worker waits for work on a pipe whose write end its
sibling workers also hold, so when the owner is killed (kill -9, an editor
closing a hung server, the OOM killer) nobody ever closes it and the workers wait
for ever, each holding a spaCy pipeline's memory. `pool.shutdown()` in a
`finally` covers every exit Python sees; this covers the ones it does not:

- the kernel sends the worker SIGKILL when its parent process goes
  (`PR_SET_PDEATHSIG`, Linux), which covers workers forked or spawned by the owner;
- a worker started from a fork server is the fork server's child, and the fork
  server outlives the owner (every worker holds its "alive" pipe open), so the
  owner is watched too: by a watchdog process forked from the worker, blocked on a
  pidfd of the owner (Linux 5.3+), which SIGKILLs the worker when the owner ends
  and dies with the worker otherwise. A process, not a thread: a thread needs the
  worker's GIL to act, and a worker deep in spaCy may not give it up for a while,
  which made a kill -9 test miss its deadline now and then. Without pidfds, a
  thread polls for the owner once a second.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import select
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 1.0


def die_with_parent(owner: int | None = None) -> None:
    """Call first thing in a worker process (a pool's `initializer`, `owner` its `os.getpid()`)."""
    parent = os.getppid()
    owner = parent if owner is None else owner
    if sys.platform == "linux" and _pdeathsig() and os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was armed
    if owner != parent or sys.platform != "linux":
        if not _watchdog(owner):
            threading.Thread(target=_watch, args=(owner,), daemon=True, name="factlint-owner-watch").start()


def _watchdog(owner: int) -> bool:
    """Fork a process that SIGKILLs this one when `owner` ends; False if pidfds are missing."""
    pidfd_open = getattr(os, "pidfd_open", None)
    if pidfd_open is None or sys.platform != "linux":
        return False
    try:
        fd = pidfd_open(owner)
    except ProcessLookupError:
        os._exit(1)  # the owner is already gone
    except OSError:
        return False
    worker = os.getpid()
    if os.fork() != 0:
        os.close(fd)
        return True
    try:  # the watchdog: nothing but the pidfd, and gone with the worker
        _pdeathsig()
        if os.getppid() == worker:
            os.closerange(0, fd)
            os.closerange(fd + 1, os.sysconf("SC_OPEN_MAX"))
            select.select([fd], [], [])  # readable once the owner has exited
            os.kill(worker, signal.SIGKILL)
    finally:
        os._exit(0)


def _pdeathsig() -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(owner: int) -> None:
    """Return never; end this process when `owner` has ended."""
    pidfd_open = getattr(os, "pidfd_open", None)
    if pidfd_open is not None:
        try:
            fd = pidfd_open(owner)
        except ProcessLookupError:
            os._exit(1)
        except OSError:
            fd = None
        if fd is not None:
            select.select([fd], [], [])  # readable once the owner has exited
            os._exit(1)
    while _alive(owner):
        time.sleep(POLL_SECONDS)
    os._exit(1)


def _alive(pid: int) -> bool:
    with contextlib.suppress(PermissionError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
    return True
