"""The Emacs eglot snippet of docs/editors.md, checked in a real Emacs (28, with Debian's
elpa-eglot 1.9): the block is cut out of the document and loaded as it stands, then the
sample draft must get factlint's diagnostics, hover and quick fix through eglot.
Needs `editors/scripts/install-emacs.sh` (scripts/test runs it); skipped locally without
Emacs, failed in CI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from editor_support import (
    ALSO_FLAGGED,
    DRAFT,
    FLAGGED_LINE,
    FLAGGED_TEXT,
    ROOT,
    SOURCE_SENTENCE,
    SOURCES_VALUE,
    editor_env,
    record,
    unescape_markdown,
)

DOC = ROOT / "docs" / "editors.md"
DRIVER = Path(__file__).resolve().parent / "eglot_driver.el"


def eglot_snippet() -> str:
    """The elisp block that follows the `<!-- eglot-snippet -->` marker in docs/editors.md."""
    match = re.search(r"<!-- eglot-snippet -->\s*```elisp\n(.*?)```", DOC.read_text(), re.S)
    assert match, "docs/editors.md lost its marked eglot snippet"
    return match.group(1)


def test_eglot_snippet_from_the_docs(draft: Path, tmp_path: Path) -> None:
    emacs = shutil.which("emacs")
    if emacs is None:
        message = "Emacs not installed: run editors/scripts/install-emacs.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    snippet = tmp_path / "snippet.el"
    snippet.write_text(eglot_snippet())
    # eglot looks for a project; a VC root makes the draft's folder one.
    subprocess.run(["git", "init", "-q", str(draft.parent)], check=True)
    out = tmp_path / "eglot.json"
    env = editor_env(tmp_path)
    env.update(
        HOME=str(tmp_path),
        FACTLINT_EGLOT_SNIPPET=str(snippet),
        FACTLINT_EGLOT_DRAFT=str(draft),
        FACTLINT_EGLOT_TARGET=FLAGGED_TEXT,
        FACTLINT_EGLOT_LINE=str(FLAGGED_LINE + 1),
        FACTLINT_EGLOT_OUT=str(out),
    )
    proc = subprocess.run(
        [emacs, "--batch", "-q", "-l", str(DRIVER)],
        cwd=draft.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.is_file(), f"emacs wrote nothing (exit {proc.returncode}): {proc.stderr[-3000:]}"
    result = json.loads(out.read_text())
    assert proc.returncode == 0 and "error" not in result, (result, proc.stderr[-3000:])

    assert result["server_command"][-2:] == ["factlint", "serve"]
    by_text = {d["text"]: d for d in result["diagnostics"]}
    assert by_text[FLAGGED_TEXT]["line"] == FLAGGED_LINE + 1
    assert SOURCES_VALUE in by_text[FLAGGED_TEXT]["message"]
    for text in ALSO_FLAGGED:
        assert text in by_text, sorted(by_text)
    assert SOURCE_SENTENCE in unescape_markdown(result["hover"])
    line = DRAFT.read_text().splitlines()[FLAGGED_LINE]
    assert result["line_after"] == line.replace(FLAGGED_TEXT, SOURCES_VALUE, 1), result["actions"]
    record("eglot.json", {"first_diagnostics_ms": result["first_diagnostics_ms"]})
