#!/usr/bin/env bash
# npm start: install what is missing, then bring the whole system up (runtime/start.ts). Arguments go
# through to it: `npm start -- --demo` seeds the demo on a DATABASE_URL database too.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh --ui
# On Node.js 24 when it can be had: the worker takes decisions faster and in less memory (scripts/node-run.sh).
exec bash scripts/node-run.sh runtime/start.ts "$@"
