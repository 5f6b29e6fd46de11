#!/usr/bin/env bash
# Everything `npm start` and `npm test` need that a fresh clone lacks: node_modules (npm ci, redone when
# package-lock.json changes), the generated Prisma client, the Temporal CLI (cached in ~/.cache),
# (with --ui) the built console, and (with --test) Temporal's time-skipping test server for the workflow
# tier (a Maven Central jar run on Java, scripts/temporal-test-server.sh, cached in ~/.cache too),
# schemathesis for test/contract-fuzz.test.ts (a PyPI package in a private venv, cached in ~/.cache too)
# and the browser tests' Chromium and CJK font (Debian packages, scripts/browser-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[setup] $*" >&2; }
ui=; tests=
for arg in "$@"; do
  case "$arg" in
    --ui) ui=1 ;;
    --test) tests=1 ;;
    *) log "unknown option $arg"; exit 2 ;;
  esac
done

lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.install-stamp ] || [ "$(cat node_modules/.install-stamp)" != "$lock_sum" ]; then
  log "installing dependencies (npm ci)…"
  # --prefer-offline: what npm's cache holds is not revalidated against the registry (a third faster cold).
  npm ci --no-audit --no-fund --loglevel=error --prefer-offline
  echo "$lock_sum" > node_modules/.install-stamp
fi

newer() { [ ! -e "$1" ] || [ -n "$(find "${@:2}" -newer "$1" -type f 2>/dev/null | head -1)" ]; }
if newer prisma/generated/client.ts prisma/schema.prisma; then
  log "generating the Prisma client…"
  npx prisma generate >/dev/null
fi

bash scripts/temporal-cli.sh >/dev/null
if [ -n "$tests" ]; then
  bash scripts/temporal-test-server.sh >/dev/null
  bash scripts/schemathesis.sh >/dev/null
  bash scripts/browser-deps.sh
fi

if [ -n "$ui" ] && newer admin-ui/dist/index.html admin-ui/src admin-ui/index.html admin-ui/vite.config.ts package-lock.json; then
  log "building the console (admin-ui)…"
  npx vite build --config admin-ui/vite.config.ts --logLevel warn
fi
