#!/usr/bin/env bash
# tmux and a monospaced font, for the test that runs Neovim in a terminal, reads its screen
# and renders it to a picture (tests/editors/test_neovim_screen.py). Silent when present.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_apt "${APT_TERMINAL[@]}"
