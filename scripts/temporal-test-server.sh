#!/usr/bin/env bash
# Prints the path of a launcher for Temporal's time-skipping test server on stdout (progress goes to
# stderr); the fast tier's workflow tests hand it to TestWorkflowEnvironment.createTimeSkipping() as an
# existing executable (test/helpers-time.ts). The SDK's own download of that server (a native binary)
# needs the internet; its Java implementation is on Maven Central (io.temporal:temporal-test-server), so
# we copy that jar and its dependencies with Maven (scripts/temporal-test-server/pom.xml) into our cache
# (~/.cache/campaign-cms, or $CAMPAIGN_CACHE_DIR) and write a small shell launcher that runs it on Java.
# The SDK execs the launcher as `<launcher> <port> [extra args]`, the arguments the server's main takes.
# Needs Java >= 11 and Maven (installed from Debian when missing, as root).
set -euo pipefail

VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.38.0}"
CACHE_DIR="${CAMPAIGN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/campaign-cms}"
DIR="$CACHE_DIR/temporal-test-server-$VERSION"
LAUNCHER="$DIR/temporal-test-server"
STAMP="$DIR/.installed" # written last: a dir without it is an interrupted install
POM="$(cd "$(dirname "$0")" && pwd)/temporal-test-server/pom.xml"
log() { echo "[temporal-test-server] $*" >&2; }
found() { echo "$LAUNCHER"; exit 0; }
ARCHIVE="$DIR/classes.jsa"
# The launcher's generation: a launcher of an older one is written again (the jars stay).
LAUNCHER_MARK="launcher generation 2 (class data sharing)"
jars() { [ -f "$STAMP" ] && [ -f "$DIR/lib/temporal-test-server-$VERSION.jar" ]; }
ready() { jars && [ -x "$LAUNCHER" ] && grep -q "$LAUNCHER_MARK" "$LAUNCHER"; }

if [ -n "${TEMPORAL_TEST_SERVER:-}" ]; then
  [ -x "$TEMPORAL_TEST_SERVER" ] && { echo "$TEMPORAL_TEST_SERVER"; exit 0; }
  log "ERROR: \$TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER is not an executable"; exit 1
fi
ready && found

mkdir -p "$CACHE_DIR"
# Two runs at once (npm test's setup and a lone vitest run) must not fill the same dir together.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_DIR/.temporal-test-server.lock"
  flock 9
  ready && found
fi

start=$(date +%s)
# Java and Maven from Debian when missing, as scripts/browser-deps.sh installs Chromium: as root only.
if ! jars; then
  missing=()
  { [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; } || command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      log "ERROR: the test server needs Java (>= 11) and Maven: run 'sudo apt-get install -y ${missing[*]}'"; exit 1
    fi
    log "installing ${missing[*]} from Debian (apt-get)…"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
java=$(command -v java || true)
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"
[ -n "$java" ] || { log "ERROR: no java found: install Java >= 11 (e.g. 'sudo apt-get install -y default-jre-headless')"; exit 1; }

if ! jars; then
  log "fetching io.temporal:temporal-test-server:$VERSION and its dependencies from Maven Central…"
  rm -rf "$DIR"
  mkdir -p "$DIR/lib"
  if ! mvn -q -B -f "$POM" -Dtemporal.test.server.version="$VERSION" dependency:copy-dependencies \
       -DincludeScope=runtime -DoutputDirectory="$DIR/lib" >"$CACHE_DIR/temporal-test-server-mvn.log" 2>&1; then
    cat "$CACHE_DIR/temporal-test-server-mvn.log" >&2
    log "ERROR: Maven could not fetch io.temporal:temporal-test-server:$VERSION"; rm -rf "$DIR"; exit 1
  fi
  echo "$VERSION" > "$STAMP"
fi

# The launcher. The SDK gives the server 5 s to answer, on a machine that may be busy: C1 only
# (-XX:TieredStopAtLevel=1) and the serial collector start a JVM fastest (about 1.3 s to the first answer
# on an idle 2-core machine, against over 3 s with the defaults), and an archive of the classes the server
# loads (class data sharing, JDK 13+'s -XX:ArchiveClassesAtExit) cuts that to about 0.6 s and a third of
# the CPU: the workflow tier starts a server per file. The archive comes from one training run here: the
# server started, asked once (a TCP connect) and stopped. Without it (an older JDK, a failed run) the
# launcher runs as before; -Xshare:auto ignores an archive the JVM cannot use.
JVM_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if [ ! -f "$ARCHIVE" ]; then
  log "recording the server's classes for class data sharing…"
  port=$((20000 + RANDOM % 20000))
  "$java" -XX:ArchiveClassesAtExit="$ARCHIVE.tmp" $JVM_OPTS -cp "$DIR/lib/*" io.temporal.testserver.TestServer "$port" --enable-time-skipping >"$CACHE_DIR/temporal-test-server-cds.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -s "$ARCHIVE.tmp" ]; then mv "$ARCHIVE.tmp" "$ARCHIVE"; else rm -f "$ARCHIVE.tmp"; log "no class archive (see $CACHE_DIR/temporal-test-server-cds.log): the launcher runs without one"; fi
fi
# Only a launcher with its archive is marked as of this generation: without one, the next run tries again.
share=; mark="no class archive yet"
[ -f "$ARCHIVE" ] && share="-XX:SharedArchiveFile=$ARCHIVE -Xshare:auto" && mark=$LAUNCHER_MARK
cat > "$LAUNCHER.tmp" <<LAUNCHER
#!/bin/sh
# Temporal's time-skipping test server $VERSION on Java (written by scripts/temporal-test-server.sh,
# $mark).
# Usage: temporal-test-server <port> [--enable-time-skipping]
exec "$java" $JVM_OPTS $share -cp "$DIR/lib/*" io.temporal.testserver.TestServer "\$@"
LAUNCHER
chmod +x "$LAUNCHER.tmp" && mv "$LAUNCHER.tmp" "$LAUNCHER"
log "installed in $(($(date +%s) - start)) s: $LAUNCHER"
found
