"""One cache, several processes, a corpus that changes under them, and a store that gets damaged.

Two CI jobs, an editor's server and a pre-commit hook share one fact-base store.
Concurrent runs must each see one consistent state of it (never a mix, never
"database is locked"), a server must follow what another process wrote, damage
must be repaired on disk once and said, an edit that keeps size and time must be
seen, and a killed run must leave no worker behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .rpc import Server
from .running import SEEDS, Home, corpus, draft, factlint, no_traceback, write

TROOPS = "date 2021-04-01\nThe US has {} troops in Afghanistan.\n"


def store_of(home: Home) -> Path:
    (store,) = home.store_folder.glob("facts-*.sqlite")
    return store


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    shutil.copytree(SEEDS, folder)
    return folder


def test_concurrent_runs_on_a_changing_corpus_each_match_a_clean_run(
    tmp_path: Path, home: Home, archive: Path
) -> None:
    """20 pairs of runs share a cache while one article flips between two versions of the same
    size; every run reports exactly what a clean run reports for one of the two versions."""
    mine = draft(tmp_path)
    flipping = archive / "flip.txt"
    versions = [TROOPS.format("2,500"), TROOPS.format("2,400")]
    clean = []
    for n, text in enumerate(versions):
        flipping.write_text(text)
        result = factlint("lint", "--seeds", archive, mine, home=Home(tmp_path / f"clean-{n}"))
        clean.append(result.stdout)
    assert clean[0] != clean[1], "the two versions must give different reports"

    stop = threading.Event()

    def flip() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            staged = archive / ".flip.tmp"
            staged.write_text(versions[n % 2])
            os.replace(staged, flipping)
            time.sleep(0.03)

    flipper = threading.Thread(target=flip, daemon=True)
    flipper.start()
    outcomes = []
    try:
        with ThreadPoolExecutor(2) as pool:
            for _ in range(20):
                pair = [pool.submit(factlint, "lint", "--seeds", archive, mine, home=home) for _ in range(2)]
                outcomes += [f.result() for f in pair]
    finally:
        stop.set()
        flipper.join()
    for result in outcomes:
        no_traceback(result)
        assert result.stdout in clean, (result.returncode, result.stdout, result.stderr)
    assert all(r.returncode == 1 for r in outcomes)


def test_two_cold_builds_at_once_both_succeed_and_agree(tmp_path: Path) -> None:
    archive = many_articles(tmp_path / "archive")
    mine = draft(tmp_path)
    for attempt in range(3):
        home = Home(tmp_path / f"home-{attempt}")
        with ThreadPoolExecutor(2) as pool:
            pair = [pool.submit(factlint, "lint", "--seeds", archive, mine, home=home) for _ in range(2)]
            first, second = (f.result() for f in pair)
        assert (first.returncode, second.returncode) == (1, 1), (first.stderr, second.stderr)
        assert first.stdout == second.stdout


def test_a_running_server_follows_deletions_another_process_made(tmp_path: Path, home: Home) -> None:
    archive = corpus(
        tmp_path / "archive",
        {
            "bridge.txt": "date 2021-04-01\nThe Tyne bridge has 14 spans.\n",
            "other.txt": TROOPS.format("2,500"),
        },
    )
    text = "---\ndate: 2021-04-02\n---\n\nThe Tyne bridge has 16 spans.\n"
    server = Server(home)
    try:
        server.initialize(tmp_path, {"factlint": {"corpus": [str(archive)], "debounce-ms": 0}})
        assert server.status() is not None
        uri = server.open(tmp_path / "draft.md", text)
        before = server.diagnostics(uri)
        assert before and "bridge.txt" in str(before[0]["relatedInformation"]), before
        (archive / "bridge.txt").unlink()
        other = factlint("lint", "--seeds", archive, draft(tmp_path, name="x.md"), home=home)
        assert other.returncode == 1, other.stderr  # it rebuilt the shared store without bridge.txt
        server.received.clear()
        server.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"text": text + "\nMore text.\n"}],
            },
        )
        after = server.diagnostics(uri)
        assert after == [], after
    finally:
        server.stop()


def damage_by(kind: str, store: Path) -> None:
    if kind == "truncated":
        with store.open("r+b") as handle:
            handle.truncate(store.stat().st_size // 2)
        return
    if kind == "another schema":
        store.unlink()
        db = sqlite3.connect(store)
        db.execute("CREATE TABLE notes (text TEXT)")
        db.commit()
        db.close()
        return
    db = sqlite3.connect(store)
    if kind == "missing table":
        db.execute("DROP TABLE bodies")
    elif kind == "rows missing":
        db.execute("DELETE FROM bodies WHERE article IN (SELECT article FROM bodies LIMIT 3)")
    elif kind == "newer schema version":
        db.execute("UPDATE meta SET value = '99' WHERE name = 'schema'")
    elif kind == "corrupt blob":  # every article's sentences: the one a message quotes is among them
        db.execute("UPDATE bodies SET body = X'789c00'")
    elif kind == "corrupt fact":  # every fact: the one the draft needs is among them
        db.execute("UPDATE facts SET data = X'ff00'")
    db.commit()
    db.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Home, Path, str]:
    """A home whose cache holds the seeds' store, a draft, and the clean report: built once."""
    root = tmp_path_factory.mktemp("built")
    home = Home(root / "home")
    mine = draft(root)
    clean = factlint("lint", mine, home=home)
    assert clean.returncode == 1, clean.stderr
    return home, mine, clean.stdout


