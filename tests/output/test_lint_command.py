"""`factlint lint` as a CI step: exit codes, report files, stdin, git-changed drafts, many drafts."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factlint.cli import lint_pool
from factlint.cli.lint_pool import POOL_MIN_DRAFTS

from .drafts import AGREEMENT, CONTRADICTION, Lint, draft

# --- exit codes -----------------------------------------------------------------


def test_a_contradiction_fails_the_step(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "a.md").write_text(draft(CONTRADICTION), encoding="utf-8")
    outcome = lint(str(tmp_path / "a.md"))
    assert outcome.code == 1
    assert "error[quantity-mismatch]" in outcome.out


def test_a_draft_that_agrees_with_the_sources_passes(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "a.md").write_text(draft(AGREEMENT), encoding="utf-8")
    outcome = lint(str(tmp_path / "a.md"))
    assert outcome.code == 0
    assert outcome.out == (
        "0 contradictions in 0 files, 1 checked; "
        "2 claims: 2 confirmed by the sources, 0 contradicted, 0 unsourced\n"
    )


def warning_draft(folder: Path) -> Path:
    """A contradiction whose rule the project has turned down to a warning."""
    (folder / "factlint.toml").write_text('severity = { quantity-mismatch = "warning" }\n', encoding="utf-8")
    path = folder / "a.md"
    path.write_text(draft(CONTRADICTION), encoding="utf-8")
    return path


def test_a_warning_passes_by_default_and_fails_with_fail_on_warning(tmp_path: Path, lint: Lint) -> None:
    path = warning_draft(tmp_path)
    default = lint(str(path))
    assert "warning[quantity-mismatch]" in default.out
    assert default.code == 0
    assert lint("--fail-on", "warning", str(path)).code == 1
    assert lint("--fail-on", "info", str(path)).code == 1


def test_exit_zero_reports_without_failing(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "a.md").write_text(draft(CONTRADICTION), encoding="utf-8")
    outcome = lint("--exit-zero", str(tmp_path / "a.md"))
    assert outcome.code == 0
    assert "error[quantity-mismatch]" in outcome.out


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["missing.md"],
        ["--stdin", "a.md"],
        ["--stdin-filename", "a.md", "a.md"],
        ["--fail-on", "fatal", "a.md"],
        ["--jobs", "0", "a.md"],
    ],
    ids=[
        "nothing to check",
        "missing file",
        "stdin and paths",
        "name without stdin",
        "unknown severity",
        "no workers",
    ],
)
def test_usage_and_input_errors_exit_2(
    tmp_path: Path, lint: Lint, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(draft(AGREEMENT), encoding="utf-8")
    try:
        code = lint(*args).code
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    assert code == 2


# --- report file ----------------------------------------------------------------


def test_output_file_holds_the_report_and_stdout_stays_empty(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "a.md").write_text(draft(CONTRADICTION), encoding="utf-8")
    report = tmp_path / "out" / "factlint.sarif"
    report.parent.mkdir()
    outcome = lint("--format", "sarif", "-o", str(report), str(tmp_path / "a.md"))
    assert outcome.code == 1
    assert outcome.out == ""
    results = json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["quantity-mismatch"]


def test_an_unwritable_output_file_is_an_input_error(tmp_path: Path, lint: Lint) -> None:
    (tmp_path / "a.md").write_text(draft(CONTRADICTION), encoding="utf-8")
    outcome = lint("-o", str(tmp_path / "no" / "such" / "dir" / "r.txt"), str(tmp_path / "a.md"))
    assert outcome.code == 2
    assert "cannot write the report" in outcome.err


# --- stdin ----------------------------------------------------------------------


def test_stdin_is_reported_under_the_given_name(
    tmp_path: Path, lint: Lint, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(draft(CONTRADICTION).encode())))
    outcome = lint("--stdin", "--stdin-filename", "drafts/today.md", "--format", "github")
    assert outcome.code == 1
    assert outcome.out.startswith("::error file=drafts/today.md,line=5,col=12,")


def test_stdin_name_finds_the_projects_configuration(
    tmp_path: Path, lint: Lint, monkeypatch: pytest.MonkeyPatch
) -> None:
    warning_draft(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(draft(CONTRADICTION).encode())))
    outcome = lint("--stdin", "--stdin-filename", str(tmp_path / "new.md"))
    assert "warning[quantity-mismatch]" in outcome.out


# --- changed since --------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose `main` holds an old draft with a contradiction nobody touches."""
    root = tmp_path / "repo"
    (root / "drafts").mkdir(parents=True)
    (root / "drafts" / "old.md").write_text(draft(CONTRADICTION), encoding="utf-8")
    (root / "notes.md").write_text(draft(CONTRADICTION), encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "old drafts")
    git(root, "checkout", "-q", "-b", "topic")
    return root


