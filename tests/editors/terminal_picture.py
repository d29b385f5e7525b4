"""A terminal screen as a picture: tmux's `capture-pane -e` (text with its colours) to PNG.

The screen is turned into an HTML page of one monospaced cell per character (rich
reads the escape sequences and writes the styles inline), and Debian's chromium,
which the VS Code test installs anyway, screenshots the page. Everything is local:
no font or script is fetched.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from rich.console import Console
from rich.text import Text

CHROMIUM = "/usr/bin/chromium"
FONT_PX = 14
CELL_WIDTH_PX = 8.43
"""DejaVu Sans Mono's advance at 14 px: the page is sized from it."""
LINE_PX = 17
PADDING_PX = 12
BACKGROUND = "#14161b"
"""Neovim's default dark background (NvimDarkGrey2), for cells that name no colour."""
FOREGROUND = "#e0e2ea"

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; background: BACKGROUND; }}
pre {{ margin: 0; padding: PADDINGpx; color: FOREGROUND; background: BACKGROUND;
  font: FONTpx/LINEpx "DejaVu Sans Mono", monospace; font-variant-ligatures: none; }}
</style></head><body><pre>{code}</pre></body></html>
"""
"""rich's `export_html` template (its own `{code}`; braces doubled); the capitals are ours."""


def screen_html(ansi: str, columns: int) -> str:
    """The captured screen as an HTML page."""
    console = Console(
        record=True, width=columns, force_terminal=True, color_system="truecolor", file=io.StringIO()
    )
    for line in ansi.splitlines():
        console.print(Text.from_ansi(line), no_wrap=True, overflow="crop", crop=True)
    values = {"BACKGROUND": BACKGROUND, "FOREGROUND": FOREGROUND, "PADDING": PADDING_PX}
    values |= {"FONT": FONT_PX, "LINE": LINE_PX}
    template = PAGE
    for name, value in values.items():
        template = template.replace(name, str(value))
    return console.export_html(inline_styles=True, code_format=template)


def render_png(ansi: str, columns: int, rows: int, png: Path) -> Path:
    """Write the screen `ansi` (columns x rows cells) to `png` with headless chromium."""
    width = int(columns * CELL_WIDTH_PX) + 2 * PADDING_PX + 2
    height = rows * LINE_PX + 2 * PADDING_PX
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "screen.html"
        page.write_text(screen_html(ansi, columns), encoding="utf-8")
        subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--hide-scrollbars",
                f"--user-data-dir={Path(scratch) / 'profile'}",
                f"--window-size={width},{height}",
                f"--screenshot={png}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return png
