"""Measure factlint as of a git revision, not the working tree: `python -m bench --rev REV`.

The fact-base cache is keyed by the package's source, so on a machine where the
working tree changes during a run every edit would force a rebuild in the middle
of a measurement. A snapshot (`git archive REV`, of `server/`, `rules/` and
`seeds/`, with its `server/` put first on PYTHONPATH for every measured process holds
still, and it names exactly what was measured; comparing two revisions is two runs.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

LAYOUT = ("server", "rules", "seeds")
"""The folders a snapshot needs: the source root and the data `factlint.resources` finds beside it."""


def use_revision(revision: str, root: Path, into: Path) -> str:
    """Extract `revision` under `into` and make child processes import it; returns the full hash."""
    commit = _git(root, "rev-parse", "--verify", f"{revision}^{{commit}}").decode().strip()
    archive = _git(root, "archive", "--format=tar", commit, *LAYOUT)
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    source_root = str(into / "server")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [source_root, os.environ.get("PYTHONPATH")]))
    return commit


def _git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, check=True).stdout
