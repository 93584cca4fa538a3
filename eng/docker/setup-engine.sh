#!/usr/bin/env bash
# Sets up a local Docker engine with BuildKit for the end-to-end tests and the benchmarks, then the
# base images (eng/docker/base-images.sh). Idempotent: what is installed, running or built stays.
#
#   eng/docker/setup-engine.sh [--no-base-images]
#
# 1. Installs Debian's docker.io, docker-cli and docker-buildx from Debian 13 (trixie), whose engine
#    (26.1) and buildx (0.13) understand heredocs, COPY --link, RUN --network and
#    HEALTHCHECK --start-interval; Debian 12's 20.10 does not. The trixie suite is added with apt pin
#    priority 1, so nothing else on the machine ever comes from it, and only those three packages are
#    asked for by name (pkg/trixie). `apt-get install -t trixie` would also upgrade libc6, systemd and
#    python3 of the machine to trixie's: not done on purpose.
# 2. Starts dockerd in the background (default options: overlay2, default bridge) with its pidfile
#    and log in $DOCKERDSL_ENGINE_DIR (printed), and waits until `docker info` answers.
#    The caller (by its PID) gets a lease; eng/docker/stop-engine.sh, called by the same process,
#    gives it back and stops the engine by that PID when no live caller holds a lease any more.
# Needs root. Only Debian's package mirror is used (no image registry is reachable).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"

base_images=1
for arg in "$@"; do
  case $arg in
    --no-base-images) base_images=0 ;;
    *) die "unknown argument: $arg" ;;
  esac
done
[ "$(id -u)" -eq 0 ] || die "run as root (installs packages and starts dockerd)"

started=$(date +%s)

# --- 1. packages ------------------------------------------------------------------------------
have_packages() {
  [ -x "$DOCKER" ] && [ -x "$DOCKERD" ] && command -v debootstrap >/dev/null \
    && [ -x /usr/libexec/docker/cli-plugins/docker-buildx ] \
    && dpkg-query -W -f='${Version}' docker.io 2>/dev/null | grep -qvE '^20\.'
}

if have_packages; then
  log "packages: docker.io $(dpkg-query -W -f='${Version}' docker.io), docker-buildx $(dpkg-query -W -f='${Version}' docker-buildx) already installed"
else
  mirror=$(debian_mirror "$DEBIAN_SUITE")
  keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  log "packages: adding trixie from $mirror with pin priority 1"
  cat > /etc/apt/sources.list.d/dockerdsl-trixie.sources <<SOURCES
# Added by DockerDsl eng/docker/setup-engine.sh: docker.io/docker-buildx from Debian 13 only (see the pin).
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: $keyring
SOURCES
  cat > /etc/apt/preferences.d/dockerdsl-trixie <<'PIN'
# Added by DockerDsl eng/docker/setup-engine.sh: never take a package from trixie unless asked by name.
Package: *
Pin: release n=trixie
Pin-Priority: 1
PIN
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  # The distribution's init scripts must not start a second engine: dockerd is started below.
  apt-get install -y -q --no-install-recommends \
    docker.io/trixie docker-cli/trixie docker-buildx/trixie debootstrap >&2
  have_packages || die "docker.io 26 / docker-buildx / debootstrap did not install"
  log "packages: installed docker.io $(dpkg-query -W -f='${Version}' docker.io)"
fi

# --- 2. engine --------------------------------------------------------------------------------
mkdir -p "$ENGINE_DIR"
pidfile=$ENGINE_DIR/engine.pid     # written here: the PID stop-engine.sh stops
logfile=$ENGINE_DIR/dockerd.log

our_dockerd_pid() {
  local pid
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] && printf '%s\n' "$pid"
}

if engine_up; then
  if pid=$(our_dockerd_pid); then
    log "engine: already running (dockerd PID $pid, started by this script)"
  else
    log "engine: a Docker engine not started by this script already answers; using it"
  fi
else
  if pid=$(our_dockerd_pid); then
    log "engine: dockerd PID $pid is starting; waiting"
  else
    log "engine: starting dockerd (log $logfile)"
    # setsid: its own session, so the caller's terminal or CI step signals never reach it.
    setsid "$DOCKERD" --pidfile "$ENGINE_DIR/dockerd.pid" >>"$logfile" 2>&1 </dev/null &
    echo $! > "$pidfile"
  fi
  for _ in $(seq 1 120); do
    engine_up && break
    pid=$(our_dockerd_pid) || { tail -n 30 "$logfile" >&2; die "dockerd exited; log: $logfile"; }
    sleep 0.5
  done
  engine_up || { tail -n 30 "$logfile" >&2; die "dockerd did not answer within 60 s; log: $logfile"; }
  log "engine: dockerd PID $(our_dockerd_pid) answers"
fi
"$DOCKER" version --format 'engine: server {{.Server.Version}}, client {{.Client.Version}}' >&2
"$DOCKER" buildx version >&2

# A lease for the caller (the shell or .ci/run that ran this script, by PID): stop-engine.sh stops
# the engine only when no caller that still runs holds one, so a CI run, a benchmark or a shell that
# share the engine never lose it halfway.
mkdir -p "$ENGINE_DIR/leases"
echo "leased $(date -u +%FT%TZ)" > "$ENGINE_DIR/leases/$PPID"

# The folder with the pidfile and the log, for the caller.
echo "DockerDsl engine folder: $ENGINE_DIR"

if [ "$base_images" -eq 1 ]; then
  "$here/base-images.sh"
fi
log "setup done in $(( $(date +%s) - started )) s"
