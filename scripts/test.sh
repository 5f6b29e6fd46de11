#!/usr/bin/env bash
# npm test: install what is missing, type-check and lint, then the vitest suites in two passes:
#   1. the whole suite once, on this machine's Node.js with the embedded PostgreSQL (embedded-postgres, in
#      a temp dir): the three tiers of vitest.config.ts, each starting only what it needs —
#      unit (no services), workflow (Temporal's time-skipping test server per file, test/helpers-time.ts,
#      and PostgreSQL) and integration (a real Temporal dev server and PostgreSQL, test/global-setup.ts:
#      API, browser, process and fault tests, and the schemathesis contract fuzz; its API suites whose
#      deadlines matter run on a time-skipping test server of their own);
#   2. the database-sensitive suites only (migrations and upgrades, schema drift, query plans, database
#      roles, and of the fault test the PostgreSQL kill alone, FAULT_KINDS=postgres: DB_SUITES below), on
#      Node.js 24 (the npm registry's runtime package, scripts/node24.sh) against an external PostgreSQL
#      server: $DATABASE_URL when set, otherwise Debian's postgresql started on a free port with its data
#      dir under tmp/ (scripts/external-postgres.sh) and removed afterwards.
# `npm test` passes only when every pass passes; each pass writes a JSON report to tmp/test-results/ and
# the end of the log names every failed test. Arguments (`npm test -- test/api.test.ts`) go to pass 1;
# pass 2 runs the database-sensitive suites among the files named (all of them when none is named).
# TEST_PASSES=embedded|external|both (default both) picks the passes. `npm run test:fast` runs the unit
# and workflow tiers alone (under two minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[test] $*"; }

passes="${TEST_PASSES:-both}"
case "$passes" in
  both) run_embedded=1; run_external=1 ;;
  embedded) run_embedded=1; run_external= ;;
  external) run_embedded=; run_external=1 ;;
  *) echo "[test] TEST_PASSES must be embedded, external or both (got '$passes')" >&2; exit 2 ;;
esac

# Pass 2's suites: those whose outcome depends on the PostgreSQL server and its version.
DB_SUITES=(test/upgrade.test.ts test/schema-drift.test.ts test/query-plans.test.ts test/database-roles.test.ts test/fault.test.ts)
# Files named on the command line narrow pass 2 to the database-sensitive ones among them (vitest reads
# each name as part of a path); options go to both passes (-t and --project with their values).
names=(); options=(); takes_value=
for a in "$@"; do
  if [ -n "$takes_value" ]; then options+=("$a"); takes_value=
  elif [[ "$a" == -* ]]; then options+=("$a"); case "$a" in -t|--testNamePattern|--project) takes_value=1 ;; esac
  else names+=("$a"); fi
