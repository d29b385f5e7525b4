"""The store key follows what decides a store's content, and nothing else.

Each case copies the package and the built-in rules into a temporary tree, edits one file
there, and asks a fresh process of that copy for the key of one configuration: editing the
read path must leave it alone (a changed key rebuilds every archive), editing the
extraction, the record format or a rule file must change it (stale facts would be read).
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .stores import ROOT

_KEY = (
    "from pathlib import Path; from factlint.config import Config;"
    " from factlint.corpus.factbase import store_key;"
    " print(store_key(Config(corpus_dirs=(Path('/archive'),))))"
)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package and the built-in rules, laid out as a checkout."""
    root = tmp_path_factory.mktemp("checkout")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "server" / "factlint", root / "server" / "factlint", ignore=ignore)
    shutil.copytree(ROOT / "rules", root / "rules", ignore=ignore)
    return root


@pytest.fixture(scope="module")
def unedited(tree: Path) -> str:
    """The copy's key before any edit."""
    return _key(tree)


def _key(tree: Path) -> str:
    environment = {**os.environ, "PYTHONPATH": str(tree / "server"), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _KEY], env=environment, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _key_after_editing(tree: Path, relative: str, addition: str) -> str:
    """The key with `addition` appended to the file at `relative` in the copy (put back after)."""
    path = tree / relative
    before = path.read_bytes()
    path.write_bytes(before + addition.encode())
    try:
        return _key(tree)
    finally:
        path.write_bytes(before)


@pytest.mark.parametrize(
    "relative",
    [
        "server/factlint/corpus/ranking.py",
        "server/factlint/corpus/store.py",
        "server/factlint/slots/judge.py",
        "server/factlint/lsp/session.py",
    ],
    ids=["ranking", "the store's read and write path", "the judge", "the server"],
)
def test_editing_code_that_only_reads_the_store_keeps_the_key(
    tree: Path, unedited: str, relative: str
) -> None:
    assert _key_after_editing(tree, relative, "\n# an edit\n") == unedited


@pytest.mark.parametrize(
    "relative",
    [
        "server/factlint/corpus/extraction.py",
        "server/factlint/corpus/records.py",
        "server/factlint/slots/extract.py",
        "server/factlint/text/numbers.py",
        "rules/quantity.yaml",
    ],
    ids=["the extraction", "the record format", "what the extractor imports", "deep in it", "a rule file"],
)
def test_editing_what_decides_the_stored_facts_changes_the_key(
    tree: Path, unedited: str, relative: str
) -> None:
    assert _key_after_editing(tree, relative, "\n# an edit\n") != unedited


def test_the_import_scan_finds_every_import_the_parser_finds() -> None:
    """The key's scan is a regular expression (parsing every module costs 80 ms at each start):
    it may find more than Python would import, never less."""
    from factlint.corpus.stored_code import ROOTS, imported, stored_code

    package = ROOT / "server" / "factlint"
    for path in stored_code(package, ROOTS):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parsed: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factlint"):
                parsed.add(node.module)
                parsed.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                parsed.update(a.name for a in node.names if a.name.startswith("factlint"))
        assert parsed <= imported(path.read_text(encoding="utf-8")), path
