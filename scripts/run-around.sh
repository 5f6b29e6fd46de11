# Sourced by the scripts that start a throwaway server (external-postgres.sh, temporal-server.sh) for
# their `run -- CMD…`: start it, run CMD with what `start` exported, and always stop it, on Ctrl-C too.
#   run_around START STOP DIR_VAR -- CMD ARGS…   (STOP is called with the value of $DIR_VAR)
run_around() {
  local start=$1 stop=$2 dir_var=$3 out status=0
  shift 3
  [ "${1:-}" = -- ] && shift
  [ $# -gt 0 ] || { echo "run: no command given" >&2; exit 2; }
  # A failed start prints no exports, and an eval of nothing succeeds: check the start itself.
  out=$("$start") || exit 1
  eval "$out"
  trap "$(printf '%q ' "$stop" "${!dir_var}")" EXIT
  trap 'exit 130' INT TERM
  "$@" || status=$?
  exit "$status"
}
