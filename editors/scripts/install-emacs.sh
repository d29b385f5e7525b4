#!/usr/bin/env bash
# Emacs 28 with eglot (Debian's emacs-nox and elpa-eglot), for the test that checks the
# eglot snippet in docs/editors.md. Silent when both are already installed.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_apt "${APT_EMACS[@]}"
