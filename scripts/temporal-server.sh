#!/usr/bin/env bash
# A self-hosted Temporal server persisted in PostgreSQL, set up the way a bureau would run its own
# (README "Deploying"): Temporal's server and its SQL schema tool built from the Go module proxy
# (go.temporal.io/server, cached in ~/.cache/campaign-cms), a PostgreSQL cluster of its own
# (scripts/external-postgres.sh) holding the `temporal` and `temporal_visibility` databases created and
# migrated by temporal-sql-tool from the module's own versioned schema, one process running all four
# services on free ports of 127.0.0.1, and the namespace and search attributes the workflows use
# (runtime/temporal-setup.ts). For the bench against a production-shaped Temporal:
#
#   bash scripts/temporal-server.sh run -- npm run bench -- --cases 2000   # TEMPORAL_ADDRESS set for CMD
#   eval "$(bash scripts/temporal-server.sh start)"   # exports TEMPORAL_ADDRESS, TEMPORAL_SERVER_DIR
#   bash scripts/temporal-server.sh stop [dir]         # stops the server and its PostgreSQL, removes both
#
# Only `export …` lines go to stdout; progress goes to stderr.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=run-around.sh
source "$ROOT/scripts/run-around.sh"
log() { echo "[temporal-server] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

VERSION=${TEMPORAL_SERVER_VERSION:-1.32.2}
CACHE_DIR="${CAMPAIGN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/campaign-cms}/temporal-server-$VERSION"
# The server's go.mod asks for Go 1.26.10 or newer, and this machine's Go may be older: the go command
# fetches the toolchain named here from the module proxy like any module (1.27.3: the newest the proxy
# served us; any release from 1.26.10 on builds it).
GO_TOOLCHAIN=${TEMPORAL_SERVER_GOTOOLCHAIN:-go1.27.3}

build() {
  if [ -x "$CACHE_DIR/temporal-server" ] && [ -x "$CACHE_DIR/temporal-sql-tool" ] && [ -d "$CACHE_DIR/schema" ]; then return; fi
  command -v go >/dev/null 2>&1 || die "Go is needed to build Temporal's server (go.temporal.io/server v$VERSION)"
  log "building Temporal server v$VERSION and temporal-sql-tool with go install (about 4 min on 2 cores)…"
  local gobin=$CACHE_DIR/gobin
  mkdir -p "$gobin"
  GOTOOLCHAIN=$GO_TOOLCHAIN CGO_ENABLED=0 GOBIN=$gobin go install \
    "go.temporal.io/server/cmd/server@v$VERSION" "go.temporal.io/server/cmd/tools/sql@v$VERSION" >&2
  # The SQL schema comes with the module's source, which go install left in the module cache.
  local src
  src="$(GOTOOLCHAIN=$GO_TOOLCHAIN go env GOMODCACHE)/go.temporal.io/server@v$VERSION/schema/postgresql/v12"
  [ -d "$src" ] || die "the module's PostgreSQL schema is missing from $src"
  rm -rf "$CACHE_DIR/schema.tmp" && cp -r "$src" "$CACHE_DIR/schema.tmp" && chmod -R u+w "$CACHE_DIR/schema.tmp"
  mv "$gobin/server" "$CACHE_DIR/temporal-server"
  mv "$gobin/sql" "$CACHE_DIR/temporal-sql-tool"
  mv "$CACHE_DIR/schema.tmp" "$CACHE_DIR/schema"
  rm -rf "$gobin"
}

# N distinct free ports of 127.0.0.1 below 32768: the cluster_membership table keeps ports as a smallint,
# and the kernel's ephemeral ports (what listening on port 0 gives) start above it. All are held until
# the last is found, so none is handed out twice.
free_ports() {
  node -e "
    const net = require('net'); const want = Number(process.argv[1]); const held = [];
    const next = () => {
      if (held.length === want) { console.log(held.map((s) => s.address().port).join(' ')); held.forEach((s) => s.close()); return; }
      const s = net.createServer(); const p = 20000 + Math.floor(Math.random() * 12000);
      s.once('error', next); s.listen(p, '127.0.0.1', () => { held.push(s); next(); });
    };
    next();" "$1"
}

start() {
  build
  local pg dir
  pg=$(bash "$ROOT/scripts/external-postgres.sh" start)
  eval "$pg"
  # Whatever stops the start half-way (an error, Ctrl-C) stops what it started too.
  trap 'stop_dir "$EXTERNAL_PG_DIR"' EXIT
  trap 'exit 130' INT TERM
  dir=$EXTERNAL_PG_DIR/temporal
  mkdir -p "$dir"
  # postgresql://user:password@127.0.0.1:port/db
  local rest=${DATABASE_URL#postgresql://} user password hostport port
  user=${rest%%:*}; rest=${rest#*:}; password=${rest%%@*}; rest=${rest#*@}; hostport=${rest%%/*}; port=${hostport##*:}
  local sql=("$CACHE_DIR/temporal-sql-tool" --plugin postgres12 --endpoint 127.0.0.1 --port "$port" --user "$user" --password "$password")
  for db in temporal:temporal temporal_visibility:visibility; do
    local name=${db%%:*} schema=${db#*:}
    log "creating and migrating $name (temporal-sql-tool, schema postgresql/v12/$schema)…"
    "${sql[@]}" --database "$name" create-database >"$dir/sql-$name.log" 2>&1 &&
      "${sql[@]}" --database "$name" setup-schema -v 0.0 >>"$dir/sql-$name.log" 2>&1 &&
      "${sql[@]}" --database "$name" update-schema -d "$CACHE_DIR/schema/$schema/versioned" >>"$dir/sql-$name.log" 2>&1 ||
      { cat "$dir/sql-$name.log" >&2; die "temporal-sql-tool failed for $name"; }
  done

  local frontend http metrics ports
  read -r -a ports <<<"$(free_ports 10)"
  frontend=${ports[0]}; http=${ports[1]}; metrics=${ports[2]}
  declare -A grpc membership
  grpc[frontend]=$frontend; grpc[history]=${ports[3]}; grpc[matching]=${ports[4]}; grpc[worker]=${ports[5]}
  membership[frontend]=${ports[6]}; membership[history]=${ports[7]}; membership[matching]=${ports[8]}; membership[worker]=${ports[9]}
  store() { # store NAME DB CONNS: one datastore of the config
    cat <<EOF
    $1:
      sql:
        pluginName: postgres12
        databaseName: $2
        connectAddr: "127.0.0.1:$port"
        connectProtocol: tcp
        user: "$user"
        password: "$password"
        maxConns: $3
        maxIdleConns: $3
        maxConnLifetime: 1h
EOF
  }
  # Temporal's config/development-postgres12.yaml, on free ports, without archival, and 10 connections
  # for visibility instead of 2 (the bench lists and counts workflows while it launches); 4 history
  # shards as in that file (a bureau's cluster picks its own, once: the count cannot change later).
  {
    cat <<EOF
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${TEMPORAL_HISTORY_SHARDS:-4}
  datastores:
EOF
    store default temporal 20
    store visibility temporal_visibility 10
    cat <<EOF
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: "127.0.0.1:$metrics"
services:
EOF
    for svc in frontend history matching worker; do
      printf '  %s:\n    rpc:\n      grpcPort: %s\n      membershipPort: %s\n      bindOnLocalHost: true\n' "$svc" "${grpc[$svc]}" "${membership[$svc]}"
      [ "$svc" = frontend ] && printf '      httpPort: %s\n' "$http"
    done
    cat <<EOF
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:$frontend"
dcRedirectionPolicy:
  policy: noop
EOF
  } >"$dir/config.yaml"
  chmod 600 "$dir/config.yaml"

  log "starting Temporal server v$VERSION (frontend 127.0.0.1:$frontend, metrics :$metrics)…"
  setsid "$CACHE_DIR/temporal-server" --config-file "$dir/config.yaml" --allow-no-auth start >"$dir/server.log" 2>&1 </dev/null &
  echo $! >"$dir/server.pid"
  export TEMPORAL_ADDRESS=127.0.0.1:$frontend
  # Registers the namespace (or finds it) and the search attributes once the frontend answers.
  local i
  for i in $(seq 1 120); do
    kill -0 "$(cat "$dir/server.pid")" 2>/dev/null || { tail -30 "$dir/server.log" >&2; die "the server exited during start"; }
    if (cd "$ROOT" && node --import tsx runtime/temporal-setup.ts >&2 2>"$dir/setup.log"); then break; fi
    [ "$i" -lt 120 ] || { tail -30 "$dir/setup.log" "$dir/server.log" >&2; die "the server did not become ready"; }
    sleep 1
  done
  trap - EXIT INT TERM
  echo "export TEMPORAL_ADDRESS='127.0.0.1:$frontend'"
  echo "export TEMPORAL_SERVER_DIR='$EXTERNAL_PG_DIR'"
  echo "export TEMPORAL_SERVER_METRICS='http://127.0.0.1:$metrics/metrics'"
}

stop_dir() {
  local dir=$1
  if [ -f "$dir/temporal/server.pid" ]; then
    local pid
    pid=$(cat "$dir/temporal/server.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  bash "$ROOT/scripts/external-postgres.sh" stop "$dir"
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop)
    d=${2:-${TEMPORAL_SERVER_DIR:-}}
    [ -n "$d" ] || die "stop: which server? pass its dir or set TEMPORAL_SERVER_DIR"
    stop_dir "$d"
    ;;
  run)
    shift
    run_around start stop_dir TEMPORAL_SERVER_DIR "$@"
    ;;
  *) echo "usage: $0 build | start | stop [dir] | run -- CMD ARGS…" >&2; exit 2 ;;
esac
