"""Which drafts `factlint lint` checks: paths, files changed in git, or standard input.

`--changed-since REV` asks git for the drafts changed since the merge base of
REV and HEAD: committed on this branch, changed in the work tree or the index,
and untracked files git does not ignore. Deleted files are skipped. It is the
set a reviewer of the branch would see, plus the work in progress.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from factlint.config import MAX_FILE_BYTES
from factlint.corpus.reader import Unreadable, decode, read_regular
from factlint.errors import ConfigError, InputError

DRAFT_SUFFIXES = {".md", ".markdown", ".txt"}


@dataclass(frozen=True)
class Draft:
    """A draft's text and the path it is reported under (absolute, or the stdin name)."""

    path: str
    text: str


def collect_drafts(paths: list[Path]) -> list[Path]:
    """Files given as they are; folders searched for .md, .markdown and .txt drafts."""
    drafts: list[Path] = []
    for path in paths:
        if path.is_dir():
            drafts.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES
            )
        elif path.is_file():
            drafts.append(path)
        else:
            raise InputError(str(path), "no such file or folder")
    return drafts


def read_draft_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The draft's text; `InputError` at the place that is wrong (not text, not a file, too big)."""
    try:
        return decode(read_regular(path, limit))
    except Unreadable as problem:
        where = str(path) + "".join(f":{n}" for n in (problem.line, problem.column) if n)
        raise InputError(where, problem.reason.replace("binary file", "binary file, not a draft")) from None


def read_drafts(paths: list[Path], limit: int = MAX_FILE_BYTES) -> tuple[list[Draft], list[InputError]]:
    """The drafts that can be read, and one error for each that cannot (the others go on)."""
    drafts, problems = [], []
    for path in paths:
        try:
            drafts.append(Draft(str(path.resolve()), read_draft_text(path, limit)))
        except InputError as problem:
            problems.append(problem)
    return drafts, problems


def changed_drafts(rev: str, within: list[Path], cwd: Path) -> list[Path]:
    """Drafts under `within` changed since the merge base of `rev` and HEAD (see module doc)."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    base = _git(["merge-base", rev, "HEAD"], cwd).strip()
    changed = _git(["diff", "--name-only", "--no-renames", "--diff-filter=d", "-z", base], top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    names = {n for n in (changed + untracked).split("\0") if n}
    roots = [p.resolve() for p in within]
    found = []
    for name in sorted(names):
        path = top / name
        if path.suffix.lower() not in DRAFT_SUFFIXES or not path.is_file():
            continue
        if any(path == root or root in path.parents for root in roots):
            found.append(path)
    return found


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ConfigError("--changed-since", "git is not installed") from None
    if done.returncode != 0:
        detail = done.stderr.strip().splitlines()
        reason = detail[-1] if detail else f"git {args[0]} failed"
        raise ConfigError("--changed-since", reason)
    return done.stdout
