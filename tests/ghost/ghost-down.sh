#!/usr/bin/env bash
# Stop a test Ghost started by ghost-up.sh by the PID in its state folder (never by process name,
# so other instances keep running). --purge also deletes its state (database, images).
set -uo pipefail
ST="${GHOST_STATE:?set GHOST_STATE}"
# A killed process stays a zombie until it is reaped: that counts as gone.
running() { local state; state="$(ps -o stat= -p "$1" 2>/dev/null)"; [[ -n $state && $state != Z* ]]; }
if [[ -s $ST/ghost.pid ]]; then
  pid="$(cat "$ST/ghost.pid")"
  if running "$pid"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 100); do running "$pid" || break; sleep 0.1; done
    if running "$pid"; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; echo "[ghost-down] SIGKILL $pid"; fi
    echo "[ghost-down] stopped Ghost (pid $pid)"
  fi
  rm -f "$ST/ghost.pid"
fi
if [[ ${1:-} == --purge ]]; then rm -rf "$ST"; echo "[ghost-down] purged $ST"; fi
