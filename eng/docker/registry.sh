#!/usr/bin/env bash
# Local image registries for the lock tests: Debian's docker-registry (the CNCF distribution registry),
# listening on 127.0.0.1 only, in two instances:
#   anonymous  127.0.0.1:$DOCKERDSL_REGISTRY_PORT (default 5101): anyone may pull and push;
#   basic auth 127.0.0.1:$DOCKERDSL_REGISTRY_AUTH_PORT (default 5102): htpasswd (bcrypt), user
#              "dockerdsl" with a password made at each start; every request needs it (401 and
#              WWW-Authenticate: Basic otherwise).
# Plain HTTP: both are on the loopback interface, which Docker and BuildKit treat as insecure.
#
#   eng/docker/registry.sh start    installs docker-registry, skopeo and apache2-utils (htpasswd) from
#                                   apt when missing (needs root then), starts both instances with empty
#                                   storage, waits until they answer, and writes $DIR/registry.env
#   eng/docker/registry.sh stop     stops the instances this script started (by the PIDs in their
#                                   pidfiles; never by name)
#
# $DIR is $DOCKERDSL_REGISTRY_DIR (default /var/tmp/dockerdsl-registry). registry.env sets, for the tests:
#   DOCKERDSL_REGISTRY=127.0.0.1:5101  DOCKERDSL_REGISTRY_AUTH=127.0.0.1:5102
#   DOCKERDSL_REGISTRY_USER=dockerdsl  DOCKERDSL_REGISTRY_PASSWORD=<random>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"

DIR=${DOCKERDSL_REGISTRY_DIR:-/var/tmp/dockerdsl-registry}
PORT=${DOCKERDSL_REGISTRY_PORT:-5101}
AUTH_PORT=${DOCKERDSL_REGISTRY_AUTH_PORT:-5102}
USER_NAME=dockerdsl
REGISTRY=/usr/bin/docker-registry

pid_of() {
  local pid
  pid=$(cat "$DIR/$1.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = docker-registry ] && printf '%s\n' "$pid"
}

stop_one() {
  local pid
  if pid=$(pid_of "$1"); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      [ -d "/proc/$pid" ] || break
      sleep 0.1
    done
    log "registry $1: stopped (PID $pid)"
  fi
  rm -f "$DIR/$1.pid"
}

install_packages() {
  if [ -x "$REGISTRY" ] && command -v skopeo >/dev/null && command -v htpasswd >/dev/null; then
    return
  fi
  [ "$(id -u)" -eq 0 ] || die "docker-registry, skopeo or htpasswd is missing; run as root to install them"
  log "packages: installing docker-registry skopeo apache2-utils"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  # --no-install-recommends; and the package's own service must not be the one that answers: it is
  # not started here (policy-rc.d-less containers do not start it; on a machine with systemd it listens
  # on :5000, which these instances do not use).
  apt-get install -y -q --no-install-recommends docker-registry skopeo apache2-utils >&2
  [ -x "$REGISTRY" ] || die "docker-registry did not install"
}

# The HTTP status of GET /v2/ on 127.0.0.1:$1, or nothing when no one listens (bash's /dev/tcp: no curl needed).
v2_status() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 0
    printf 'GET /v2/ HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$1" >&3
    IFS=' ' read -r _ status _ <&3 && printf '%s\n' "$status"
  ) 2>/dev/null || true
}

# $1 name, $2 port, $3 extra YAML (the auth section) or empty.
start_one() {
  local name=$1 port=$2 auth=$3
  stop_one "$name"
  rm -rf "${DIR:?}/$name"
  mkdir -p "$DIR/$name/storage"
  cat > "$DIR/$name/config.yml" <<CONFIG
# Written by DockerDsl eng/docker/registry.sh.
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $DIR/$name/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
$auth
CONFIG
  setsid "$REGISTRY" serve "$DIR/$name/config.yml" >"$DIR/$name.log" 2>&1 </dev/null &
  echo $! > "$DIR/$name.pid"
  for _ in $(seq 1 100); do
    # /v2/ answers 200 (anonymous) or 401 (auth) once the registry listens.
    code=$(v2_status "$port")
    case $code in 200|401) log "registry $name: 127.0.0.1:$port answers (PID $(pid_of "$name"))"; return ;; esac
    pid_of "$name" >/dev/null || { tail -n 20 "$DIR/$name.log" >&2; die "registry $name exited; log: $DIR/$name.log"; }
    sleep 0.1
  done
  tail -n 20 "$DIR/$name.log" >&2
  die "registry $name did not answer on 127.0.0.1:$port within 10 s"
}

case ${1:-} in
  start)
    install_packages
    mkdir -p "$DIR"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    htpasswd -Bbn "$USER_NAME" "$password" > "$DIR/htpasswd" 2>/dev/null
    start_one anonymous "$PORT" ""
    start_one auth "$AUTH_PORT" "auth:
  htpasswd:
    realm: dockerdsl-tests
    path: $DIR/htpasswd"
    cat > "$DIR/registry.env" <<ENV
export DOCKERDSL_REGISTRY=127.0.0.1:$PORT
export DOCKERDSL_REGISTRY_AUTH=127.0.0.1:$AUTH_PORT
export DOCKERDSL_REGISTRY_USER=$USER_NAME
export DOCKERDSL_REGISTRY_PASSWORD=$password
ENV
    echo "DockerDsl registry environment: $DIR/registry.env"
    ;;
  stop)
    stop_one anonymous
    stop_one auth
    ;;
  *)
    die "usage: eng/docker/registry.sh start|stop"
    ;;
esac
