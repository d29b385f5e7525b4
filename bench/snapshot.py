"""Measure factlint as of a git revision, not the working tree: `python -m bench --rev REV`.

The fact-base cache is keyed by the package's source, so on a machine where the
working tree changes during a run every edit would force a rebuild in the middle
of a measurement. A snapshot (`git archive REV`, laid out as `factlint/`,
`rules/`, `seeds/`) put first on PYTHONPATH for every measured process holds
still, and it names exactly what was measured; comparing two revisions is two runs.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

LAYOUT = {"server": "factlint", "rules": "rules", "seeds": "seeds"}
"""Repository folder -> its place in the snapshot (what `factlint.resources` expects)."""


def use_revision(revision: str, root: Path, into: Path) -> str:
    """Extract `revision` under `into` and make child processes import it; returns the full hash."""
    commit = _git(root, "rev-parse", "--verify", f"{revision}^{{commit}}").decode().strip()
    archive = _git(root, "archive", "--format=tar", commit, *LAYOUT)
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    for source, target in LAYOUT.items():
        if source != target:
            (into / source).rename(into / target)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(into), os.environ.get("PYTHONPATH")]))
    return commit


def _git(root: Path, *args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, check=True).stdout
