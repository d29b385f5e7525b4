#!/usr/bin/env bash
# Every Debian package the editors' end-to-end tests need (those of install-code-server.sh,
# install-emacs.sh and install-terminal.sh), plus any named as arguments, in one apt-get
# update and one apt-get install: scripts/test runs this beside pip, and the per-editor
# scripts then find their packages present. Silent when everything is installed.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_apt "${APT_CODE_SERVER[@]}" "${APT_EMACS[@]}" "${APT_TERMINAL[@]}" "$@"
