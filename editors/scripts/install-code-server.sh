#!/usr/bin/env bash
# Install what the VS Code end-to-end test needs, from nothing, idempotently:
#   - Debian packages: chromium (driven by puppeteer-core), libkrb5-dev and
#     pkg-config (a native module of code-server builds against them);
#   - Node 24 in a scratch folder (code-server requires it);
#   - code-server, a full VS Code build, from the npm registry.
# Prints one line per step it actually performs; a rerun with everything present is silent.
set -euo pipefail
source "$(dirname "$0")/common.sh"
CODE_SERVER_VERSION="${FACTLINT_CODE_SERVER_VERSION:-4.139.1}"

ensure_apt "${APT_CODE_SERVER[@]}"
ensure_node24

CS_BIN="$TOOLS/code-server/bin/code-server"
CS_PKG="$TOOLS/code-server/lib/node_modules/code-server/package.json"
# (Checked from package.json: `code-server --version` would write a config into $HOME.)
if ! [ -x "$CS_BIN" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS_PKG" 2>/dev/null; then
  echo "editors: installing code-server $CODE_SERVER_VERSION into $TOOLS/code-server (native builds take a few minutes)"
  rm -rf "$TOOLS/code-server"
  # npm 11 blocks dependency install scripts; code-server's native modules need theirs.
  npm_config_dangerously_allow_all_scripts=true \
    npm install -g --silent --no-audit --no-fund --prefix "$TOOLS/code-server" "code-server@$CODE_SERVER_VERSION"
fi
