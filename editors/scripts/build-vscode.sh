#!/usr/bin/env bash
# Build the VS Code extension offline from its lock file: npm ci, compile, lint, unit
# tests, and package editors/vscode/factlint.vsix. npm ci is skipped when node_modules
# already matches package-lock.json.
set -euo pipefail
source "$(dirname "$0")/common.sh"
ensure_node24

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
# vsce's advice to bundle is noise here; show its output only when it fails.
if ! log="$(npx --no-install vsce package --out factlint.vsix 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
echo "editors: built editors/vscode/factlint.vsix"
