"""Run the real `factlint` command line in a subprocess, as a user or CI would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TRANSIT = REPO / "tests" / "corpora" / "transit"


def factlint(*args: str | Path, cache: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`factlint ARGS... --cache-dir CACHE`, with its exit code, stdout and stderr."""
    command = [sys.executable, "-m", "factlint", *map(str, args)]
    if args and args[0] in ("lint", "facts", "audit") and "--cache-dir" not in args:
        command += ["--cache-dir", str(cache)]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=300)


def write_draft(folder: Path, name: str, body: str, date: str | None = "2021-04-02") -> Path:
    """A Markdown draft with front matter giving its date (none when `date` is None)."""
    head = f"---\ntitle: A draft\ndate: {date}\n---\n\n" if date else ""
    path = folder / name
    path.write_text(head + body, encoding="utf-8")
    return path
