#!/usr/bin/env bash
# Build the VS Code extension offline from its lock file: npm ci, compile, lint, unit
# tests, and package editors/vscode/factlint.vsix. npm ci is skipped when node_modules
# already matches package-lock.json. The packager needs Node 22 or newer: the `node` on
# PATH when it is that new (any system, macOS too), else a private Node 24 (x86-64 Linux).
set -euo pipefail
source "$(dirname "$0")/common.sh"
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 22 ]; then
  ensure_node24
fi

cd "$(dirname "$0")/../vscode"
stamp=node_modules/.factlint-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)-$(node --version)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "editors: npm ci in editors/vscode"
  npm ci --silent --no-audit --no-fund
  echo "$want" > "$stamp"
fi
npx --no-install tsc -p .
npx --no-install eslint src test e2e
node --test --test-reporter=dot "out/test/**/*.test.js"
# vsce's advice to bundle is noise here; show its output only when it fails. The
# manifest names no repository: factlint has no public home to point at.
if ! log="$(npx --no-install vsce package --allow-missing-repository --out factlint.vsix 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
echo "editors: built editors/vscode/factlint.vsix"
