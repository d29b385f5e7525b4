"""`factlint lint` exits 0 when clean, 1 on findings, 2 on a usage or input error.

An error is one line on stderr that names the problem, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .running import factlint, write_draft

CLEAN = "The US has 2,500 troops in Afghanistan.\n"
WRONG = "The US has 3,000 troops in Afghanistan.\n"


def assert_one_line_error(stderr: str, *mentions: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 or (len(lines) == 2 and lines[0].startswith("usage:")), stderr
    for mention in mentions:
        assert mention in lines[-1]


def test_a_clean_draft_exits_0(tmp_path: Path, cache: Path) -> None:
    result = factlint("lint", write_draft(tmp_path, "clean.md", CLEAN), cache=cache)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_a_draft_with_a_contradiction_exits_1(tmp_path: Path, cache: Path) -> None:
    result = factlint("lint", write_draft(tmp_path, "wrong.md", WRONG), cache=cache)
    assert result.returncode == 1, result.stderr
    assert "3,000" in result.stdout or "2,500" in result.stdout


def test_one_wrong_draft_among_clean_ones_exits_1(tmp_path: Path, cache: Path) -> None:
    clean = write_draft(tmp_path, "clean.md", CLEAN)
    wrong = write_draft(tmp_path, "wrong.md", WRONG)
    assert factlint("lint", clean, wrong, cache=cache).returncode == 1


def test_a_missing_draft_exits_2_naming_it(tmp_path: Path, cache: Path) -> None:
    missing = tmp_path / "no-such-draft.md"
    result = factlint("lint", missing, cache=cache)
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_line_error(result.stderr, "no-such-draft.md")


def test_a_binary_draft_exits_2_naming_it(tmp_path: Path, cache: Path) -> None:
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    result = factlint("lint", binary, cache=cache)
    assert result.returncode == 2
    assert_one_line_error(result.stderr, "photo.md", "binary")


def test_a_missing_corpus_folder_exits_2(tmp_path: Path, cache: Path) -> None:
    draft = write_draft(tmp_path, "clean.md", CLEAN)
    result = factlint("lint", "--seeds", tmp_path / "no-archive", draft, cache=cache)
    assert result.returncode == 2
    assert_one_line_error(result.stderr, "no-archive")


@pytest.mark.parametrize(
    "arguments",
    [["--date", "2021-13-45"], ["--format", "yaml"], ["--no-such-option"]],
    ids=["a date that is no date", "an unknown format", "an unknown option"],
)
def test_a_usage_error_exits_2(tmp_path: Path, cache: Path, arguments: list[str]) -> None:
    draft = write_draft(tmp_path, "clean.md", CLEAN)
    result = factlint("lint", *arguments, draft, cache=cache)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("factlint")
