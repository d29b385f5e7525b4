"""`python -m bench --smoke`: the whole benchmark on tiny inputs produces every figure.

Timings are never asserted (the machine may be busy); only that each figure of
the table, the scaling rows and the `corroborate` comparison come out as numbers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.figures import TARGETS

ROOT = Path(__file__).resolve().parents[2]


def test_the_smoke_run_reports_every_figure_of_the_table(tmp_path: Path) -> None:
    results_path = tmp_path / "results.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--smoke",
            "--work",
            str(tmp_path / "work"),
            "--json",
            str(results_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(results_path.read_text())

    figures = {row["key"]: row for row in results["figures"]}
    assert list(figures) == [t.key for t in TARGETS]
    for row in figures.values():
        assert isinstance(row["value"], float | int) and row["value"] >= 0, row
        assert isinstance(row["met"], bool), row
        assert row["figure"] in done.stdout

    compared = results["corroborate"]
    assert {c["draft_words"] >= 150 for c in compared} == {True}
    assert all(c["ratio"] > 0 for c in compared)

    assert set(results["sizes"]) == {"5", "30"}
    assert results["sizes"]["30"]["lsp_small"]["keystrokes"] > 0
    started = results["sizes"]["30"]["first_diagnostics"]
    assert 0 < started["pull_median_s"] <= started["pull_whole_median_s"]  # a pulling editor's too
    assert "start -> first pulled diagnostics" in done.stdout
    assert results["machine"]["cores"] >= 1
