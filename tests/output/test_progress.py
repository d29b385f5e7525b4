"""The progress bar: on stderr when it is a terminal and there are many drafts, else nowhere."""

from __future__ import annotations

import fcntl
import os
import struct
import subprocess
import sys
import termios
from pathlib import Path

from factlint.cli.lint_pool import PROGRESS_MIN_DRAFTS

from .drafts import AGREEMENT, draft


def many_drafts(folder: Path) -> Path:
    for i in range(PROGRESS_MIN_DRAFTS):
        (folder / f"d{i:02}.md").write_text(draft(f"Draft {i}.\n\n{AGREEMENT}"), encoding="utf-8")
    return folder


def run_with_stderr_on_a_terminal(args: list[str], cache: Path) -> tuple[int, str, str]:
    """Run factlint with stderr on a pseudo-terminal and stdout on a pipe."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 x 100
    env = dict(os.environ)
    with subprocess.Popen(
        [sys.executable, "-m", "factlint", "lint", "--cache-dir", str(cache), *args],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            chunks.append(chunk)
        out = process.stdout.read().decode() if process.stdout else ""
        code = process.wait()
    os.close(leader)
    return code, out, b"".join(chunks).decode(errors="replace")


def test_a_bar_is_drawn_on_a_terminal_and_the_report_stays_clean(tmp_path: Path, cache_dir: Path) -> None:
    folder = many_drafts(tmp_path)
    code, out, terminal = run_with_stderr_on_a_terminal([str(folder)], cache_dir)
    assert code == 0, terminal
    assert f"/{PROGRESS_MIN_DRAFTS} [" in terminal  # tqdm's "0/20 [00:00<?, ?draft/s]"
    assert "draft/s" in terminal
    assert out.startswith(f"0 contradictions in 0 files, {PROGRESS_MIN_DRAFTS} checked; ")
    assert out.count("\n") == 1


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path, cache_dir: Path) -> None:
    folder = many_drafts(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "lint", "--cache-dir", str(cache_dir), str(folder)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0
    assert done.stderr == ""
