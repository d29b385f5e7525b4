"""`python -m bench` without the test extras says what to install, in one line, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# As in an environment without the test extras: `import corroborate` finds nothing.
WITHOUT_CORROBORATE = (
    "import runpy, sys; sys.modules['corroborate'] = None; "
    "sys.argv = ['bench', '--smoke']; runpy.run_module('bench', run_name='__main__')"
)


def test_a_missing_benchmark_dependency_is_one_line_saying_what_to_install() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_CORROBORATE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        "python -m bench: missing corroborate (the package factlint is compared with);"
        " install the test extras: .venv/bin/pip install -e '.[test]'\n"
    )
