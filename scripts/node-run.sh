#!/usr/bin/env bash
# Runs a TypeScript entry point (`node --import tsx FILE ARGS…`) on Node.js 24 when it can be had
# (scripts/node24.sh: $NODE24, `node` on PATH when it is 24, our cache, or the npm registry's runtime
# package), otherwise on the `node` on PATH, saying so. npm start, the bench and the soak use it, so the
# processes they start (worker, API) run on it too (they are spawned with process.execPath).
#
# Why 24: Node 24's AsyncLocalStorage no longer rides on async_hooks. On Node 20 every promise the
# workflow sandbox creates runs async_hooks' init and AsyncLocalStorage's propagation: a quarter of the
# workflow thread's CPU in a profile of 20 officers completing tasks. Measured with `npm run bench --
# --cases 2000 --tasks 20000 --completions 400` on this 2-core machine: decisions taken 41/s on 24
# against 26/s on 20, answers p95 334 ms against 425 ms, worker peak 1.1 GB against 2.5 GB
# (README "Benchmarks").
set -euo pipefail
cd "$(dirname "$0")/.."
if node_bin=$(bash scripts/node24.sh); then :; else
  echo "[node] Node.js 24 could not be had (scripts/node24.sh); running on $(node --version), slower" >&2
  node_bin=node
fi
# Anything the process starts as `node` runs on the same binary.
PATH="$(dirname "$(command -v "$node_bin")"):$PATH" exec "$node_bin" --import tsx "$@"
