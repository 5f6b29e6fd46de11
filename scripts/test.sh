#!/usr/bin/env bash
# npm test: install what is missing, type-check, then every vitest suite (workflow, API, browser, the
# schemathesis contract fuzz) against a real Temporal dev server and a real PostgreSQL started by
# test/global-setup.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --ui --test
echo "[test] type-checking…"
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p admin-ui/tsconfig.json
exec npx vitest run "$@"
