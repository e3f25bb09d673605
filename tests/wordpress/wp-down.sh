#!/usr/bin/env bash
# Stop a test WordPress started by wp-up.sh, using its PID files only (never by process name, so
# other instances keep running). --purge also deletes its state (database, uploads, credentials).
# The generic /etc/wordpress stubs stay: they are shared by every instance and hold no state.
set -uo pipefail
ST="${WP_STATE:?set WP_STATE}"

# With --purge the state is deleted anyway, so there is nothing to shut down cleanly: KILL at once.
SIGNAL=TERM; [[ ${1:-} == --purge ]] && SIGNAL=KILL

# A killed process stays a zombie until init reaps it, which can take seconds here: that counts as gone.
running() { local state; state="$(ps -o stat= -p "$1" 2>/dev/null)"; [[ -n $state && $state != Z* ]]; }

stop() {  # $1 = name, $2 = pid file; signal the process group we created with setsid, then KILL after 15 s
  local pf="$2" pid
  [[ -s $pf ]] || return 0
  pid="$(cat "$pf")"
  if running "$pid"; then
    kill -$SIGNAL -- "-$pid" 2>/dev/null || kill -$SIGNAL "$pid" 2>/dev/null
    for i in $(seq 1 300); do running "$pid" || break; sleep 0.05; done
    if running "$pid"; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; fi
    echo "[wp-down] stopped $1 (pid $pid)"
  fi
  rm -f "$pf"
}
stop php "$ST/php.pid"
stop mariadb "$ST/mariadb.pid"

if [[ ${1:-} == --purge ]]; then
  rm -rf "$ST"
  echo "[wp-down] purged $ST"
fi
