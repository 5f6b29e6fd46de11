#!/usr/bin/env bash
# What the browser tests need from the system (test/helpers-browser.ts): a Chromium — $CHROMIUM_PATH, or
# else Debian's `chromium-headless-shell` at /usr/bin/chromium-headless-shell — and a CJK font, without
# which the console's Chinese renders as empty boxes. When missing, Debian's `chromium-headless-shell` and
# `fonts-noto-cjk` are installed with apt-get, as scripts/external-postgres.sh installs postgresql: as
# root only; otherwise it says what to run.
# `npm test` runs it (scripts/ensure-deps.sh --test).
set -euo pipefail
log() { echo "[browser-deps] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

chromium=${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}
has_chromium() { [ -x "$chromium" ]; }
# Any font covering Chinese will do; without fontconfig's fc-list (not a dependency of Chromium), look
# for the font files themselves.
has_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then
    fc-list :lang=zh family 2>/dev/null | grep -q .
  else
    find /usr/share/fonts /usr/local/share/fonts "$HOME/.fonts" "$HOME/.local/share/fonts" -iname '*cjk*' 2>/dev/null | grep -q .
  fi
}

missing=()
if ! has_chromium; then
  # A Chromium named on purpose is not replaced by Debian's.
  [ -z "${CHROMIUM_PATH:-}" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file"
  missing+=(chromium-headless-shell)
fi
has_cjk_font || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -gt 0 ] || exit 0

if [ "$(id -u)" -ne 0 ]; then
  die "the browser tests need ${missing[*]} and this is not root: run 'sudo apt-get install -y ${missing[*]}' (or set CHROMIUM_PATH to a Chromium binary)"
fi
command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them (set CHROMIUM_PATH to a Chromium binary; install a CJK font)"
log "installing ${missing[*]} from Debian (apt-get)…"
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
has_chromium || die "apt-get installed chromium-headless-shell but $chromium is not there"
has_cjk_font || die "apt-get installed fonts-noto-cjk but no font covering Chinese is found"
log "installed ${missing[*]}"
