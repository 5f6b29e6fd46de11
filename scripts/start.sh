#!/usr/bin/env bash
# npm start: install what is missing, then bring the whole system up (runtime/start.ts). Arguments go
# through to it: `npm start -- --demo` seeds the demo on a DATABASE_URL database too.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --ui
exec node --import tsx runtime/start.ts "$@"
