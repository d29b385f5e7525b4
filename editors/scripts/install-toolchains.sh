#!/usr/bin/env bash
# The editors' toolchains after their Debian packages (install-apt.sh): Node 24 once, then
# code-server and the VS Code extension's build side by side, then the checks of the Emacs
# and terminal scripts (silent when install-apt.sh has run). scripts/test runs this in the
# background while ruff, mypy and the tests that need no code-server run: code-server's
# install is mostly native builds (sqlite3, spdlog, kerberos, ...) that keep one core busy
# for a few minutes, and nothing else waits for it but tests/editors/test_vscode.py.
set -euo pipefail
source "$(dirname "$0")/common.sh"
here="$(dirname "$0")"
ensure_node24  # before the two below, which would otherwise both install it into one folder

"$here/install-code-server.sh" &
code_server=$!
status=0
"$here/build-vscode.sh" || status=$?
wait "$code_server" || status=$?
[ "$status" -eq 0 ] || exit "$status"

"$here/install-emacs.sh"
"$here/install-terminal.sh"
