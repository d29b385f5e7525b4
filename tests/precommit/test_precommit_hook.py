"""The pre-commit hook, run by pre-commit itself on a scratch repository.

`pre-commit try-repo <this checkout> factlint --files ...` builds the hook's
environment the way a user's pre-commit does from the Git URL (a virtualenv,
`pip install` of this repository from PyPI's packages) and runs the hook on the
files given. Uncommitted changes to tracked files are included, so the test
covers the working tree. It takes 40-75 s, nearly all of it pip.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def front(text: str) -> str:
    return f"---\ndate: 2021-04-02\n---\n\n{text}\n"


def test_the_hook_fails_a_commit_whose_draft_contradicts_the_sources(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    (repo / "draft.md").write_text(front("The US has 3,000 troops in Afghanistan."), encoding="utf-8")
    (repo / "ok.md").write_text(front("The US has 2,500 troops in Afghanistan."), encoding="utf-8")
    (repo / "notes.txt").write_text(front("The talks went on."), encoding="utf-8")
    (repo / "data.json").write_text('{"troops": 3000}\n', encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    files = ["draft.md", "ok.md", "notes.txt", "data.json"]
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "factlint", "--files", *files]
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    report = done.stdout + done.stderr
    assert done.returncode == 1, report
    assert "factlint" in report and "Failed" in report, report
    assert "draft.md:5:12: error[quantity-mismatch]" in report, report
    assert "ok.md:" not in report
    # The hook is given Markdown and plain text, in one call; JSON is not a draft.
    assert "1 contradiction in 1 file, 3 checked" in report, report


def test_the_local_hook_of_docs_ci_md_runs_the_installed_factlint(tmp_path: Path) -> None:
    """docs/ci.md's `repo: local` recipe, copied as is, with factlint on PATH."""
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    recipe = doc.split("<!-- pre-commit-local -->\n```yaml\n", 1)[1].split("```", 1)[0]
    repo = tmp_path / "newsroom"
    (repo / "sources").mkdir(parents=True)
    (repo / "sources" / "troops.txt").write_text(
        "date 2021-04-01\n\nThe US has 2,500 troops in Afghanistan.\n", encoding="utf-8"
    )
    (repo / "draft.md").write_text(front("The US has 3,000 troops in Afghanistan."), encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(recipe, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NO_COLOR": "1",
    }
    command = [sys.executable, "-m", "pre_commit", "run", "--files", "draft.md"]
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    report = done.stdout + done.stderr
    assert done.returncode == 1, report
    assert "draft.md:5:12: error[quantity-mismatch] The sources say “2,500”, not “3,000”" in report, report
