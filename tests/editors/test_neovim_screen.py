"""Neovim in a real terminal, set up with exactly the README's `init.lua` lines: its screen
shows factlint's message beside the flagged line, and `K` shows the source sentence.

Neovim 0.11 (from the test extras) runs in tmux; keys are typed with `send-keys` and the
screen read with `capture-pane`, as a person would see it. The screen, with its colours,
is kept as `artifacts/editors/neovim.png`: the picture in the READMEs
(`scripts/pictures` copies it to docs/images/).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from editor_support import (
    ARTIFACTS,
    DRAFT,
    FLAGGED_TEXT,
    ROOT,
    SOURCES_VALUE,
    VENV_BIN,
    editor_env,
    nvim_binary,
)
from terminal_picture import CHROMIUM, render_png

COLUMNS, ROWS = 150, 40
README = ROOT / "editors" / "nvim" / "README.md"
MESSAGES = {
    f"The US has {FLAGGED_TEXT} troops": f"The sources say “{SOURCES_VALUE}”, not “{FLAGGED_TEXT}”",
    "the Taliban fired three missiles": "The sources say “two”, not “three”",
}
HOVERED = "three"
"""The last flagged value of the draft: its hover opens below it and hides no other message."""
HOVER_SAYS = "On Tuesday, the group fired two missiles at a coalition military base"
TMUX_CONF = """\
set -g default-terminal "tmux-256color"
set -g status off
set -g escape-time 0
"""


def readme_init_lua() -> str:
    """The README's "nothing but Neovim" init.lua, with its two paths made this checkout's."""
    readme = README.read_text(encoding="utf-8")
    block = readme.split("Or with nothing but Neovim, in `init.lua`:\n\n   ```lua\n", 1)[1].split("```", 1)[0]
    lua = "\n".join(line.strip() for line in block.splitlines())
    paths = {
        '"/path/to/factlint/editors/nvim"': json.dumps(str(ROOT / "editors" / "nvim")),
        'vim.fn.expand("~/.venvs/factlint/bin/factlint")': json.dumps(str(VENV_BIN / "factlint")),
    }
    for placeholder, path in paths.items():
        assert placeholder in lua, f"the README's init.lua no longer holds {placeholder}"
        lua = lua.replace(placeholder, path)
    return lua


def _require_tools() -> None:
    missing = [tool for tool in ("tmux", CHROMIUM) if shutil.which(tool) is None]
    if missing:
        message = (
            f"the Neovim screen test needs {', '.join(missing)}: run editors/scripts/install-terminal.sh"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class Terminal:
    """A tmux server of this test's own (its own socket), one window of COLUMNS x ROWS."""

    def __init__(self, folder: Path) -> None:
        self.conf = folder / "tmux.conf"
        self.conf.write_text(TMUX_CONF, encoding="utf-8")
        self.base = ["tmux", "-L", f"factlint-test-{os.getpid()}-{time.monotonic_ns()}", "-f", str(self.conf)]

    def run(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run([*self.base, *args], env=env, capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def screen(self, colours: bool = False) -> str:
        return self.run("capture-pane", "-p", "-N", *(["-e"] if colours else []), "-t", "factlint")

    def wait_for(self, text: str, seconds: float = 120) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def stop(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True, timeout=30)


@pytest.fixture
def terminal(draft: Path) -> Iterator[Terminal]:
    _require_tools()
    work = draft.parent.parent
    terminal = Terminal(work)
    init = work / "init.lua"
    init.write_text(readme_init_lua(), encoding="utf-8")
    env = editor_env(work)
    env["COLORTERM"] = "truecolor"  # Neovim then draws in 24-bit colour, as in a modern terminal
    command = f"cd {shlex.quote(str(draft.parent))} && exec {shlex.quote(nvim_binary())} -i NONE -n -u "
    command += f"{shlex.quote(str(init))} {shlex.quote(draft.name)}"
    terminal.run("new-session", "-d", "-s", "factlint", "-x", str(COLUMNS), "-y", str(ROWS), command, env=env)
    try:
        yield terminal
    finally:
        terminal.stop()


def test_the_messages_show_beside_their_lines_and_k_quotes_the_source(terminal: Terminal) -> None:
    for line_text, message in MESSAGES.items():
        screen = terminal.wait_for(message)
        [row] = [line for line in screen.splitlines() if message in line]
        assert line_text in row, f"{message!r} is not beside {line_text!r}:\n{screen}"

    # K on "three": the cursor goes there as typed keys (-l: as text, or tmux would read
    # "f3"-like words as key names), and the hover opens with the source sentence.
    lines = DRAFT.read_text(encoding="utf-8").splitlines()
    [number] = [i for i, line in enumerate(lines, 1) if f" {HOVERED} " in line]
    column = lines[number - 1].index(f" {HOVERED} ") + 1
    terminal.run("send-keys", "-t", "factlint", "-l", f"{number}G0{column}lK")
    screen = terminal.wait_for(HOVER_SAYS)
    assert "quantity-mismatch" in screen
    for message in MESSAGES.values():
        assert message in screen, "the hover hides no other message"

    time.sleep(0.5)  # let the float finish drawing
    picture = render_png(terminal.screen(colours=True), COLUMNS, ROWS, ARTIFACTS / "neovim.png")
    assert picture.stat().st_size > 20_000
