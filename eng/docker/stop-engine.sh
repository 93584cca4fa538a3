#!/usr/bin/env bash
# Gives back the caller's lease (taken by eng/docker/setup-engine.sh from the same process: the same
# .ci/run or shell) and stops the dockerd that setup-engine.sh started, by the PID in its pidfile
# (never by name: an engine started some other way is left alone), when no other caller that still
# runs holds a lease: concurrent CI runs, benchmarks and shells sharing the engine never lose it
# halfway; the last one stops it. `--any-caller` stops it regardless of leases.
# Waits for it to exit; its managed containerd stops with it. No-op when it is not running, or when
# DOCKERDSL_KEEP_ENGINE=1.
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
leases=$ENGINE_DIR/leases
# The caller is the parent process, or this very process when a shell exec'd the script as its last
# command (`bash -c '...; eng/docker/stop-engine.sh'`).
rm -f "$leases/$PPID" "$leases/$$"
holders=''
for lease in "$leases"/*; do
  [ -e "$lease" ] || continue
  holder=$(basename "$lease")
  if [ -d "/proc/$holder" ]; then holders+=" $holder"; else rm -f "$lease"; fi
done
if [ "${1:-}" != --any-caller ] && [ -n "$holders" ]; then
  log "engine: dockerd PID $pid is still used by caller PID(s)$holders; left running (--any-caller stops it)"
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
