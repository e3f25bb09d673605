#!/usr/bin/env bash
# Starts a throwaway Redis (Debian's redis-server) in a fresh temp folder on a Unix socket only (no TCP
# port, no persistence). Prints: REDIS_DIR=...  REDIS_PID=...  REDIS_SOCKET=...  REDIS_URL=unix://SOCKET
set -euo pipefail
DIR=$(mktemp -d "${TMPDIR:-/tmp}/redis-run.XXXXXX")
redis-server --port 0 --unixsocket "$DIR/redis.sock" --unixsocketperm 700 --save '' --appendonly no \
  --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --dir "$DIR"
for _ in $(seq 1 50); do [ -S "$DIR/redis.sock" ] && [ -s "$DIR/redis.pid" ] && break; sleep 0.1; done
[ -S "$DIR/redis.sock" ] || { echo "redis did not start" >&2; cat "$DIR/redis.log" >&2; exit 1; }
echo "REDIS_DIR=$DIR"
echo "REDIS_PID=$(cat "$DIR/redis.pid")"
echo "REDIS_SOCKET=$DIR/redis.sock"
echo "REDIS_URL=unix://$DIR/redis.sock"