@pytest.mark.parametrize(
    "kind",
    [
        "truncated",
        "another schema",
        "newer schema version",
        "missing table",
        "rows missing",
        "corrupt blob",
        "corrupt fact",
    ],
)
def test_a_damaged_store_is_rebuilt_on_disk_once_with_a_message(
    tmp_path: Path, built: tuple[Home, Path, str], kind: str
) -> None:
    template, mine, clean = built
    home = Home(tmp_path / "home")
    shutil.copytree(template.root, home.root)
    damage_by(kind, store_of(home))
    repaired = factlint("lint", mine, home=home)
    no_traceback(repaired)
    assert (repaired.returncode, repaired.stdout) == (1, clean), repaired.stderr
    assert "is damaged" in repaired.stderr and "rebuilding it" in repaired.stderr
    again = factlint("lint", mine, home=home)
    assert (again.returncode, again.stdout, again.stderr) == (1, clean, "")


def test_an_edit_that_keeps_size_and_times_is_seen(tmp_path: Path, home: Home, archive: Path) -> None:
    mine = draft(tmp_path)
    article = write(archive / "flip.txt", TROOPS.format("2,400"))
    first = factlint("lint", "--seeds", archive, mine, home=home)
    # the same size, written back within the same clock tick, then dated as before
    stamp = article.stat()
    article.write_text(TROOPS.format("2,500"))
    os.utime(article, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    second = factlint("lint", "--seeds", archive, mine, home=home)
    assert first.stdout != second.stdout
    fresh = factlint("lint", "--seeds", archive, mine, home=Home(tmp_path / "fresh"))
    assert second.stdout == fresh.stdout


def session_members(session: int) -> list[int]:
    """Processes whose session is `session` (everything a `start_new_session` child started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def workers(session: int) -> list[int]:
    """The pool workers among the session's processes: forked from the leader itself, or
    from a fork server (not the fork server or the resource tracker themselves)."""
    parents = {}
    commands = {}
    for pid in session_members(session):
        try:
            parents[pid] = int((Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split())[1])
            commands[pid] = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
    servers = {
        pid for pid, command in commands.items() if b"forkserver" in command and parents[pid] == session
    }
    leader = commands.get(session)
    return [
        pid
        for pid, parent in parents.items()
        if parent in servers or (parent == session and commands[pid] == leader)
    ]


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def many_articles(folder: Path, count: int = 240) -> Path:
    """Enough articles that the build extracts them in worker processes for a while: the building
    process itself first reads up to 64 of them for the store's compression dictionary."""
    return corpus(folder, {f"a{n:03d}.txt": TROOPS.format("2,500") + f"Report {n}.\n" for n in range(count)})


def assert_none_left_after_kill(leader: int, how: str) -> None:
    """Once `leader` runs two workers, kill -9 it: within 10 s nothing of its session is left."""
    assert wait_until(lambda: len(workers(leader)) >= 2, 60), (how, session_members(leader))
    os.kill(leader, signal.SIGKILL)
    gone = wait_until(lambda: not session_members(leader), 10)
    assert gone, f"still running after kill -9 of {how}: {session_members(leader)}"


def test_kill_9_during_builds_leaves_no_process_behind(tmp_path: Path) -> None:
    """Five `factlint lint` and five `factlint serve` killed while their workers extract
    articles: every process of theirs is gone within 10 s, and the store is still sound.
    Each run has a cache of its own: a build that committed just before its kill would
    leave the next run nothing to build."""
    archive = many_articles(tmp_path / "archive")
    mine = draft(tmp_path)
    for n, how in enumerate(["lint", "serve"] * 5):
        home = Home(tmp_path / f"home-{n}")
        if how == "lint":
            command = [sys.executable, "-m", "factlint", "lint", "--seeds", str(archive), str(mine)]
            process = subprocess.Popen(
                command, env=home.env(), start_new_session=True, stdout=subprocess.DEVNULL
            )
        else:
            server = Server(home)
            server.initialize(tmp_path, {"factlint": {"corpus": [str(archive)]}})
            process = server.process
        try:
            assert_none_left_after_kill(process.pid, how)
        finally:
            for pid in session_members(process.pid):
                os.kill(pid, signal.SIGKILL)
        result = factlint("lint", "--seeds", archive, mine, home=home) if n == 9 else None
    assert result is not None
    assert result.returncode == 1 and "is damaged" not in result.stderr, result.stderr
