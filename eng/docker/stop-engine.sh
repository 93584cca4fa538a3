#!/usr/bin/env bash
# Stops the dockerd that eng/docker/setup-engine.sh started, by the PID in its pidfile (never by
# name: an engine started some other way is left alone). Waits for it to exit; its managed
# containerd stops with it. No-op when it is not running, or when DOCKERDSL_KEEP_ENGINE=1.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"

pidfile=$ENGINE_DIR/engine.pid
if [ "${DOCKERDSL_KEEP_ENGINE:-0}" = 1 ]; then
  log "engine: left running (DOCKERDSL_KEEP_ENGINE=1)"
  exit 0
fi
pid=$(cat "$pidfile" 2>/dev/null || true)
if [ -z "$pid" ] || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != dockerd ]; then
  log "engine: no dockerd started by setup-engine.sh is running"
  rm -f "$pidfile"
  exit 0
fi
# Its children (the managed containerd) by PID, in case it has to be killed.
children=$(cat /proc/"$pid"/task/*/children 2>/dev/null || true)
log "engine: stopping dockerd PID $pid"
kill -TERM "$pid"
for _ in $(seq 1 120); do
  [ -d "/proc/$pid" ] || break
  sleep 0.5
done
if [ -d "/proc/$pid" ]; then
  log "engine: dockerd PID $pid did not stop within 60 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for c in $children; do
    [ -d "/proc/$c" ] && kill -KILL "$c" 2>/dev/null || true
  done
fi
rm -f "$pidfile"
log "engine: stopped"