done
db_args=()
for f in "${DB_SUITES[@]}"; do
  if [ ${#names[@]} -eq 0 ]; then db_args+=("$f"); continue; fi
  for a in "${names[@]}"; do if [[ "$f" == *"$a"* ]]; then db_args+=("$f"); break; fi; done
done
if [ -n "$run_external" ] && [ ${#names[@]} -gt 0 ] && [ ${#db_args[@]} -eq 0 ]; then
  log "pass 2 skipped: none of the files named is database-sensitive (${DB_SUITES[*]})"
  run_external=
fi
db_args+=(${options[@]+"${options[@]}"})
total=$(( ${run_embedded:-0} + ${run_external:-0} ))

bash scripts/ensure-deps.sh --ui --test
# Obtain Node.js 24 before the long first pass, so a missing runtime fails fast.
if [ -n "$run_external" ]; then node24=$(bash scripts/node24.sh); fi
# The three checks side by side (each leaves a core idle part of the time); their output in order.
log "type-checking (server, console) and linting (ESLint, Prettier)…"
checks=$(mktemp -d)
# Each check keeps what it learnt under node_modules/.cache (tsc's build info, ESLint's and Prettier's
# caches, keyed by content), so a warm run re-checks only what changed: the console's type check alone is
# ~20 s cold. The workflows are linted afresh each time: their promise rules read other files' types, which
# ESLint's cache does not track (package.json "lint"). A fresh clone (CI) starts without any cache.
npx tsc --noEmit -p tsconfig.json --incremental --tsBuildInfoFile node_modules/.cache/tsc/server.tsbuildinfo >"$checks/1" 2>&1 & p1=$!
npx tsc --noEmit -p admin-ui/tsconfig.json --incremental --tsBuildInfoFile node_modules/.cache/tsc/console.tsbuildinfo >"$checks/2" 2>&1 & p2=$!
npm run --silent lint >"$checks/3" 2>&1 & p3=$!
checks_failed=
for i in 1 2 3; do
  pid_var=p$i
  wait "${!pid_var}" || checks_failed=1
  cat "$checks/$i"
done
rm -rf "$checks"
if [ -n "$checks_failed" ]; then log "the type check or the lint failed (above)"; exit 1; fi

external_url="${DATABASE_URL:-}"
started_pg=
cleanup() { if [ -n "$started_pg" ]; then bash scripts/external-postgres.sh stop "$EXTERNAL_PG_DIR" || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

summary=()
failed=0
n=0
report_dir=tmp/test-results
mkdir -p "$report_dir"
run_pass() { # run_pass LABEL CMD…: one whole vitest run, timed, with a JSON report of its tests
  local label=$1 start status=0; shift
  n=$((n + 1))
  local report="$report_dir/pass-$n.json"
  rm -f "$report"
  log "pass $n/$total: $label"
  start=$(date +%s)
  "$@" --reporter=default --reporter=json --outputFile.json="$report" || status=$?
  local secs=$(( $(date +%s) - start ))
  local verdict=passed; [ "$status" -eq 0 ] || { verdict="FAILED (exit $status)"; failed=1; }
  summary+=("pass $n/$total ($label): $verdict in $((secs / 60)) min $((secs % 60)) s")
  log "${summary[${#summary[@]}-1]}"
  if [ "$status" -ne 0 ]; then
    local line
    while IFS= read -r line; do summary+=("$line"); log "$line"; done < <(node scripts/test-failures.mjs "$report")
  fi
  # vitest exits 130/143 itself on Ctrl-C or SIGTERM, so bash's own traps never see the signal: stop here.
  if [ "$status" -eq 130 ] || [ "$status" -eq 143 ]; then log "interrupted"; exit "$status"; fi
}

if [ -n "$run_embedded" ]; then
  # The fault test kills PostgreSQL in pass 2 (on the external server): pass 1 strikes the other parts.
  fault_kinds=; [ -n "$run_external" ] && fault_kinds=worker,temporal,api
  run_pass "Node $(node -p process.versions.node), embedded PostgreSQL" \
    env -u DATABASE_URL FAULT_KINDS="${FAULT_KINDS:-$fault_kinds}" npx vitest run "$@"
fi

if [ -n "$run_external" ]; then
  where=
  if [ -n "$external_url" ]; then
    where="PostgreSQL at \$DATABASE_URL ($(sed -E 's#^.*@([^/]+)/.*$#\1#' <<<"$external_url"))"
  elif pg_env=$(bash scripts/external-postgres.sh start); then
    eval "$pg_env"
    started_pg=1
    external_url=$DATABASE_URL
    where="PostgreSQL $EXTERNAL_PG_VERSION (Debian) at $(sed -E 's#^.*@([^/]+)/.*$#\1#' <<<"$external_url")"
  else
    n=$((n + 1)); failed=1
    summary+=("pass $n/$total (Node 24, external PostgreSQL): FAILED, the external PostgreSQL did not start")
    log "${summary[${#summary[@]}-1]}"
  fi
  # Node 24 first on PATH as well, so anything a test starts as `node` runs on it too.
  if [ -n "$where" ]; then
    run_pass "Node $("$node24" -p process.versions.node), external $where, database-sensitive suites" \
      env DATABASE_URL="$external_url" FAULT_KINDS=postgres PATH="$(dirname "$node24"):$PATH" "$node24" node_modules/vitest/vitest.mjs run "${db_args[@]}"
  fi
fi

if [ "$total" -gt 1 ]; then for line in "${summary[@]}"; do log "$line"; done; fi
exit "$failed"
