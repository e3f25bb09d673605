#!/usr/bin/env bash
# Start a throwaway real Ghost (installed by ghost-install.sh) on 127.0.0.1 with SQLite in its own
# state folder, create the owner and a custom integration, and write $GHOST_STATE/env with
# GHOST_URL and GHOST_ADMIN_API_KEY (id:secret). Any number can run at once (own port, own folder).
# Env: GHOST_PORT (required)  GHOST_STATE (required, an empty folder)
#      GHOST_VERSION (5.130.4)  GHOST_INSTALL_DIR (the cache folder ghost-install.sh uses)
#      GHOST_START_TIMEOUT (seconds, 180: a loaded machine takes far longer than the usual 5 s)
set -euo pipefail
PORT="${GHOST_PORT:?set GHOST_PORT}"
ST="${GHOST_STATE:?set GHOST_STATE}"
GHOST_VERSION=${GHOST_VERSION:-5.130.4}
GHOST_INSTALL_DIR=${GHOST_INSTALL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdesk/ghost-$GHOST_VERSION}
TIMEOUT=${GHOST_START_TIMEOUT:-180}
URL="http://127.0.0.1:$PORT"
HERE="$(cd "$(dirname "$0")" && pwd)"
[ -f "$GHOST_INSTALL_DIR/.newsdesk-installed" ] || { echo "Ghost is not installed in $GHOST_INSTALL_DIR (run tests/ghost/ghost-install.sh)" >&2; exit 1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "port $PORT already taken" >&2; exit 1; fi
mkdir -p "$ST"
cp -r "$GHOST_INSTALL_DIR/content" "$ST/content"
t0=$(date +%s)
# Its own session (process group), its PID written by itself: ghost-down.sh stops exactly this one.
(
  cd "$GHOST_INSTALL_DIR"
  export NODE_ENV=development url="$URL" server__host=127.0.0.1 server__port="$PORT" \
    database__client=sqlite3 database__connection__filename="$ST/content/data/ghost.db" \
    paths__contentPath="$ST/content" security__staffDeviceVerification=false \
    privacy__useUpdateCheck=false privacy__useGravatar=false privacy__useRpcPing=false \
    logging__level=warn logging__transports='["stdout"]' mail__transport=stub
  exec setsid sh -c 'echo $$ > "$0"; exec node index.js' "$ST/ghost.pid" >"$ST/ghost.log" 2>&1 </dev/null
) &
for _ in $(seq 1 100); do [ -s "$ST/ghost.pid" ] && break; sleep 0.02; done
PID=$(cat "$ST/ghost.pid")
fail() { echo "ghost-up: $*" >&2; tail -n 30 "$ST/ghost.log" >&2 || true; kill -KILL -- "-$PID" 2>/dev/null || true; exit 1; }
deadline=$(( t0 + TIMEOUT ))
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/ghost/api/admin/site/")" = 200 ]; do
  kill -0 "$PID" 2>/dev/null || fail "Ghost exited during start"
  [ "$(date +%s)" -lt "$deadline" ] || fail "no HTTP 200 within ${TIMEOUT}s"
  sleep 0.3
done
KEY=$(GHOST_URL="$URL" node "$HERE/ghost-setup.mjs") || fail "owner or integration could not be created"
printf 'GHOST_URL=%s\nGHOST_ADMIN_API_KEY=%s\n' "$URL" "$KEY" > "$ST/env.tmp" && mv "$ST/env.tmp" "$ST/env"
echo "[ghost-up] $URL ready after $(( $(date +%s) - t0 )) s (pid $PID)"