def test_changed_since_checks_committed_modified_and_untracked_drafts_only(
    repo: Path, lint: Lint, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafts = repo / "drafts"
    (drafts / "committed.md").write_text(draft(CONTRADICTION), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "new draft")
    (drafts / "untracked.md").write_text(draft(AGREEMENT), encoding="utf-8")
    (drafts / "ignored.md").write_text(draft(CONTRADICTION), encoding="utf-8")
    (repo / ".gitignore").write_text("drafts/ignored.md\n", encoding="utf-8")
    (repo / "notes.md").write_text(draft(AGREEMENT), encoding="utf-8")
    monkeypatch.chdir(repo)
    outcome = lint("--changed-since", "main", "--format", "junit")
    cases = ET.fromstring(outcome.out).iter("testcase")
    assert [case.get("name") for case in cases] == [
        "drafts/committed.md",
        "drafts/untracked.md",
        "notes.md",
    ]
    assert outcome.code == 1


def test_changed_since_limits_to_the_given_folders(
    repo: Path, lint: Lint, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "drafts" / "old.md").write_text(draft(AGREEMENT), encoding="utf-8")
    (repo / "notes.md").write_text(draft(AGREEMENT + "More."), encoding="utf-8")
    monkeypatch.chdir(repo)
    outcome = lint("--changed-since", "main", "drafts")
    assert outcome.out.startswith("0 contradictions in 0 files, 1 checked; ")
    assert outcome.code == 0


def test_changed_since_an_unknown_revision_is_an_error(
    repo: Path, lint: Lint, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    outcome = lint("--changed-since", "no-such-branch")
    assert outcome.code == 2
    assert outcome.err.startswith("factlint: --changed-since:")


# --- many drafts ----------------------------------------------------------------


def many_drafts(folder: Path) -> None:
    for i in range(POOL_MIN_DRAFTS + 4):
        text = CONTRADICTION if i % 3 == 0 else AGREEMENT
        (folder / f"d{i:02}.md").write_text(draft(f"Draft {i}.\n\n{text}"), encoding="utf-8")


def test_a_worker_pool_gives_the_same_report_as_one_process(
    tmp_path: Path, lint: Lint, cache_dir: Path
) -> None:
    """The pool runs in a fresh process, which has no other thread: its workers are forked."""
    many_drafts(tmp_path)
    serial = lint("--jobs", "1", "--format", "json", str(tmp_path))
    command = ["lint", "--cache-dir", str(cache_dir), "--jobs", "2", "--format", "json", str(tmp_path)]
    pooled = subprocess.run([sys.executable, "-m", "factlint", *command], capture_output=True, text=True)
    assert pooled.stdout == serial.out
    assert pooled.stderr == ""
    flagged = sorted(Path(d["path"]).name for d in json.loads(pooled.stdout))
    assert flagged == [f"d{i:02}.md" for i in range(0, POOL_MIN_DRAFTS + 4, 3)]


def test_workers_are_forked_only_when_no_other_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lint_pool, "START_METHOD", "fork")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert lint_pool._context().get_start_method() == "fork"
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert lint_pool._context().get_start_method() == "forkserver"


def test_spawned_workers_give_the_same_report(
    tmp_path: Path, lint: Lint, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On macOS and Windows workers are spawned, each importing and opening the engine."""
    many_drafts(tmp_path)
    serial = lint("--jobs", "1", "--format", "json", str(tmp_path))
    monkeypatch.setattr(lint_pool, "START_METHOD", "spawn")
    spawned = lint("--jobs", "2", "--format", "json", str(tmp_path))
    assert spawned.out == serial.out
    assert spawned.code == serial.code == 1


def test_with_another_thread_running_workers_start_from_a_fork_server(tmp_path: Path, lint: Lint) -> None:
    """Forking next to a thread could copy a lock it holds; a fork server has no threads."""
    many_drafts(tmp_path)
    serial = lint("--jobs", "1", "--format", "json", str(tmp_path))
    release = threading.Event()
    bystander = threading.Thread(target=release.wait)
    bystander.start()
    try:
        assert lint_pool._context().get_start_method() == "forkserver"
        pooled = lint("--jobs", "2", "--format", "json", str(tmp_path))
    finally:
        release.set()
        bystander.join()
    assert pooled.out == serial.out
