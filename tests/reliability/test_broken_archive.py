"""One bad article never takes the rest down; a bad draft is one error and the others are checked.

Every file below once crashed the whole run (exit 1, as if it had found something),
hung it, or left the language server with no fact base. Each is now a named warning
(`file:line: why`) and the good article beside it still refutes the draft: through
`factlint lint`, through `factlint facts`, and through the language server.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factlint.cli.main import main
from factlint.engine import Engine

from .rpc import Server
from .running import Home, corpus, draft, factlint, no_traceback, write

GOOD = "date 2021-04-01\nThe US has 2,500 troops in Afghanistan.\n"
"""The one article that refutes the draft ("3,000 troops"): it must survive its neighbours."""
RELATIVE = "Yesterday officials met again, and last year, next month, on Monday and next week too.\n"


def alias_bomb() -> str:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    return "---\n" + "\n".join(levels) + "\ntitle: *a9\ndate: 2021-04-01\n---\nThe US has 9 troops.\n"


BAD_ARTICLES = {
    "impossible-date.md": "---\ntitle: A\ndate: 2021-02-30\n---\nThe US has 9 troops in Afghanistan.\n",
    "first-day.md": f"---\ndate: 0001-01-01\n---\n{RELATIVE}",
    "last-day.md": f"---\ndate: 9999-12-31\n---\n{RELATIVE}Tomorrow the 17-year war ends.\n",
    "year-zero.txt": "date 2021-04-01\nIn 0000 and in the 0s nothing happened.\n",
    "deep.md": "---\ntitle: " + "[" * 50_000 + "]" * 50_000 + "\n---\nThe US has 9 troops.\n",
    "bomb.md": alias_bomb(),
    "listed.txt": "The US has 9 troops in Afghanistan.\n",
}
MANIFEST = "articles:\n  listed.txt:\n    date: 2021-02-30\n    title: Listed\n"
NAMED = {
    "impossible-date.md": ":3:7: front matter: 2021-02-30 is not a real date",
    "deep.md": ":2:",
    "bomb.md": "aliases expand to more than",
    "listed.txt": "manifest.yaml:3:",
    "fifo.txt": "not a regular file (a FIFO)",
    "zero.txt": "not a regular file (a device)",
}
"""Skipped files and what their warning must say."""


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = corpus(tmp_path / "archive", {"good.txt": GOOD, **BAD_ARTICLES})
    write(folder / "manifest.yaml", MANIFEST)
    write(folder / "huge.txt", "date 2021-04-01\n" + "word " * 220_000 + "The bridge has 14 spans.\n")
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder


def assert_named(output: str) -> None:
    for name, why in NAMED.items():
        lines = [line for line in output.splitlines() if name in line]
        assert lines, f"{name} is not named:\n{output}"
        assert any(why in line for line in lines), (name, lines)


def test_lint_skips_each_bad_article_with_a_named_warning_and_checks_against_the_rest(
    archive: Path, tmp_path: Path, home: Home
) -> None:
    result = factlint("lint", "--seeds", archive, draft(tmp_path), home=home, timeout=300)
    no_traceback(result)
    assert result.returncode == 1, result.stderr
    assert "good.txt" in result.stdout and "2,500" in result.stdout
    assert_named(result.stderr)
    assert f"{len(NAMED)} source files were skipped" in result.stderr


def test_facts_lists_the_skipped_files(archive: Path, home: Home) -> None:
    result = factlint("facts", "--seeds", archive, home=home, timeout=300)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "good.txt" in result.stdout
    tail = result.stdout.split("source files skipped:", 1)[1]
    assert_named(tail)


def test_the_server_builds_without_the_bad_articles_and_lists_them_in_its_status(
    archive: Path, tmp_path: Path, home: Home
) -> None:
    server = Server(home)
    try:
        server.initialize(tmp_path, {"factlint": {"corpus": [str(archive)]}})
        status = server.status(timeout=300)
        assert status is not None, server.log()
        params = status["params"]
        assert params["state"] == "ready", params
        assert params["skipped"] == len(NAMED)
        assert_named("\n".join(params["skippedFiles"]))
        mine = draft(tmp_path)
        uri = server.open(mine, mine.read_text())
        found = server.diagnostics(uri)
        assert found is not None and [d["code"] for d in found] == ["quantity-mismatch"], found
    finally:
        server.stop()


BAD_DRAFTS = {
    "impossible.md": ("---\ndate: 2021-02-30\n---\nThe US has 3,000 troops.\n", ":2:7: "),
    "not-a-date.md": ("---\ndate: soon\n---\nThe US has 3,000 troops.\n", ":2:1: "),
    "deep.md": ("---\ntitle: " + "[" * 50_000 + "\n---\nThe US has 3,000 troops.\n", ":2:"),
    "bomb.md": (alias_bomb(), ":6:5: front matter: its aliases expand"),
    "broken.md": ("---\ntitle: [unclosed\ndate: 2021-04-02\n---\nThe US has 3,000 troops.\n", ":3:"),
    "date-line.txt": ("date 2021-13-01\nThe US has 3,000 troops.\n", ":1:6: "),
}


def test_each_bad_draft_is_one_error_naming_it_and_the_others_are_checked(tmp_path: Path, home: Home) -> None:
    folder = tmp_path / "drafts"
    for name, (text, _) in BAD_DRAFTS.items():
        write(folder / name, text)
    good = draft(folder, name="good.md")
    result = factlint("lint", folder, home=home)
    no_traceback(result)
    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("factlint: ")]
    assert len(errors) == len(BAD_DRAFTS), result.stderr
    for name, (_, where) in BAD_DRAFTS.items():
        assert any(f"{name}{where}" in line for line in errors), (name, errors)
    assert f"{good.name}:6:12:" in result.stdout  # the good draft was checked and reported
    assert "1 checked" in result.stdout


def test_the_server_marks_bad_front_matter_where_it_is(tmp_path: Path, home: Home) -> None:
    server = Server(home)
    try:
        server.initialize(tmp_path)
        assert server.status() is not None
        text, _ = BAD_DRAFTS["impossible.md"]
        uri = server.open(tmp_path / "impossible.md", text)
        found = server.diagnostics(uri)
        assert found is not None and len(found) == 1, found
        assert found[0]["range"]["start"] == {"line": 1, "character": 6}
        assert "2021-02-30 is not a real date" in found[0]["message"]
    finally:
        server.stop()


def test_an_internal_error_is_one_line_and_exit_3_never_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> Engine:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Engine, "open", broken)
    monkeypatch.delenv("FACTLINT_DEBUG", raising=False)
    code = main(["lint", "--cache-dir", str(tmp_path / "cache"), str(draft(tmp_path))])
    err = capsys.readouterr().err
    assert code == 3
    assert "Traceback" not in err
    assert err.strip().splitlines() == [err.strip()]
    assert "internal error: RuntimeError: a bug" in err
