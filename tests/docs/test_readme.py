"""The README's claims hold: its first command prints what it shows, and every command of
"Using it" is one the command line accepts."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from factlint.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SOURCE = re.compile(r"\(source: [^)]*/(?P<file>[^/)]+:\d+)\)")


def block_after(marker: str) -> str:
    """The first fenced block after `marker`."""
    return README.split(marker, 1)[1].split("```", 2)[1].split("\n", 1)[1]


def test_the_sample_draft_prints_what_the_readme_shows_and_exits_1(tmp_path: Path) -> None:
    shown = block_after("as a linter with findings does:").splitlines()
    done = subprocess.run(
        [sys.executable, "-m", "factlint", "lint", "--cache-dir", str(tmp_path), "examples/draft.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    # The source file's folder depends on how factlint was installed; its name and line do not.
    assert [SOURCE.sub(r"(source: \g<file>)", line) for line in done.stdout.splitlines()] == [
        SOURCE.sub(r"(source: \g<file>)", line) for line in shown
    ]


def test_every_command_of_using_it_parses() -> None:
    parser = build_parser()
    commands = [line.split("#")[0].strip() for line in block_after("## Using it").splitlines()]
    commands = [c for c in commands if c]
    assert len(commands) >= 6
    for command in commands:
        words = shlex.split(command)
        if "|" in words:  # `factlint rules list | check DIR | test`: three commands in one line
            first = words[: words.index("|")]
            rest = [w for w in words[words.index("|") :] if w != "|"]
            variants = [first, [*first[:2], *rest[:2]], [*first[:2], rest[-1]]]
        else:
            variants = [words]
        for variant in variants:
            assert variant[0] == "factlint", command
            parser.parse_args(variant[1:])
